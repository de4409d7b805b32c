import type { Cell } from "exceljs";
import { checkText } from "../model/text-safety.js";
import { problem, type Location, type Problem } from "../problems/problem.js";

/**
 * What a spreadsheet cell holds, decided in one place. Excel and LibreOffice write numbers, text, dates,
 * rich text, hyperlinks, formulas with or without a cached result, shared formulas and error values;
 * `cell.text` hides those differences (a formula's text, a rounded number), so it is never used.
 */
export type CellContent =
  | { kind: "number"; value: number; address: string }
  | { kind: "text"; value: string; address: string }
  | { kind: "date"; value: Date; address: string }
  | { kind: "boolean"; value: boolean; address: string }
  | { kind: "empty"; address: string }
  | { kind: "error"; value: string; address: string }
  /**
   * A formula whose result was never calculated (saved by a program that does not calculate); `formula`
   * says which, ready for a message: "=B2*2", or "the formula copied from F3".
   */
  | { kind: "uncalculated"; formula: string; address: string }
  /**
   * Text refused by the input text rule (src/model/text-safety.ts): it holds a control or bidi
   * character, named in words in `character`. Never treated as text, so it cannot reach a document,
   * chart or terminal; `cellProblem` turns it into a problem at its cell.
   */
  | { kind: "unsafe-text"; character: string; address: string };

export function readCell(cell: Cell): CellContent {
  return contentOf(rawValue(cell), cell.address);
}

// exceljs's Cell.Type for a formula.
const FORMULA = 6;

/**
 * A cell's value as exceljs holds it, except that a formula's cached result is taken from the cell
 * itself: exceljs's `cell.value` copies only truthy fields, so a formula whose result is 0 (or empty
 * text) would otherwise look as if it had never been calculated.
 */
export function rawValue(cell: Cell): unknown {
  if (cell.type === FORMULA) return { formula: cell.formula, result: cell.result };
  return cell.value as unknown;
}

export function contentOf(value: unknown, address: string): CellContent {
  if (value === null || value === undefined) return { kind: "empty", address };
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value, address } : { kind: "error", value: "#NUM!", address };
  if (typeof value === "string") return textContent(value, address);
  if (typeof value === "boolean") return { kind: "boolean", value, address };
  if (value instanceof Date) return { kind: "date", value, address };
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("error" in v) return { kind: "error", value: String(v["error"]), address };
    if ("formula" in v || "sharedFormula" in v) {
      const result = v["result"];
      const formula = "formula" in v ? `=${String(v["formula"])}` : `the formula copied from ${String(v["sharedFormula"])}`;
      if (result === undefined || result === null) return { kind: "uncalculated", formula, address };
      if (typeof result === "number" && !Number.isFinite(result)) return { kind: "error", value: `${formula} gives an error`, address };
      if (typeof result === "object" && "error" in (result as object)) return { kind: "error", value: `${formula} gives ${String((result as { error: unknown }).error)}`, address };
      return contentOf(result, address);
    }
    if ("richText" in v && Array.isArray(v["richText"])) {
      return contentOf((v["richText"] as { text: string }[]).map((r) => r.text).join(""), address);
    }
    if ("text" in v) return contentOf(v["text"], address);
  }
  return { kind: "error", value: "unrecognised cell content", address };
}

/**
 * Text as the same rule reads it from YAML: line breaks (Excel's Alt+Enter is \n, but text pasted into a
 * cell can bring \r\n, a vertical tab or U+2028) become "\n"; other control and bidi characters refuse
 * the cell.
 */
function textContent(value: string, address: string): CellContent {
  const checked = checkText(value);
  if (!checked.ok) return { kind: "unsafe-text", character: checked.unsafe.description, address };
  return checked.text.trim() === "" ? { kind: "empty", address } : { kind: "text", value: checked.text, address };
}

/**
 * The problem a cell's content is in itself, whatever the cell is for, located at the sheet and cell;
 * undefined when there is none. Readers call it for every cell they read text from, so a refused
 * character is reported where it is rather than as a missing or unknown value.
 */
export function cellProblem(content: CellContent, where: Location & { sheet: string }): Problem | undefined {
  if (content.kind !== "unsafe-text") return undefined;
  return problem("input.unsafe-character", { ...where, cell: content.address }, { character: content.character });
}

/** What a cell that could not be read holds, for a message: the error, the formula, or the value itself. */
export function unreadableText(content: CellContent): string {
  if (content.kind === "error") return content.value;
  if (content.kind === "uncalculated") return content.formula;
  if (content.kind === "unsafe-text") return `text holding ${content.character}`;
  return String((content as { value?: unknown }).value ?? content.kind);
}

/** A cell's text for matching headers and ids: trimmed, or "" when it holds no text or number. */
export function cellText(content: CellContent): string {
  if (content.kind === "text") return content.value.trim();
  if (content.kind === "number") return String(content.value);
  return "";
}

/**
 * A score as typed by a person: 4, "4", "4 ", "3.5"; a formula's cached result counts. Anything
 * else is reported, never turned into a number.
 */
export type ScoreReading = { ok: true; value: number } | { ok: false; reason: "empty" | "not-a-number" | "error" | "uncalculated"; detail: string };

export function readScore(content: CellContent): ScoreReading {
  switch (content.kind) {
    case "number":
      return { ok: true, value: content.value };
    case "text": {
      const text = content.value.trim().replace(/\u00a0/g, "");
      if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return { ok: true, value: Number(text) };
      return { ok: false, reason: "not-a-number", detail: JSON.stringify(content.value) };
    }
    case "empty":
      return { ok: false, reason: "empty", detail: "" };
    case "error":
      return { ok: false, reason: "error", detail: content.value };
    case "uncalculated":
      return { ok: false, reason: "uncalculated", detail: content.formula };
    case "date":
      return { ok: false, reason: "not-a-number", detail: `the date ${content.value.toISOString().slice(0, 10)}` };
    case "boolean":
      return { ok: false, reason: "not-a-number", detail: String(content.value).toUpperCase() };
    case "unsafe-text":
      return { ok: false, reason: "not-a-number", detail: `text holding ${content.character}` };
  }
}
