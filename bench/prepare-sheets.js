// Not timed: three completed evaluator score sheets for 2,000 bids × 30 criteria × 3 evaluators, written
// to DIR/sheets/ as the 'prepare-excel' stage of bench/run.js makes them (each evaluator's scores typed
// into the blank sheet tender-eval makes). Usage: node bench/prepare-sheets.js DIR
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { modelHash } from "../dist/model/model-hash.js";
import { makeScoreSheets } from "../dist/spreadsheets/score-sheets.js";
import { syntheticTender } from "./synthetic-tender.js";

export async function prepareSheets(dir) {
  const input = syntheticTender({ bids: 2000, criteria: 30, evaluators: 3 });
  const sheets = await makeScoreSheets({ ...input, modelHash: modelHash(input.model), date: "2026-12-05" }, { priceSchedules: false });
  const out = join(dir, "sheets");
  mkdirSync(out, { recursive: true });
  const byBid = new Map(input.bids.bids.map((b) => [b.id, b]));
  for (const sheet of sheets) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.bytes);
    const evaluator = sheet.fileName.replace(/^score-sheet-|\.xlsx$/g, "");
    const ws = wb.getWorksheet("Quality scores");
    for (let r = 3; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      row.getCell(6).value = byBid.get(row.getCell(1).value).scores[row.getCell(3).value][evaluator].score;
    }
    await wb.xlsx.writeFile(join(out, sheet.fileName));
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: node bench/prepare-sheets.js DIR");
  await prepareSheets(dir);
}
