import { describe, expect, it } from "vitest";
import { exact } from "../../src/arithmetic/exact.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { sweepWeight, totalAt } from "../../src/sensitivity/weight-sweep.js";
import { loadExample } from "../example-tender.js";
import { aTender } from "../builders.js";

/*
 * Price 40 (lowest ÷ price), quality 60 (Q1, Q2 50% each).
 * A: £200, scores 5 and 5 → price share 100/200 = 0.5, quality share 1.   Total 20 + 60 = 80.
 * B: £100, scores 5 and 0 → price share 1, quality share 0.5.              Total 40 + 30 = 70.
 * Sweeping price weight w, quality gets 100 − w:
 *   A(w) = 0.5w + (100 − w) × 1   = 100 − 0.5w
 *   B(w) = 1w   + (100 − w) × 0.5 = 50 + 0.5w
 * Break-even: 100 − 0.5w = 50 + 0.5w  →  w = 50. Above 50% price, B wins.
 */
describe("weight sweep, checked against hand-solved linear equations", () => {
  const outcome = scoreTender(
    aTender()
      .withPrice(40)
      .withQuality(60, { Q1: 50, Q2: 50 })
      .withBids({ id: "A", price: 200, scores: { Q1: [5], Q2: [5] } }, { id: "B", price: 100, scores: { Q1: [5], Q2: [0] } })
      .build(),
  );
  if (!outcome.ok) throw new Error("should score");
  const sweep = sweepWeight(outcome.value, "price");

  it("gives each bid's total as a line in the swept weight", () => {
    const lines = Object.fromEntries(sweep.lines.map((l) => [l.bidId, [l.intercept.toFraction(), l.slope.toFraction()]]));
    expect(lines).toEqual({ A: ["100", "-1/2"], B: ["50", "1/2"] });
    // The lines pass through today's totals at today's weight.
    expect(totalAt(sweep.lines.find((l) => l.bidId === "A")!, exact(40)).toFraction()).toBe("80");
  });

  it("solves the break-even weight exactly", () => {
    expect(sweep.breakEvens.map((b) => [b.weight.toFraction(), b.above, b.below])).toEqual([["50", "B", "A"]]);
  });

  it("gives the interval in which the current leader stays first", () => {
    expect(sweep.leaderStability).toEqual({ leader: "A", from: exact(0), to: exact(50) });
  });

  it("sweeping quality gives the mirror image: B leads below 50% quality", () => {
    const q = sweepWeight(outcome.value, "quality");
    expect(q.breakEvens.map((b) => [b.weight.toFraction(), b.above, b.below])).toEqual([["50", "A", "B"]]);
  });
});

describe("the bundled example", () => {
  it("every break-even point is where the two lines really cross", () => {
    const outcome = scoreTender(loadExample());
    if (!outcome.ok) throw new Error("example must score");
    for (const section of ["price", "quality", "socialValue", "userPanel"] as const) {
      const sweep = sweepWeight(outcome.value, section);
      for (const b of sweep.breakEvens) {
        const above = sweep.lines.find((l) => l.bidId === b.above)!;
        const below = sweep.lines.find((l) => l.bidId === b.below)!;
        expect(totalAt(above, b.weight).equals(totalAt(below, b.weight))).toBe(true);
        expect(totalAt(above, b.weight.add(1)).compare(totalAt(below, b.weight.add(1)))).toBeGreaterThan(0);
      }
      // At today's weight the lines give today's totals exactly.
      for (const line of sweep.lines) {
        expect(totalAt(line, sweep.currentWeight).equals(outcome.value.bids.find((x) => x.bidId === line.bidId)!.total)).toBe(true);
      }
    }
  });

  it("the DDPO keeps first place until price carries more than a solved weight", () => {
    const outcome = scoreTender(loadExample());
    if (!outcome.ok) throw new Error("example must score");
    const sweep = sweepWeight(outcome.value, "price");
    expect(sweep.leaderStability!.leader).toBe("B1");
    expect(sweep.leaderStability!.from.toFraction()).toBe("0");
    expect(sweep.leaderStability!.to.compare(30)).toBeGreaterThan(0);
  });
});

describe("the example's price break-even, solved by hand", () => {
  /*
   * DDPO: price share 860,000 ÷ 1,015,000; other sections 789/20 + 14 + 85/9 points of their 70.
   * National provider: price share 1; other sections 129/4 + 6 + 40/9.
   * With price weight w the rest scale by (100 − w) ÷ 70; equating the two totals gives
   * w = 292900/4479 ≈ 65.39% (worked with Python's fractions module).
   */
  it("the national provider overtakes the DDPO when price carries 292900/4479 ≈ 65.4% of the marks", () => {
    const outcome = scoreTender(loadExample());
    if (!outcome.ok) throw new Error("example must score");
    const sweep = sweepWeight(outcome.value, "price");
    const crossing = sweep.breakEvens.find((b) => b.above === "B2" && b.below === "B1")!;
    expect(crossing.weight.toFraction()).toBe("292900/4479");
    expect(sweep.leaderStability!.to.toFraction()).toBe("292900/4479");
  });
});
