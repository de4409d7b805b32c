import { describe, expect, it } from "vitest";
import { exact } from "../../src/arithmetic/exact.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { neededScore } from "../../src/sensitivity/improvement.js";
import { aTender } from "../builders.js";

/**
 * A scale normalised from its lowest score: (score − lowest) ÷ (top − lowest) × the criterion's points.
 * Worked by hand below, not by the code under test. (No buyer's published worked example of this rule
 * was found; the arithmetic is the rule itself.)
 *
 * Quality is the whole score (weight 100): Q1 and Q2 are worth 50 points each. On a 1–5 scale, two
 * evaluators, combined by the mean:
 *   B1: Q1 1 and 1 → 1;   (1 − 1) ÷ 4 × 50 = 0        (from zero: 1 ÷ 5 × 50 = 10)
 *       Q2 3 and 4 → 3.5; (3.5 − 1) ÷ 4 × 50 = 31.25  (from zero: 3.5 ÷ 5 × 50 = 35)
 *   B2: Q1 5 and 4 → 4.5; (4.5 − 1) ÷ 4 × 50 = 43.75  (from zero: 45)
 *       Q2 2 and 2 → 2;   (2 − 1) ÷ 4 × 50 = 12.5     (from zero: 20)
 */
describe("a scale normalised from its lowest score", () => {
  const tender = (normalise?: "from-zero" | "from-lowest") =>
    aTender()
      .withoutPrice()
      .withQuality(100, { Q1: 50, Q2: 50 })
      .withEvaluators(2)
      .withScale([1, 2, 3, 4, 5], normalise)
      .withBids({ id: "B1", scores: { Q1: [1, 1], Q2: [3, 4] } }, { id: "B2", scores: { Q1: [5, 4], Q2: [2, 2] } })
      .build();

  const points = (normalise?: "from-zero" | "from-lowest") => {
    const scored = scoreTender(tender(normalise));
    if (!scored.ok) throw new Error("not scored");
    return Object.fromEntries(scored.value.bids.map((b) => [b.bidId, b.sections[0]!.criteria.map((c) => c.points.toFraction())]));
  };

  it("gives the lowest score no points, and the rest their share of the range", () => {
    expect(points("from-lowest")).toEqual({ B1: ["0", "125/4"], B2: ["175/4", "25/2"] }); // 0, 31.25; 43.75, 12.5
  });

  it("from zero (the default) gives score ÷ top", () => {
    expect(points()).toEqual({ B1: ["10", "35"], B2: ["45", "20"] }); // 1/5×50, 3.5/5×50; 4.5/5×50, 2/5×50
    expect(points("from-zero")).toEqual(points());
  });

  it("the score needed to gain a gap spans top − lowest", () => {
    // 10 points short on a criterion worth 50 spanning 4 scale points: 2 + 10 × 4 ÷ 50 = 2.8, so 3.
    expect(neededScore(exact(2), exact(10), exact(4), exact(50), [1, 2, 3, 4, 5])?.toFraction()).toBe("3");
  });
});

describe("the model hash and a scale's normalising", () => {
  it("is unchanged for a model that leaves normalise at its default, so returned sheets still match", async () => {
    const { modelHash } = await import("../../src/model/model-hash.js");
    const { ScoringModel } = await import("../../src/model/scoring-model.js");
    const input = aTender().withScale([1, 2, 3, 4, 5]).modelInput();
    const hashWith = (normalise?: "from-zero" | "from-lowest") =>
      modelHash(ScoringModel.parse({ ...input, scales: { five: { ...input.scales["five"]!, ...(normalise ? { normalise } : {}) } } }));
    expect(hashWith("from-zero")).toBe(hashWith());
    expect(hashWith("from-lowest")).not.toBe(hashWith());
  });
});
