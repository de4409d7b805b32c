import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { modelHash } from "../../src/model/model-hash.js";
import { formatProblem } from "../../src/problems/format.js";
import { readCell, readScore } from "../../src/spreadsheets/cell-value.js";
import { readWorkbook, type ReadContext } from "../../src/spreadsheets/read-workbook.js";
import { makeScoreSheets } from "../../src/spreadsheets/score-sheets.js";
import { loadExample } from "../example-tender.js";
import { fillScoreSheet } from "./fill.js";

const input = loadExample();
const context: ReadContext = { ...input, modelHash: modelHash(input.model), allowIncomplete: false };
const sheets = await makeScoreSheets({ ...input, modelHash: context.modelHash, date: "2026-11-21" });
const e1 = sheets.find((s) => s.fileName === "score-sheet-E1.xlsx")!;

async function edit(bytes: Uint8Array, change: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  change(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Find the row of a bid and criterion on a generated score sheet. */
function rowOf(sheet: ExcelJS.Worksheet, bid: string, criterion: string): ExcelJS.Row {
  for (let r = 3; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (row.getCell(1).value === bid && row.getCell(3).value === criterion) return row;
  }
  throw new Error("no such row");
}

const messages = async (bytes: Uint8Array, file = "E1.xlsx", ctx = context) => (await readWorkbook(bytes, file, ctx)).problems.map(formatProblem);

describe("one place decides what a cell holds", () => {
  const cell = (value: unknown) => readCell({ value, address: "B2" } as unknown as ExcelJS.Cell);
  it.each([
    [4, { ok: true, value: 4 }],
    ["4", { ok: true, value: 4 }],
    [" 4 ", { ok: true, value: 4 }],
    ["3.5", { ok: true, value: 3.5 }],
    [{ formula: "2+2", result: 4 }, { ok: true, value: 4 }],
    [{ sharedFormula: "B1", result: 3 }, { ok: true, value: 3 }],
    [{ richText: [{ text: "4" }] }, { ok: true, value: 4 }],
    [null, { ok: false, reason: "empty", detail: "" }],
    ["   ", { ok: false, reason: "empty", detail: "" }],
    ["four", { ok: false, reason: "not-a-number", detail: '"four"' }],
    [{ error: "#DIV/0!" }, { ok: false, reason: "error", detail: "#DIV/0!" }],
    [{ formula: "A1/0" }, { ok: false, reason: "uncalculated", detail: "=A1/0" }],
    [{ formula: "A1/0", result: { error: "#DIV/0!" } }, { ok: false, reason: "error", detail: "=A1/0 gives #DIV/0!" }],
    [{ formula: "A1-A1", result: 0 }, { ok: true, value: 0 }],
    [true, { ok: false, reason: "not-a-number", detail: "TRUE" }],
  ])("%j", (value, expected) => {
    expect(readScore(cell(value))).toEqual(expected);
  });
});

describe("what real spreadsheets contain is read correctly", () => {
  it("numbers as text, formulas with cached results, blank rows, an extra sheet, a renamed sheet and a merged title", async () => {
    const filled = await fillScoreSheet(e1.bytes, input.bids, { asText: true });
    const messy = await edit(filled, (wb) => {
      const sheet = wb.getWorksheet("Quality scores")!;
      rowOf(sheet, "B1", "Q1").getCell(6).value = { formula: "2+2", result: 4 } as ExcelJS.CellValue;
      sheet.name = "Kwaliteit"; // renamed
      sheet.spliceRows(5, 0, [], []); // blank rows in the middle
      // A formula whose cached result is 0: exceljs's cell.value drops a 0 result, which once made this
      // look like a formula that had never been calculated. (Set after the splice, which copies values
      // through cell.value and so would drop it here in the test itself.)
      rowOf(sheet, "B2", "Q2").getCell(6).value = { formula: "1-1", result: 0 } as ExcelJS.CellValue;
      wb.addWorksheet("My notes").addRow(["Remember to check B3's references"]);
    });
    const read = await readWorkbook(messy, "E1.xlsx", context);
    expect(read.problems).toEqual([]);
    if (!read.ok || read.value.kind !== "scores") throw new Error("should read");
    expect(read.value.entries).toHaveLength(6 * 7);
    expect(read.value.entries.find((e) => e.bidId === "B1" && e.criterionId === "Q1")!.score).toBe(4);
    expect(read.value.entries.find((e) => e.bidId === "B2" && e.criterionId === "Q2")!.score).toBe(0);
  });

  it("a panel's own spreadsheet in the documented panel-matrix layout, with a merged header and a blank row", async () => {
    const wb = new ExcelJS.Workbook();
    for (const evaluator of ["E1", "E2", "E3"]) {
      const sheet = wb.addWorksheet(evaluator);
      sheet.addRow(["Our panel's scores", null, null]);
      sheet.mergeCells("A1:C1");
      sheet.addRow(["Tender reference", input.specification.reference]);
      sheet.addRow(["Bid", "Q1", "Q1 justification", "Q2", "Q2 justification", "Q3", "Q3 justification", "Q4", "Q4 justification", "Q5", "Q5 justification", "SV1", "SV1 justification", "SV2", "SV2 justification"]);
      for (const bid of input.bids.bids) {
        const cells: (string | number)[] = [bid.id];
        for (const c of ["Q1", "Q2", "Q3", "Q4", "Q5", "SV1", "SV2"]) {
          const given = bid.scores[c]![evaluator]!;
          cells.push(given.score, given.justification);
        }
        sheet.addRow(cells);
        if (bid.id === "B3") sheet.addRow([]);
      }
    }
    const read = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), "panel.xlsx", context);
    expect(read.problems).toEqual([]);
    if (!read.ok || read.value.kind !== "scores") throw new Error("should read");
    expect(read.value.evaluators).toEqual(["E1", "E2", "E3"]);
    expect(read.value.entries).toHaveLength(3 * 6 * 7);
  });
});

