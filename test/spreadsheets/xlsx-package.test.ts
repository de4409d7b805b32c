import { readFileSync } from "node:fs";
import { strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { cellAt, formatAt, loadLightWorkbook, rowsAfter } from "../../src/spreadsheets/light-workbook.js";
import { parseWorkbook } from "../../src/spreadsheets/read-workbook.js";
import { makeScoreSheets } from "../../src/spreadsheets/score-sheets.js";
import { modelHash } from "../../src/model/model-hash.js";
import { loadExample } from "../example-tender.js";
import { fillScoreSheet } from "./fill.js";

const input = loadExample();
const generated = await makeScoreSheets({ ...input, modelHash: modelHash(input.model), date: "2026-11-21" });
const filled = await fillScoreSheet(generated.find((s) => s.fileName === "score-sheet-E1.xlsx")!.bytes, input.bids, { asText: true });
const savedByLibreOffice = new Uint8Array(readFileSync(new URL("../fixtures/libreoffice/score-sheet-E3-saved-by-libreoffice.xlsx", import.meta.url)));

/** The same package with its parts stored in another order. */
function restore(bytes: Uint8Array, order: (names: string[]) => string[]): Uint8Array {
  const parts = unzipSync(bytes);
  const zippable: Zippable = {};
  for (const name of order(Object.keys(parts))) zippable[name] = parts[name]!;
  return zipSync(zippable);
}

const lastOf = (pattern: RegExp) => (names: string[]) => [...names.filter((n) => !pattern.test(n)), ...names.filter((n) => pattern.test(n))];
const firstOf = (pattern: RegExp) => (names: string[]) => [...names.filter((n) => pattern.test(n)), ...names.filter((n) => !pattern.test(n))];

describe("the order in which a program stored a workbook's parts does not matter", () => {
  // exceljs's streaming reader, used before, read parts in stored order and under load could lose the
  // last one: the workbook part, which Excel stores last, so a valid score sheet was refused as damaged.
  it.each([
    ["as written", (names: string[]) => names],
    ["workbook part last", lastOf(/^xl\/workbook\.xml$/)],
    ["workbook part first", firstOf(/^xl\/workbook\.xml$/)],
    ["shared strings last", lastOf(/sharedStrings/)],
    ["worksheets last", lastOf(/worksheets\/sheet/)],
    ["relationships last", lastOf(/\.rels$/)],
    ["reversed", (names: string[]) => [...names].reverse()],
  ])("%s", async (_, order) => {
    for (const bytes of [filled, savedByLibreOffice]) {
      expect(await loadLightWorkbook(restore(bytes, order))).toEqual(await loadLightWorkbook(bytes));
    }
  });

  it("reads every sheet, its name and whether it is hidden", async () => {
    const sheets = await loadLightWorkbook(filled);
    expect(sheets.map((s) => [s.name, s.state])).toEqual([
      ["Instructions", "visible"],
      ["Scale", "visible"],
      ["Quality scores", "visible"],
      ["Social value scores", "visible"],
      ["Declaration", "visible"],
      ["tender-eval", "veryHidden"],
    ]);
  });
});

/** A minimal package around one worksheet's XML, as a program other than Excel might write it. */
function packageWith(sheetXml: string, sharedStrings?: string, extra: Record<string, string> = {}): Uint8Array {
  const parts: Record<string, string> = {
    "[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/book/main.xml"/></Relationships>`,
    "book/main.xml": `<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Scores &amp; notes" sheetId="1" rel:id="s1"/></x:sheets></x:workbook>`,
    "book/_rels/main.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="sheets/one.xml"/>${sharedStrings ? `<Relationship Id="ss" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="../book/strings.xml"/>` : ""}</Relationships>`,
    "book/sheets/one.xml": `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${sheetXml}</x:sheetData></x:worksheet>`,
    ...(sharedStrings ? { "book/strings.xml": `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sharedStrings}</sst>` } : {}),
    ...extra,
  };
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)])));
}

