import { describe, expect, it } from "vitest";
import { improvementsToWin, priceToWin } from "../../src/sensitivity/improvement.js";
import { improvementsFromProfiles } from "../../src/sensitivity/profile-improvements.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { aSpecification, aTender } from "../builders.js";
import { TenderBids } from "../../src/model/bids.js";
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

describe("where to invest effort on a criterion scored from a figure", () => {
  /*
   * Price 50 (proportional), quality 50 on one criterion K1: response hours, 4 best, 48 worst, interpolated.
   * A: £100, 10 hours → price 50 × 80/100 = 40; K1 share (48 − 10)/44 = 38/44 → 50 × 38/44 = 475/11. Total 915/11.
   * B: £80, 30 hours → price 50; K1 share 18/44 → 225/11. Total 775/11. B is 140/11 behind.
   * B needs a share above 18/44 + (140/11)/50 = 90/220 + 56/220 = 73/110, i.e. a figure below
   * 48 − 44 × 73/110 = 48 − 146/5 = 94/5 = 18.8 hours.
   */
  const base = aTender().withPrice(50).withQuality(50, { K1: 100 }).modelInput();
  const model = ScoringModel.parse({
    ...base,
    sections: { ...base.sections, quality: { ...base.sections.quality!, criteria: [{ id: "K1", title: "Response to an urgent referral", weight: 100, measure: { method: "interpolation", unit: "hours", best: 4, worst: 48 } }] } },
  });
  const bidsInput = aTender().withBids({ id: "A", price: 100, scores: {} }, { id: "B", price: 80, scores: {} }).bidsInput();
  const figures: Record<string, number> = { A: 10, B: 30 };
  const bids = TenderBids.parse({ ...bidsInput, bids: bidsInput.bids.map((b) => ({ ...b, figures: { K1: figures[b.id]! } })) });
  const outcome = scoreTender({ specification: aSpecification(), model, bids });
  if (!outcome.ok) throw new Error("should score");

  it("gives the figure to beat under interpolation, worked out by hand", () => {
    const [k1] = improvementsToWin(model, outcome.value, "B");
    expect(k1!.current.toFraction()).toBe("30");
    expect(k1!.gap.toFraction()).toBe("140/11");
    expect(k1!.figure?.unit).toBe("hours");
    expect(k1!.figure?.solved).toBe(true);
    expect(k1!.figure?.beat?.toFraction()).toBe("94/5");
  });

  it("says when even the best figure would not be enough, and does not solve the best-offer method", () => {
    // A: £80, 4 hours → 50 + 50 = 100. B: £100, 30 hours → 40 + 225/11. B is 435/11 behind, but even 4 hours
    // would add only 50 − 225/11 = 325/11.
    const farInput = aTender().withBids({ id: "A", price: 80, scores: {} }, { id: "B", price: 100, scores: {} }).bidsInput();
    const farBids = TenderBids.parse({ ...farInput, bids: farInput.bids.map((b) => ({ ...b, figures: { K1: b.id === "A" ? 4 : 30 } })) });
    const far = scoreTender({ specification: aSpecification(), model, bids: farBids });
    if (!far.ok) throw new Error("should score");
    const [k1] = improvementsToWin(model, far.value, "B");
    expect(k1!.gap.toFraction()).toBe("435/11");
    expect(k1!.figure).toMatchObject({ solved: true });
    expect(k1!.figure?.beat).toBeUndefined();
    const bestOffer = ScoringModel.parse({ ...model, sections: { ...model.sections, quality: { ...model.sections.quality!, criteria: [{ ...model.sections.quality!.criteria[0]!, measure: { method: "best-offer", unit: "hours", better: "lower" } }] } } });
    const scored = scoreTender({ specification: aSpecification(), model: bestOffer, bids });
    if (!scored.ok) throw new Error("should score");
    expect(improvementsToWin(bestOffer, scored.value, "B")[0]!.figure).toMatchObject({ solved: false });
    expect(improvementsToWin(bestOffer, scored.value, "B")[0]!.figure?.beat).toBeUndefined();
  });
});
