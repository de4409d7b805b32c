import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { runCli } from "../cli/harness.js";
import { setScore } from "./fill.js";
import { filledSheets, tenderWithoutScores } from "./sheets-fixtures.js";

async function folderWith(files: Map<string, Uint8Array>): Promise<{ tender: string; sheets: string }> {
  const tender = tenderWithoutScores();
  const sheets = join(tender, "returned");
  mkdirSync(sheets);
  for (const [name, bytes] of files) writeFileSync(join(sheets, name), bytes);
  return { tender, sheets };
}

describe("score --sheets", () => {
  it("a folder of broken workbooks: each gets its own clear message, and nothing is written", async () => {
    const files = await filledSheets();
    const e1 = files.get("score-sheet-E1.xlsx")!;
    files.set("score-sheet-E1.xlsx", await setScore(e1, "Quality scores", "B1", "Q1", 7));
    files.set("corrupt.xlsx", e1.slice(0, 300));
    files.set("empty.xlsx", new Uint8Array());
    files.set("notes.xlsx", new TextEncoder().encode("these are my notes"));
    files.set("old-format.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
    files.set("~$score-sheet-E2.xlsx", new Uint8Array([1, 2, 3])); // Excel's lock file: ignored
    const { tender, sheets } = await folderWith(files);
    const other = readFileSync(join(tender, "specification.yaml"), "utf8").replace("reference: RBC-ASC-2026-014", "reference: OTHER-2026-001");
    const otherDir = join(tender, "other");
    mkdirSync(otherDir);
    writeFileSync(join(otherDir, "specification.yaml"), other);
    for (const f of ["scoring-model.yaml", "bids.yaml"]) writeFileSync(join(otherDir, f), readFileSync(join(tender, f)));
    const wrong = await runCli(["scoresheets", otherDir, "--out-dir", "x"]);
    writeFileSync(join(sheets, "from-another-tender.xlsx"), readFileSync(join(wrong.cwd, "x", "score-sheet-E1.xlsx")));

    const run = await runCli(["score", tender, "--sheets", sheets, "--out", "results.json"]);
    expect(run.code).toBe(1);
    const lines = run.stderr.split("\n");
    const about = (file: string) => lines.filter((l) => l.includes(`${file}:`));
    expect(about("corrupt.xlsx")).toEqual([expect.stringContaining("cannot be read as a spreadsheet: it is not an .xlsx file, or it is damaged")]);
    expect(about("empty.xlsx")).toEqual([expect.stringContaining("is empty (0 bytes)")]);
    expect(about("notes.xlsx")).toEqual([expect.stringContaining("cannot be read as a spreadsheet")]);
    expect(about("old-format.xls")).toEqual([expect.stringContaining("it is not an .xlsx workbook: open it and save it as Excel Workbook (.xlsx)")]);
    expect(about("from-another-tender.xlsx")).toEqual([expect.stringContaining("is a score sheet for another tender (OTHER-2026-001)")]);
    expect(about("score-sheet-E1.xlsx")).toEqual([expect.stringContaining('sheet "Quality scores", cell F3: the score 7 is not on the scale "zero-to-five"')]);
    expect(run.stderr).not.toContain("~$");
    expect(run.stderr).toContain("Nothing was written.");
    expect(existsSync(join(tender, "outputs"))).toBe(false);
    expect(readdirSync(run.cwd)).toEqual([]);
  });

  it("missing scores stop scoring; with --allow-incomplete the results say what was missing", async () => {
    const files = await filledSheets();
    files.delete("score-sheet-E3.xlsx"); // one evaluator has not returned their sheet
    const { tender, sheets } = await folderWith(files);
    const strict = await runCli(["score", tender, "--sheets", sheets]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('bid "B1" has no score from E3 for criterion Q1');
    expect(strict.stderr.match(/has no score from E3/g)).toHaveLength(42);

    const lenient = await runCli(["score", tender, "--sheets", sheets, "--allow-incomplete"]);
    expect(lenient.code).toBe(0);
    // 42 missing scores, and E3's declaration of interests, which came on the sheet that was not returned.
    expect(lenient.stderr).toContain("43 warnings:");
    expect(lenient.stderr).toContain('bid "B1" has no score from E3 for criterion Q1');
    expect(lenient.stderr).toContain("evaluator E3 has no declaration of interests recorded");
    const json = JSON.parse(readFileSync(join(tender, "outputs", "results.json"), "utf8"));
    expect(json.warnings.filter((w: { code: string }) => w.code === "bids.missing-score")).toHaveLength(42);
  });

  it("answers beyond tolerance get a moderation sheet; the agreed scores and reasons entered in it are then used", async () => {
    const files = await filledSheets();
    // E1 scores the DDPO's Q4 at 1 where E2 and E3 gave 4 and 5: a spread of 4 on a 0–5 scale.
    files.set("score-sheet-E1.xlsx", await setScore(files.get("score-sheet-E1.xlsx")!, "Quality scores", "B1", "Q4", 1));
    const { tender, sheets } = await folderWith(files);
    const first = await runCli(["score", tender, "--sheets", sheets]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("1 answer needs moderation");
    expect(first.stdout).toMatch(/1\s+Riverside Disabled People's Voice.*provisional/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(tender, "outputs", "moderation.xlsx")) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Moderation")!;
    // The answer to moderate comes first, each evaluator's score beside their justification.
    expect([sheet.getCell("A4").value, sheet.getCell("C4").value, sheet.getCell("G4").value]).toEqual(["B1", "Q4", "Yes: spread 4 (tolerance 1.5)"]);
    expect(String(sheet.getCell("E4").value)).toMatch(/^E1 \(1\): .+\nE2 \(4\): .+\nE3 \(5\): .+/);
    sheet.getCell("H4").value = 4;
    sheet.getCell("I4").value = "E1 had missed the peer-advocate training plan on page 12; the panel agreed the answer is good.";
    writeFileSync(join(sheets, "moderation.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));

    // An agreed score without a reason is refused, naming the cell.
    const reasonCell = sheet.getCell("I4");
    const reason = reasonCell.value;
    reasonCell.value = null;
    writeFileSync(join(sheets, "moderation.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));
    const noReason = await runCli(["score", tender, "--sheets", sheets, "--force"], first.cwd);
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain('moderation.xlsx: sheet "Moderation", cell I4: the agreed score for bid B1, criterion Q4 has no reason');
    reasonCell.value = reason;
    writeFileSync(join(sheets, "moderation.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));

    const second = await runCli(["score", tender, "--sheets", sheets, "--force"], first.cwd);
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain("need moderation");
    expect(second.stdout).toContain("Riverside Disabled People's Voice, Q4: agreed 4 (E1 had missed the peer-advocate training plan");
  });
});
