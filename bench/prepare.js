// node bench/prepare.js DIR: the inputs the benchmark stages read, made once and not timed.
//   DIR/tender/specification.yaml, scoring-model.yaml, bids.yaml: the synthetic framework tender
//     (2,000 bids × 30 criteria × 3 evaluators), its bids without scores, as a panel's tender folder is
//     before the score sheets come back;
//   DIR/sheets/score-sheet-E1.xlsx … E3: the three evaluators' score sheets, completed (60,000 scores each).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { stringify } from "yaml";
import { modelHash } from "../dist/model/model-hash.js";
import { makeScoreSheets } from "../dist/spreadsheets/score-sheets.js";
import { syntheticTender } from "./synthetic-tender.js";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node bench/prepare.js DIR");
  process.exit(2);
}

const input = syntheticTender({ bids: 2000, criteria: 30, evaluators: 3 });
const tenderDir = join(dir, "tender");
const sheetsDir = join(dir, "sheets");
mkdirSync(tenderDir, { recursive: true });
mkdirSync(sheetsDir, { recursive: true });

writeFileSync(join(tenderDir, "specification.yaml"), stringify(input.specification));
writeFileSync(join(tenderDir, "scoring-model.yaml"), stringify(input.model));
// The scores come from the sheets, so the bids file has the panel and the bidders only.
writeFileSync(join(tenderDir, "bids.yaml"), stringify({ ...input.bids, bids: input.bids.bids.map(({ scores: _, ...bid }) => bid) }));

const sheets = await makeScoreSheets({ ...input, modelHash: modelHash(input.model), date: "2026-12-05" }, { priceSchedules: false });
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
  await wb.xlsx.writeFile(join(sheetsDir, sheet.fileName));
}
