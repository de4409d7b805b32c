import { describe, expect, it } from "vitest";
import { makeEvaluationReport } from "../../src/documents/make-documents.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { loadExample } from "../example-tender.js";
import { bundledTemplate, part } from "./docx-helpers.js";

describe("the document title in a Word file's properties", () => {
  it("is the tender's title as written, even with markup or $ patterns in it", () => {
    const example = loadExample();
    const input = { ...example, specification: { ...example.specification, title: "Care & support $& $` $' <b>\"quoted\"</b>" } };
    const scored = scoreTender(input);
    if (!scored.ok) throw new Error("example must score");
    const audit = { inputs: [], modelHash: "b".repeat(64), toolVersion: "0.1.0", generatedOn: "2026-11-21" };
    const made = makeEvaluationReport(bundledTemplate("evaluation-report"), { ...input, result: scored.value, review: { policyTitle: "Policy", flags: [] }, audit });
    if (!made.ok) throw new Error("report must render");
    const core = part(made.value, "docProps/core.xml");
    expect(core).toContain("<dc:title>Evaluation report: Care &amp; support $&amp; $` $&#39; &lt;b&gt;&quot;quoted&quot;&lt;/b&gt;</dc:title>");
    expect(core.match(/<\/cp:coreProperties>/g)).toHaveLength(1);
  });
});
