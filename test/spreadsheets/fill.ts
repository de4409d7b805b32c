import ExcelJS from "exceljs";
import type { TenderBids } from "../../src/model/bids.js";

/**
 * Fill a generated score sheet the way a person would: scores typed in (some as text with stray spaces),
 * justifications written, and optionally the rows of one sheet re-sorted.
 */
export async function fillScoreSheet(bytes: Uint8Array, source: TenderBids, options: { asText?: boolean; resort?: boolean; skip?: { bid: string; criterion: string } } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const meta = workbook.getWorksheet("tender-eval")!;
  let evaluator = "";
  meta.eachRow((row) => {
    if (row.getCell(1).value === "evaluatorId") evaluator = String(row.getCell(2).value);
  });
  // The declaration of interests, ticked and dated as the bids file records it (the date typed as a person would).
  const declaration = source.panel.declarations.find((d) => d.evaluator === evaluator);
  const declarationSheet = workbook.getWorksheet("Declaration");
  if (declaration && declarationSheet) {
    declarationSheet.eachRow((row) => {
      const label = String(row.getCell(1).value ?? "");
      if (label.startsWith("I make this declaration")) row.getCell(2).value = declaration.declared ? "Yes" : "No";
      if (label.startsWith("Date of this declaration") && declaration.date) row.getCell(2).value = declaration.date.split("-").reverse().join("/");
      if (label.startsWith("Any interest") && declaration.interest) row.getCell(2).value = declaration.interest;
      if (label.startsWith("How it is being handled") && declaration.handling) row.getCell(2).value = declaration.handling;
    });
  }
  for (const sheet of workbook.worksheets) {
    if (!/scores$/.test(sheet.name)) continue;
    const rows: { bid: string; criterion: string; values: ExcelJS.CellValue[] }[] = [];
    for (let r = 3; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const bid = String(row.getCell(1).value);
      const criterion = String(row.getCell(3).value);
      const given = source.bids.find((b) => b.id === bid)!.scores[criterion]?.[evaluator];
      const skip = options.skip?.bid === bid && options.skip.criterion === criterion;
      if (given && !skip) {
        row.getCell(6).value = options.asText && r % 2 === 0 ? `${given.score} ` : given.score;
        row.getCell(7).value = given.justification;
      }
      rows.push({ bid, criterion, values: [1, 2, 3, 4, 5, 6, 7].map((c) => row.getCell(c).value) });
    }
    if (options.resort) {
      // Sorted by bidder descending, as someone might sort to work through one bid at a time.
      rows.sort((a, b) => (a.bid < b.bid ? 1 : a.bid > b.bid ? -1 : a.criterion.localeCompare(b.criterion)));
      rows.forEach((row, i) => row.values.forEach((v, c) => (sheet.getRow(3 + i).getCell(c + 1).value = v)));
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function fillPriceSchedule(bytes: Uint8Array, source: TenderBids): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  let bidId = "";
  workbook.getWorksheet("tender-eval")!.eachRow((row) => {
    if (row.getCell(1).value === "bidId") bidId = String(row.getCell(2).value);
  });
  const price = source.bids.find((b) => b.id === bidId)!.price!;
  const sheet = workbook.getWorksheet("Price schedule")!;
  const all = [...(price.years ?? []), ...price.extensionYears];
  // Filled by the row labels, as a person would, wherever the table starts below the guidance.
  let first = 0;
  sheet.eachRow((row, n) => {
    if (first === 0 && row.getCell(1).value === "Year 1") first = n;
  });
  all.forEach((p, i) => (sheet.getRow(first + i).getCell(3).value = i === 0 ? `£${p.toLocaleString("en-GB")}` : p));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Type one score into a filled sheet, as an evaluator correcting a mark would. */
export async function setScore(bytes: Uint8Array, sheetName: string, bid: string, criterion: string, score: unknown): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet(sheetName)!;
  for (let r = 3; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (row.getCell(1).value === bid && row.getCell(3).value === criterion) row.getCell(6).value = score as ExcelJS.CellValue;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The panel's agreed score and reason, typed into the moderation sheet's first row (answers needing moderation come first). */
export async function agreeInModerationSheet(bytes: Uint8Array, agreed: number, reason: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet("Moderation")!;
  sheet.getCell("H4").value = agreed;
  sheet.getCell("I4").value = reason;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