describe("what other programs write is read as they meant it", () => {
  it("namespace prefixes, parts outside xl/, inline and rich text, phonetic guides, escapes, cells and rows without references", async () => {
    const bytes = packageWith(
      `<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t xml:space="preserve"> 4 </x:t></x:is></x:c></x:row>` +
        `<x:row><x:c r="A3"><x:v>3.5</x:v></x:c><x:c r="C3" t="b"><x:v>1</x:v></x:c><x:c r="D3" t="e"><x:v>#N/A</x:v></x:c><x:c r="E3" t="s"><x:v>2</x:v></x:c></x:row>`,
      `<si><t>Line one_x000D_</t></si><si><r><t>Rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si><si><t>Café &lt;B1&gt;</t></si>`,
    );
    const [sheet] = await loadLightWorkbook(bytes);
    expect(sheet!.name).toBe("Scores & notes");
    expect(sheet!.lastRow).toBe(3);
    // _x000D_ is a carriage return; the input text rule (src/model/text-safety.ts) reads it as a newline.
    expect(cellAt(sheet!, 2, 1)).toEqual({ kind: "text", value: "Line one\n", address: "A2" });
    expect(cellAt(sheet!, 2, 2)).toEqual({ kind: "text", value: "Rich text", address: "B2" });
    expect(cellAt(sheet!, 2, 3)).toEqual({ kind: "text", value: " 4 ", address: "C2" });
    expect(cellAt(sheet!, 3, 1)).toEqual({ kind: "number", value: 3.5, address: "A3" });
    expect(cellAt(sheet!, 3, 2)).toEqual({ kind: "empty", address: "B3" });
    expect(cellAt(sheet!, 3, 3)).toEqual({ kind: "boolean", value: true, address: "C3" });
    expect(cellAt(sheet!, 3, 4)).toEqual({ kind: "error", value: "#N/A", address: "D3" });
    expect(cellAt(sheet!, 3, 5)).toEqual({ kind: "text", value: "Café <B1>", address: "E3" });
  });

  it("formulas: a cached result of 0, text results, error results, shared formulas, never calculated", async () => {
    const [sheet] = await loadLightWorkbook(
      packageWith(
        `<row r="1"><c r="A1"><f>1-1</f><v>0</v></c><c r="B1" t="str"><f>"4"</f><v>4</v></c><c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D1"><f>A1+1</f></c></row>` +
          `<row r="2"><c r="A2"><f t="shared" ref="A2:A4" si="0">ROW()</f><v>2</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>3</v></c></row><row r="4"><c r="A4" t="e"><f t="shared" si="0"/><v>#VALUE!</v></c></row>`,
      ),
    );
    const at = (r: number, c: number) => cellAt(sheet!, r, c);
    expect(at(1, 1)).toEqual({ kind: "number", value: 0, address: "A1" });
    expect(at(1, 2)).toEqual({ kind: "text", value: "4", address: "B1" });
    expect(at(1, 3)).toEqual({ kind: "error", value: "=1/0 gives #DIV/0!", address: "C1" });
    expect(at(1, 4)).toEqual({ kind: "uncalculated", formula: "=A1+1", address: "D1" });
    expect(at(2, 1)).toEqual({ kind: "number", value: 2, address: "A2" });
    expect(at(3, 1)).toEqual({ kind: "number", value: 3, address: "A3" });
    expect(at(4, 1)).toEqual({ kind: "error", value: "the formula copied from A2 gives #VALUE!", address: "A4" });
  });
});

