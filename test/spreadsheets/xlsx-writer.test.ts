import ExcelJS from "exceljs";
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/model/text-safety.js";
import { cellAt } from "../../src/spreadsheets/light-workbook.js";
import { parseWorkbook } from "../../src/spreadsheets/read-workbook.js";
import { XF, XlsxWriter, columnLetter } from "../../src/spreadsheets/xlsx-writer.js";

const properties = { title: "Results: <Test> & 'more'", creator: "Riverside & Co", date: "2026-11-21" };

async function sheetsOf(bytes: Uint8Array) {
  const parsed = await parseWorkbook(bytes);
  if (!parsed.ok) throw new Error(`unreadable: ${parsed.detail}`);
  return parsed.sheets;
}

describe("the streaming .xlsx writer", () => {
  it("writes text as text, numbers, and formulas with their cached results, readable by the library and by exceljs", async () => {
    const book = new XlsxWriter(properties);
    const sheet = book.addSheet("Data", { widths: [10, 20], headerRows: 1 });
    sheet.row(["Name", "Value"], XF.header);
    sheet.row(['=HYPERLINK("http://evil.example","x")', 3.5]);
    sheet.row(["@SUM(1+1)", { formula: "B2*2", result: 7 }], [XF.wrap, XF.points]);
    const bytes = await book.finish();

    const [data] = await sheetsOf(bytes);
    expect(cellAt(data!, 2, 1)).toMatchObject({ kind: "text", value: '=HYPERLINK("http://evil.example","x")' });
    expect(cellAt(data!, 2, 2)).toMatchObject({ kind: "number", value: 3.5 });
    expect(cellAt(data!, 3, 1)).toMatchObject({ kind: "text", value: "@SUM(1+1)" });
    // No text became a formula: the only <f> is the one we wrote.
    const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]!);
    expect([...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1])).toEqual(["B2*2"]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Data")!;
    expect(ws.getCell("B3").value).toEqual({ formula: "B2*2", result: 7 });
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("B3").numFmt).toBe("0.00");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(wb.title).toBe(properties.title);
    expect(wb.creator).toBe(properties.creator);
  });

  it("removes characters XML cannot hold, escapes markup, and keeps a literal _xHHHH_ and surrounding spaces", async () => {
    const book = new XlsxWriter(properties);
    const sheet = book.addSheet("Text", { widths: [], headerRows: 0 });
    const texts = ["a\u0000b\u0007c\u001Fd", "<b>&amp;</b> \"quoted\" 'single'", "_x0041_ stays as typed", "  padded  ", "line one\nline two\ttab\r\nthree\rfour", "emoji 🙂 and a lone \uD800 surrogate", "\uFFFE\uFFFFend"];
    for (const t of texts) sheet.row([t]);
    const [text] = await sheetsOf(await book.finish());
    expect(texts.map((_, i) => cellAt(text!, i + 1, 1))).toMatchObject([
      { value: "abcd" },
      { value: "<b>&amp;</b> \"quoted\" 'single'" },
      { value: "_x0041_ stays as typed" },
      { value: "  padded  " },
      // Written as typed (a carriage return as &#13;, which no parser turns into a line feed); the library reads line breaks as \n, as from YAML.
      { value: "line one\nline two\ttab\nthree\nfour" },
      { value: "emoji 🙂 and a lone  surrogate" },
      { value: "end" },
    ]);
  });

  it("any text reads back as the library reads it when typed into a cell, less only the characters XML 1.0 forbids", async () => {
    const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.stringMatching(/^[\r\n _xA0-9<&]{0,12}$/)), { minLength: 1, maxLength: 6 }), async (texts) => {
        const book = new XlsxWriter(properties);
        const sheet = book.addSheet("T", { widths: [], headerRows: 0 });
        sheet.row(texts);
        const [t] = await sheetsOf(await book.finish());
        texts.forEach((text, i) => {
          // What the library makes of that text in any cell: line breaks as \n, blank as empty, bidi controls refused.
          const expected = checkText(text.replace(forbidden, ""));
          const cell = cellAt(t!, 1, i + 1);
          if (!expected.ok) expect(cell.kind).toBe("unsafe-text");
          else if (expected.text.trim() === "") expect(cell.kind).toBe("empty");
          else expect(cell).toMatchObject({ kind: "text", value: expected.text });
        });
      }),
      { numRuns: 60 },
    );
  });

  it("a sheet added first may be written last, keeping its place; one sheet is written at a time", async () => {
    const book = new XlsxWriter(properties);
    const summary = book.addSheet("Summary", { widths: [], headerRows: 0 });
    const detail = book.addSheet("Detail's sheet", { widths: [], headerRows: 2 });
    detail.row(["detail"]);
    expect(() => summary.row(["too soon"])).toThrow(/while "Detail's sheet" is being written/);
    detail.end();
    summary.row([{ formula: "'Detail''s sheet'!A1", result: 0 }]);
    const bytes = await book.finish();
    expect((await sheetsOf(bytes)).map((s) => s.name)).toEqual(["Summary", "Detail's sheet"]);
    const workbookXml = strFromU8(unzipSync(bytes)["xl/workbook.xml"]!);
    expect(workbookXml).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="1">&#39;Detail&#39;&#39;s sheet&#39;!$1:$2</definedName>');
  });

  it("refuses a number that is not finite: a failure is never written as a number", () => {
    const sheet = new XlsxWriter(properties).addSheet("N", { widths: [], headerRows: 0 });
    expect(() => sheet.row([Number.NaN])).toThrow(/finite/);
    expect(() => sheet.row([{ formula: "1/0", result: Number.POSITIVE_INFINITY }])).toThrow(/finite/);
  });

  it("the same rows and date give the same bytes, every zip entry dated the workbook's date", async () => {
    const make = async () => {
      const book = new XlsxWriter(properties);
      const sheet = book.addSheet("S", { widths: [12], headerRows: 1 });
      for (let r = 0; r < 2000; r++) sheet.row([`row ${r}`, r, { formula: `B${r + 1}*2`, result: r * 2 }]);
      return book.finish();
    };
    const a = await make();
    expect(Buffer.from(a).equals(Buffer.from(await make()))).toBe(true);
    // DOS date of 2026-11-21 at 00:00 in each local header.
    const view = new DataView(a.buffer, a.byteOffset, a.byteLength);
    expect(view.getUint16(10, true)).toBe(0);
    expect(view.getUint16(12, true)).toBe(((2026 - 1980) << 9) | (11 << 5) | 21);
    const core = strFromU8(unzipSync(a)["docProps/core.xml"]!);
    expect(core).toContain("<dc:title>Results: &lt;Test&gt; &amp; &#39;more&#39;</dc:title>");
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-21T00:00:00Z</dcterms:created>');
    expect(core).toContain("<dc:language>en-GB</dc:language>");
  });

  it("names columns as spreadsheets do", () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16_384].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
  });
});
