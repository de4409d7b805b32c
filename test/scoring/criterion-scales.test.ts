import { describe, expect, it } from "vitest";
import { TenderBids } from "../../src/model/bids.js";
import { checkScoringModel } from "../../src/model/check-model.js";
import { parseScoringModel } from "../../src/model/parse.js";
import { ScoringModel, type ScoringModelInput } from "../../src/model/scoring-model.js";
import { formatProblem } from "../../src/problems/format.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { validateTender } from "../../src/scoring/validate-tender.js";
import { aSpecification, aTender } from "../builders.js";

/**
 * Criteria marked on their own scales, and weights given as points of a stated total (the points model of
 * e-tendering suites: three quality criteria worth 60, 40 and 30 points, each marked out of its own maximum).
 * This example is worked by hand below, not by the code under test; the published example it mirrors (the
 * same 60/40/30 and 70 of 200) is pinned at the end of this file.
 *
 * Sections: price 70 and quality 130, of 200 points → price 70 × 100 ÷ 200 = 35%, quality 130 × 100 ÷ 200 = 65%.
 * Quality criteria, of 130: Q1 60 (marked 0–10), Q2 40 (the section's 0–5), Q3 30 (marked 0–4), so
 *   Q1 is worth 65 × 60/130 = 30 points, Q2 65 × 40/130 = 20, Q3 65 × 30/130 = 15.
 * One evaluator; price proportional (lowest ÷ price × 35):
 *   B1: Q1 7 → 7/10 × 30 = 21;  Q2 3 → 3/5 × 20 = 12;  Q3 4 → 4/4 × 15 = 15;  quality 48;
 *       price £100,000 → 100000/100000 × 35 = 35;  total 83
 *   B2: Q1 9 → 9/10 × 30 = 27;  Q2 4 → 4/5 × 20 = 16;  Q3 1 → 1/4 × 15 = 15/4; quality 187/4 (46.75);
 *       price £125,000 → 100000/125000 × 35 = 28;  total 187/4 + 28 = 299/4 (74.75)
 */
function pointsModel(): ScoringModelInput {
  const base = aTender().withPrice(70).withQuality(130, { Q1: 60, Q2: 40, Q3: 30 }).modelInput();
  const quality = base.sections.quality!;
  return {
    ...base,
    sectionWeightsOutOf: 200,
    scales: { ...base.scales, ten: { title: "0 to 10", values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }, four: { title: "0 to 4", values: [0, 1, 2, 3, 4] } },
    sections: {
      ...base.sections,
      quality: {
        ...quality,
        criteriaWeightsOutOf: 130,
        criteria: quality.criteria.map((c) => (c.id === "Q1" ? { ...c, scale: "ten" } : c.id === "Q3" ? { ...c, scale: "four" } : c)),
      },
    },
  };
}

const bids = () =>
  aTender()
    .withBids({ id: "B1", price: 100000, scores: { Q1: [7], Q2: [3], Q3: [4] } }, { id: "B2", price: 125000, scores: { Q1: [9], Q2: [4], Q3: [1] } })
    .bidsInput();

const tender = (model: ScoringModelInput = pointsModel(), bidsInput = bids()) => ({
  specification: aSpecification(),
  model: ScoringModel.parse(model),
  bids: TenderBids.parse(bidsInput),
});

