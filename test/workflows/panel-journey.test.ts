import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { assessmentSummaries, blankScoreSheets, evaluationReport, inThreadRuntime, loadPolicy, moderationSheet, scoreTender, type NamedFile, type TenderFiles } from "../../src/workflows/index.js";
import { docxText, bundledTemplate } from "../documents/docx-helpers.js";
import { exampleFolder, loadExample } from "../example-tender.js";
import { agreeInModerationSheet, fillPriceSchedule, fillScoreSheet, setScore } from "../spreadsheets/fill.js";

/**
 * The evaluation panel's whole journey: blank score sheets out, sheets back filled in as people fill them,
 * scored, the moderation sheet filled in by the panel, scored again, and the report and assessment
 * summaries made from the returned sheets. The documents must carry exactly the numbers of the same
 * scores typed into the bids file.
 */
const reason = "E1 had missed the peer-advocate training plan on page 12; the panel agreed the answer is good.";
const libreOfficeE3 = readFileSync(new URL("../fixtures/libreoffice/score-sheet-E3-saved-by-libreoffice.xlsx", import.meta.url));

/** The same scores, as a bids file: the example's, with E1's mark for the DDPO's Q4 at 1 and the panel's agreed 4. */
function bidsAsYaml(): string {
  const { bids } = loadExample();
  bids.bids.find((b) => b.id === "B1")!.scores["Q4"]!["E1"]!.score = 1;
  bids.moderation.push({ bid: "B1", criterion: "Q4", score: 4, reason });
  return stringify(bids);
}

/** The example with no scores or prices in its bids file: those come back in the sheets. */
function bidsWithoutScores(): string {
  const { bids } = loadExample();
  return stringify({ ...bids, bids: bids.bids.map(({ scores: _scores, price: _price, ...rest }) => rest) });
}

/** Fill each returned workbook as the person it was sent to would; E3's comes back saved by LibreOffice Calc. */
async function fillAsPeopleDo(name: string, bytes: Uint8Array): Promise<Uint8Array> {
  const { bids } = loadExample();
  if (name.startsWith("price-schedule")) return fillPriceSchedule(bytes, bids);
  if (name === "score-sheet-E3.xlsx") return libreOfficeE3;
  const filled = await fillScoreSheet(bytes, bids, { asText: true, resort: name.includes("E2") });
  // E1 marks the DDPO's Q4 at 1 where E2 and E3 gave 4 and 5: beyond tolerance, so the panel must moderate.
  return name === "score-sheet-E1.xlsx" ? setScore(filled, "Quality scores", "B1", "Q4", 1) : filled;
}

/** The report up to its audit record, which names different input files on the two routes. */
const beforeAudit = (text: string) => text.slice(0, text.indexOf("Appendix: audit record"));

describe("the evaluation panel's journey through the built command", () => {
  const bin = new URL("../../dist/cli/bin.js", import.meta.url).pathname;
  const cli = (args: string[], cwd: string) => execFileSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

  it("sheets out → filled → score → moderation → score again → report and summaries from the sheets, with the numbers of the YAML route", async () => {
    expect(existsSync(bin), "run npm run build first").toBe(true);
    const work = mkdtempSync(join(tmpdir(), "tender-eval-journey-"));
    const tender = join(work, "tender");
    cpSync(exampleFolder, tender, { recursive: true });
    writeFileSync(join(tender, "bids.yaml"), bidsWithoutScores());

    cli(["scoresheets", "tender", "--out-dir", "outgoing"], work);
    const returned = join(tender, "returned");
    mkdirSync(returned);
    const outgoing = readdirSync(join(work, "outgoing"));
    // The user panel's Word forms go out too; their answers come back typed into the members' sheets.
    expect(outgoing.filter((n) => n.endsWith(".docx")).sort()).toEqual(["user-panel-form-P1.docx", "user-panel-form-P2.docx", "user-panel-form-P3.docx"]);
    for (const name of outgoing.filter((n) => n.endsWith(".xlsx"))) {
      writeFileSync(join(returned, name), await fillAsPeopleDo(name, readFileSync(join(work, "outgoing", name))));
    }

    const first = cli(["score", "tender", "--sheets", "tender/returned", "--out", "round1/results.json", "--moderation-sheet", "round1/moderation.xlsx"], work);
    expect(first).toContain("1 answer needs moderation");
    const moderation = await agreeInModerationSheet(readFileSync(join(work, "round1", "moderation.xlsx")), 4, reason);
    writeFileSync(join(returned, "moderation.xlsx"), moderation);
    const second = cli(["score", "tender", "--sheets", "tender/returned", "--out", "round2/results.json"], work);
    expect(second).not.toContain("need moderation");
    expect(second).toContain("Riverside Disabled People's Voice, Q4: agreed 4");

    cli(["report", "tender", "--sheets", "tender/returned", "--out", "sheets-route/report.docx", "--date", "2026-11-21"], work);
    cli(["summaries", "tender", "--sheets", "tender/returned", "--out-dir", "sheets-route/letters", "--date", "2026-11-21"], work);

    // The same scores typed into the bids file.
    const yamlTender = join(work, "yaml-tender");
    cpSync(exampleFolder, yamlTender, { recursive: true });
    writeFileSync(join(yamlTender, "bids.yaml"), bidsAsYaml());
    cli(["report", "yaml-tender", "--out", "yaml-route/report.docx", "--date", "2026-11-21"], work);
    cli(["summaries", "yaml-tender", "--out-dir", "yaml-route/letters", "--date", "2026-11-21"], work);

    const fromSheets = docxText(readFileSync(join(work, "sheets-route", "report.docx")));
    const fromYaml = docxText(readFileSync(join(work, "yaml-route", "report.docx")));
    expect(beforeAudit(fromSheets)).toEqual(beforeAudit(fromYaml));
    // The audit record names every file used, sheets included, relative to the tender folder: never a path on this machine.
    for (const name of ["specification.yaml", "scoring-model.yaml", "bids.yaml", "returned/score-sheet-E1.xlsx", "returned/score-sheet-E3.xlsx", "returned/moderation.xlsx", "returned/price-schedule-B1.xlsx"]) {
      expect(fromSheets).toContain(name);
    }
    expect(fromSheets).not.toContain(work);
    const letters = readdirSync(join(work, "sheets-route", "letters")).sort();
    expect(letters).toEqual(readdirSync(join(work, "yaml-route", "letters")).sort());
    expect(letters).toHaveLength(6);
    for (const letter of letters) {
      expect(docxText(readFileSync(join(work, "sheets-route", "letters", letter)))).toEqual(docxText(readFileSync(join(work, "yaml-route", "letters", letter))));
    }
  });
});

