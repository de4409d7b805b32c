import { contentOf, type CellContent } from "./cell-value.js";
import { StringItemText, decodeEscapes, parseXml, readXlsxPackage } from "./xlsx-package.js";

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
  lastRow: number;
}

export async function loadLightWorkbook(bytes: Uint8Array): Promise<LightSheet[]> {
  const workbook = readXlsxPackage(bytes);
  return workbook.sheets.map((sheet) => ({ name: sheet.name, state: sheet.state, ...readRows(sheet.xml, workbook.sharedStrings) }));
}

/**
 * A worksheet's cells as the values `contentOf` understands: numbers, text, booleans, `{ error }`, and
 * formulas as `{ formula, result }` (or `{ sharedFormula, result }` for a cell that reuses the formula of
 * the cell named), `result` being absent when the formula was never calculated.
 */
function readRows(xml: string, sharedStrings: readonly string[]): { rows: Map<number, unknown[]>; lastRow: number } {
  const rows = new Map<number, unknown[]>();
  const sharedFormulaMasters = new Map<string, string>();
  let lastRow = 0;
  let rowNumber = 0;
  let values: unknown[] = [];
  let column = 0;
  // The cell being read.
  let type = "n";
  let formula: { text: string; sharedIndex?: string; isShared: boolean } | undefined;
  let raw: string | undefined;
  let capturing: "v" | "f" | undefined;
  let captured = "";
  let inlineText: StringItemText | undefined;
  let address = "";

  parseXml(xml, {
    open(tag) {
      switch (tag) {
        case "row": {
          const r = Number(this.attributes["r"]);
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          values = [];
          column = 0;
          break;
        }
        case "c": {
          const ref = this.attributes["r"];
          column = ref ? columnNumber(ref) : column + 1;
          address = ref ?? "";
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
          break;
        }
        case "row":
          if (values.length > 0) {
            rows.set(rowNumber, values);
            lastRow = Math.max(lastRow, rowNumber);
          }
          break;
        default:
          inlineText?.close(tag);
      }
    },
  });
  return { rows, lastRow };
}

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

/** The columns of a row that hold something, in order. */
export function columnsOf(sheet: LightSheet, row: number): number[] {
  const values = sheet.rows.get(row) ?? [];
  const columns: number[] = [];
  values.forEach((v, c) => {
    if (c > 0 && v !== null && v !== undefined) columns.push(c);
  });
  return columns;
}
