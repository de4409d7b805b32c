import { describe, expect, it } from "vitest";
import { exact } from "../../src/arithmetic/exact.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { firstPlaceInterval, sweepWeight, totalAt, type WeightingProblem } from "../../src/sensitivity/weight-sweep.js";
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
    expect(sweep.leaders).toEqual([{ bidId: "A", from: exact(0), to: exact(50) }]);
  });

  it("sweeping quality gives the mirror image: B leads below 50% quality", () => {
    const q = sweepWeight(outcome.value, "quality");
    expect(q.breakEvens.map((b) => [b.weight.toFraction(), b.above, b.below])).toEqual([["50", "A", "B"]]);
  });
});

/*
 * Price 40, quality 60, with shares given directly:
 *   A (price 0.5, quality 1):   A(w) = 0.5w + (100 − w)       = 100 − 0.5w
 *   B (price 1,   quality 0.5): B(w) = w + 0.5(100 − w)       = 50 + 0.5w
 *   C (price 0.8, quality 0.8): C(w) = 0.8w + 0.8(100 − w)    = 80
 * A ≥ B ⇔ w ≤ 50; A ≥ C ⇔ w ≤ 40; B ≥ C ⇔ w ≥ 60. So A is first on [0, 40], C on [40, 60], B on [60, 100].
 * With D (price 0.4, quality 0.4), D(w) = 40, below C everywhere: never first.
 */
describe("the weights at which a bid comes first, checked against hand-solved inequalities", () => {
  const share = (price: number, quality: number) => new Map([["price", exact(price)], ["quality", exact(quality)]] as const);
  const problem: WeightingProblem = {
    weights: new Map([["price", exact(40)], ["quality", exact(60)]]),
    bids: [
      { bidId: "A", bidder: "A", shares: share(0.5, 1) },
      { bidId: "B", bidder: "B", shares: share(1, 0.5) },
      { bidId: "C", bidder: "C", shares: share(0.8, 0.8) },
      { bidId: "D", bidder: "D", shares: share(0.4, 0.4) },
    ],
  };
  const sweep = sweepWeight(problem, "price");
  const interval = (id: string) => {
    const i = firstPlaceInterval(sweep, id);
    return i && [i.from.toFraction(), i.to.toFraction()];
  };

  it("is an exact interval for each bid that can win, and undefined for one that never can", () => {
    expect(interval("A")).toEqual(["0", "40"]);
    expect(interval("C")).toEqual(["40", "60"]);
    expect(interval("B")).toEqual(["60", "100"]);
    expect(interval("D")).toBeUndefined();
  });

  /*
   * Break-even points in range: A–C at 40, A–B at 50, B–C at 60 (D never crosses anyone). At the middle
   * of each segment: 20 → A 90, C 80, B 60; 45 → C 80, A 77.5, B 72.5; 55 → C 80, B 77.5, A 72.5;
   * 80 → B 90, C 80, A 60; D is always last on 40.
   */
  it("gives the ranking in each segment between break-even points", () => {
    expect(sweep.segments.map((seg) => [seg.from.toFraction(), seg.to.toFraction(), seg.ranking.map((r) => `${r.rank}${r.bidId}`).join(" ")])).toEqual([
      ["0", "40", "1A 2C 3B 4D"],
      ["40", "50", "1C 2A 3B 4D"],
      ["50", "60", "1C 2B 3A 4D"],
      ["60", "100", "1B 2C 3A 4D"],
    ]);
  });

  it("a bid level with another everywhere shares its interval; one below it everywhere has none", () => {
    const twin = sweepWeight({ ...problem, bids: [...problem.bids, { bidId: "C2", bidder: "C2", shares: share(0.8, 0.8) }] }, "price");
    expect(firstPlaceInterval(twin, "C2")).toEqual(firstPlaceInterval(twin, "C"));
    const lower = sweepWeight({ ...problem, bids: [...problem.bids, { bidId: "C3", bidder: "C3", shares: share(0.79, 0.79) }] }, "price");
    expect(firstPlaceInterval(lower, "C3")).toBeUndefined();
  });
});

describe("the bundled example", () => {
  it("each bid's first-place interval holds exactly the weights (on a 0.1% grid) at which it is first", () => {
    const outcome = scoreTender(loadExample());
    if (!outcome.ok) throw new Error("example must score");
    for (const section of ["price", "quality", "socialValue", "userPanel"] as const) {
      const sweep = sweepWeight(outcome.value, section);
      for (let tenths = 0; tenths <= 1000; tenths++) {
        const w = exact(tenths).div(10);
        const best = sweep.lines.reduce((top, l) => (totalAt(l, w).compare(top) > 0 ? totalAt(l, w) : top), totalAt(sweep.lines[0]!, w));
        for (const line of sweep.lines) {
          const interval = firstPlaceInterval(sweep, line.bidId);
          const inside = interval !== undefined && w.compare(interval.from) >= 0 && w.compare(interval.to) <= 0;
          expect(inside, `${section} ${line.bidId} at ${w.toString()}%`).toBe(totalAt(line, w).equals(best));
        }
      }
    }
  });

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
    expect(sweep.leaders.map((l) => l.bidId)).toEqual(["B1"]);
    expect(sweep.leaders[0]!.from.toFraction()).toBe("0");
    expect(sweep.leaders[0]!.to.compare(30)).toBeGreaterThan(0);
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
    expect(sweep.leaders[0]!.to.toFraction()).toBe("292900/4479");
  });
});

describe("bids tied for first", () => {
  it("are joint leaders, each with its own first-place interval; none vanishes", () => {
    // Price 50, quality 50. A: full price share, half quality → 75. B: half price, full quality → 75.
    const problem = {
      weights: new Map([["price", exact(50)], ["quality", exact(50)]] as const),
      bids: [
        { bidId: "A", bidder: "Bidder A", shares: new Map([["price", exact(1)], ["quality", exact(1).div(2)]] as const) },
        { bidId: "B", bidder: "Bidder B", shares: new Map([["price", exact(1).div(2)], ["quality", exact(1)]] as const) },
      ],
    };
    const sweep = sweepWeight(problem, "price");
    // Above 50% price A leads; below it B does; at 50% they are joint first.
    expect(sweep.leaders.map((l) => [l.bidId, l.from.toFraction(), l.to.toFraction()])).toEqual([
      ["A", "50", "100"],
      ["B", "0", "50"],
    ]);
    expect(sweep.firstPlace.map((f) => [f.bidId, f.interval?.from.toFraction(), f.interval?.to.toFraction()])).toEqual([
      ["A", "50", "100"],
      ["B", "0", "50"],
    ]);
  });
});
