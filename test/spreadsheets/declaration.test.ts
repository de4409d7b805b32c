import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { modelHash } from "../../src/model/model-hash.js";
import { formatProblem } from "../../src/problems/format.js";
import { readWorkbook, type ReadContext } from "../../src/spreadsheets/read-workbook.js";
import { makeScoreSheets } from "../../src/spreadsheets/score-sheets.js";
import { loadExample } from "../example-tender.js";
import { fillScoreSheet } from "./fill.js";

const input = loadExample();
const context: ReadContext = { ...input, modelHash: modelHash(input.model), allowIncomplete: false };
const sheets = await makeScoreSheets({ ...input, modelHash: context.modelHash, date: "2026-11-23" });
const sheetOf = (name: string) => sheets.find((s) => s.fileName === name)!.bytes;

async function setDeclaration(bytes: Uint8Array, values: Record<string, ExcelJS.CellValue>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  wb.getWorksheet("Declaration")!.eachRow((row) => {
    for (const [label, value] of Object.entries(values)) if (String(row.getCell(1).value).startsWith(label)) row.getCell(2).value = value;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("the declaration of interests on the score sheet", () => {
  it("every evaluator's sheet has one to tick and date, naming the bidders; the user panel's does not", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheetOf("score-sheet-E1.xlsx") as unknown as ArrayBuffer);
    const text = wb.getWorksheet("Declaration")!.getSheetValues().flat().join(" ");
    expect(text).toContain("Declaration of interests and confidentiality – Commissioning Manager (E1)");
    expect(text).toContain("Riverside Disabled People's Voice");
    expect(text).toContain("I make this declaration (choose Yes)");
    const panel = new ExcelJS.Workbook();
    await panel.xlsx.load(sheetOf("user-panel-sheet-P1.xlsx") as unknown as ArrayBuffer);
    expect(panel.getWorksheet("Declaration")).toBeUndefined();
  });

  it("is read back with the scores: ticked, dated (as a date or typed as text) and any interest with how it was handled", async () => {
    const filled = await fillScoreSheet(sheetOf("score-sheet-E2.xlsx"), input.bids);
    const read = await readWorkbook(filled, "E2.xlsx", context);
    expect(read.ok && read.value.kind === "scores" && read.value.declaration).toEqual(input.bids.panel.declarations.find((d) => d.evaluator === "E2"));

    const asDate = await setDeclaration(sheetOf("score-sheet-E1.xlsx"), { "I make this declaration": "Yes", "Date of this declaration": new Date(Date.UTC(2026, 9, 14)), "Any interest": "None" });
    const fromDate = await readWorkbook(asDate, "E1.xlsx", { ...context, allowIncomplete: true });
    expect(fromDate.ok && fromDate.value.kind === "scores" && fromDate.value.declaration).toEqual({ evaluator: "E1", declared: true, date: "2026-10-14" });
  });

  it("a blank declaration leaves the bids file's own; a date that is not a date is located", async () => {
    const blank = await readWorkbook(sheetOf("score-sheet-E1.xlsx"), "E1.xlsx", { ...context, allowIncomplete: true });
    expect(blank.ok && blank.value.kind === "scores" && blank.value.declaration).toBeUndefined();
    const bad = await setDeclaration(sheetOf("score-sheet-E1.xlsx"), { "I make this declaration": "Yes", "Date of this declaration": "last Tuesday" });
    const read = await readWorkbook(bad, "E1.xlsx", { ...context, allowIncomplete: true });
    expect(read.problems.filter((p) => p.code === "sheets.declaration-date-unreadable").map(formatProblem)).toEqual([
      'E1.xlsx: sheet "Declaration", cell B6: E1\'s declaration date cannot be read as a date: type it as e.g. 14/10/2026',
    ]);
  });
});
