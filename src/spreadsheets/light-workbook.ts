import { contentOf, type CellContent } from "./cell-value.js";
import { XLSX_LIMITS, readXlsxPackage, type RawInflate, type XlsxPackage } from "./xlsx-package.js";
import { readRowsWithSaxes } from "./worksheet-saxes.js";
import { scanWorksheet } from "./worksheet-scanner.js";

/**
 * A workbook as plain rows of cell values. Our own reader over the package's XML, not exceljs's model:
 * several times faster and a fraction of the memory, which matters for framework-sized score sheets,
 * and it keeps what exceljs drops (a formula's cached result of 0).
 */
export interface LightSheet {
  name: string;
  state: string;
  /** Row number → cell values by column number (1-based, as in Excel). */
  rows: Map<number, unknown[]>;
  /**
   * Row number → number format codes by column, for the numbers shown in a format other than General:
   * the format is what tells -15% (a number shown as a percentage) from -0.15.
   */
  formats: Map<number, string[]>;
  lastRow: number;
}

export async function loadLightWorkbook(bytes: Uint8Array, inflateRaw?: RawInflate): Promise<LightSheet[]> {
  return lightSheets(readXlsxPackage(bytes, XLSX_LIMITS, inflateRaw));
}

/** An unpacked workbook's sheets as rows. */
export function lightSheets(workbook: XlsxPackage): LightSheet[] {
  return workbook.sheets.map((sheet) => ({ name: sheet.name, state: sheet.state, ...readRows(sheet.xml, workbook.sharedStrings, workbook.numberFormats) }));
}

/**
 * A worksheet's cells as the values `contentOf` understands (see `readRowsWithSaxes`): read from its
 * bytes by the worksheet scanner, or, where the scanner leaves the sheet to it, decoded (as UTF-8, not
 * fatally, a byte order mark dropped) and read by saxes.
 */
export function readRows(xml: Uint8Array, sharedStrings: readonly string[], numberFormats: readonly string[]): Pick<LightSheet, "rows" | "formats" | "lastRow"> {
  return scanWorksheet(xml, sharedStrings, numberFormats) ?? readRowsWithSaxes(decoder.decode(xml), sharedStrings, numberFormats);
}

const decoder = new TextDecoder("utf-8");

export function columnLetter(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function cellAt(sheet: LightSheet, row: number, column: number): CellContent {
  return contentOf(sheet.rows.get(row)?.[column], `${columnLetter(column)}${row}`);
}

/** A cell's number format code: "General" unless the cell holds a number shown otherwise. */
export function formatAt(sheet: LightSheet, row: number, column: number): string {
  return sheet.formats.get(row)?.[column] ?? "General";
}

/**
 * The rows after `after` that hold something, in order. Loop over these rather than up to `lastRow`: a
 * single cell at row 1,048,576 would otherwise mean a million empty rows to look at.
 */
export function rowsAfter(sheet: LightSheet, after: number): number[] {
  const rows: number[] = [];
  // Rows are almost always written in order, so they are sorted only when they were not.
  let inOrder = true;
  for (const r of sheet.rows.keys()) {
    if (r <= after) continue;
    if (rows.length > 0 && r < rows[rows.length - 1]!) inOrder = false;
    rows.push(r);
  }
  return inOrder ? rows : rows.sort((a, b) => a - b);
}

/**
 * `rowsAfter`, each with its cells: the rows are read straight from the sheet when they were written in
 * order (as they almost always are), rather than looked up one by one.
 */
export function* rowEntriesAfter(sheet: LightSheet, after: number): Generator<[number, unknown[]]> {
  let previous = -Infinity;
  let inOrder = true;
  for (const r of sheet.rows.keys()) {
    if (r < previous) {
      inOrder = false;
      break;
    }
    previous = r;
  }
  if (!inOrder) {
    for (const r of rowsAfter(sheet, after)) yield [r, sheet.rows.get(r)!];
    return;
  }
  for (const entry of sheet.rows) if (entry[0] > after) yield entry;
}

/** The columns of a row that hold something, in order. */
export function columnsOf(sheet: LightSheet, row: number): number[] {
  const values = sheet.rows.get(row) ?? [];
  const columns: number[] = [];
  values.forEach((v, c) => {
    if (c > 0 && v !== null && v !== undefined) columns.push(c);
  });
  return columns;
}
