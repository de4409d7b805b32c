import { describe, expect, it } from "vitest";
import { improvementsToWin } from "../../src/sensitivity/improvement.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { aTender } from "../builders.js";

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
