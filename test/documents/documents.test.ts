import { describe, expect, it } from "vitest";
import { assessmentSummaryData, safeFileName } from "../../src/documents/assessment-summary.js";
import { makeAssessmentSummaries, makeEqualityAssessment, makeEvaluationReport } from "../../src/documents/make-documents.js";
import { EvaluationReportData } from "../../src/documents/evaluation-report.js";
import { renderDocx } from "../../src/documents/render-docx.js";
import { EqualityFindings } from "../../src/model/equality-findings.js";
import { parseInputDocument } from "../../src/model/parse-document.js";
import { formatProblem } from "../../src/problems/format.js";
import { reviewTender } from "../../src/review/review-tender.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { loadExample, exampleFolder } from "../example-tender.js";
import { defaultPolicy } from "../review/helpers.js";
import { bundledTemplate, docxText, editedTemplate, part } from "./docx-helpers.js";
import { readFileSync } from "node:fs";

const input = loadExample();
const scored = scoreTender(input);
if (!scored.ok) throw new Error("example must score");
const result = scored.value;
const audit = { inputs: [{ file: "bids.yaml", sha256: "a".repeat(64) }], modelHash: "b".repeat(64), toolVersion: "0.1.0", generatedOn: "2026-11-21" };
const review = reviewTender({ ...input, scored: { bids: input.bids, result }, policy: defaultPolicy() });

function report(template = bundledTemplate("evaluation-report")) {
  return makeEvaluationReport(template, { ...input, result, review: { policyTitle: "Default UK review policy", flags: review.flags }, audit });
}

