import { describe, expect, it } from "vitest";
import { exact } from "../../src/arithmetic/exact.js";
import { TenderBids, type TenderBidsInput } from "../../src/model/bids.js";
import { checkScoringModel } from "../../src/model/check-model.js";
import type { Measure } from "../../src/model/measure.js";
import { ScoringModel, type ScoringModelInput } from "../../src/model/scoring-model.js";
import { formatProblem } from "../../src/problems/format.js";
import { measuredShare } from "../../src/scoring/measured.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { validateTender } from "../../src/scoring/validate-tender.js";
import { aSpecification, aTender } from "../builders.js";

/**
 * Quantitative criteria that are not price: a figure per bid earns the points.
 *
 * Interpolation between published bounds is pinned by a worked example a German buyer published in its
 * award criteria for building cleaning ("Unterhaltsreinigung"): the offered performance figure
 * (Leistungskennzahl, LKZ) is converted to annual working hours AS and scored on 0 to 50 points by
 *   50 × (AS − ASmin) ÷ (ASmax − ASmin);
 * "Beispiel: ASmin = 10.000 Stunden pro Jahr, ASmax = 18.000 Stunden pro Jahr, AS = 14.000 Stunden pro Jahr:
 *  50 × ((14.000 − 10.000) ÷ (18.000 − 10.000)) = 50 × (4000 ÷ 8000) = 50 × 0,5 = 25 Punkte".
 * Source: the published process data ("Zuschlagskriterien") of tender CXPTYD3DKYF on the Vergabemarktplatz
 * Rheinland, https://vmp-rheinland.de/VMPSatellite/public/company/project/CXPTYD3DKYF/de/eforms/processdata
 * (section on the award criteria, the LKZ criterion at 50 %). So best = 18,000 hours (all 50 points) and
 * worst = 10,000 hours (none). Figures outside the bounds are clamped (our rule, stated in the model).
 *
 * Scoring against the best offer is pinned by the published low-bid example of an e-tendering suite
 * (Negometrix/Mercell), whose figures are prices: no published worked example applying the form to a figure
 * other than price was found, so the examples with hours and apprenticeships below are hand-computed.
 */
const interpolation: Measure = { method: "interpolation", unit: "hours a year", best: 18000, worst: 10000 };

function tenderWith(measure: Measure, figures: Record<string, number>, weight = 50): { model: ScoringModelInput; bids: TenderBidsInput } {
  const base = aTender().withPrice(100 - weight).withQuality(weight, { K1: 100 }).modelInput();
  const model: ScoringModelInput = {
    ...base,
    sections: { ...base.sections, quality: { ...base.sections.quality!, criteria: [{ id: "K1", title: "Working hours offered", weight: 100, measure }] } },
  };
  const ids = Object.keys(figures);
  const bids = aTender()
    .withBids(...ids.map((id) => ({ id, price: 100000, scores: {} })))
    .bidsInput();
  return { model, bids: { ...bids, bids: bids.bids.map((b) => ({ ...b, figures: { K1: figures[b.id]! } })) } };
}

function points(measure: Measure, figures: Record<string, number>, weight = 50): Record<string, string> {
  const { model, bids } = tenderWith(measure, figures, weight);
  const scored = scoreTender({ specification: aSpecification(), model: ScoringModel.parse(model), bids: TenderBids.parse(bids) });
  if (!scored.ok) throw new Error(scored.problems.map(formatProblem).join("\n"));
  return Object.fromEntries(scored.value.bids.map((b) => [b.bidId, b.sections[0]!.criteria[0]!.points.toFraction()]));
}

describe("quantitative criteria: linear interpolation between published bounds", () => {
  it("reproduces the published example: 14,000 hours between 10,000 and 18,000 earns 25 of 50 points", () => {
    // 50 × (14000 − 10000) ÷ (18000 − 10000) = 50 × 4000/8000 = 25 (the publication's own arithmetic).
    expect(points(interpolation, { B1: 14000 })).toEqual({ B1: "25" });
  });

  it("clamps: the best bound or better earns all the points, the worst or worse none", () => {
    // 19000 is beyond the best: 50. 18000 is the best: 50. 9000 is beyond the worst: 0.
    // 11000: 50 × 1000/8000 = 25/4 (6.25).
    expect(points(interpolation, { B1: 19000, B2: 18000, B3: 9000, B4: 11000 })).toEqual({ B1: "50", B2: "50", B3: "0", B4: "25/4" });
  });

  it("lower is better when the best bound is below the worst (e.g. response hours: 2 best, 24 worst)", () => {
    const hours: Measure = { method: "interpolation", unit: "hours", best: 2, worst: 24 };
    // 30 points. 2 h → 30; 13 h → (13 − 24) ÷ (2 − 24) × 30 = (−11/−22) × 30 = 15; 30 h → 0; 1 h → 30.
    expect(points(hours, { B1: 2, B2: 13, B3: 30, B4: 1 }, 30)).toEqual({ B1: "30", B2: "15", B3: "0", B4: "30" });
  });
});

