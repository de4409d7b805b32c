import { describe, expect, it } from "vitest";
import { makeEvaluationReport } from "../../src/documents/make-documents.js";
import type { TenderBids } from "../../src/model/bids.js";
import { formatProblem } from "../../src/problems/format.js";
import type { ReviewPolicy } from "../../src/review/policy.js";
import { reviewTender } from "../../src/review/review-tender.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { keepTablesTogether, SMALL_TABLE_ROWS } from "../../src/documents/keep-together.js";
import { loadExample } from "../example-tender.js";
import { defaultPolicy } from "../review/helpers.js";
import { bundledTemplate, docxText, part } from "./docx-helpers.js";

const audit = { inputs: [{ file: "bids.yaml", sha256: "a".repeat(64) }], modelHash: "b".repeat(64), toolVersion: "0.1.0", generatedOn: "2026-11-21" };

function reportText(change: (input: ReturnType<typeof loadExample>) => ReturnType<typeof loadExample> = (x) => x, policy: ReviewPolicy = defaultPolicy()) {
  const input = change(loadExample());
  const scored = scoreTender(input);
  if (!scored.ok) throw new Error(scored.problems.map(formatProblem).join("\n"));
  const review = reviewTender({ ...input, scored: { bids: input.bids, result: scored.value }, policy });
  const made = makeEvaluationReport(bundledTemplate("evaluation-report"), { ...input, result: scored.value, review: { policyTitle: policy.title, flags: review.flags }, audit });
  if (!made.ok) throw new Error(made.problems.map(formatProblem).join("\n"));
  return { text: docxText(made.value), xml: part(made.value, "word/document.xml") };
}

const withValue = (estimatedValue: number) => (input: ReturnType<typeof loadExample>) => ({
  ...input,
  specification: { ...input.specification, contract: { ...input.specification.contract, estimatedValue } },
});
/** The example with no extension years: none in the contract, the bids or the price. */
const withoutExtensions = (input: ReturnType<typeof loadExample>) => ({
  ...input,
  specification: { ...input.specification, contract: { ...input.specification.contract, extensionYears: 0 } },
  model: { ...input.model, sections: { ...input.model.sections, price: { ...input.model.sections.price!, includeExtensionYears: false } } },
  bids: { ...input.bids, bids: input.bids.bids.map((b) => ({ ...b, price: { ...b.price!, extensionYears: [] } })) },
});

