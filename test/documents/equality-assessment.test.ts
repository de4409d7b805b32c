import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { makeEqualityAssessment } from "../../src/documents/make-documents.js";
import { EqualityFindings, equalityStages } from "../../src/model/equality-findings.js";
import { parseInputDocument } from "../../src/model/parse-document.js";
import { formatProblem } from "../../src/problems/format.js";
import { reviewTender } from "../../src/review/review-tender.js";
import { equalityAssessment } from "../../src/workflows/documents.js";
import { exampleFolder, loadExample } from "../example-tender.js";
import { defaultPolicy } from "../review/helpers.js";
import { bundledTemplate, docxText } from "./docx-helpers.js";

const input = loadExample();
const findingsText = readFileSync(`${exampleFolder}equality-findings.yaml`, "utf8");
const parsed = parseInputDocument(EqualityFindings, findingsText, "findings", "equality-findings.yaml");
if (!parsed.ok) throw new Error("example findings must parse");
const findings = parsed.value.data;
const file = (name: string) => ({ name, bytes: readFileSync(`${exampleFolder}${name}`) });

async function eaText(stage: (typeof equalityStages)[number], files: Parameters<typeof equalityAssessment>[0]) {
  const made = await equalityAssessment(files, defaultPolicy(), { template: bundledTemplate("equality-assessment"), date: "2026-12-05", stage });
  if (!made.ok) throw new Error(made.problems.map(formatProblem).join("\n"));
  return docxText(made.value.bytes);
}

describe("Equality Assessment at any stage", () => {
  it.each(equalityStages)("%s: made from a specification and findings alone", async (stage) => {
    const text = await eaText(stage, { specification: file("specification.yaml"), findings: file("equality-findings.yaml") });
    expect(text).toMatch(new RegExp(`Stage\\n${{ "needs-analysis": "Needs analysis", procurement: "Procurement", decommissioning: "Decommissioning" }[stage]}\\n`));
    expect(text).toContain("Reference\nRBC-ASC-2026-014");
    expect(text).toContain("Authority\nRiverside Borough Council");
    expect(text).toContain("Riverside disability engagement survey 2025");
    expect(text).toMatch(/the weighting review (has not been|was not) run/);
  });

  it("says why it is made at each stage", async () => {
    const purpose = async (stage: (typeof equalityStages)[number]) => /\nPurpose\n([^\n]+)/.exec(await eaText(stage, { specification: file("specification.yaml") }))![1];
    expect(await purpose("needs-analysis")).toContain("while analysing the needs this service is to meet, before deciding what to commission");
    expect(await purpose("decommissioning")).toContain("in deciding whether, and how, to decommission this service");
    expect(await purpose("procurement")).toContain("in commissioning this service");
  });

  it("uses the scoring model and bids when present, and says when the review found nothing", async () => {
    // An assessment dated after the bids were due (13 October 2026) may rest on the scored bids.
    const afterBids = { name: "equality-findings.yaml", bytes: readFileSync(`${exampleFolder}equality-findings.yaml`, "utf8").replace("date: 2026-07-15", "date: 2026-11-20") };
    const text = await eaText("procurement", { specification: file("specification.yaml"), model: file("scoring-model.yaml"), bids: file("bids.yaml"), findings: afterBids });
    expect(text).toContain("The weighting review of the scoring model, the process and the scored bids found nothing that would stop disabled people's organisations and other small, user-led providers from competing fairly.");
    // Dated before the bids were due, it cannot: the review covers the model and the process, whatever the folder holds.
    const before = await eaText("procurement", { specification: file("specification.yaml"), model: file("scoring-model.yaml"), bids: file("bids.yaml"), findings: file("equality-findings.yaml") });
    expect(before).toContain("The weighting review of the scoring model and the process found nothing");
    expect(before).not.toContain("scored bids");
    const modelOnly = await eaText("procurement", { specification: file("specification.yaml"), model: file("scoring-model.yaml") });
    expect(modelOnly).toContain("The weighting review of the scoring model and the process found nothing");
  });

  it("carries the two prompt blocks of the positive duties, the outcome and the sign-off", () => {
    const review = reviewTender({ ...input, policy: defaultPolicy() });
    const made = makeEqualityAssessment(bundledTemplate("equality-assessment"), { specification: input.specification, findings, reviewFlags: review.flags, today: "2026-12-05" });
    if (!made.ok) throw new Error("should render");
    const text = docxText(made.value);
    expect(text).toContain(
      "Remember that equality assessment is not simply about identifying and removing negative effects of discrimination, but it is also an opportunity to identify ways to advance equality of opportunity and to foster good relations.",
    );
    const summary = text.slice(text.indexOf("\nSummary\n"), text.indexOf("\nConsultation\n"));
    for (const question of [
      "Are there findings of unlawful discrimination?",
      "Can you address any identified adverse impact?",
      "Can you mitigate any negative impact?",
      "Please provide rationale if you are unable to address any adverse impact.",
      "Have you identified any ways of advancing equality in this area, for example, meeting diverse needs?",
      "Is there a need for any actions to promote understanding between different protected groups?",
    ]) expect(summary).toContain(question);
    expect(text).toContain("Outcome: Proceed with changes. The service should advance equality");
    expect(text).toContain("Signed off by: Priya Natarajan, Commissioning Manager, Adult Social Care, on 20 July 2026.");
    expect(text).toMatch(/\nSex\n/);
    expect(text).not.toContain("Gender (Sex)");
    expect(text).not.toMatch(/\bseeds?\b|tender-eval's default/i);
  });

  it("without findings, the outcome and sign-off are prompts", () => {
    const made = makeEqualityAssessment(bundledTemplate("equality-assessment"), { specification: input.specification, findings: EqualityFindings.parse({}), today: "2026-12-05" });
    if (!made.ok) throw new Error("should render");
    const text = docxText(made.value);
    expect(text).toContain("Outcome: [To complete: Proceed, Proceed with changes, or Stop]. [To complete: why this outcome]");
    expect(text).toContain("Signed off by: [To complete: name and role], on [To complete: date].");
  });

  it("writes the weighting review's findings as sentences", () => {
    const failing = reviewTender({ ...input, model: { ...input.model, sections: { ...input.model.sections, socialValue: { ...input.model.sections.socialValue!, weight: 5 }, quality: { ...input.model.sections.quality!, weight: 55 } } }, policy: defaultPolicy() });
    const made = makeEqualityAssessment(bundledTemplate("equality-assessment"), { specification: input.specification, findings: EqualityFindings.parse({}), reviewFlags: failing.flags, today: "2026-12-05" });
    if (!made.ok) throw new Error("should render");
    const text = docxText(made.value);
    expect(text).toContain("raised the findings below");
    expect(text).toMatch(/\nSocial value carries 5%, the token "added value" share [^\n]*\.\n/);
  });
});