describe("what cannot be trusted is refused, with file, sheet and cell", () => {
  it("a score of 7 on a 0–5 scale, a score written as a word, a formula error, a missing justification", async () => {
    const filled = await fillScoreSheet(e1.bytes, input.bids);
    const broken = await edit(filled, (wb) => {
      const sheet = wb.getWorksheet("Quality scores")!;
      rowOf(sheet, "B1", "Q1").getCell(6).value = 7;
      rowOf(sheet, "B2", "Q1").getCell(6).value = "four";
      rowOf(sheet, "B3", "Q1").getCell(6).value = { formula: "1/0", result: { error: "#DIV/0!" } } as unknown as ExcelJS.CellValue;
      rowOf(sheet, "B4", "Q1").getCell(7).value = null;
    });
    expect(await messages(broken)).toEqual([
      'E1.xlsx: sheet "Quality scores", cell F3: the score 7 is not on the scale "zero-to-five" (allowed: 0, 1, 2, 3, 4, 5)',
      'E1.xlsx: sheet "Quality scores", cell F4: "four" cannot be read as a score',
      'E1.xlsx: sheet "Quality scores", cell F5: the cell holds a formula that could not be used (=1/0 gives #DIV/0!): type the score itself',
      'E1.xlsx: sheet "Quality scores", cell G6: the score E1 gave bid "B4" for Q1 has no justification, and the model requires one',
    ]);
  });

  it("an unknown bid, an unknown criterion and a duplicated row", async () => {
    const filled = await fillScoreSheet(e1.bytes, input.bids);
    const broken = await edit(filled, (wb) => {
      const sheet = wb.getWorksheet("Quality scores")!;
      rowOf(sheet, "B1", "Q1").getCell(1).value = "B9";
      rowOf(sheet, "B2", "Q1").getCell(3).value = "Q9";
      rowOf(sheet, "B4", "Q1").getCell(1).value = "B3";
    });
    expect(await messages(broken)).toEqual([
      'E1.xlsx: sheet "Quality scores", cell A3: "B9" is not a bid in this tender',
      'E1.xlsx: sheet "Quality scores", cell C4: "Q9" is not a criterion of the scoring model',
      'E1.xlsx: sheet "Quality scores", cell A6: bid B3, criterion Q1 is scored twice (also at sheet "Quality scores", row 5)',
    ]);
  });

  it("lists every missing score at once; with --allow-incomplete they are warnings", async () => {
    const partly = await fillScoreSheet(e1.bytes, input.bids, { skip: { bid: "B2", criterion: "Q3" } });
    const emptier = await edit(partly, (wb) => {
      rowOf(wb.getWorksheet("Social value scores")!, "B5", "SV1").getCell(6).value = null;
    });
    expect(await messages(emptier)).toEqual([
      'E1.xlsx: sheet "Quality scores", cell F16: bid B2, criterion Q3 has no score',
      'E1.xlsx: sheet "Social value scores", cell F7: bid B5, criterion SV1 has no score',
    ]);
    const lenient = await readWorkbook(emptier, "E1.xlsx", { ...context, allowIncomplete: true });
    expect(lenient.ok).toBe(true);
    expect(lenient.problems.map((p) => p.severity)).toEqual(["warning", "warning"]);
  });

  it("a sheet from another tender, or from an out-of-date model", async () => {
    expect(await messages(e1.bytes, "E1.xlsx", { ...context, specification: { ...context.specification, reference: "OTHER-1" } })).toEqual([
      "E1.xlsx: is a score sheet for another tender (RBC-ASC-2026-014), not Community Advocacy and Peer Support Service for Disabled Adults (OTHER-1)",
    ]);
    const changed = { ...input.model, version: "2", sections: { ...input.model.sections, price: { ...input.model.sections.price!, weight: 25 }, quality: { ...input.model.sections.quality!, weight: 50 } } };
    const stale = await messages(e1.bytes, "E1.xlsx", { ...context, model: changed, modelHash: modelHash(changed) });
    expect(stale[0]).toMatch(/^E1\.xlsx: was made from the scoring model as it was before it was changed \(its fingerprint on the sheet is [0-9a-f]{12}…, the model's now is [0-9a-f]{12}…\)/);
  });

  it("an empty file, a corrupt zip, a text file named .xlsx and an unrelated workbook", async () => {
    expect(await messages(new Uint8Array(), "empty.xlsx")).toEqual(["empty.xlsx: is empty (0 bytes): it may not have finished saving or copying"]);
    expect((await messages(e1.bytes.slice(0, 500), "cut.xlsx"))[0]).toMatch(/^cut\.xlsx: cannot be read as a spreadsheet: it is not an \.xlsx file, or it is damaged/);
    expect((await messages(new TextEncoder().encode("Bid,Score\nB1,4\n"), "scores.xlsx"))[0]).toMatch(/^scores\.xlsx: cannot be read as a spreadsheet: it is not an \.xlsx file, or it is damaged/);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Budget").addRow(["Item", "Cost"]);
    expect(await messages(new Uint8Array(await wb.xlsx.writeBuffer()), "budget.xlsx")).toEqual([
      "budget.xlsx: is neither a tender-eval score sheet nor a panel matrix (one sheet per evaluator, named with the evaluator's id, bids as rows, criterion ids as column headers)",
    ]);
  });
});