describe("criteria on their own scales, weights as points of a stated total", () => {
  it("scores each criterion on its own scale, with weights normalised exactly", () => {
    const scored = scoreTender(tender());
    if (!scored.ok) throw new Error(scored.problems.map(formatProblem).join("\n"));
    const byId = new Map(scored.value.bids.map((b) => [b.bidId, b]));
    const b1 = byId.get("B1")!;
    const b2 = byId.get("B2")!;
    expect(b1.sections[0]!.weight.toFraction()).toBe("65");
    expect(scored.value.price!.maxPoints.toFraction()).toBe("35");
    expect(b1.sections[0]!.criteria.map((c) => [c.criterionId, c.availablePoints.toFraction(), c.scaleMax.toFraction(), c.points.toFraction()])).toEqual([
      ["Q1", "30", "10", "21"],
      ["Q2", "20", "5", "12"],
      ["Q3", "15", "4", "15"],
    ]);
    // 60 of 130 is 600/13 per cent of the section: a fraction, never a float.
    expect(b1.sections[0]!.criteria[0]!.weightInSection.toFraction()).toBe("600/13");
    expect(b2.sections[0]!.criteria.map((c) => c.points.toFraction())).toEqual(["27", "16", "15/4"]);
    expect(b1.total.toFraction()).toBe("83");
    expect(b2.total.toFraction()).toBe("299/4");
    expect(scored.value.winners).toEqual(["B1"]);
  });

  it("a model tolerance in the section's scale points is the same share of a criterion's own range", () => {
    // Tolerance 1 on the 0–5 scale is a fifth of its range, so 2 on Q1's 0–10 and 4/5 on Q3's 0–4.
    const model = { ...pointsModel(), combination: { method: "mean" as const, tolerance: 1 } };
    const two = aTender()
      .withEvaluators(2)
      .withBids({ id: "B1", price: 100000, scores: { Q1: [6, 8], Q2: [3, 4], Q3: [2, 3] } })
      .bidsInput();
    const scored = scoreTender(tender(model, two));
    if (!scored.ok) throw new Error(scored.problems.map(formatProblem).join("\n"));
    const criteria = scored.value.bids[0]!.sections[0]!.criteria;
    expect(criteria.map((c) => c.tolerance.toFraction())).toEqual(["2", "1", "4/5"]);
    // Q3's spread of 1 is more than 4/5 of a point on 0–4; Q1's 2 on 0–10 is within its tolerance.
    expect(criteria.map((c) => c.needsModeration)).toEqual([false, false, true]);
  });

  it("a score off the criterion's own scale is refused, naming that scale", () => {
    const off = aTender().withBids({ id: "B1", price: 100000, scores: { Q1: [7], Q2: [3], Q3: [5] } }).bidsInput();
    const problems = validateTender(tender(pointsModel(), off)).filter((p) => p.severity === "error");
    expect(problems.map(formatProblem)).toEqual(['bids: bids[0].scores.Q3.E1.score: the score 5 is not on the scale "four" (allowed: 0, 1, 2, 3, 4)']);
    // 7 is on Q1's 0–10 scale though not on the section's 0–5: accepted.
    expect(problems.some((p) => JSON.stringify(p.location.path).includes("Q1"))).toBe(false);
  });

  it("a criterion naming an unknown scale, or a minimum off its own scale, is located", () => {
    const model = pointsModel();
    const quality = model.sections.quality!;
    const bad = {
      ...model,
      sections: { ...model.sections, quality: { ...quality, criteria: quality.criteria.map((c) => (c.id === "Q1" ? { ...c, scale: "twenty" } : c.id === "Q3" ? { ...c, minimumScore: 5 } : c)) } },
    };
    expect(checkScoringModel(ScoringModel.parse(bad)).map(formatProblem)).toEqual([
      'model: sections.quality.criteria[0].scale: uses the scale "twenty", which the model does not define (defined: five, ten, four)',
      "model: sections.quality.criteria[2].minimumScore: the minimum 5 is outside the scale's range 0 to 4",
    ]);
  });

  it("points that do not add up to the stated total, or to 100 when none is stated, say which", () => {
    const model = pointsModel();
    const wrongTotal = { ...model, sections: { ...model.sections, quality: { ...model.sections.quality!, criteriaWeightsOutOf: 120 } } };
    expect(checkScoringModel(ScoringModel.parse(wrongTotal)).map(formatProblem)).toEqual([
      "model: sections.quality.criteria: the weights of the quality criteria add up to 130, not the 120 points given as sections.quality.criteriaWeightsOutOf",
    ]);
    const { sectionWeightsOutOf: _, ...unstated } = model;
    expect(checkScoringModel(ScoringModel.parse(unstated)).map(formatProblem)).toEqual([
      "model: sections: the weights of the sections (price 70, quality 130) add up to 200, not 100 (weights given as points of another total, e.g. 60, 40 and 30 of 130, need that total stated as sectionWeightsOutOf)",
    ]);
  });

  it("percentages that add up to 100 score as before", () => {
    const plain = aTender()
      .withPrice(40)
      .withQuality(60, { Q1: 50, Q2: 50 })
      .withBids({ id: "B1", price: 100, scores: { Q1: [4], Q2: [3] } }, { id: "B2", price: 125, scores: { Q1: [5], Q2: [5] } })
      .build();
    const scored = scoreTender(plain);
    if (!scored.ok) throw new Error("not scored");
    // B1: 4/5 × 30 + 3/5 × 30 + 40 = 82; B2: 30 + 30 + 100/125 × 40 = 92.
    expect(scored.value.bids.map((b) => [b.bidId, b.total.toFraction()])).toEqual([["B2", "92"], ["B1", "82"]]);
  });
});

