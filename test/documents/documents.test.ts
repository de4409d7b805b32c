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
  return makeEvaluationReport(template, { ...input, result, review: { policyTitle: "UK review policy for proportionate weighting", flags: review.flags }, audit });
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
    expect(text).toMatch(/National Care Partnership Ltd\nQ2 Co-production and involvement of disabled people\n1, 4, 2\n2\nScores ranged from 1 to 4/);
    expect(text).toMatch(/Q1 Service delivery and outcomes\n4, 4, 5\n4\.33 \(mean\)\n11\.70 of 13\.50/);
  });

  it("with no score agreed yet and one awaiting moderation, never says no score needed moderation", () => {
    // A newcomer's report said "1 answer still awaits moderation" and then "No score needed moderation".
    const bids = structuredClone(input.bids);
    bids.moderation = [];
    // The example's two moderated answers are given agreed marks, so nothing was moderated...
    for (const [bid, criterion, agreed] of [["B2", "Q2", 2], ["B6", "Q3", 3]] as const) {
      const marks = bids.bids.find((b) => b.id === bid)!.scores[criterion]!;
      for (const evaluator of Object.keys(marks)) marks[evaluator]!.score = agreed;
    }
    // ...and one answer now awaits it.
    bids.bids[0]!.scores["Q4"]!["E1"]!.score = 1;
    const rescored = scoreTender({ ...input, bids });
    if (!rescored.ok) throw new Error("should score");
    expect(rescored.value.moderationNeeded).toHaveLength(1);
    const made = makeEvaluationReport(bundledTemplate("evaluation-report"), { ...input, bids, result: rescored.value, audit });
    if (!made.ok) throw new Error(made.problems.map(formatProblem).join("\n"));
    const pending = docxText(made.value);
    expect(pending).toContain("This recommendation is provisional: 1 answer still awaits moderation (section 5).");
    expect(pending).toContain("Still awaiting moderation");
    expect(pending).not.toMatch(/No scores? needed moderation/);
    expect(text).not.toMatch(/No scores? needed moderation/);
  });

  it("names evaluators by role and never names user-panel members", () => {
    expect(text).toContain("Independent evaluator (lived experience of disability)");
    expect(text).toContain("A user panel of 3 people who use services scored the user panel section. Their identities are not recorded in this report.");
    expect(text).not.toMatch(/\bP1\b|\bP2\b|\bP3\b/);
  });

  it("includes the weighting review and the audit record", () => {
    expect(text).toContain("The scoring model and process were reviewed against the UK review policy for proportionate weighting.");
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
  const summaryInput = { ...input, result };
  const made = makeAssessmentSummaries(bundledTemplate("assessment-summary"), summaryInput, { includeComparison: true, issuedOn: "2026-11-23" });
  if (!made.ok) throw new Error(made.problems.map(formatProblem).join("\n"));
  const byBidder = new Map(made.value.map((d) => [d.bidder, docxText(d.bytes)]));
  const unsuccessful = byBidder.get("National Care Partnership Ltd")!;

  it("writes one per bidder with a safe file name", () => {
    expect(made.value.map((d) => d.fileName)).toContain("assessment-summary-B1-riverside-disabled-peoples-voice.docx");
    expect(made.value).toHaveLength(6);
  });

  // Procurement Regulations 2024 reg. 31, element by element, in the rendered text of an unsuccessful bidder's summary.
  it.each([
    ["the law it is given under", "This assessment summary is given under section 50 of the Procurement Act 2023 and regulation 31 of the Procurement Regulations 2024."],
    ["(2)(a) the most advantageous tender's supplier", "We intend to award the contract to Riverside Disabled People's Voice, whose tender is the most advantageous tender, with 88.31 points out of 100."],
    ["(2)(b) its contact postal address", "Contact postal address\nUnit 4, Mill Lane Enterprise Centre, Riverside RV1 4PL"],
    ["(2)(b) its contact email address", "Contact email address\ntenders@riversidevoice.org.uk"],
    ["(2)(c) its unique identifier", "Unique identifier\nPQRV-4821-KDTM"],
    ["the recipient's own details", "Contact postal address\n2 Kingsway Court, Birmingham B1 2AA\nContact email address\nbids@nationalcarepartnership.co.uk\nUnique identifier\nPNCP-1930-WQLA"],
    ["(2)(d)(i) each criterion's title, relative importance and scores available", "Q2 Co-production and involvement of disabled people\nQuality\n25%\n11.25% of the total score\n0 to 5 quality scale (0, 1, 2, 3, 4, 5)"],
    ["(2)(d)(i) how each criterion was assessed", "User panel: each answer was scored by 3 members of a user panel of people who use services, on the User panel scale (0 to 3); the scores were combined as the mean."],
    ["(2)(d)(ii) where the full award criteria can be read", "set out in full in the Invitation to Tender, Part 3 (Award criteria and evaluation), on the council's e-tendering portal."],
    ["(2)(e)(i) the bidder's score, its descriptor and the panel's explanation", "Score: 2 (4.50 of 11.25 points). Relative importance: 11.25% of the total score.\nWhat the score means on the scale: Weak. Some relevant content but significant gaps or weak evidence.\nWhy: The tender proposes a local advisory group but gives no evidence of how disabled people would change decisions"],
    ["(2)(e)(ii) the bidder's sub-totals, price and total", "Social value\n6.00\n15.00\n14.00\nUser panel\n4.44\n10.00\n9.44\nPrice\n30.00\n30.00\n25.42\nTotal\n72.69\n100.00\n88.31"],
    ["the most advantageous tender's assessment (Act s.50(4)(b))", "Riverside Disabled People's Voice's tender scored 88.31 points out of 100."],
    ["the most advantageous tender's scores and explanations", "Score: 5 (11.25 of 11.25 points). Relative importance: 11.25% of the total score.\nWhat the score means on the scale: Excellent. Fully meets the requirement with strong evidence and clear added value.\nWhy: The tender shows that disabled people make up the whole board"],
    ["the most advantageous tender's price", "Its whole-life price, over the 3 contract years and 2 optional extension years, was £1,015,000, earning 25.42 of 30 price points."],
    ["the rank, stated precisely", "Your tender scored 72.69 points out of 100 and ranked 4th of 5 ranked tenders."],
    ["what happened to the other tenders", "We received 6 tenders. All 6 were assessed against the award criteria; 5 were ranked, and 1 was not ranked because it did not reach a minimum score."],
    ["a named contact for questions", "contact Tom Okafor (procurement@riverside.gov.uk) before the standstill period ends."],
  ])("states %s", (_what, expected) => {
    expect(unsuccessful).toContain(expected);
  });

  it("explains each score with the panel's one feedback text: never an evaluator id, an individual score or a raw justification", () => {
    const justifications = new Set(input.bids.bids.flatMap((b) => Object.values(b.scores).flatMap((byMember) => Object.values(byMember).map((e) => e.justification))));
    expect(justifications.size).toBeGreaterThan(40);
    for (const [bidder, text] of byBidder) {
      expect(text, bidder).not.toMatch(/\b[EP]\d\b/);
      for (const justification of justifications) expect(text, bidder).not.toContain(justification);
      expect(text, bidder).not.toContain("panel agreed a score");
      expect(text, bidder).not.toMatch(/\bseed\b|tender-eval's default/i);
    }
    // The justification E1 gave B2's Q2 ("Poor: … no evidence …") is not pasted; the panel's feedback is.
    expect(unsuccessful).not.toContain("Poor: proposes a local advisory group");
  });

  it("tells the winner it won, and an assessed but unranked bidder why (reg. 31(3)(c))", () => {
    expect(byBidder.get("Riverside Disabled People's Voice")).toContain("We intend to award the contract to you: your tender is the most advantageous tender. It scored 88.31 points out of 100 and ranked 1st of 5 ranked tenders.");
    expect(byBidder.get("Riverside Disabled People's Voice")).not.toContain("The most advantageous tender's assessment");
    const excluded = byBidder.get("Homes and Hearts Housing Association")!;
    expect(excluded).toContain("Your tender was assessed against the award criteria but not ranked: it scored 1 on Q3 (Safeguarding), below the minimum of 2.");
    expect(excluded).toContain("Your whole-life price, over the 3 contract years and 2 optional extension years, was £910,000, which was not scored, because the tender was not ranked.");
    expect(excluded).toContain("Price\nNot scored\n30.00");
    expect(excluded).toContain("Total\nNot ranked\n100.00"); // no total for a tender not ranked, as in the report
    expect(excluded).not.toContain("How your tender compares");
    expect(excluded).not.toMatch(/–\s*\(|\(–|: –/);
  });

  it("without the comparison still gives the most advantageous tender's assessment, and never prints a dash for a price", () => {
    const without = makeAssessmentSummaries(bundledTemplate("assessment-summary"), summaryInput, { includeComparison: false, issuedOn: "2026-11-23" });
    if (!without.ok) throw new Error("should render");
    const text = docxText(without.value.find((d) => d.bidder === "National Care Partnership Ltd")!.bytes);
    expect(text).not.toContain("How your tender compares");
    expect(text).not.toContain("Most advantageous tender");
    expect(text).toContain("Social value\n6.00\n15.00\nUser panel");
    expect(text).toContain("The most advantageous tender's assessment");
    expect(text).toContain("Unique identifier\nPQRV-4821-KDTM");
    expect(text).toContain("Its whole-life price, over the 3 contract years and 2 optional extension years, was £1,015,000, earning 25.42 of 30 price points.");
    expect(text).not.toMatch(/–\s*\(–/);
  });

  it("states the standstill rule and its length, never an end date counted from the letter", () => {
    const letter = byBidder.get("Riverside Community Trust")!;
    expect(letter).toContain("There is a standstill period of 8 working days before the contract is entered into. It starts on the day the contract award notice is published");
    expect(letter).toContain("not weekends, Christmas Day, Good Friday or bank holidays in any part of the United Kingdom");
    expect(letter).not.toMatch(/It ends at the end of/);
  });

  it("writes none while feedback is missing, and lists every bid and criterion that still needs it at once", () => {
    const bids = structuredClone(input.bids);
    delete bids.bids[0]!.feedback["Q3"];
    bids.bids[2]!.feedback = {};
    const refused = makeAssessmentSummaries(bundledTemplate("assessment-summary"), { ...summaryInput, bids }, { includeComparison: true, issuedOn: "2026-11-23" });
    expect(refused.ok).toBe(false);
    const missing = refused.problems.filter((p) => p.code === "summaries.feedback-missing");
    expect(missing.map((p) => `${(p.args as { bid: string }).bid} ${(p.args as { criterion: string }).criterion}`)).toEqual(["B1 Q3", ...["Q1", "Q2", "Q3", "Q4", "Q5", "SV1", "SV2", "U1", "U2"].map((c) => `B3 ${c}`)]);
    expect(missing[0]!.location).toEqual({ document: "bids", path: ["bids", 0, "feedback"] });
    expect(formatProblem(missing[0]!)).toContain("no feedback to the bidder is recorded for bid B1 (Riverside Disabled People's Voice), criterion Q3");
  });

  it("refuses without the winner's and each bidder's reg. 31(2)(b)–(c) details, the contact and where the criteria are published", () => {
    const bids = structuredClone(input.bids);
    delete bids.bids[0]!.uniqueIdentifier;
    delete bids.bids[0]!.email;
    const { contact: _contact, awardCriteriaLocation: _location, ...specification } = input.specification;
    const refused = makeAssessmentSummaries(bundledTemplate("assessment-summary"), { ...summaryInput, specification: { ...specification, regime: "procurement-act-2023" }, bids }, { includeComparison: true, issuedOn: "2026-11-23" });
    expect(refused.ok).toBe(false);
    expect(refused.problems.map((p) => p.code).sort()).toEqual(["summaries.award-criteria-location-missing", "summaries.contact-missing", "summaries.supplier-details-missing"]);
    expect(formatProblem(refused.problems.find((p) => p.code === "summaries.supplier-details-missing")!)).toContain("bid B1 (Riverside Disabled People's Voice) has no email address (email), no unique identifier (uniqueIdentifier)");
  });

  it("writes none whose feedback names an evaluator or a user-panel member: bidders never learn who scored what", () => {
    const bids = structuredClone(input.bids);
    bids.bids[1]!.feedback["Q1"] = "E1 gave 5 and E2 gave 4; agreed 5 after discussion.";
    bids.bids[2]!.feedback["U1"] = "P2 found the plan clear. Standard SE1 and E10 are met.";
    const refused = makeAssessmentSummaries(bundledTemplate("assessment-summary"), { ...input, bids, result }, { includeComparison: true, issuedOn: "2026-11-23" });
    expect(refused.ok).toBe(false);
    expect(refused.problems.map(formatProblem).sort()).toEqual([
      `bids: bids[1].feedback.Q1: the feedback to the bidder for bid ${bids.bids[1]!.id} (${bids.bids[1]!.bidder}), criterion Q1 names the panel members E1, E2: a summary goes to bidders, who must not see who scored what or individual marks; rewrite it as the panel's agreed explanation of the score, by reference to the tender`,
      `bids: bids[2].feedback.U1: the feedback to the bidder for bid ${bids.bids[2]!.id} (${bids.bids[2]!.bidder}), criterion U1 names the panel member P2: a summary goes to bidders, who must not see who scored what or individual marks; rewrite it as the panel's agreed explanation of the score, by reference to the tender`,
    ]);
  });

  it("writes none while a score still awaits moderation: no letter states a provisional score", () => {
    const bids = structuredClone(input.bids);
    bids.bids[0]!.scores["Q4"]!["E1"]!.score = 1;
    const rescored = scoreTender({ ...input, bids });
    if (!rescored.ok) throw new Error("should score");
    const refused = makeAssessmentSummaries(bundledTemplate("assessment-summary"), { ...input, bids, result: rescored.value }, { includeComparison: true, issuedOn: "2026-11-23" });
    expect(refused.ok).toBe(false);
    expect(refused.problems.map(formatProblem)).toEqual([
      "bids: bids[0].scores.Q4: the scores for bid B1 (Riverside Disabled People's Voice), criterion Q4 differ by more than the tolerance and the panel has not agreed a score yet: moderate first, so no summary states a provisional score",
    ]);
  });

  it.each(["procurement-act-2023-wales", "public-contracts-scotland-2015"] as const)("refuses the %s regime clearly, as not built", (regime) => {
    const refused = makeAssessmentSummaries(bundledTemplate("assessment-summary"), { ...summaryInput, specification: { ...input.specification, regime } }, { includeComparison: true, issuedOn: "2026-11-23" });
    expect(refused.ok).toBe(false);
    expect(refused.problems).toHaveLength(1);
    expect(refused.problems[0]!.location).toEqual({ document: "specification", path: ["regime"] });
    expect(formatProblem(refused.problems[0]!)).toContain(`regime ${regime} is not built yet`);
  });

  it("marks a tender disregarded as abnormally low: not assessed, not ranked, no feedback needed, and counted for the others", () => {
    const bids = structuredClone(input.bids);
    const b4 = bids.bids.find((b) => b.id === "B4")!;
    b4.disregarded = "abnormally-low";
    b4.feedback = {};
    const rescored = scoreTender({ ...input, bids });
    if (!rescored.ok) throw new Error("should score");
    const letters = makeAssessmentSummaries(bundledTemplate("assessment-summary"), { ...input, bids, result: rescored.value }, { includeComparison: true, issuedOn: "2026-11-23" });
    if (!letters.ok) throw new Error(letters.problems.map(formatProblem).join("\n"));
    const text = (bidder: string) => docxText(letters.value.find((d) => d.bidder === bidder)!.bytes);
    const disregarded = text("Peer Power Social Enterprise");
    expect(disregarded).toContain("Your tender was not assessed against the award criteria: it was disregarded as abnormally low after its price was investigated (Procurement Act 2023 s.19).");
    expect(disregarded).not.toContain("Your scores");
    expect(text("National Care Partnership Ltd")).toContain(
      "We received 6 tenders. 5 were assessed against the award criteria; 4 were ranked, and 1 was not ranked because it did not reach a minimum score. 1 tender was not assessed: it was disregarded as abnormally low (Procurement Act 2023 s.19).",
    );
    expect(text("National Care Partnership Ltd")).toContain("ranked 3rd of 4 ranked tenders");
  });

  it("counts several unranked tenders by reason, naming none of them", () => {
    const bids = structuredClone(input.bids);
    bids.bids.find((b) => b.id === "B5")!.gates["insurance"] = "fail";
    bids.bids.find((b) => b.id === "B5")!.feedback = {};
    const model = structuredClone(input.model);
    model.sections.quality!.criteria.find((c) => c.id === "Q5")!.minimumScore = 4;
    const rescored = scoreTender({ ...input, model, bids });
    if (!rescored.ok) throw new Error("should score");
    // Only National Care Partnership scored 4 or more on Q5 (and passed every other minimum).
    const data = assessmentSummaryData({ ...input, model, bids, result: rescored.value, bidId: "B2" }, { includeComparison: true, issuedOn: "2026-11-23" });
    expect(data.tenders).toBe(
      "We received 6 tenders. 5 were assessed against the award criteria; 1 was ranked, and 4 were not ranked: 4 did not reach a minimum score. 1 tender was not assessed: it did not pass a pass/fail requirement.",
    );
    expect(data.bidder.rank).toBe("1st of 1 ranked tender");
  });

  it.each([
    ["../../etc/passwd", "assessment-summary-X-etc-passwd.docx"],
    ["Ça & Co: «Services» / Ltd", "assessment-summary-X-ca-co-services-ltd.docx"],
    ["CON", "assessment-summary-X-con.docx"],
    ["😀😀", "assessment-summary-X.docx"],
  ])("a safe file name for bidder %j", (bidder, expected) => {
    expect(safeFileName("X", bidder)).toBe(expected);
  });

  it("the comparison defaults to on in the data, and is never offered to the winner", () => {
    expect(assessmentSummaryData({ ...summaryInput, bidId: "B3" }, { includeComparison: true, issuedOn: "2026-11-23" }).includeComparison).toBe(true);
    expect(assessmentSummaryData({ ...summaryInput, bidId: "B1" }, { includeComparison: true, issuedOn: "2026-11-23" }).includeComparison).toBe(false);
  });
});

describe("Equality Assessment", () => {
  const findingsText = readFileSync(`${exampleFolder}equality-findings.yaml`, "utf8");
  const findings = parseInputDocument(EqualityFindings, findingsText, "findings", "equality-findings.yaml");
  if (!findings.ok) throw new Error("example findings must parse");

  it("follows the Achieving for Children framework's section 6, pre-filled from the specification and the findings", () => {
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
    for (const group of ["Age", "Disability", "Sex", "Gender reassignment", "Marriage and civil partnership", "Pregnancy and maternity", "Race (including colour, nationality, ethnic or national origins)", "Religion or belief (including a lack of religion or belief)", "Sexual orientation"]) {
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
    expect(text).toContain("raised the findings below");
    expect(text).toMatch(/Social value carries 5%, the token "added value" share .*\n\[To complete: planned action\]/);
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
