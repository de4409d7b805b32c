import { contentOf, type CellContent } from "./cell-value.js";
import { StringItemText, XlsxReadError, decodeEscapes, parseXml, readXlsxPackage } from "./xlsx-package.js";

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

export async function loadLightWorkbook(bytes: Uint8Array): Promise<LightSheet[]> {
  const workbook = readXlsxPackage(bytes);
  return workbook.sheets.map((sheet) => ({ name: sheet.name, state: sheet.state, ...readRows(sheet.xml, workbook.sharedStrings, workbook.numberFormats) }));
}

/**
 * A worksheet's cells as the values `contentOf` understands: numbers, text, booleans, `{ error }`, and
 * formulas as `{ formula, result }` (or `{ sharedFormula, result }` for a cell that reuses the formula of
 * the cell named), `result` being absent when the formula was never calculated.
 */
function readRows(xml: string, sharedStrings: readonly string[], numberFormats: readonly string[]): Pick<LightSheet, "rows" | "formats" | "lastRow"> {
  const rows = new Map<number, unknown[]>();
  const formats = new Map<number, string[]>();
  const sharedFormulaMasters = new Map<string, string>();
  let lastRow = 0;
  let rowNumber = 0;
  let values: unknown[] = [];
  let rowFormats: string[] = [];
  let column = 0;
  // The cell being read.
  let type = "n";
  let formula: { text: string; sharedIndex?: string; isShared: boolean } | undefined;
  let raw: string | undefined;
  let capturing: "v" | "f" | undefined;
  let captured = "";
  let inlineText: StringItemText | undefined;
  let address = "";
  let format = "General";

  parseXml(xml, {
    open(tag) {
      switch (tag) {
        case "row": {
          const r = Number(this.attributes["r"]);
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          if (rowNumber > MAX_ROW) throw new XlsxReadError(`it is damaged: it has a row ${rowNumber.toLocaleString("en-GB")}, beyond the last row a spreadsheet can have`);
          values = [];
          rowFormats = [];
          column = 0;
          break;
        }
        case "c": {
          const ref = this.attributes["r"];
          column = ref ? columnNumber(ref) : column + 1;
          // Beyond column XFD a reference is not a cell, and would make the row's array huge.
          if (column > MAX_COLUMN) throw new XlsxReadError(`it is damaged: it has a cell ${ref ?? `in column ${column}`}, beyond the last column a spreadsheet can have`);
          address = ref ?? "";
          format = numberFormats[Number(this.attributes["s"] ?? 0)] ?? "General";
          type = this.attributes["t"] ?? "n";
          formula = undefined;
          raw = undefined;
          inlineText = undefined;
          break;
        }
        case "v":
        case "f":
          capturing = tag;
          captured = "";
          if (tag === "f") formula = { text: "", isShared: this.attributes["t"] === "shared", ...(this.attributes["si"] !== undefined ? { sharedIndex: this.attributes["si"] } : {}) };
          break;
        case "is":
          inlineText = new StringItemText();
          inlineText.start();
          break;
        default:
          inlineText?.open(tag);
      }
    },
    text(value) {
      if (capturing) captured += value;
      else inlineText?.add(value);
    },
    close(tag) {
      switch (tag) {
        case "v":
          raw = captured;
          capturing = undefined;
          break;
        case "f":
          if (formula) formula.text = captured;
          capturing = undefined;
          break;
        case "c": {
          const value = cellValue(type, raw, inlineText, sharedStrings);
          if (formula) values[column] = formulaValue(formula, value, raw !== undefined, address, sharedFormulaMasters);
          else if (value !== undefined) values[column] = value;
          if (typeof value === "number" && format !== "General") rowFormats[column] = format;
          break;
        }
        case "row":
          if (values.length > 0) {
            rows.set(rowNumber, values);
            if (rowFormats.length > 0) formats.set(rowNumber, rowFormats);
            lastRow = Math.max(lastRow, rowNumber);
          }
          break;
        default:
          inlineText?.close(tag);
      }
    },
  });
  return { rows, formats, lastRow };
}

// The largest sheet Excel and LibreOffice allow: column XFD, row 1,048,576.
const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;

function cellValue(type: string, raw: string | undefined, inlineText: StringItemText | undefined, sharedStrings: readonly string[]): unknown {
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

function formulaValue(formula: { text: string; sharedIndex?: string; isShared: boolean }, result: unknown, calculated: boolean, address: string, masters: Map<string, string>): unknown {
  const resultPart = calculated ? { result } : {};
  if (formula.isShared && formula.sharedIndex !== undefined) {
    if (formula.text !== "") masters.set(formula.sharedIndex, address);
    else return { sharedFormula: masters.get(formula.sharedIndex) ?? "another cell", ...resultPart };
  }
  return { formula: formula.text, ...resultPart };
}

/** "AB12" → 28. */
function columnNumber(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n;
}

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
  return [...sheet.rows.keys()].filter((r) => r > after).sort((a, b) => a - b);
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
