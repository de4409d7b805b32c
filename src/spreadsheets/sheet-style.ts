import type { AddWorksheetOptions, Row, Worksheet } from "exceljs";

export const HEADER_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFE7E6E6" } };
export const INPUT_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFFFF9E5" } };
export const THIN = { style: "thin" as const, color: { argb: "FF808080" } };

/** A bold title row merged across the table, then a bold, shaded, frozen header row. */
export function titleAndHeader(sheet: Worksheet, title: string, headers: string[], widths: number[]): void {
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, headers.length);
  const titleCell = sheet.getCell(1, 1);
  titleCell.font = { bold: true, size: 14 };
  titleCell.alignment = { vertical: "middle", wrapText: true };
  sheet.getRow(1).height = 36;
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.alignment = { vertical: "top", wrapText: true };
  header.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
}

/**
 * A title, a row of guidance (between the title and the header, where people look first) and a bold,
 * shaded header row: the layout of the sheets people fill in by hand.
 */
export function titleGuidanceAndHeader(sheet: Worksheet, title: string, guidance: string, headers: string[], widths: number[]): void {
  sheet.addRow([title]).font = { bold: true, size: 14 };
  sheet.addRow([guidance]);
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.mergeCells(2, 1, 2, headers.length);
  sheet.getRow(2).alignment = { wrapText: true, vertical: "top" };
  sheet.getRow(2).height = 64;
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
}

/**
 * Options for a new sheet (given to addWorksheet, as exceljs's streaming writer requires): header rows
 * frozen, and printed landscape, one page wide, with the header rows repeated on every page.
 */
export function tableSheet(headerRows: number): Partial<AddWorksheetOptions> {
  return {
    views: headerRows > 0 ? [{ state: "frozen", ySplit: headerRows, activeCell: `A${headerRows + 1}` }] : [],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, ...(headerRows > 0 ? { printTitlesRow: `1:${headerRows}` } : {}) },
  };
}

/** Protect a sheet against accidental edits (no password): only unlocked input cells can be changed. */
export async function protect(sheet: Worksheet): Promise<void> {
  await sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: true });
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31);
}

/**
 * Make a row tall enough for its wrapped text: neither Excel nor LibreOffice grows a row written by
 * another program, so long criteria and justifications would otherwise overlap.
 */
export function fitHeight(row: Row, sheet: Worksheet): void {
  let lines = 1;
  row.eachCell((cell, col) => {
    const text = typeof cell.value === "string" ? cell.value : "";
    if (text === "") return;
    const width = sheet.getColumn(col).width ?? 10;
    const needed = text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil((line.length * 1.1) / width)), 0);
    lines = Math.max(lines, needed);
  });
  if (lines > 1) row.height = Math.min(409, 15 * lines);
}
