import { mkdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { makeAssessmentSummaries, makeEvaluationReport } from "../../src/documents/make-documents.js";
import { formatProblem } from "../../src/problems/format.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { criteriaVariant as variant } from "../criteria-variant.js";
import { bundledTemplate, docxText } from "./docx-helpers.js";

/** Set CRITERIA_DOCS=/some/folder to write the documents there for a look. */
describe("documents for a points model with criteria on their own scales and a quantitative criterion", () => {
  const input = variant();
  const scored = scoreTender(input);
  if (!scored.ok) throw new Error(scored.problems.map(formatProblem).join("\n"));
  const audit = { inputs: [{ file: "bids.yaml", sha256: "a".repeat(64) }], modelHash: "b".repeat(64), toolVersion: "0.1.0", generatedOn: "2026-11-21" };
  const report = makeEvaluationReport(bundledTemplate("evaluation-report"), { ...input, result: scored.value, audit });
  if (!report.ok) throw new Error(report.problems.map(formatProblem).join("\n"));
  const summaries = makeAssessmentSummaries(bundledTemplate("assessment-summary"), { ...input, result: scored.value }, { includeComparison: true, issuedOn: "2026-11-23" });
  if (!summaries.ok) throw new Error(summaries.problems.map(formatProblem).join("\n"));
  const text = docxText(report.value);
  const letter = docxText(summaries.value.find((d) => d.bidder === "National Care Partnership Ltd")!.bytes);
  const folder = process.env["CRITERIA_DOCS"];
  if (folder) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(`${folder}/evaluation-report.docx`, report.value);
    for (const d of summaries.value) writeFileSync(`${folder}/${d.fileName}`, d.bytes);
  }

  it("the report gives weights as the published points with their exact share", () => {
    // Quality 90 of 200 = 45%; Q1 30 of 120 = 25% of the section.
    expect(text).toContain("90 of 200 points (45%)");
    expect(text).toContain("30 of 120 points (25%)");
  });

  it("the assessment summary gives each criterion's weight as published, beside its share of the total", () => {
    // Q1: 30 of 120 points of quality = 25% of the section; quality is 45% of the total, so 11.25%.
    expect(letter).toMatch(/Q1 [^\n]+\nQuality\n30 of 120 points \(25%\)\n11\.25% of the total score/);
  });

  it("the report names each criterion's own scale and states the quantitative rule in words", () => {
    expect(text).toContain("0 to 5 quality scale; Q1: 0 to 10 scale; K1: figures in hours");
    expect(text).toContain(
      "K1 Response to an urgent referral is scored from the figure each tender offered (linear interpolation between published bounds): points = (48 − figure) ÷ (48 − 4) × the criterion's points, in hours; lower is better: 4 hours or less earns all the points, 48 hours or more earns none.",
    );
    expect(text).toContain("12 hours (the figure offered)");
  });

  it("the assessment summary gives the bidder its figure and what it earned, by the published rule", () => {
    // B2 offered 12 hours: (48 − 12) ÷ (48 − 4) = 36/44 = 9/11 of K1's 45 × 20/120 = 7.5 points = 135/22 ≈ 6.14.
    expect(letter).toContain("12 hours");
    expect(letter).toContain("Not marked on a scale: the figure earns 81.82% of the points (4 hours earns all of them and 48 hours none, in a straight line between).");
    expect(letter).toContain("6.14 of 7.50");
    expect(letter).toContain("K1 Response to an urgent referral was scored from the figure each tender offered");
  });
});
