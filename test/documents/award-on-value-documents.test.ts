import { describe, expect, it } from "vitest";
import { makeAssessmentSummaries, makeEvaluationReport } from "../../src/documents/make-documents.js";
import { formatMoney, formatPoints } from "../../src/language/uk-format.js";
import type { PriceMethod } from "../../src/model/scoring-model.js";
import { formatProblem } from "../../src/problems/format.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { loadExample } from "../example-tender.js";
import { bundledTemplate, docxText } from "./docx-helpers.js";

const audit = { inputs: [{ file: "bids.yaml", sha256: "a".repeat(64) }], modelHash: "b".repeat(64), toolVersion: "0.1.0", generatedOn: "2026-11-21" };

/** The example tender awarded on value: price weight 0, its 30 points moved to quality. */
function awardedOnValue(method: PriceMethod) {
  const input = loadExample();
  const sections = input.model.sections;
  const model = { ...input.model, sections: { ...sections, price: { ...sections.price!, weight: 0, method }, quality: { ...sections.quality!, weight: 75 } } };
  const tender = { ...input, model };
  const scored = scoreTender(tender);
  if (!scored.ok) throw new Error(scored.problems.map(formatProblem).join("\n"));
  const report = makeEvaluationReport(bundledTemplate("evaluation-report"), { ...tender, result: scored.value, audit });
  if (!report.ok) throw new Error(report.problems.map(formatProblem).join("\n"));
  const letters = makeAssessmentSummaries(bundledTemplate("assessment-summary"), { ...tender, result: scored.value }, { includeComparison: true, issuedOn: "2026-11-23" });
  if (!letters.ok) throw new Error(letters.problems.map(formatProblem).join("\n"));
  return { result: scored.value, report: docxText(report.value), letters: new Map(letters.value.map((l) => [l.bidder, docxText(l.bytes)])) };
}

const values = { Q1: 45000, Q2: 37500, Q3: 30000, Q4: 22500, Q5: 15000, SV1: 22500, SV2: 22500, U1: 15000, U2: 15000 };

describe("documents under a fictional price", () => {
  const { result, report, letters } = awardedOnValue({ type: "fictional-price", values });
  const winner = result.bids.find((b) => b.bidId === result.winners[0])!;
  const loser = result.bids.find((b) => b.rank === 2)!;

  it("the report recommends the winner by its fictional price and says how every ranked tender's was reached", () => {
    expect(report).toContain(`ranked first of the 5 tenders ranked, with a fictional price of ${formatMoney(winner.price!.awardValue!)} (section 4).`);
    expect(report).toContain("How the award was decided");
    expect(report).toContain("The award method is the fictional price (award on value). Price earns no points under it");
    for (const b of result.bids.filter((x) => x.rank !== null)) {
      expect(report).toContain(`${b.bidder}'s whole-life price of ${formatMoney(b.price!.wholeLifeCost)}, less ${formatMoney(b.price!.wholeLifeCost.sub(b.price!.awardValue!))} for the quality of its answers, gives a fictional price of ${formatMoney(b.price!.awardValue!)}.`);
    }
    expect(report).toContain("(Q1 £45,000, Q2 £37,500, Q3 £30,000, Q4 £22,500, Q5 £15,000, SV1 £22,500, SV2 £22,500, U1 £15,000, U2 £15,000); the lowest fictional price wins");
  });

  it("a letter gives the bidder's and the winner's fictional price, and leads the comparison with them", () => {
    const text = letters.get(loser.bidder)!;
    expect(text).toContain("The award method is the fictional price (award on value).");
    // The figure that decided leads the outcome, not a points total the bidder may have beaten.
    expect(text).toContain(`We intend to award the contract to ${winner.bidder}, whose tender is the most advantageous tender: it had a fictional price of ${formatMoney(winner.price!.awardValue!)}, which decides the award under the published method (below), and scored ${formatPoints(winner.total)} points out of 100.`);
    expect(text).toContain(`Your whole-life price of ${formatMoney(loser.price!.wholeLifeCost)}, less `);
    expect(text).toContain(`gives a fictional price of ${formatMoney(loser.price!.awardValue!)}.`);
    expect(text).toContain(`Your tender had a fictional price of ${formatMoney(loser.price!.awardValue!)}; the most advantageous tender had a fictional price of ${formatMoney(winner.price!.awardValue!)}.`);
    expect(text).toContain("Award: Fictional price (award on value); fictional price = whole-life price −");
    expect(text).toContain("22.5% of the total score; at the top score, £45,000 off the fictional price");
    // Price earns no points here: no "at most 0 points", no price row, no "not scored".
    expect(text).not.toContain("at most 0 points");
    expect(text).not.toContain("which was not scored");
  });
});

describe("documents under the extended guide value method", () => {
  const { result, report, letters } = awardedOnValue({ type: "extended-guide-value", bandPercent: 10, decidedBy: "highest-quality" });

  it("the report states the band as applied and whether each tender was within it", () => {
    expect(result.band!.bidIds.length).toBeGreaterThan(1);
    expect(report).toContain("The award method is the extended guide value method (UfAB).");
    expect(report).toMatch(/the band of 10% below it reached down to [\d.]+; .* were within it, and the highest quality score decided between them\./);
    expect(report).toContain("quality points per £1 million of whole-life price, within the band.");
    expect(report).toContain("quality points per £1 million of whole-life price, outside the band.");
  });

  it("a letter says whether the bidder's guide value was within the band", () => {
    const outside = result.bids.find((b) => b.price?.withinBand === false)!;
    expect(letters.get(outside.bidder)!).toMatch(/Your quality score of [\d.]+ ÷ whole-life price of £[\d,]+ gives a guide value of [\d.]+ quality points per £1 million of whole-life price, outside the band\./);
  });
});