describe("number formats, and sheets with a cell far out", () => {
  it("a number's format comes from its style: built-in percentages, the workbook's own formats, General by default", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Formats");
    sheet.addRow([-0.15, 0.125, 1015000, 3, "10%"]);
    sheet.getCell("A1").numFmt = "0%";
    sheet.getCell("B1").numFmt = "0.0%";
    sheet.getCell("C1").numFmt = '"£"#,##0';
    sheet.getCell("E1").numFmt = "0%";
    const [read] = await loadLightWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect([1, 2, 3, 4, 5].map((c) => formatAt(read!, 1, c))).toEqual(["0%", "0.0%", '"£"#,##0', "General", "General"]);
    expect(cellAt(read!, 1, 1)).toEqual({ kind: "number", value: -0.15, address: "A1" });
  });

  it("Excel's built-in percentage formats (ids 9 and 10) need no definition in the workbook", async () => {
    const styles = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"/></cellXfs></styleSheet>`;
    const bytes = packageWith(`<row r="1"><c r="A1" s="1"><v>0.2</v></c><c r="B1" s="2"><v>0.25</v></c><c r="C1"><v>1</v></c><c r="D1" s="7"><v>1</v></c></row>`, undefined, { "book/styles.xml": styles });
    const parts = unzipSync(bytes);
    const rels = new TextDecoder().decode(parts["book/_rels/main.xml.rels"]);
    parts["book/_rels/main.xml.rels"] = strToU8(rels.replace("</Relationships>", `<Relationship Id="st" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`));
    const [sheet] = await loadLightWorkbook(zipSync(parts));
    expect([1, 2, 3, 4].map((c) => formatAt(sheet!, 1, c))).toEqual(["0%", "0.00%", "General", "General"]);
  });

  it("a cell at XFD1048576 is read without making room for the cells before it; one beyond is refused", async () => {
    const start = performance.now();
    const [sheet] = await loadLightWorkbook(packageWith(`<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>`));
    expect(cellAt(sheet!, 1048576, 16384)).toEqual({ kind: "number", value: 2, address: "XFD1048576" });
    expect(sheet!.lastRow).toBe(1048576);
    expect(rowsAfter(sheet!, 0)).toEqual([1, 1048576]);
    expect(performance.now() - start).toBeLessThan(1000);
    const beyond = await parseWorkbook(packageWith(`<row r="1"><c r="XFE1"><v>1</v></c></row>`));
    expect(beyond.ok ? "" : beyond.detail).toBe("it is damaged: it has a cell XFE1, beyond the last column a spreadsheet can have");
    const below = await parseWorkbook(packageWith(`<row r="1048577"><c><v>1</v></c></row>`));
    expect(below.ok ? "" : below.detail).toBe("it is damaged: it has a row 1,048,577, beyond the last row a spreadsheet can have");
  });
});

describe("a workbook that cannot be read is refused with a reason, never half read", () => {
  const reason = async (bytes: Uint8Array) => {
    const parsed = await parseWorkbook(bytes);
    if (parsed.ok) throw new Error("should be refused");
    return parsed.detail;
  };

  it("not a zip, a zip with no workbook, a missing worksheet, damaged XML", async () => {
    expect(await reason(strToU8("Bid,Score\nB1,4\n"))).toMatch(/^it is not an \.xlsx file, or it is damaged/);
    expect(await reason(zipSync({ "word/document.xml": strToU8("<w:document/>") }))).toBe("it is a zip file with no workbook inside, so not an .xlsx file");
    const missing = restore(packageWith(`<row r="1"/>`), (names) => names.filter((n) => n !== "book/sheets/one.xml"));
    expect(await reason(missing)).toBe("it is damaged: book/sheets/one.xml, which it refers to, is missing");
    expect(await reason(packageWith(`<row r="1"><c r="A1"><v>1</v></row>`))).toMatch(/^it is damaged: part of it cannot be read as XML/);
  });

  it("a part that claims to unpack to gigabytes is refused before it is unpacked", async () => {
    const bytes = packageWith(`<row r="1"><c r="A1"><v>1</v></c></row>`);
    // Set the sheet's uncompressed size in the zip's central directory to 2 GB.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const decoder = new TextDecoder();
    for (let i = 0; i + 46 < bytes.length; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(i + 28, true);
      if (decoder.decode(bytes.subarray(i + 46, i + 46 + nameLength)) === "book/sheets/one.xml") view.setUint32(i + 24, 0x7fffffff, true);
    }
    expect(await reason(bytes)).toBe("it unpacks to far more than any score sheet (book/sheets/one.xml unpacks to 2,048 MB; no part of a score sheet comes near 64 MB)");
  });

  it("an XML entity declaration is not expanded (no billion laughs, no external files)", async () => {
    const parts = unzipSync(packageWith(`<row r="1"/>`));
    parts["book/sheets/one.xml"] = strToU8(
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY lol "lol"><!ENTITY ext SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&ext;</t></is></c></row></sheetData></worksheet>`,
    );
    expect(await reason(zipSync(parts))).toMatch(/^it is damaged: part of it cannot be read as XML/);
  });
});