describe("quantitative criteria: against the best offer", () => {
  it("reproduces the published low-bid example's arithmetic: $8,000 and $10,000, lower better, on 70 points give 70 and 56", () => {
    // Negometrix (Mercell) support site, US edition, "Low bid scoring formula" (support-us.negometrix.com,
    // article 44001761046), section "Example": "8,000 / 10,000 x 70 (max points) = 56 points" and
    // "8,000/8,000 x 70 = 70 points". The page applies WP × Pbest ÷ Pi to price; the same figures here go
    // through a quantitative criterion scored against the best offer, lower better, worth 70 points:
    // 70 × 8000/8000 = 70; 70 × 8000/10000 = 70 × 4/5 = 56.
    expect(points({ method: "best-offer", unit: "dollars", better: "lower" }, { A: 10000, B: 8000 }, 70)).toEqual({ A: "56", B: "70" });
  });

  it("lower is better: best ÷ offer", () => {
    // 20 points; response in 4, 6 and 8 hours; best 4. 4/4 × 20 = 20; 4/6 × 20 = 40/3; 4/8 × 20 = 10.
    expect(points({ method: "best-offer", unit: "hours", better: "lower" }, { B1: 4, B2: 6, B3: 8 }, 20)).toEqual({ B1: "20", B2: "40/3", B3: "10" });
  });

  it("higher is better: offer ÷ best", () => {
    // 20 points; apprenticeships 5 and 4; best 5. 5/5 × 20 = 20; 4/5 × 20 = 16.
    expect(points({ method: "best-offer", unit: "apprenticeships", better: "higher" }, { B1: 5, B2: 4 }, 20)).toEqual({ B1: "20", B2: "16" });
  });

  it("the share is exact", () => {
    expect(measuredShare({ method: "best-offer", unit: "days", better: "lower" }, exact(3), exact(1)).toFraction()).toBe("1/3");
  });
});

describe("quantitative criteria: checks", () => {
  it("a missing figure, a figure for an unknown criterion, scores for a quantitative criterion and a zero under best-offer are each located", () => {
    const { model, bids } = tenderWith({ method: "best-offer", unit: "hours", better: "lower" }, { B1: 4, B2: 0 });
    const withMistakes = {
      ...bids,
      bids: [
        { ...bids.bids[0]!, figures: { K9: 3 }, scores: { K1: { E1: { score: 3 } } } },
        bids.bids[1]!,
      ],
    };
    const problems = validateTender({ specification: aSpecification(), model: ScoringModel.parse(model), bids: TenderBids.parse(withMistakes) }).filter((p) => p.severity === "error");
    expect(problems.map(formatProblem)).toEqual([
      "bids: bids[0].scores.K1: criterion K1 is quantitative: its points come from each bid's figure under figures, not from evaluators' or moderated scores",
      'bids: bids[0].figures.K9: "K9" is not a criterion of the scoring model (criteria: K1)',
      'bids: bids[0].figures: bid "B1" gives no figure (in hours) for the quantitative criterion K1: add it under figures, e.g. K1: 4',
      'bids: bids[1].figures.K1: bid "B2" offers 0 for criterion K1, which is scored against the best offer by division, so every figure must be above 0',
    ]);
  });

  it("equal bounds, or a minimum score on a quantitative criterion, are refused in the model", () => {
    const { model } = tenderWith({ method: "interpolation", unit: "days", best: 5, worst: 5 }, { B1: 5 });
    const quality = model.sections.quality!;
    const bad = { ...model, sections: { ...model.sections, quality: { ...quality, criteria: [{ ...quality.criteria[0]!, minimumScore: 2 }] } } };
    expect(checkScoringModel(ScoringModel.parse(bad)).map(formatProblem)).toEqual([
      "model: sections.quality.criteria[0].measure: criterion K1 interpolates between a best and a worst figure that are both 5, so no figure can be placed between them",
      "model: sections.quality.criteria[0].minimumScore: criterion K1 is quantitative, so a minimumScore (a mark on a scale) does not apply to it; to exclude figures beyond a limit, state the limit as a requirement (a gate)",
    ]);
  });
});
