import { describe, expect, it } from "vitest";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { loadExample } from "../example-tender.js";

/*
 * The bundled example, worked by hand (and cross-checked with Python's fractions module, not this code).
 * Weights: price 30, quality 45 (Q1 30%, Q2 25%, Q3 20%, Q4 15%, Q5 10% of the section),
 * social value 15 (SV1, SV2 50% each), user panel 10 (U1, U2 50% each, scale 0–3).
 * A criterion's points = mean score ÷ scale maximum × (section weight × criterion weight ÷ 100).
 *
 * Riverside Disabled People's Voice (B1):
 *   Q1 (4,4,5) mean 13/3 → 13/15 × 13.5 = 11.7     Q2 (5,5,5) → 1 × 11.25 = 11.25
 *   Q3 (4,4,4) → 4/5 × 9 = 7.2                       Q4 (5,4,5) mean 14/3 → 14/15 × 6.75 = 6.3
 *   Q5 (3,3,4) mean 10/3 → 2/3 × 4.5 = 3             quality = 39.45 = 789/20
 *   SV1 (5,5,4), SV2 (5,4,5): each 14/15 × 7.5 = 7   social value = 14
 *   U1 (3,3,3) → 5; U2 (3,2,3) mean 8/3 → 8/9 × 5 = 40/9   user panel = 85/9
 *   Whole-life price = 3 × 200,000 + 205,000 + 210,000 = 1,015,000 (extension years included)
 *   Lowest whole-life price among bids in contention: National Care Partnership, 3 × 170,000 + 2 × 175,000 = 860,000
 *   Price points = 30 × 860,000 ÷ 1,015,000 = 5160/203 ≈ 25.4187
 *   Total = 789/20 + 14 + 85/9 + 5160/203 = 3226963/36540 ≈ 88.3132
 *
 * National Care Partnership (B2): Q2 scored (1,4,2), spread 3 > tolerance 1.5 (30% of 0–5),
 *   moderated to 2 → 2/5 × 11.25 = 4.5. Quality = 13.5×4/5 + 4.5 + 9×14/15 + 6.75×3/5 + 4.5 = 129/4.
 *   Price = 30 (lowest). Total = 129/4 + 6 + 40/9 + 30 = 2617/36 ≈ 72.6944
 *
 * Homes and Hearts (B6): Q3 scored (1,2,1), mean 4/3 < minimum 2, so the panel moderated it (an exclusion
 *   rests on the agreed score): agreed 1 < minimum 2 → excluded, not ranked, no price points.
 */
describe("the bundled example tender, scored by hand", () => {
  const outcome = scoreTender(loadExample());
  if (!outcome.ok) throw new Error("example must score");
  const result = outcome.value;
  const bid = (id: string) => result.bids.find((b) => b.bidId === id)!;

  it("scores the DDPO's sections, price and total exactly", () => {
    const b1 = bid("B1");
    expect(b1.sections.map((s) => [s.section, s.points.toFraction()])).toEqual([
      ["quality", "789/20"],
      ["socialValue", "14"],
      ["userPanel", "85/9"],
    ]);
    expect(b1.price!.wholeLifeCost.toFraction()).toBe("1015000");
    expect(b1.price!.points!.toFraction()).toBe("5160/203");
    expect(b1.total.toFraction()).toBe("3226963/36540");
  });

  it("uses the moderated score for the national provider's Q2", () => {
    const q2 = bid("B2").sections[0]!.criteria.find((c) => c.criterionId === "Q2")!;
    expect(q2.basis).toBe("moderated");
    expect(q2.combined.toFraction()).toBe("2");
    expect(q2.needsModeration).toBe(false);
    expect(bid("B2").sections[0]!.points.toFraction()).toBe("129/4");
    expect(bid("B2").total.toFraction()).toBe("2617/36");
  });

  it("ranks the bids and excludes the housing association for its safeguarding score", () => {
    expect(result.bids.map((b) => [b.bidId, b.rank])).toEqual([
      ["B1", 1],
      ["B3", 2],
      ["B4", 3],
      ["B2", 4],
      ["B5", 5],
      ["B6", null],
    ]);
    expect(bid("B3").total.toFraction()).toBe("28873/360");
    expect(bid("B4").total.toFraction()).toBe("209422/2805");
    expect(bid("B5").total.toFraction()).toBe("1257017/17910");
    expect(bid("B6").status).toBe("excluded");
    expect(bid("B6").exclusions).toEqual([
      expect.objectContaining({ rule: "below-criterion-minimum", criterionId: "Q3" }),
    ]);
    expect(bid("B6").sections[0]!.criteria.find((c) => c.criterionId === "Q3")!.basis).toBe("moderated");
    expect(bid("B6").price!.points).toBeUndefined();
    expect(result.winners).toEqual(["B1"]);
  });

  it("traces the price calculation with its method and variables", () => {
    expect(result.price!.method).toEqual({ type: "proportional" });
    expect(result.price!.lowest!.toFraction()).toBe("860000");
    expect(result.price!.highest!.toFraction()).toBe("1015000");
    const vars = bid("B1").price!.variables;
    expect(Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, v.toFraction()]))).toEqual({
      price: "1015000",
      lowest: "860000",
      highest: "1015000",
      maxPoints: "30",
    });
  });

  it("needs no further moderation and reports no warnings", () => {
    expect(result.moderationNeeded).toEqual([]);
    expect(outcome.problems).toEqual([]);
  });
});
