import { describe, expect, it } from "vitest";
import { makeAssessmentSummaries, makeEvaluationReport } from "../../src/documents/make-documents.js";
import type { TenderInput } from "../../src/scoring/score-tender.js";
import { formatProblem } from "../../src/problems/format.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { loadExample } from "../example-tender.js";
import { bundledTemplate, docxText } from "./docx-helpers.js";

const audit = { inputs: [{ file: "bids.yaml", sha256: "a".repeat(64) }], modelHash: "b".repeat(64), toolVersion: "0.1.0", generatedOn: "2026-11-21" };

/** The example tender's report and the summaries' text for bids B1 (the winner) and B3, with another price section and prices. */
function documents(change: (input: TenderInput) => void) {
  const input = structuredClone(loadExample());
  change(input);
  const scored = scoreTender(input);
  if (!scored.ok) throw new Error(scored.problems.map(formatProblem).join("\n"));
  const report = makeEvaluationReport(bundledTemplate("evaluation-report"), { ...input, result: scored.value, review: { policyTitle: "Policy", flags: [] }, audit });
  if (!report.ok) throw new Error(report.problems.map(formatProblem).join("\n"));
  const summaries = makeAssessmentSummaries(bundledTemplate("assessment-summary"), { ...input, result: scored.value }, { includeComparison: true, issuedOn: "2026-11-23" });
  if (!summaries.ok) throw new Error(summaries.problems.map(formatProblem).join("\n"));
  const bidder = (id: string) => input.bids.bids.find((b) => b.id === id)!.bidder;
  const summary = (id: string) => docxText(summaries.value.find((s) => s.bidder === bidder(id))!.bytes);
  return { report: docxText(report.value), summary };
}

describe("the documents say which form of the price was scored", () => {
  it("a discount method: the method, the base, each tender's discount and the price it gives", () => {
    // Discounts on a base of £1,000,000: B1 8%, B2 15%, B3 5%, B4 11.5%, B5 10%, B6 12.25%.
    const discounts: Record<string, number> = { B1: 8, B2: 15, B3: 5, B4: 11.5, B5: 10, B6: 12.25 };
    const { report, summary } = documents((input) => {
      input.model.sections.price!.method = { type: "discount-bilinear", base: 1000000, coefficient: 0.85 };
      for (const bid of input.bids.bids) bid.price = { extensionYears: [], discountPercent: discounts[bid.id]! };
    });
    expect(report).toContain("Method: Bilinear formula on the discount (ANAC guideline no. 2).");
    expect(report).toContain("Bidders offered a percentage discount on the base price of £1,000,000: the discount is what was scored");
    expect(report).toContain("£885,000 (11.5% discount)");
    const b3 = summary("B3");
    expect(b3).toContain("Price: bilinear formula on the discount (ANAC guideline no. 2); bidders offer a percentage discount on the base price of £1,000,000");
    expect(b3).toContain("Your tender offered a discount of 5% on the base price of £1,000,000, a whole-life price of £950,000, earning");
    expect(b3).toContain("Its tender offered a discount of 8% on the base price of £1,000,000, a whole-life price of £920,000, earning");
  });

  it("one whole-life total: the report names who gave one, and their summaries say it was one total", () => {
    const { report, summary } = documents((input) => {
      input.model.sections.price!.method = { type: "logarithmic", multiple: 2 };
      // B3's five yearly prices, 190,000 × 3 + 195,000 × 2 = 960,000, given as one total instead.
      input.bids.bids.find((b) => b.id === "B3")!.price = { extensionYears: [], total: 960000 };
    });
    expect(report).toContain("Method: Logarithmic relative formula (log formula).");
    expect(report).toContain("worked out to 12 decimal places");
    expect(report).toContain("Riverside Community Trust gave one whole-life total, which is what was scored; the other tenders gave a price for each year, and their sum was scored");
    expect(summary("B3")).toContain("Your whole-life price, given as one total for the 3 contract years and 2 optional extension years, was £960,000, earning");
    expect(summary("B3")).toContain("Its whole-life price, over the 3 contract years and 2 optional extension years, was £1,015,000");
  });
});