describe("evaluation report, fit for approval", () => {
  const { text, xml } = reportText();

  it("opens with an executive summary and the recommendation", () => {
    const summary = text.indexOf("\nExecutive summary\n");
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThan(text.indexOf("\n1. The tender\n"));
    expect(text).toContain(
      "Recommendation: The evaluation panel recommends awarding the contract to Riverside Disabled People's Voice, the most advantageous tender: ranked first of the 5 tenders ranked, with 88.31 points out of 100.",
    );
    expect(text).toContain("6 tenders were received: 5 ranked and 1 excluded (Homes and Hearts Housing Association: scored 1 on Q3 (Safeguarding), below the minimum of 2).");
    expect(text).toContain("2 scores were agreed at moderation (section 5).");
  });

  it("records each evaluator's declaration of interests, and says when one is missing", () => {
    expect(text).toMatch(/Commissioning Manager \(E1\)\nYes, on 14 October 2026\nNone declared\n–/);
    expect(text).toMatch(/Service Manager, Disability Services \(E2\)\nYes, on 14 October 2026\nManaged the current advocacy contract.*\nDeclared to the panel chair/);
    expect(text).toContain("All 3 evaluators made a dated declaration of interests; 1 interest was declared and is recorded with how it was handled (section 3).");
    const missing = reportText((input) => ({ ...input, bids: { ...input.bids, panel: { ...input.bids.panel, declarations: input.bids.panel.declarations.filter((d) => d.evaluator !== "E3") } } as TenderBids })).text;
    expect(missing).toMatch(/Independent evaluator \(lived experience of disability\) \(E3\)\nNot recorded\n–\n–/);
    expect(missing).toContain("Declarations of interests are incomplete: Independent evaluator (lived experience of disability) (E3) (not recorded). Complete them before this report is approved (section 3).");
    expect(missing).toContain("Before approval: every missing or undated declaration must be completed");
  });

  it("gives each bid's pass/fail results", () => {
    expect(text).toMatch(/Pass\/fail results\nBidder\nResults\nOutcome\nRiverside Disabled People's Voice\nEmployer's and public liability insurance of at least £5 million: pass/);
    const failed = reportText((input) => ({ ...input, bids: { ...input.bids, bids: input.bids.bids.map((b) => (b.id === "B2" ? { ...b, gates: { ...b.gates, insurance: "fail" as const } } : b)) } })).text;
    expect(failed).toMatch(/National Care Partnership Ltd\nEmployer's and public liability insurance of at least £5 million: fail\n?Adult safeguarding policy reviewed in the last 12 months: pass\nFailed: Employer's and public liability insurance of at least £5 million\. Excluded\./);
  });

  it("shows an excluded bid without a total among the ranked totals", () => {
    expect(text).toMatch(/–\nHomes and Hearts Housing Association\n£910,000\n–\n22\.05\n6\.00\n3\.33\n–\nExcluded/);
    expect(text).not.toContain("31.38");
  });

  it("ends with a sign-off whose approver comes from the scheme of delegation, for each band", () => {
    expect(text).toMatch(/7\. Approval\nApprover: Board \(commissioning activity above £500,000\)\. A contract worth £1,666,666\.67 \(the estimated £1,000,000 for the initial 3 years, including VAT/);
    expect(text).toContain("Scheme of delegation: Achieving for Children Commissioning Framework");
    expect(text).toMatch(/Role\nName\nSignature\nDate\nChair of the evaluation panel\nApprover/);
    // Without extension years, the value the approver is chosen by is the estimate itself.
    const approverFor = (value: number) => /Approver: (.+?)\. A contract worth/.exec(reportText((x) => withValue(value)(withoutExtensions(x))).text)![1];
    expect(approverFor(499)).toBe("Line manager");
    expect(approverFor(500)).toBe("Heads of Service (purchases £500 to £49,999)");
    expect(approverFor(49_999)).toBe("Heads of Service (purchases £500 to £49,999)");
    expect(approverFor(50_000)).toBe("Senior Leadership Team acting as the commissioning board");
    expect(approverFor(500_000)).toBe("Senior Leadership Team acting as the commissioning board");
    expect(approverFor(500_001)).toBe("Board (commissioning activity above £500,000)");
  });

  it("states values exactly as the specification gives them", () => {
    expect(text).toContain("£1,000,000 including VAT, for the initial 3 years, not the optional extension years");
    const plain = reportText(withoutExtensions).text;
    expect(plain).toContain("£1,000,000 including VAT, for the whole 3 years");
    expect(plain).not.toMatch(/extension/i);
  });

  it("writes findings as sentences and names sources as public documents", () => {
    const findings = [...text.matchAll(/\n(Advice|Warning|Error)\n([^\n]+)\n/g)].map((m) => m[2]!);
    expect(findings.length).toBeGreaterThan(3);
    for (const f of findings) expect(f, f).toMatch(/^[A-Z£0-9].*\.$/);
    expect(text).not.toMatch(/\bseeds?\b|tender-eval's default|Italy's/i);
    expect(text).not.toMatch(/(^|[\s(])(\/[\w.-]+){2,}|[A-Z]:\\/m);
  });

  it("keeps small tables on one page and headings with what follows", () => {
    // The sections table: 5 rows, all but the last kept with the next.
    const sections = /<w:tbl>(?:(?!<\/w:tbl>)[\s\S])*?Sections and weights|<w:tbl>((?:(?!<\/w:tbl>)[\s\S])*?Price method \(below\)(?:(?!<\/w:tbl>)[\s\S])*?)<\/w:tbl>/.exec(xml)![1]!;
    const rows = sections.split("</w:tr>").filter((r) => r.includes("<w:tr"));
    expect(rows.map((r) => r.includes("<w:keepNext/>"))).toEqual([true, true, true, true, false]);
    expect(xml.match(/<w:cantSplit\/>/g)!.length).toBeGreaterThan(0);
    expect(part(reportTemplateBytes(), "word/styles.xml")).toMatch(/w:styleId="Heading1"[\s\S]*?<w:keepNext\/>/);
  });
});

function reportTemplateBytes() {
  return bundledTemplate("evaluation-report").bytes as Uint8Array;
}

describe("keeping tables together", () => {
  const row = (i: number) => `<w:tr><w:tc><w:p><w:pPr><w:pStyle w:val="X"/><w:spacing/></w:pPr><w:r><w:t>${i}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>`;
  const table = (n: number) => `<w:tbl><w:tblPr/>${Array.from({ length: n }, (_, i) => row(i)).join("")}</w:tbl>`;
  const kept = (n: number) => keepTablesTogether(table(n)).split("</w:tr>").slice(0, n).map((r) => (r.match(/<w:keepNext\/>/g) ?? []).length);

  it("a small table: every row but the last keeps with the next, every paragraph of it, after its style", () => {
    expect(kept(4)).toEqual([2, 2, 2, 0]);
    expect(keepTablesTogether(table(2))).toContain('<w:pPr><w:pStyle w:val="X"/><w:keepNext/><w:spacing/></w:pPr>');
    expect(keepTablesTogether(table(2))).toContain("<w:p><w:pPr><w:keepNext/></w:pPr><w:r>");
  });

  it("a long table: the header with two rows, and the last two rows, never one alone", () => {
    const n = SMALL_TABLE_ROWS + 5;
    expect(kept(n)).toEqual(Array.from({ length: n }, (_, i) => (i === 0 || i === 1 || i === n - 2 ? 2 : 0)));
  });

  it("is idempotent", () => {
    expect(keepTablesTogether(keepTablesTogether(table(3)))).toBe(keepTablesTogether(table(3)));
  });
});
