import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import PizZip from "pizzip";
import { modelHash } from "../../src/model/model-hash.js";
import { makeScoreSheets } from "../../src/spreadsheets/score-sheets.js";
import { exampleFolder, loadExample } from "../example-tender.js";
import { workbookWith, zerosSheet } from "../spreadsheets/zip-builders.js";

/**
 * A corpus of hostile and broken inputs, built rather than stored: each case is a copy of the example
 * tender with one file spoiled, and the command line that feeds it to one command. Every kind of input
 * (specification, model, bids, returned workbooks, profiles, findings, templates, options) is spoiled at
 * least once and every command that reads files takes at least one case; the full cross product would
 * cost minutes for little more assurance.
 */
export interface CorpusCase {
  name: string;
  /** The working folder: the example tender is in tender/, outputs go to out/. */
  cwd: string;
  args: string[];
  /** 1 for bad input, 2 for a bad command line; 0 where the input is hostile but valid and must come out harmless. */
  exit: 0 | 1 | 2;
  /** What stderr must say: the file and the place in it. */
  says: RegExp;
}

const example = (name: string) => readFileSync(join(exampleFolder, name), "utf8");

/** `levels` of aliases, each ten times the one before: 10^levels values from a few lines. */
function aliasBomb(levels: number): string {
  const lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(", ")}]`);
  return `${lines.join("\n")}\n`;
}

export const HOSTILE_BIDDER = "</script><img src=x onerror=alert(1)>";
export const HOSTILE_FORMULA = "((((((price^10)^10)^10)^10)^10)^10)";

export async function buildCorpus(root: string): Promise<CorpusCase[]> {
  const input = loadExample();
  const sheets = await makeScoreSheets({ ...input, modelHash: modelHash(input.model), date: "2026-11-21" });
  const scoreSheet = sheets.find((s) => s.fileName === "score-sheet-E1.xlsx")!.bytes;
  const cases: CorpusCase[] = [];
  let n = 0;
  /** A fresh copy of the example, with `files` written over it (paths relative to the tender folder). */
  const add = (name: string, files: Record<string, string | Uint8Array>, args: string[], exit: CorpusCase["exit"], says: RegExp) => {
    const cwd = join(root, `${String(++n).padStart(2, "0")}-${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`);
    cpSync(exampleFolder, join(cwd, "tender"), { recursive: true });
    for (const [path, bytes] of Object.entries(files)) {
      mkdirSync(join(cwd, "tender", path, ".."), { recursive: true });
      writeFileSync(join(cwd, "tender", path), bytes);
    }
    cases.push({ name, cwd, args, exit, says });
  };
  const bids = example("bids.yaml");
  const spec = example("specification.yaml");
  const model = example("scoring-model.yaml");
  const firstBidder = "Riverside Disabled People's Voice";

  // YAML and JSON inputs.
  add("YAML alias bomb as the bids file", { "bids.yaml": aliasBomb(9) }, ["validate", "tender"], 1, /tender\/bids\.yaml: .*line \d+/);
  add("YAML alias bomb as what-if profiles", { "profiles.yaml": aliasBomb(9) }, ["whatif", "tender", "--profiles", "tender/profiles.yaml"], 1, /tender\/profiles\.yaml: .*line \d+/);
  add("nesting 100,000 deep as the scoring model", { "scoring-model.yaml": `a: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n` }, ["score", "tender", "--out", "out/results.json"], 1, /tender\/scoring-model\.yaml: .*line 1/);
  add("a duplicated key in the specification", { "specification.yaml": spec.replace("title:", "title: First title\ntitle:") }, ["review", "tender"], 1, /tender\/specification\.yaml: .*line \d+.*title/);
  add("a duplicated key in the bids file, for score sheets", { "bids.yaml": `${bids}panel:\n  evaluators: []\n` }, ["scoresheets", "tender", "--out-dir", "out/sheets"], 1, /tender\/bids\.yaml: .*line \d+/);
  add("a NUL byte in the bids file", { "bids.yaml": bids.replace("bidder:", "bidder:\u0000") }, ["report", "tender", "--out", "out/report.docx", "--date", "2026-11-21"], 1, /tender\/bids\.yaml: .*line \d+/);
  add("a NUL byte in the findings", { "findings.yaml": `${example("equality-findings.yaml")}\u0000` }, ["equality", "tender", "--findings", "tender/findings.yaml", "--out", "out/ea.docx", "--date", "2026-11-21"], 1, /tender\/findings\.yaml: .*line \d+/);
  add("a bell in a bidder's name", { "bids.yaml": bids.replace(firstBidder, `Riverside\u0007 Voice`) }, ["summaries", "tender", "--out-dir", "out/letters", "--date", "2026-11-21"], 1, /tender\/bids\.yaml: line \d+: .*U\+0007/);
  add("a right-to-left override in a bidder's name", { "bids.yaml": bids.replace(firstBidder, `Riverside \u202eecioV`) }, ["equality", "tender", "--out", "out/ea.docx", "--date", "2026-11-21"], 1, /tender\/bids\.yaml: line \d+: .*U\+202E/);
  add("30 February in the specification", { "specification.yaml": spec.replace("published: 2026-09-01", "published: 2027-02-30") }, ["validate", "tender"], 1, /tender\/specification\.yaml: dates\.published.*line \d+/);
  add("30 February on the command line", {}, ["report", "tender", "--out", "out/report.docx", "--date", "2027-02-30"], 2, /--date|2027-02-30/);
  add("a score of 7 on a 0–5 scale", { "bids.yaml": bids.replace(/score: 4\b/, "score: 7") }, ["whatif", "tender", "--html", "out/whatif.html"], 1, /tender\/bids\.yaml: bids\[0\]\.scores\.\w+\.\w+\.score.*line \d+.*7/);
  add("a custom price formula that grows without bound", { "scoring-model.yaml": model.replace("      type: proportional", `      type: custom\n      formula: "${HOSTILE_FORMULA}"\n      description: Grows without bound`) }, ["score", "tender", "--out", "out/results.json"], 1, /tender\/scoring-model\.yaml: sections\.price\.method.*line \d+/);

  // Returned workbooks.
  add("an .xlsx zip bomb among the returned sheets", { "returned/score-sheet-E1.xlsx": workbookWith([zerosSheet(400, 1000)]) }, ["score", "tender", "--sheets", "tender/returned", "--out", "out/results.json"], 1, /tender\/returned\/score-sheet-E1\.xlsx: cannot be read/);
  add("a truncated .xlsx among the returned sheets", { "returned/score-sheet-E1.xlsx": scoreSheet.slice(0, Math.floor(scoreSheet.length / 2)) }, ["report", "tender", "--sheets", "tender/returned", "--out", "out/report.docx", "--date", "2026-11-21"], 1, /tender\/returned\/score-sheet-E1\.xlsx: cannot be read/);
  add("a CSV named .xlsx among the returned sheets", { "returned/score-sheet-E1.xlsx": "Bid ID,Criterion ID,Score\nB1,Q1,4\n" }, ["summaries", "tender", "--sheets", "tender/returned", "--out-dir", "out/letters", "--date", "2026-11-21"], 1, /tender\/returned\/score-sheet-E1\.xlsx: cannot be read/);
  add("an .xlsx zip bomb as the profiles sheet", { "profiles.xlsx": workbookWith([zerosSheet(400)]) }, ["profiles-sheet", "tender", "--from", "tender/profiles.xlsx", "--out", "out/profiles.xlsx"], 1, /tender\/profiles\.xlsx: cannot be read/);

  // Templates and pages: hostile text that must come out inert.
  const template = new PizZip(readFileSync(join(exampleFolder, "../../templates/evaluation-report.docx")));
  const xml = template.file("word/document.xml")!.asText();
  template.file("word/document.xml", xml.replace("{tender.reference}", "{this.constructor.constructor(&quot;return process&quot;)()}"));
  add("a template tag that reaches for code", { "my-template.docx": template.generate({ type: "uint8array" }) }, ["report", "tender", "--template", "tender/my-template.docx", "--out", "out/report.docx", "--date", "2026-11-21"], 1, /tender\/my-template\.docx: the tag \{this\.constructor/);
  add("a bidder named with markup, on the what-if page", { "bids.yaml": bids.replace(`"${firstBidder}"`, JSON.stringify(HOSTILE_BIDDER)) }, ["whatif", "tender", "--samples", "2000", "--html", "out/whatif.html"], 0, /^/);
  return cases;
}