/*
 * A published worked example of the points model: Negometrix (now Mercell) support site, US edition,
 * Solutions › "Low bid scoring formula" (support-us.negometrix.com, article 44001761046), section "Example".
 * Its table: Experience 60 points, Extent of quality control / quality assurance 40, Time to completion 30,
 * Price score 70, of 200. Bidder A scores 40 (of 60), 30 (of 40), 20 (of 30) at $10,000; bidder B 32, 20 and
 * 22 at $8,000. Price points 8,000/10,000 × 70 = 56 and 8,000/8,000 × 70 = 70; A 146 (73%), B 144 (72%): A wins.
 *
 * Written as a buyer would: sections of 200 points (price 70, quality 130), the quality criteria 60, 40 and
 * 30 of 130, each marked on its own scale of whole points (0–60, 0–40, 0–30); the example gives marks without
 * reasons, so justifications are not required. By hand, out of 100:
 *   quality 130/200 × 100 = 65, price 70/200 × 100 = 35;
 *   Experience 65 × 60/130 = 30, quality assurance 65 × 40/130 = 20, time 65 × 30/130 = 15 available;
 *   A: 40/60 × 30 = 20, 30/40 × 20 = 15, 20/30 × 15 = 10 → quality 45; price 35 × 8000/10000 = 28; total 73
 *   B: 32/60 × 30 = 16, 20/40 × 20 = 10, 22/30 × 15 = 11 → quality 37; price 35 × 8000/8000 = 35;  total 72
 * which are the page's 146/200 = 73% and 144/200 = 72%.
 */
describe("the points model, by the Negometrix (Mercell) published example", () => {
  const upTo = (max: number) => `[${Array.from({ length: max + 1 }, (_, i) => i).join(", ")}]`;
  const modelYaml = `id: low-bid-example
title: Negometrix low bid scoring example
version: 1
sectionWeightsOutOf: 200
scales:
  sixty: { title: 0 to 60 points, values: ${upTo(60)} }
  forty: { title: 0 to 40 points, values: ${upTo(40)} }
  thirty: { title: 0 to 30 points, values: ${upTo(30)} }
sections:
  price:
    weight: 70
    method: { type: proportional }
  quality:
    weight: 130
    scale: sixty
    criteriaWeightsOutOf: 130
    criteria:
      - { id: Q1, title: Experience, weight: 60, justificationRequired: false }
      - { id: Q2, title: Extent of quality control / quality assurance, weight: 40, scale: forty, justificationRequired: false }
      - { id: Q3, title: Time to completion, weight: 30, scale: thirty, justificationRequired: false }
`;

  it("gives bidder A 73 (146 of 200) and bidder B 72 (144 of 200): A wins", () => {
    const parsed = parseScoringModel(modelYaml);
    if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join("\n"));
    const model = parsed.value.data;
    expect(checkScoringModel(model)).toEqual([]);
    const bidsInput = aTender()
      .withBids({ id: "A", price: 10000, scores: { Q1: [40], Q2: [30], Q3: [20] } }, { id: "B", price: 8000, scores: { Q1: [32], Q2: [20], Q3: [22] } })
      .bidsInput();
    const input = { specification: aSpecification(), model, bids: TenderBids.parse(bidsInput) };
    expect(validateTender(input).filter((p) => p.severity === "error")).toEqual([]);
    const scored = scoreTender(input);
    if (!scored.ok) throw new Error(scored.problems.map(formatProblem).join("\n"));
    const byId = new Map(scored.value.bids.map((b) => [b.bidId, b]));
    expect(byId.get("A")!.sections[0]!.criteria.map((c) => [c.criterionId, c.availablePoints.toFraction(), c.scaleMax.toFraction(), c.points.toFraction()])).toEqual([
      ["Q1", "30", "60", "20"],
      ["Q2", "20", "40", "15"],
      ["Q3", "15", "30", "10"],
    ]);
    expect(byId.get("B")!.sections[0]!.criteria.map((c) => c.points.toFraction())).toEqual(["16", "10", "11"]);
    expect([byId.get("A")!.price!.points!.toFraction(), byId.get("B")!.price!.points!.toFraction()]).toEqual(["28", "35"]);
    expect([byId.get("A")!.total.toFraction(), byId.get("B")!.total.toFraction()]).toEqual(["73", "72"]);
    expect(scored.value.winners).toEqual(["A"]);
  });
});