describe("evaluation report", () => {
  const made = report();
  if (!made.ok) throw new Error(made.problems.map(formatProblem).join("\n"));
  const text = docxText(made.value);

  it("contains the tender, the model, the ranked results and the winner", () => {
    expect(text).toContain("Evaluation report: Community Advocacy and Peer Support Service for Disabled Adults");
    expect(text).toContain("Recommended supplier: Riverside Disabled People's Voice");
    expect(text).toContain("£1,000,000 including VAT");
    expect(text).toContain("Q1 Service delivery and outcomes");
    expect(text).toContain("13.5% of the total score");
    expect(text).toContain("points = maximum points × lowest price ÷ bid price");
    // The DDPO's row: rank, name, whole-life price, price, quality, social value, user panel, total.
    expect(text).toMatch(/1\nRiverside Disabled People's Voice\n£1,015,000\n25\.42\n39\.45\n14\.00\n9\.44\n88\.31\nRanked/);
    expect(text).toContain("Points are shown rounded to 2 decimal places.");
  });

  it("explains exclusions, moderation and each bid's points by criterion", () => {
    expect(text).toContain("Scored 1 on Q3 (Safeguarding), below the minimum of 2");
    expect(text).toMatch(/National Care Partnership Ltd\nQ2 Co-production and involvement of disabled people\n1, 4, 2\n2\nE2 had scored 4/);
    expect(text).toMatch(/Q1 Service delivery and outcomes\n4, 4, 5\n4\.33 \(mean\)\n11\.70 of 13\.50/);
  });

  it("names evaluators by role and never names user-panel members", () => {
    expect(text).toContain("Independent evaluator (lived experience of disability)");
    expect(text).toContain("A user panel of 3 people who use services scored the user panel section. Their identities are not recorded in this report.");
    expect(text).not.toMatch(/\bP1\b|\bP2\b|\bP3\b/);
  });

  it("includes the weighting review and the audit record", () => {
    expect(text).toContain("The scoring model and process were reviewed against: Default UK review policy.");
    // Sources are named as the public documents they are, never by internal words.
    expect(text).not.toMatch(/\bseeds?\b|tender-eval's default/i);
    expect(text).toContain("Achieving for Children Commissioning Framework");
    expect(text).toContain("Procurement Act 2023 s.18");
    expect(text).toContain("a".repeat(64));
    expect(text).toContain("calculated by tender-eval 0.1.0 on 21 November 2026");
  });

  it("is accessible: title and en-GB language set, real heading styles in order, header rows that repeat", () => {
    expect(part(made.value, "docProps/core.xml")).toContain("<dc:title>Evaluation report: Community Advocacy and Peer Support Service for Disabled Adults</dc:title>");
    expect(part(made.value, "docProps/core.xml")).toContain("<dc:language>en-GB</dc:language>");
    expect(part(made.value, "word/styles.xml")).toContain('w:lang w:val="en-GB"');
    const xml = part(made.value, "word/document.xml");
    const headings = [...xml.matchAll(/<w:pStyle w:val="(Title|Heading\d)"\/>/g)].map((m) => m[1]);
    expect(headings[0]).toBe("Title");
    for (let i = 1; i < headings.length; i++) {
      const level = (h: string) => (h === "Title" ? 0 : Number(h.slice(7)));
      expect(level(headings[i]!) - level(headings[i - 1]!)).toBeLessThanOrEqual(1); // no skipped levels
    }
    expect(xml.match(/<w:tblHeader\/>/g)!.length).toBe(xml.match(/<w:tbl>/g)!.length);
  });
});

describe("assessment summaries", () => {
  const made = makeAssessmentSummaries(bundledTemplate("assessment-summary"), { ...input, result }, { includeWinnerDetails: true, issuedOn: "2026-11-23" });
  if (!made.ok) throw new Error(made.problems.map(formatProblem).join("\n"));
  const byBidder = new Map(made.value.map((d) => [d.bidder, docxText(d.bytes)]));

  it("writes one per bidder with a safe file name", () => {
    expect(made.value.map((d) => d.fileName)).toContain("assessment-summary-B1-riverside-disabled-peoples-voice.docx");
    expect(made.value).toHaveLength(6);
  });

  it("tells an unsuccessful bidder who won, its scores with the evaluators' reasons, and why it did not win", () => {
    const text = byBidder.get("National Care Partnership Ltd")!;
    expect(text).toContain("We intend to award the contract to Riverside Disabled People's Voice, whose bid scored 88.31 points out of 100.");
    expect(text).toContain("Your bid scored 72.69 points out of 100 and ranked 4th of 5.");
    expect(text).toContain("Quality: the winning bid scored 7.20 points more (39.45 against your 32.25).");
    expect(text).toContain("Price: your bid scored 4.58 points more than the winning bid (30.00 against 25.42).");
    expect(text).toContain("The panel agreed a score of 2: E2 had scored 4");
    expect(text).toContain("Winning bid: 5 (11.25 of 11.25 points).");
    expect(text).toContain("It starts on the day the contract award notice is published");
    expect(text).toContain("Quality: each answer was scored by 3 evaluators, each on their own, on the 0 to 5 quality scale; the scores were agreed by consensus at moderation");
    expect(text).toContain("User panel: each answer was scored by 3 members of a user panel of people who use services, on the User panel scale (0 to 3); the scores were combined as the mean.");
  });

  it("leaves out the winner's own scores when the setting is off (England's guidance)", () => {
    const without = makeAssessmentSummaries(bundledTemplate("assessment-summary"), { ...input, result }, { includeWinnerDetails: false, issuedOn: "2026-11-23" });
    if (!without.ok) throw new Error("should render");
    const text = docxText(without.value.find((d) => d.bidder === "National Care Partnership Ltd")!.bytes);
    expect(text).not.toContain("Winning bid:");
    expect(text).toContain("We intend to award the contract to Riverside Disabled People's Voice");
  });

  it("tells the winner it won, and an excluded bidder why it was excluded", () => {
    expect(byBidder.get("Riverside Disabled People's Voice")).toContain("We intend to award the contract to you.");
    expect(byBidder.get("Homes and Hearts Housing Association")).toContain("Your bid was excluded: it scored 1 on Q3 (Safeguarding), below the minimum of 2.");
  });

  it("states the standstill rule and its length, never an end date counted from the letter", () => {
    const letter = byBidder.get("Riverside Community Trust")!;
    expect(letter).toContain("There is a standstill period of 8 working days before the contract is entered into. It starts on the day the contract award notice is published");
    expect(letter).toContain("not weekends, Christmas Day, Good Friday or bank holidays in any part of the United Kingdom");
    expect(letter).not.toMatch(/It ends at the end of/);
  });

  it.each([
    ["../../etc/passwd", "assessment-summary-X-etc-passwd.docx"],
    ["Ça & Co: «Services» / Ltd", "assessment-summary-X-ca-co-services-ltd.docx"],
    ["CON", "assessment-summary-X-con.docx"],
    ["😀😀", "assessment-summary-X.docx"],
  ])("a safe file name for bidder %j", (bidder, expected) => {
    expect(safeFileName("X", bidder)).toBe(expected);
  });

  it("winner details default to on in the data", () => {
    const data = assessmentSummaryData({ ...input, result, bidId: "B3" }, { includeWinnerDetails: true, issuedOn: "2026-11-23" });
    expect(data.includeWinnerDetails).toBe(true);
  });
});

describe("Equality Assessment", () => {
  const findingsText = readFileSync(`${exampleFolder}equality-findings.yaml`, "utf8");
  const findings = parseInputDocument(EqualityFindings, findingsText, "findings", "equality-findings.yaml");
  if (!findings.ok) throw new Error("example findings must parse");

  it("follows seed 004 section 6, pre-filled from the specification and the findings", () => {
    const made = makeEqualityAssessment(bundledTemplate("equality-assessment"), { specification: input.specification, findings: findings.value.data, reviewFlags: review.flags, today: "2026-11-21" });
    if (!made.ok) throw new Error(made.problems.map(formatProblem).join("\n"));
    const text = docxText(made.value);
    const headings = ["Background", "Purpose", "Research", "Analysis of impact", "Summary", "Consultation", "Action planning", "Monitoring and review"];
    let last = -1;
    for (const h of headings) {
      const at = text.indexOf(`\n${h}\n`);
      expect(at, h).toBeGreaterThan(last);
      last = at;
    }
    for (const group of ["Age", "Disability", "Gender (Sex)", "Gender reassignment", "Marriage and civil partnership", "Pregnancy and maternity", "Race or ethnicity", "Religion and belief including non-belief", "Sexual orientation"]) {
      expect(text).toContain(`\n${group}\n`);
    }
    expect(text).toContain("15 July 2026");
    expect(text).toContain("Priya Natarajan, Commissioning Manager, Adult Social Care");
    expect(text).toContain("Riverside disability engagement survey 2025");
    expect(text).toContain("Add optional equality monitoring questions");
    expect(text).toContain("1 April 2027");
    // Left blank in the findings: a clear prompt, not a gap.
    expect(text).toMatch(/Gender reassignment\n\[To complete: assess the relevance of this group/);
  });

  it("with no findings, every part the commissioner must write is a prompt", () => {
    const made = makeEqualityAssessment(bundledTemplate("equality-assessment"), { specification: input.specification, findings: EqualityFindings.parse({}), today: "2026-11-21" });
    if (!made.ok) throw new Error("should render");
    const text = docxText(made.value);
    expect(text.match(/\[To complete:/g)!.length).toBeGreaterThanOrEqual(9 + 6);
    expect(text).toContain("21 November 2026");
  });

  it("carries the weighting review's warnings into the analysis and the action plan", () => {
    const failing = reviewTender({ ...input, model: { ...input.model, sections: { ...input.model.sections, socialValue: { ...input.model.sections.socialValue!, weight: 5 }, quality: { ...input.model.sections.quality!, weight: 55 } } }, policy: defaultPolicy() });
    const made = makeEqualityAssessment(bundledTemplate("equality-assessment"), { specification: input.specification, findings: EqualityFindings.parse({}), reviewFlags: failing.flags, today: "2026-11-21" });
    if (!made.ok) throw new Error("should render");
    const text = docxText(made.value);
    expect(text).toContain("Findings of the weighting review");
    expect(text).toMatch(/social value carries 5%, the token "added value" share .*\n\[To complete: planned action\]/);
  });
});

describe("templates: a misspelt or missing tag is an error, never a gap", () => {
  it("lists every unknown tag at once, with the loop it is in, and returns no document", () => {
    const broken = editedTemplate(bundledTemplate("evaluation-report"), (xml) => xml.replace("{tender.reference}", "{tender.refrence}").replace("{bidder}", "{bidderr}"));
    const made = report(broken);
    expect(made.ok).toBe(false);
    expect(made.problems.map(formatProblem)).toEqual([
      "my-template.docx: the tag {tender.refrence} in the document is not a field this document provides (see: tender-eval templates list)",
      "my-template.docx: the tag {bidderr} inside the loop {#results} is not a field this document provides (see: tender-eval templates list)",
    ]);
  });

  it("reports a value missing from the data instead of printing 'undefined'", () => {
    const data = { ...({} as EvaluationReportData), documentTitle: "x" };
    const made = renderDocx(bundledTemplate("evaluation-report"), EvaluationReportData, data, { title: "x", creator: "Council", date: "2026-11-21" });
    expect(made.ok).toBe(false);
    expect(made.problems.map((p) => p.code)).toContain("template.missing-value");
  });

  it.each([
    ["{constructor}", "template.invalid-tag"],
    ["{tender.constructor.name}", "template.invalid-tag"],
    ["{__proto__}", "template.invalid-tag"],
    ["{process.env.HOME}", "template.unknown-tag"],
    ['{this.constructor.constructor("return process")()}', "template.invalid-tag"],
    ["{tender.title + 1}", "template.invalid-tag"],
  ])("an untrusted template cannot reach code or the environment: %s", (tag, code) => {
    const hostile = editedTemplate(bundledTemplate("evaluation-report"), (xml) => xml.replace("{tender.reference}", tag.replace(/"/g, "&quot;")));
    const made = report(hostile);
    expect(made.ok).toBe(false);
    expect(made.problems.map((p) => p.code)).toContain(code);
  });

  it("explains a refused tag in plain words", () => {
    const hostile = editedTemplate(bundledTemplate("evaluation-report"), (xml) => xml.replace("{tender.reference}", "{tender.title + 1}"));
    expect(report(hostile).problems.map(formatProblem)).toEqual([
      "my-template.docx: the tag {tender.title + 1} cannot be used: it is not a field name (templates may only use names like tender.title, with no operators, calls or hidden properties)",
    ]);
  });

  it("refuses a file that is not a .docx, naming it", () => {
    const made = report({ name: "report.pdf", bytes: new TextEncoder().encode("%PDF-1.7") });
    expect(made.problems.map(formatProblem)[0]).toMatch(/^report\.pdf: cannot be used as a template: it is not a Word \.docx file/);
  });

  it("accepts an authority's own template that uses a subset of the fields", () => {
    const own = editedTemplate(bundledTemplate("evaluation-report"), (xml) => xml.replace("Reference:", "Our reference:"));
    const made = report(own);
    expect(made.ok).toBe(true);
    if (made.ok) expect(docxText(made.value)).toContain("Our reference: RBC-ASC-2026-014");
  });
});
