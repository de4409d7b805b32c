import type ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/problems/format.js";
import { cellProblem, cellText, contentOf, readCell, readScore, unreadableText } from "../../src/spreadsheets/cell-value.js";

// The same text rule as YAML inputs (src/model/text-safety.ts), applied where a cell becomes text.

const cell = (value: unknown) => readCell({ value, address: "E7" } as unknown as ExcelJS.Cell);
const where = { document: "bids" as const, file: "E1.xlsx", sheet: "Quality scores" };

describe("text read from a cell follows the input text rule", () => {
  it("line breaks of every kind become \\n (Word's Shift+Enter pasted into a cell is a vertical tab)", () => {
    expect(cell("Good:\u000bclear route\r\nnamed lead\u2028trained")).toEqual({ kind: "text", value: "Good:\nclear route\nnamed lead\ntrained", address: "E7" });
    expect(cell({ richText: [{ text: "line one\r" }, { text: "line two" }] })).toEqual({ kind: "text", value: "line one\nline two", address: "E7" });
  });

  it("a cell of only line breaks is empty", () => {
    expect(cell("\u000b\r\n").kind).toBe("empty");
  });

  it("a bell in a bidder's name refuses the cell, located at the sheet and cell, named in words", () => {
    const content = cell("Acme\u0007 Ltd");
    expect(content).toEqual({ kind: "unsafe-text", character: "a control character (U+0007)", address: "E7" });
    expect(cellText(content)).toBe("");
    const p = cellProblem(content, where);
    expect(p).toEqual({ code: "input.unsafe-character", severity: "error", location: { ...where, cell: "E7" }, args: { character: "a control character (U+0007)" } });
    expect(formatProblem(p!)).toBe('E1.xlsx: sheet "Quality scores", cell E7: contains a control character (U+0007), which cannot be shown or printed safely (it usually comes with pasted text): delete it, or retype the text around it');
  });

  it("an escape sequence, a right-to-left override, and the same in rich text, hyperlinks and formula results", () => {
    expect(cell("\u001b[31mAcme")).toMatchObject({ kind: "unsafe-text", character: "a control character (U+001B)" });
    expect(cell("Lot 1 \u202e2 toL")).toMatchObject({ kind: "unsafe-text", character: "a right-to-left override (U+202E)" });
    expect(cell({ richText: [{ text: "ok " }, { text: "\u0007" }] }).kind).toBe("unsafe-text");
    expect(cell({ text: "link\u0008", hyperlink: "https://example.org" }).kind).toBe("unsafe-text");
    expect(cell({ formula: 'CONCAT("a",CHAR(7))', result: "a\u0007" }).kind).toBe("unsafe-text");
  });

  it("a refused score cell is reported as unreadable, naming the character, never read as a number", () => {
    expect(readScore(cell("4\u0007"))).toEqual({ ok: false, reason: "not-a-number", detail: "text holding a control character (U+0007)" });
    expect(unreadableText(cell("4\u0007"))).toBe("text holding a control character (U+0007)");
  });

  it("other content has no problem of its own; tabs and non-ASCII text are kept", () => {
    for (const value of [4, "four", null, { error: "#DIV/0!" }, "Café\tעברית 🙂"]) expect(cellProblem(cell(value), where)).toBeUndefined();
    expect(cell("Café\tעברית 🙂")).toEqual({ kind: "text", value: "Café\tעברית 🙂", address: "E7" });
  });

  it("is fast on a hostile cell", () => {
    const start = performance.now();
    expect(contentOf(`${"x".repeat(32_000)}\u0007`, "A1").kind).toBe("unsafe-text");
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
