import { describe, expect, it } from "vitest";
import { improvementsToWin, priceToWin } from "../../src/sensitivity/improvement.js";
import { improvementsFromProfiles } from "../../src/sensitivity/profile-improvements.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { aTender } from "../builders.js";
import { ScoringModel } from "../../src/model/scoring-model.js";

/*
 * Price 40, quality 60 (Q1, Q2 30 points each, 0–5). A: £100, 3 and 3 → 40 + 18 + 18 = 76.
 * B: £125 (32 price points), 4 and 3 → 32 + 24 + 18 = 74. B is 2 points behind.
 * On Q2 each scale point is worth 6: B needs more than 2 points, i.e. a score above 3 + 2/6 → 4.
 * On Q1 B is already at 4; above 4 + 1/3 → 5.
 */
describe("where to invest effort", () => {
  const tender = aTender()
    .withQuality(60, { Q1: 50, Q2: 50 })
    .withBids({ id: "A", price: 100, scores: { Q1: [3], Q2: [3] } }, { id: "B", price: 125, scores: { Q1: [4], Q2: [3] } })
    .build();
  const outcome = scoreTender(tender);
  const model = tender.model;
  if (!outcome.ok) throw new Error("should score");

  it("gives the lowest score on the scale that would make the bid first, per criterion", () => {
    const result = improvementsToWin(model, outcome.value, "B");
    expect(result.map((r) => [r.criterionId, r.current.toFraction(), r.needed?.toFraction(), r.gap.toFraction()])).toEqual([
      ["Q1", "4", "5", "2"],
      ["Q2", "3", "4", "2"],
    ]);
  });

  it("for the leader, reports how far ahead it is", () => {
    expect(improvementsToWin(model, outcome.value, "A").map((r) => r.gap.toFraction())).toEqual(["-2", "-2"]);
  });
});

/*
 * The same tender, price by lowest ÷ price (40 points). B's points without price: 24 + 18 = 42; A's: 36.
 * B at a price c ≥ £100 (A still lowest): A = 76, B = 42 + 40 × 100 ÷ c, first when 4000 ÷ c > 34,
 * i.e. c < 117.647…: £117 is the highest whole-pound price (76.19 against 76); at £118 B has 75.90.
 * Below £100 B is the lowest, gets 40 and A drops, so B stays first: lowering a price never helps a rival.
 * By linear interpolation (40 × (highest − price) ÷ (highest − lowest)) B, as the highest price, gets 0
 * until it matches A's £100, when every bid gets all 40 points (B 82, A 76): the answer is £100.
 */
describe("the price that would make a bid first", () => {
  const build = (method: { type: "proportional" } | { type: "linear-interpolation" }, bScores = { Q1: [4], Q2: [3] }) => {
    const tender = aTender()
      .withPrice(40, method)
      .withQuality(60, { Q1: 50, Q2: 50 })
      .withBids({ id: "A", price: 100, scores: { Q1: [3], Q2: [3] } }, { id: "B", price: 125, scores: bScores })
      .build();
    const outcome = scoreTender(tender);
    if (!outcome.ok) throw new Error("should score");
    return { model: tender.model, result: outcome.value };
  };

  it("lowest ÷ price: £117, worked out by hand, with the other bid's points moving as the lowest price does", () => {
    const { model, result } = build({ type: "proportional" });
    const found = priceToWin(model, result, "B")!;
    expect(found.current.toFraction()).toBe("125");
    expect(found.needed?.toFraction()).toBe("117");
    expect(found.alreadyFirst).toBe(false);
  });

  it("linear interpolation: £100, where the two prices meet", () => {
    const { model, result } = build({ type: "linear-interpolation" });
    expect(priceToWin(model, result, "B")!.needed?.toFraction()).toBe("100");
  });

  it("says when no price would be enough on its own, and when the bid already leads", () => {
    const strongA = aTender()
      .withPrice(40)
      .withQuality(60, { Q1: 50, Q2: 50 })
      .withBids({ id: "A", price: 100, scores: { Q1: [5], Q2: [5] } }, { id: "B", price: 125, scores: { Q1: [0], Q2: [0] } })
      .build();
    const outcome = scoreTender(strongA);
    if (!outcome.ok) throw new Error("should score");
    const b = priceToWin(strongA.model, outcome.value, "B")!;
    expect(b.needed).toBeUndefined();
    expect(b.alreadyFirst).toBe(false);
    expect(priceToWin(strongA.model, outcome.value, "A")!.alreadyFirst).toBe(true);
  });
});

/*
 * The same figures as profiles, before any tender: our organisation £125, Q1 4 and Q2 3 (quality share
 * 0.5 × 4/5 + 0.5 × 3/5 = 0.7, 42 points); a competitor 20% cheaper (£100) with quality 3 (36 points).
 * Price 40 by lowest ÷ price: competitor 40, us 32. Totals 74 against 76, a gap of 2, so as in the scored
 * tender: Q1 to 5 or Q2 to 4, or a price of £117 with the competitor's price held at £100.
 */
describe("where to invest effort, from profiles", () => {
  const model = ScoringModel.parse(aTender().withPrice(40).withQuality(60, { Q1: 50, Q2: 50 }).modelInput());
  const profiles = {
    organisation: { name: "Us", price: 125, scores: { Q1: 4, Q2: 3 } },
    competitors: [{ name: "Them", price: "-20%", scores: { quality: 3 } }],
  };

  it("gives the same answers as the hand-worked tender", () => {
    const found = improvementsFromProfiles(model, profiles);
    expect(found.criteria.map((c) => [c.criterionId, c.current.toFraction(), c.needed?.toFraction(), c.gap.toFraction()])).toEqual([
      ["Q1", "4", "5", "2"],
      ["Q2", "3", "4", "2"],
    ]);
    expect(found.price?.needed?.toFraction()).toBe("117");
  });

  it("uses the middle of a range, and says when the organisation already leads", () => {
    const ranged = improvementsFromProfiles(model, { ...profiles, organisation: { ...profiles.organisation, scores: { Q1: [3, 5], Q2: 3 } } });
    expect(ranged.criteria[0]!.current.toFraction()).toBe("4");
    // At £90 against the competitor's £100 (given in pounds this time): 40 + 42 = 82 against 36 + 36 = 72.
    const leading = improvementsFromProfiles(model, { organisation: { ...profiles.organisation, price: 90 }, competitors: [{ name: "Them", price: 100, scores: { quality: 3 } }] });
    expect(leading.price?.alreadyFirst).toBe(true);
    expect(leading.criteria.every((c) => c.gap.compare(0) < 0)).toBe(true);
  });
});
