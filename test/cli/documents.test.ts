import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import PizZip from "pizzip";
import { exampleFolder } from "../example-tender.js";
import { docxText } from "../documents/docx-helpers.js";
import { runCli } from "./harness.js";

describe("document commands", () => {
  it("report writes the evaluation report with the review section", async () => {
    const run = await runCli(["report", exampleFolder, "--out", "report.docx", "--date", "2026-11-21"]);
    expect(run.code).toBe(0);
    const text = docxText(readFileSync(join(run.cwd, "report.docx")));
    expect(text).toContain("88.31");
    expect(text).toContain("reviewed against the UK review policy for proportionate weighting");
  });

  it("summaries writes one per bidder; --no-comparison leaves out only the side-by-side comparison", async () => {
    const run = await runCli(["summaries", exampleFolder, "--out-dir", "letters", "--date", "2026-11-23", "--no-comparison"]);
    expect(run.code).toBe(0);
    const files = readdirSync(join(run.cwd, "letters"));
    expect(files).toHaveLength(6);
    const text = docxText(readFileSync(join(run.cwd, "letters", "assessment-summary-B2-national-care-partnership-ltd.docx")));
    expect(text).not.toContain("How your tender compares");
    expect(text).toContain("The most advantageous tender's assessment");
  });

  it("summaries lists every missing feedback at once, located in the bids file, and writes nothing", async () => {
    const dir = (await runCli(["--version"])).cwd;
    const tender = join(dir, "tender");
    cpSync(exampleFolder, tender, { recursive: true });
    const bids = readFileSync(join(tender, "bids.yaml"), "utf8");
    writeFileSync(join(tender, "bids.yaml"), bids.replace(/^      Q3: "The tender gives a clear escalation.*\n/m, "").replace(/^      SV2: "The tender offers to signpost.*\n/m, ""));
    const run = await runCli(["summaries", "tender", "--out-dir", "letters"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bids\.yaml: bids\[0\]\.feedback \(line \d+\): no feedback to the bidder is recorded for bid B1 \(Riverside Disabled People's Voice\), criterion Q3/);
    expect(run.stderr).toContain("criterion SV2");
    expect(existsSync(join(dir, "letters"))).toBe(false);
  });

  it("summaries refuses a Scottish tender clearly, pointing at the regime line", async () => {
    const dir = (await runCli(["--version"])).cwd;
    const tender = join(dir, "tender");
    cpSync(exampleFolder, tender, { recursive: true });
    const spec = readFileSync(join(tender, "specification.yaml"), "utf8");
    writeFileSync(join(tender, "specification.yaml"), spec.replace(/^regime: .*$/m, "regime: public-contracts-scotland-2015"));
    const run = await runCli(["summaries", "tender", "--out-dir", "letters"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/specification\.yaml: regime \(line \d+\): regime public-contracts-scotland-2015 is not built yet/);
  });

  it("equality writes a pre-filled Equality Assessment from --findings", async () => {
    const run = await runCli(["equality", exampleFolder, "--findings", join(exampleFolder, "equality-findings.yaml"), "--out", "ea.docx"]);
    expect(run.code).toBe(0);
    expect(docxText(readFileSync(join(run.cwd, "ea.docx")))).toContain("Riverside disability engagement survey 2025");
  });

  it("a misspelt tag in the authority's template lists every bad tag and writes nothing", async () => {
    const dir = (await runCli(["--version"])).cwd;
    const zip = new PizZip(readFileSync(new URL("../../templates/evaluation-report.docx", import.meta.url)));
    zip.file("word/document.xml", zip.file("word/document.xml")!.asText().replace("{tender.reference}", "{tender.refrence}").replace("{winner}", "{winer}"));
    writeFileSync(join(dir, "ours.docx"), zip.generate({ type: "uint8array" }));
    const run = await runCli(["report", exampleFolder, "--template", "ours.docx", "--out", "report.docx"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("ours.docx: the tag {tender.refrence} in the document is not a field this document provides");
    expect(run.stderr).toContain("ours.docx: the tag {winer} in the document");
    expect(existsSync(join(dir, "report.docx"))).toBe(false);

    const check = await runCli(["templates", "check", "ours.docx", "--kind", "evaluation-report"], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("{tender.refrence}");
  });

  it("templates check passes the bundled template and lists its tags; templates list shows the fields", async () => {
    const check = await runCli(["templates", "check", new URL("../../templates/assessment-summary.docx", import.meta.url).pathname, "--kind", "assessment-summary"]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("{#criteria}");
    const list = await runCli(["templates", "list", "--kind", "evaluation-report"]);
    expect(list.stdout).toContain("{tender.title}  Tender title");
    expect(list.stdout).toContain("{results}  Ranked results, excluded bids last (list: repeat with {#results} … {/results})");
  });

  it("--date must be a date", async () => {
    const run = await runCli(["report", exampleFolder, "--date", "21/11/2026"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--date must be written YYYY-MM-DD");
  });
});
