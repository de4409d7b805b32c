import { StringItemText, parseXml } from "./xlsx-package.js";
import { MAX_COLUMN, MAX_ROW, cellValue, columnBeyondTheSheet, columnNumber, formulaValue, rowBeyondTheSheet, type CellFormula, type WorksheetRows } from "./worksheet-cells.js";

/**
 * A worksheet's cells read with saxes, a general, conforming XML parser: the reader for whatever the
 * worksheet scanner (worksheet-scanner.ts) leaves to it (a DOCTYPE, comments, CDATA, processing
 * instructions, anything malformed), so that such a sheet is read, or refused, exactly as before.
 * Cells are the values `contentOf` understands: numbers, text, booleans, `{ error }`, and formulas as
 * `{ formula, result }` (or `{ sharedFormula, result }` for a cell that reuses the formula of the cell
 * named), `result` being absent when the formula was never calculated.
 */
export function readRowsWithSaxes(xml: string, sharedStrings: readonly string[], numberFormats: readonly string[]): WorksheetRows {
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
  let formula: CellFormula | undefined;
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
          if (rowNumber > MAX_ROW) throw rowBeyondTheSheet(rowNumber);
          values = [];
          rowFormats = [];
          column = 0;
          break;
        }
        case "c": {
          const ref = this.attributes["r"];
          column = ref ? columnNumber(ref) : column + 1;
          // Beyond column XFD a reference is not a cell, and would make the row's array huge.
          if (column > MAX_COLUMN) throw columnBeyondTheSheet(ref, column);
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
