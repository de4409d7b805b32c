import { pictureOfSvg } from "../../src/node/chart-picture.js";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeAssessmentSummaries, makeEqualityAssessment, makeEvaluationReport, makeWhatifBriefing } from "../../src/documents/make-documents.js";
import { briefingInput } from "./briefing-input.js";
import { EqualityFindings } from "../../src/model/equality-findings.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { loadExample } from "../example-tender.js";
import { bundledTemplate } from "./docx-helpers.js";

const available = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
const haveOffice = available("soffice") && available("pdftotext");
if (!haveOffice) console.warn("LibreOffice or poppler-utils is not installed: skipping the office round-trip test (.ci/run installs them).");

/** Convert .docx files to PDF with a real office suite, with a profile of its own so runs can be parallel. */
function toPdf(files: Record<string, Uint8Array>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "tender-eval-office-"));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, ...Object.keys(files).map((f) => join(dir, f))], { stdio: "ignore", timeout: 120_000 });
  return Object.fromEntries(Object.keys(files).map((name) => [name, join(dir, name.replace(/\.docx$/, ".pdf"))]));
}

function toPdfText(files: Record<string, Uint8Array>): Record<string, string> {
  return Object.fromEntries(Object.entries(toPdf(files)).map(([name, pdf]) => [name, execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" })]));
}

describe.skipIf(!haveOffice)("generated documents open in LibreOffice and show the right figures", () => {
  it("evaluation report, an assessment summary and the Equality Assessment", () => {
    const input = loadExample();
    const scored = scoreTender(input);
    if (!scored.ok) throw new Error("example must score");
    const audit = { inputs: [{ file: "bids.yaml", sha256: "c".repeat(64) }], modelHash: "d".repeat(64), toolVersion: "0.1.0", generatedOn: "2026-11-21" };
    const report = makeEvaluationReport(bundledTemplate("evaluation-report"), { ...input, result: scored.value, audit });
    const summaries = makeAssessmentSummaries(bundledTemplate("assessment-summary"), { ...input, result: scored.value }, { includeComparison: true, issuedOn: "2026-11-23" });
    const ea = makeEqualityAssessment(bundledTemplate("equality-assessment"), { specification: input.specification, findings: EqualityFindings.parse({}), today: "2026-11-21" });
    if (!report.ok || !summaries.ok || !ea.ok) throw new Error("documents must render");
    const national = summaries.value.find((s) => s.bidder === "National Care Partnership Ltd")!;
    const text = toPdfText({ "report.docx": report.value, "summary.docx": national.bytes, "ea.docx": ea.value });

    expect(text["report.docx"]).toMatch(/Riverside Disabled\s+£1,015,000\s+25\.42\s+39\.45\s+14\.00\s+9\.44\s+88\.31/);
    expect(text["report.docx"]).toContain("Scored 1 on Q3 (Safeguarding), below the minimum of 2");
    expect(text["summary.docx"]).toContain("72.69");
    expect(text["summary.docx"]).toContain("contract award notice is published");
    expect(text["ea.docx"]).toContain("Religion or belief (including");
    expect(text["ea.docx"]).toContain("Monitoring and review");
  });
});

describe.skipIf(!haveOffice)("the what-if briefing opens in LibreOffice with its charts", () => {
  it("shows the key figures and all five chart pictures", async () => {
    const made = await makeWhatifBriefing(bundledTemplate("whatif-briefing"), briefingInput("B1"), pictureOfSvg);
    if (!made.ok) throw new Error("briefing must render");
    const pdf = toPdf({ "briefing.docx": made.value })["briefing.docx"]!;
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("How the proposed weighting affects organisations like ours");
    expect(text).toContain("It would lose first place if the price weight rises above 65.4%");
    expect(text).toContain("292900/4479%");
    // pdfimages -list: two header lines, then a line per picture placed in the PDF.
    const images = execFileSync("pdfimages", ["-list", pdf], { encoding: "utf8" }).trim().split("\n").slice(2);
    expect(images.filter((l) => l.trim().split(/\s+/)[2] === "image")).toHaveLength(5);
  });
});
