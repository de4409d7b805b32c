import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, statSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { exampleFolder } from "../example-tender.js";
import { docxText } from "../documents/docx-helpers.js";
import { runCli } from "./harness.js";

/** Every .docx under a folder, with its text and all its XML (properties included). */
function documentsIn(folder: string): { file: string; text: string; xml: string }[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".docx") && statSync(join(folder, f)).isFile())
    .map((f) => {
      const bytes = readFileSync(join(folder, f));
      const zip = new PizZip(bytes);
      const xml = Object.keys(zip.files).filter((n) => n.endsWith(".xml")).map((n) => zip.file(n)!.asText()).join("\n");
      return { file: f, text: docxText(bytes), xml };
    });
}

// The source documents tender-eval was conceived from are never cited as "seed 004": by their public names.
const internalWords = /\bseeds?\b|tender-eval's default/i;
// The what-if briefing names the random seed of its sampling, so that anyone can repeat it: that use alone is allowed.
const internalWordsInBriefing = /\bseeds? 0\d\d\b|\bseed document|tender-eval's default/i;

function expectClean(doc: { file: string; text: string; xml: string }, machineFolders: string[]) {
  for (const folder of machineFolders) expect(doc.xml, `${doc.file} names ${folder}`).not.toContain(folder);
  // No absolute path of any machine: /home/…, /tmp/…, /Users/…, C:\…
  expect(doc.text, doc.file).not.toMatch(/(^|[\s(“"'])\/(home|tmp|Users|var|private|mnt|work)\/|[A-Za-z]:\\/m);
  expect(doc.text, doc.file).not.toMatch(doc.file.includes("whatif-briefing") ? internalWordsInBriefing : internalWords);
}

describe("no document names a folder of the machine that made it, or uses internal words", () => {
  it("the report and the Equality Assessment, with the scoring model kept outside the tender folder", async () => {
    const base = mkdtempSync(join(tmpdir(), "tender-eval-paths-"));
    const tender = join(base, "my tender");
    cpSync(exampleFolder, tender, { recursive: true });
    const models = join(base, "models");
    cpSync(tender, models, { recursive: true });
    renameSync(join(tender, "scoring-model.yaml"), join(base, "elsewhere-model.yaml"));
    const model = join(base, "elsewhere-model.yaml");
    const out = join(base, "out");
    const report = await runCli(["report", tender, "--model", model, "--out", join(out, "report.docx"), "--date", "2026-12-05"]);
    expect(report.code, report.stderr).toBe(0);
    const ea = await runCli(["equality", tender, "--model", model, "--findings", join(tender, "equality-findings.yaml"), "--out", join(out, "ea.docx"), "--date", "2026-12-05"]);
    expect(ea.code, ea.stderr).toBe(0);
    const docs = documentsIn(out);
    expect(docs).toHaveLength(2);
    for (const doc of docs) expectClean(doc, [base, homedir(), report.cwd]);
    // The model outside the folder is named by its file name alone in the audit record.
    expect(docs.find((d) => d.file === "report.docx")!.text).toMatch(/\nelsewhere-model\.yaml\n[0-9a-f]{64}/);
  });

  it("every document the demo writes", async () => {
    const run = await runCli(["demo", "--out", "demo", "--date", "2026-12-05"]);
    expect(run.code, run.stderr).toBe(0);
    const docs = documentsIn(join(run.cwd, "demo"));
    expect(docs.length).toBeGreaterThanOrEqual(9);
    for (const doc of docs) expectClean(doc, [run.cwd, homedir()]);
  });
});
