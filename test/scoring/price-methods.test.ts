import { describe, expect, it } from "vitest";
import { exact } from "../../src/arithmetic/exact.js";
import { formatProblem } from "../../src/problems/format.js";
import { scorePrices, wholeLifeCost } from "../../src/scoring/price-methods.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { aTender } from "../builders.js";

/*
 * Three bids, maximum price points 40 (all derived by hand):
 *   A £100,000   B £125,000   C £200,000   (lowest 100,000, highest 200,000)
 */
const bids = [
  { bidId: "A", wholeLifeCost: exact(100000) },
  { bidId: "B", wholeLifeCost: exact(125000) },
  { bidId: "C", wholeLifeCost: exact(200000) },
];
const points = (scoring: ReturnType<typeof scorePrices>) =>
  Object.fromEntries(scoring.points.map((p) => [p.bidId, p.points.toFraction()]));

describe("price methods, each pinned by a worked example", () => {
  it("proportional: 40 × lowest ÷ price → A 40, B 40 × 100/125 = 32, C 40 × 100/200 = 20", () => {
    expect(points(scorePrices({ type: "proportional" }, exact(40), bids))).toEqual({ A: "40", B: "32", C: "20" });
  });

  it("linear interpolation: 40 × (highest − price) ÷ (highest − lowest) → A 40, B 40 × 75/100 = 30, C 0", () => {
    expect(points(scorePrices({ type: "linear-interpolation" }, exact(40), bids))).toEqual({ A: "40", B: "30", C: "0" });
  });

  it("linear interpolation gives everyone full marks when all prices are equal (no division by zero)", () => {
    const same = [{ bidId: "A", wholeLifeCost: exact(5) }, { bidId: "B", wholeLifeCost: exact(5) }];
    expect(points(scorePrices({ type: "linear-interpolation" }, exact(40), same))).toEqual({ A: "40", B: "40" });
  });

  it("deviation from lowest: 40 × (1 − (price − lowest) ÷ lowest), floored at 0 → B 30, C 0, D (£250,000) 0 not −20", () => {
    const withD = [...bids, { bidId: "D", wholeLifeCost: exact(250000) }];
    expect(points(scorePrices({ type: "deviation-from-lowest" }, exact(40), withD))).toEqual({ A: "40", B: "30", C: "0", D: "0" });
  });

  it("budget ceiling £150,000: C is above budget and excluded; A 40, B 40 × (150 − 125) ÷ (150 − 100) = 20", () => {
    const scoring = scorePrices({ type: "budget-ceiling", budget: 150000 }, exact(40), bids);
    expect(points(scoring)).toEqual({ A: "40", B: "20" });
    expect(scoring.aboveBudget.map((b) => b.bidId)).toEqual(["C"]);
  });

  it("custom formula maxPoints × (1 − (price − lowest) ÷ (2 × lowest)) → A 40, B 35, C 20, exactly", () => {
    const method = { type: "custom" as const, formula: "maxPoints * (1 - (price - lowest) / (2 * lowest))", description: "half deviation" };
    expect(points(scorePrices(method, exact(40), bids))).toEqual({ A: "40", B: "35", C: "20" });
  });

  it("custom formula exactness: 1/3 + 1/3 + 1/3 is exactly 1, not 0.9999…", () => {
    const method = { type: "custom" as const, formula: "maxPoints * (1/3 + 1/3 + 1/3) * lowest / price", description: "thirds" };
    expect(points(scorePrices(method, exact(40), bids)).A).toBe("40");
  });

  it("whole-life cost sums contract years, and extension years only when the model says so", () => {
    const schedule = { years: [100000, 102000.5, 104000], extensionYears: [106000, 108000] };
    expect(wholeLifeCost(schedule, false).toFraction()).toBe("612001/2"); // 306,000.50
    expect(wholeLifeCost(schedule, true).toFraction()).toBe("1040001/2"); // 306,000.50 + 106,000 + 108,000 = 520,000.50
  });
});

describe("price per quality point (Bid Evaluation Guidance Note)", () => {
  it("ranks by whole-life price ÷ quality score: the cheaper bid loses when its quality is much lower", () => {
    // A: £100,000, quality 3/5 → 60 points → £1,666.67 per point. B: £125,000, quality 5/5 → 100 → £1,250 per point.
    const outcome = scoreTender(
      aTender()
        .withPrice(0, { type: "price-per-quality-point" })
        .withQuality(100, { Q1: 100 })
        .withBids({ id: "A", price: 100000, scores: { Q1: [3] } }, { id: "B", price: 125000, scores: { Q1: [5] } })
        .build(),
    );
    if (!outcome.ok) throw new Error(outcome.problems.map(formatProblem).join("\n"));
    expect(outcome.value.rankingBasis).toBe("price-per-quality-point");
    const byId = Object.fromEntries(outcome.value.bids.map((b) => [b.bidId, b]));
    expect(byId.A!.price!.pricePerQualityPoint!.toFraction()).toBe("5000/3");
    expect(byId.B!.price!.pricePerQualityPoint!.toFraction()).toBe("1250");
    expect(outcome.value.winners).toEqual(["B"]);
  });

  it("refuses a price weight under price per quality point", () => {
    const outcome = scoreTender(
      aTender().withPrice(40, { type: "price-per-quality-point" }).withBids({ id: "A", price: 1, scores: { Q1: [3], Q2: [3] } }).build(),
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.problems.map((p) => p.code)).toContain("model.price-weight-with-price-per-quality-point");
  });
});

describe("a zero or missing price is a located error, never a silent 0", () => {
  it("a £0 price under proportional scoring names the bid", () => {
    const outcome = scoreTender(
      aTender().withBids({ id: "A", price: 0, scores: { Q1: [3], Q2: [3] } }, { id: "B", price: 100, scores: { Q1: [3], Q2: [3] } }).build(),
    );
    expect(outcome.ok).toBe(false);
    const zero = outcome.problems.find((p) => p.code === "bids.zero-price")!;
    expect(formatProblem(zero)).toBe(
      'bids: bids[0].price: bid "A" has a whole-life price of £0, which the Lowest price ÷ bid price (proportional scoring) method cannot score (it divides by the price)',
    );
  });

  it("a £0 price is fine for linear interpolation, which does not divide by it", () => {
    const outcome = scoreTender(
      aTender()
        .withPrice(40, { type: "linear-interpolation" })
        .withBids({ id: "A", price: 0, scores: { Q1: [3], Q2: [3] } }, { id: "B", price: 100, scores: { Q1: [3], Q2: [3] } })
        .build(),
    );
    expect(outcome.ok).toBe(true);
  });

  it("a missing price names the bid", () => {
    const outcome = scoreTender(aTender().withBids({ id: "A", scores: { Q1: [3], Q2: [3] } }).build());
    expect(outcome.problems.map(formatProblem)).toContain('bids: bids[0]: bid "A" has no price, and the scoring model scores price');
  });
});
