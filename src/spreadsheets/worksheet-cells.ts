import { StringItemText, XlsxReadError, decodeEscapes } from "./xlsx-package.js";

/** A worksheet's cells, as both worksheet readers return them (see `LightSheet`). */
export interface WorksheetRows {
  rows: Map<number, unknown[]>;
  formats: Map<number, string[]>;
  lastRow: number;
}

export interface CellFormula {
  text: string;
  sharedIndex?: string;
  isShared: boolean;
}

// The largest sheet Excel and LibreOffice allow: column XFD, row 1,048,576.
export const MAX_COLUMN = 16_384;
export const MAX_ROW = 1_048_576;

export function rowBeyondTheSheet(row: number): XlsxReadError {
  return new XlsxReadError(`it is damaged: it has a row ${row.toLocaleString("en-GB")}, beyond the last row a spreadsheet can have`);
}

export function columnBeyondTheSheet(ref: string | undefined, column: number): XlsxReadError {
  return new XlsxReadError(`it is damaged: it has a cell ${ref ?? `in column ${column}`}, beyond the last column a spreadsheet can have`);
}

export function cellValue(type: string, raw: string | undefined, inlineText: StringItemText | undefined, sharedStrings: readonly string[]): unknown {
  switch (type) {
    case "inlineStr":
      return inlineText?.value();
    case "s": {
      if (raw === undefined) return undefined;
      const text = sharedStrings[Number(raw)];
      return text ?? { error: `a missing shared string (${raw})` };
    }
    case "str":
      return raw === undefined ? undefined : decodeEscapes(raw);
    case "b":
      return raw === undefined ? undefined : raw.trim() === "1" || raw.trim().toLowerCase() === "true";
    case "e":
      return raw === undefined ? undefined : { error: raw };
    case "d": {
      if (raw === undefined) return undefined;
      const date = new Date(raw);
      return Number.isNaN(date.getTime()) ? { error: `an unreadable date (${raw})` } : date;
    }
    default:
      return raw === undefined || raw.trim() === "" ? undefined : Number(raw);
  }
}

export function formulaValue(formula: CellFormula, result: unknown, calculated: boolean, address: string, masters: Map<string, string>): unknown {
  const resultPart = calculated ? { result } : {};
  if (formula.isShared && formula.sharedIndex !== undefined) {
    if (formula.text !== "") masters.set(formula.sharedIndex, address);
    else return { sharedFormula: masters.get(formula.sharedIndex) ?? "another cell", ...resultPart };
  }
  return { formula: formula.text, ...resultPart };
}

/** "AB12" → 28. */
export function columnNumber(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n;
}