describe("the same journey in-process, on file contents alone", () => {
  const read = (name: string): NamedFile => ({ name, bytes: readFileSync(join(exampleFolder, name)) });

  it("workflows take bytes and give bytes: no file system, worker or clock", async () => {
    const tender: TenderFiles = { specification: read("specification.yaml"), model: read("scoring-model.yaml"), bids: { name: "bids.yaml", bytes: bidsWithoutScores() } };
    const outgoing = await blankScoreSheets(tender, { date: "2026-11-21" });
    if (!outgoing.ok) throw new Error(JSON.stringify(outgoing.problems));
    const sheets: NamedFile[] = [];
    for (const w of outgoing.value) sheets.push({ name: `returned/${w.fileName}`, bytes: await fillAsPeopleDo(w.fileName, w.bytes) });

    const options = { runtime: inThreadRuntime };
    const first = await scoreTender({ ...tender, sheets }, options);
    if (!first.ok) throw new Error(JSON.stringify(first.problems));
    expect(first.value.result.moderationNeeded).toHaveLength(1);
    const agreed = await agreeInModerationSheet((await moderationSheet(first.value, { date: "2026-11-21" }))!, 4, reason);
    const second = await scoreTender({ ...tender, sheets: [...sheets, { name: "returned/moderation.xlsx", bytes: agreed }] }, options);
    if (!second.ok) throw new Error(JSON.stringify(second.problems));
    expect(second.value.result.moderationNeeded).toHaveLength(0);

    const yaml = await scoreTender({ ...tender, bids: { name: "bids.yaml", bytes: bidsAsYaml() } }, options);
    if (!yaml.ok) throw new Error(JSON.stringify(yaml.problems));
    expect(second.value.result).toEqual(yaml.value.result);

    const policy = loadPolicy({ name: "policies/uk-default.yaml", bytes: readFileSync(new URL("../../policies/uk-default.yaml", import.meta.url)) });
    if (!policy.ok) throw new Error("the bundled policy must be valid");
    const date = "2026-11-21";
    const report = evaluationReport(second.value, policy.value.data, { template: bundledTemplate("evaluation-report"), date });
    const yamlReport = evaluationReport(yaml.value, policy.value.data, { template: bundledTemplate("evaluation-report"), date });
    if (!report.ok || !yamlReport.ok) throw new Error("the reports must render");
    expect(beforeAudit(docxText(report.value.bytes))).toEqual(beforeAudit(docxText(yamlReport.value.bytes)));
    expect(report.value.review.flags).toEqual(yamlReport.value.review.flags);
    const letters = assessmentSummaries(second.value, { template: bundledTemplate("assessment-summary"), date });
    const yamlLetters = assessmentSummaries(yaml.value, { template: bundledTemplate("assessment-summary"), date });
    if (!letters.ok || !yamlLetters.ok) throw new Error("the summaries must render");
    expect(letters.value.map((l) => docxText(l.bytes))).toEqual(yamlLetters.value.map((l) => docxText(l.bytes)));
    expect(second.value.inputs.map((i) => i.file)).toContain("returned/moderation.xlsx");
  });
});
