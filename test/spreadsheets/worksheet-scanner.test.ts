import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readRows } from "../../src/spreadsheets/light-workbook.js";
import { readXlsxPackage, XlsxReadError } from "../../src/spreadsheets/xlsx-package.js";
import { readRowsWithSaxes } from "../../src/spreadsheets/worksheet-saxes.js";
import { scanWorksheet } from "../../src/spreadsheets/worksheet-scanner.js";
import { makeScoreSheets } from "../../src/spreadsheets/score-sheets.js";
import { modelHash } from "../../src/model/model-hash.js";
import { loadExample } from "../example-tender.js";
import { fillScoreSheet } from "./fill.js";

// The oracle is the saxes reader the scanner replaced on the hot path: a sheet must read the same,
// or be refused for the same reason, either way.
const SHARED = ["zero", "one & two", "Café <B1>\nline two", "_x000D_"];
const FORMATS = ["General", "0%", "0.00", "General"];

type Outcome = { rows: unknown } | { refused: string };
function outcome(read: () => unknown): Outcome {
  try {
    return { rows: read() };
  } catch (error) {
    if (error instanceof XlsxReadError) return { refused: error.message };
    throw error;
  }
}
// The reader is given a worksheet's bytes; saxes, as before, the part decoded as a whole (not fatally, a
// byte order mark at the start dropped).
const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");
const bytesOf = (xml: string | Uint8Array) => (typeof xml === "string" ? encoder.encode(xml) : xml);
const viaSaxes = (xml: string | Uint8Array) => outcome(() => readRowsWithSaxes(decoder.decode(bytesOf(xml)), SHARED, FORMATS));
const viaReader = (xml: string | Uint8Array) => outcome(() => readRows(bytesOf(xml), SHARED, FORMATS));
const scan = (xml: string) => scanWorksheet(encoder.encode(xml), SHARED, FORMATS);

// ---- Worksheets as programs write them, from arbitrary cell values ----

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttr = (text: string, quote: string) => escapeText(text).replace(quote === '"' ? /"/g : /'/g, quote === '"' ? "&quot;" : "&apos;");

// Text a cell may hold: entities, unicode beyond the BMP, newlines, OOXML's _xHHHH_ escapes, and spaces.
const cellText = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "Z", " ", "&", "<", ">", '"', "'", "\n", "\t", "é", "😀", "_x000A_", "中", "]", ";") }),
  fc.string({ unit: "grapheme", maxLength: 12 }).map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\r\ufffe\uffff]/g, "")),
);

interface CellSpec {
  column?: number;
  xml: (p: string, q: string, ref: string) => string;
}
const attrs = (q: string, pairs: [string, string | undefined][]) =>
  pairs
    .filter((p): p is [string, string] => p[1] !== undefined)
    .map(([k, v]) => ` ${k}=${q}${escapeAttr(v, q)}${q}`)
    .join("");

const cellSpec: fc.Arbitrary<CellSpec> = fc
  .record({
    column: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    style: fc.option(fc.integer({ min: 0, max: 4 }).map(String), { nil: undefined }),
    order: fc.boolean(),
    kind: fc.oneof(
      fc.record({ type: fc.constant("n" as const), value: fc.oneof(fc.integer().map(String), fc.double({ noNaN: true, noDefaultInfinity: true }).map(String), fc.constantFrom("", " ", "1e3", "abc", "-0")) }),
      fc.record({ type: fc.constant("s" as const), value: fc.constantFrom("0", "1", "2", "3", "7", "x") }),
      fc.record({ type: fc.constant("str" as const), value: cellText }),
      fc.record({ type: fc.constant("b" as const), value: fc.constantFrom("0", "1", "true", " TRUE ", "no") }),
      fc.record({ type: fc.constant("e" as const), value: fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!") }),
      fc.record({ type: fc.constant("d" as const), value: fc.constantFrom("2026-12-05", "2026-12-05T10:00:00Z", "not a date") }),
      fc.record({ type: fc.constant("inlineStr" as const), runs: fc.array(cellText, { maxLength: 3 }), phonetic: fc.boolean(), rich: fc.boolean() }),
      fc.record({ type: fc.constant("formula" as const), text: cellText, cached: fc.option(fc.integer({ min: -5, max: 5 }).map(String), { nil: undefined }), resultType: fc.constantFrom(undefined, "str", "e", "b") }),
      fc.record({ type: fc.constant("shared" as const), master: fc.boolean(), si: fc.constantFrom("0", "1"), cached: fc.option(fc.constantFrom("3", "#VALUE!"), { nil: undefined }) }),
      fc.record({ type: fc.constant("empty" as const), selfClosing: fc.boolean() }),
    ),
  })
  .map(({ column, style, order, kind }) => ({
    ...(column !== undefined ? { column } : {}),
    xml: (p: string, q: string, ref: string) => {
      const cell = (t: string | undefined, inner: string | undefined) => {
        const list: [string, string | undefined][] = [["r", ref || undefined], ["s", style], ["t", t]];
        const a = attrs(q, order ? list : [...list].reverse());
        return inner === undefined ? `<${p}c${a}/>` : `<${p}c${a}>${inner}</${p}c>`;
      };
      switch (kind.type) {
        case "inlineStr": {
          const runs = kind.runs.map((r) => (kind.rich ? `<${p}r><${p}rPr><${p}b/></${p}rPr><${p}t xml:space=${q}preserve${q}>${escapeText(r)}</${p}t></${p}r>` : `<${p}t>${escapeText(r)}</${p}t>`));
          const phonetic = kind.phonetic ? `<${p}rPh sb="0" eb="1"><${p}t>ignored</${p}t></${p}rPh>` : "";
          return cell("inlineStr", `<${p}is>${runs.join("")}${phonetic}</${p}is>`);
        }
        case "formula": {
          const cached = kind.cached === undefined ? "" : `<${p}v>${kind.cached}</${p}v>`;
          return cell(kind.resultType, `<${p}f>${escapeText(kind.text)}</${p}f>${cached}`);
        }
        case "shared": {
          const f = kind.master ? `<${p}f t=${q}shared${q} ref=${q}A1:A9${q} si=${q}${kind.si}${q}>ROW()</${p}f>` : `<${p}f t=${q}shared${q} si=${q}${kind.si}${q}/>`;
          const cached = kind.cached === undefined ? "" : `<${p}v>${kind.cached}</${p}v>`;
          return cell(kind.cached?.startsWith("#") ? "e" : undefined, f + cached);
        }
        case "empty":
          return cell(undefined, kind.selfClosing ? undefined : "");
        default:
          return cell(kind.type === "n" && order ? undefined : kind.type, `<${p}v>${escapeText(kind.value)}</${p}v>`);
      }
    },
  }));

const rowSpec = fc.record({
  number: fc.option(fc.integer({ min: 1, max: 1_048_576 }), { nil: undefined }),
  cells: fc.array(cellSpec, { maxLength: 6 }),
  extra: fc.constantFrom("", ' spans="1:7"', ' ht="36" customHeight="1"', ' x14ac:dyDescent="0.25"'),
});

const worksheet = fc
  .record({
    prefix: fc.constantFrom("", "x:"),
    quote: fc.constantFrom('"', "'"),
    declaration: fc.constantFrom("", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`, `<?xml version='1.0'?>`),
    rows: fc.array(rowSpec, { maxLength: 8 }),
    space: fc.constantFrom("", " ", "\n  "),
    after: fc.constantFrom("", `<mergeCells count="1"><mergeCell ref="A1:G1"/></mergeCells>`, `<dataValidations><dataValidation prompt="Choose &quot;0&quot; &amp; more"><formula1>&quot;0,1&quot;</formula1></dataValidation></dataValidations>`, `<extLst><ext uri="{x}"><xm:f>Sheet2!$A$1</xm:f></ext></extLst>`),
  })
  .map(({ prefix: p, quote: q, declaration, rows, space, after }) => {
    const body = rows
      .map((row, i) => {
        const number = row.number ?? (i % 3 === 0 ? undefined : i + 1);
        const cells = row.cells.map((c, j) => c.xml(p, q, c.column === undefined ? "" : `${String.fromCharCode(64 + ((c.column - 1) % 26) + 1)}${number ?? j + 1}`)).join(space);
        const r = number === undefined ? "" : ` r=${q}${number}${q}`;
        return cells === "" && i % 2 === 0 ? `<${p}row${r}${row.extra}/>` : `<${p}row${r}${row.extra}${space ? " " : ""}>${space}${cells}</${p}row${space ? " " : ""}>`;
      })
      .join(space);
    const ns = p === "" ? ` xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"` : ` xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
    return `${declaration}<${p}worksheet${ns} xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><${p}dimension ref=${q}A1:G9${q}/><${p}sheetData>${body}</${p}sheetData>${after}</${p}worksheet>`;
  });

describe("the worksheet scanner reads what saxes reads", () => {
  it("generated worksheets: the same cells, formats and last row, read by the scanner itself", () => {
    fc.assert(
      fc.property(worksheet, (xml) => {
        expect(scan(xml)).not.toBeUndefined();
        expect(viaReader(xml)).toEqual(viaSaxes(xml));
      }),
      { numRuns: 400 },
    );
  });

  it("generated worksheets cut short, or with characters put in or taken out, read or are refused exactly as before", () => {
    const damage = fc.record({ at: fc.nat(), length: fc.nat({ max: 6 }), insert: fc.constantFrom("", "<", ">", "&", "&amp", "&#0;", "&#x41;", "/", '"', "'", "=", " ", "<c>", "</c>", "</row>", "<v>", "<!--x-->", "<![CDATA[1]]>", "]]>", "\r\n", "\u0001", "\ud800", "é", "x:", "<?pi?>", "<!DOCTYPE x>", "&ext;", "r=\"1\"") });
    fc.assert(
      fc.property(worksheet, fc.array(damage, { minLength: 1, maxLength: 3 }), fc.boolean(), (xml, damages, cut) => {
        let damaged = xml;
        for (const d of damages) {
          const at = d.at % (damaged.length + 1);
          damaged = damaged.slice(0, at) + d.insert + damaged.slice(at + d.length);
        }
        if (cut) damaged = damaged.slice(0, damages[0]!.at % (damaged.length + 1));
        expect(viaReader(damaged)).toEqual(viaSaxes(damaged));
      }),
      { numRuns: 1500 },
    );
  });

  it("arbitrary text ends, and reads or is refused exactly as before", () => {
    const markup = fc.string({ unit: fc.constantFrom("<", ">", "/", "=", '"', "'", "&", ";", "#", "x", "c", "v", "row", " ", "\n", "1", "A", ":", "!", "?", "-", "[", "]", "\u0000", "é") });
    fc.assert(
      fc.property(fc.oneof(fc.string(), markup), (text) => {
        expect(viaReader(text)).toEqual(viaSaxes(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("what the scanner leaves to saxes is read by saxes: comments, CDATA, a DOCTYPE, carriage returns", () => {
    const cases = [
      `<worksheet><sheetData><!-- a comment --><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
      `<worksheet><sheetData><row r="1"><c r="A1" t="str"><v><![CDATA[a < b]]></v></c></row></sheetData></worksheet>`,
      `<?xml version="1.0"?><!DOCTYPE worksheet><worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
      `<worksheet>\r\n<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a\r\nb</t></is></c></row></sheetData></worksheet>`,
      `<worksheet><sheetData><row r="1"><c r="A&#49;"><v>1</v></c></row></sheetData></worksheet>`,
    ];
    for (const xml of cases) {
      expect(scan(xml)).toBeUndefined();
      const read = viaReader(xml);
      expect(read).toEqual(viaSaxes(xml));
      expect("rows" in read).toBe(true);
    }
  });

  it("the bounds on rows and columns are kept, with the same words", () => {
    for (const xml of [`<worksheet><sheetData><row r="1048577"><c><v>1</v></c></row></sheetData></worksheet>`, `<worksheet><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`]) {
      expect(() => scan(xml)).toThrow(XlsxReadError);
      expect(viaReader(xml)).toEqual(viaSaxes(xml));
    }
  });

  it("generated worksheets with bytes put in or taken out (invalid UTF-8, 4-byte characters, marks, U+FFFE) read or are refused exactly as the decoded part is", () => {
    const inserts = [
      [0x80], [0xc3], [0xc3, 0xa9], [0xe2, 0x82], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0xed, 0xb0, 0x80],
      [0xef, 0xbf, 0xbe], [0xef, 0xbf, 0xbf], [0xef, 0xbf, 0xbd], [0xef, 0xbb, 0xbf], [0xff], [0xfe, 0xff], [0xc0, 0x80], [0x00], [0x0d], [0x0b], [0x7f], [0xc2, 0x85],
      [0x26, 0x23, 0x78, 0x31, 0x46, 0x36, 0x30, 0x30, 0x3b], [0x26, 0x61, 0x6d, 0x70, 0x3b], [0x3c], [0x3e], [0x5d, 0x5d, 0x3e],
    ].map((b) => Uint8Array.from(b));
    const damage = fc.record({ at: fc.nat(), length: fc.nat({ max: 3 }), insert: fc.constantFrom(...inserts) });
    fc.assert(
      fc.property(worksheet, fc.array(damage, { minLength: 1, maxLength: 3 }), fc.boolean(), (xml, damages, mark) => {
        let damaged = encoder.encode(xml);
        for (const d of damages) {
          const at = d.at % (damaged.length + 1);
          const next = new Uint8Array(at + d.insert.length + Math.max(0, damaged.length - at - d.length));
          next.set(damaged.subarray(0, at));
          next.set(d.insert, at);
          next.set(damaged.subarray(at + d.length), at + d.insert.length);
          damaged = next;
        }
        if (mark) damaged = Uint8Array.from([0xef, 0xbb, 0xbf, ...damaged]);
        expect(viaReader(damaged)).toEqual(viaSaxes(damaged));
      }),
      { numRuns: 1500 },
    );
  });

  it("text outside ASCII is read from the bytes as the decoded part reads it: multi-byte and 4-byte characters, invalid UTF-8, a byte order mark, entities", () => {
    const cell = (inner: Uint8Array | string, type = "inlineStr") => {
      const body = typeof inner === "string" ? encoder.encode(inner) : inner;
      const wrap = (b: Uint8Array) => (type === "inlineStr" ? [...encoder.encode("<is><t>"), ...b, ...encoder.encode("</t></is>")] : [...encoder.encode("<v>"), ...b, ...encoder.encode("</v>")]);
      return Uint8Array.from([...encoder.encode(`<worksheet><sheetData><row r="1"><c r="A1" t="${type}">`), ...wrap(body), ...encoder.encode("</c></row></sheetData></worksheet>")]);
    };
    const cases: [Uint8Array, unknown][] = [
      [cell("Café 中文 😀"), "Café 中文 😀"],
      [cell(Uint8Array.from([0x61, 0xff, 0x62, 0xc3, 0x63, 0xed, 0xa0, 0x80, 0x64, 0xf0, 0x9f, 0x98])), "a\ufffdb\ufffdc\ufffd\ufffd\ufffdd\ufffd"],
      [cell(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61])), "\ufeffa"],
      [cell("a &amp; b &lt;&#x1F600;&#233;&quot;", "str"), 'a & b <😀é"'],
      [cell(Uint8Array.from([0xf0, 0x9f, 0x98, 0x80, 0x26, 0x61, 0x6d, 0x70, 0x3b, 0xe2, 0x82]), "str"), "😀&\ufffd"],
      [Uint8Array.from([0xef, 0xbb, 0xbf, ...cell("x")]), "x"],
      [Uint8Array.from([0xef, 0xbb, 0xbf, ...encoder.encode(`<?xml version="1.0" encoding="UTF-8"?>\n`), ...cell("y")]), "y"],
    ];
    for (const [bytes, text] of cases) {
      expect(scanWorksheet(bytes, SHARED, FORMATS)?.rows.get(1)?.[1]).toBe(text);
      expect(viaReader(bytes)).toEqual(viaSaxes(bytes));
    }
  });

  it("bytes the scanner leaves to saxes are decoded and read by saxes: U+FFFE, control characters, UTF-16", () => {
    const cases = [
      Uint8Array.from([...encoder.encode(`<worksheet><sheetData><row r="1"><c r="A1" t="str"><v>a`), 0xef, 0xbf, 0xbe, ...encoder.encode(`</v></c></row></sheetData></worksheet>`)]),
      encoder.encode(`<worksheet><sheetData><row r="1"><c r="A1" t="str"><v>a\u0001</v></c></row></sheetData></worksheet>`),
      Uint8Array.from([0xff, 0xfe, ...[...`<worksheet/>`].flatMap((c) => [c.charCodeAt(0), 0])]),
    ];
    for (const bytes of cases) {
      expect(scanWorksheet(bytes, SHARED, FORMATS)).toBeUndefined();
      expect(viaReader(bytes)).toEqual(viaSaxes(bytes));
    }
  });

  it("a deeply nested or very long sheet is read in one pass (linear time, no recursion)", () => {
    const depth = 200_000;
    const nested = `<worksheet>${"<a>".repeat(depth)}${"</a>".repeat(depth)}<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`;
    expect(scan(nested)?.rows.get(1)?.[1]).toBe(1);
    const unclosed = `<worksheet>${"<a>".repeat(depth)}`;
    expect(scan(unclosed)).toBeUndefined();
  });
});

const input = loadExample();
const generated = await makeScoreSheets({ ...input, modelHash: modelHash(input.model), date: "2026-11-21" });
const filled = await fillScoreSheet(generated.find((s) => s.fileName === "score-sheet-E1.xlsx")!.bytes, input.bids, { asText: true });
const files: [string, Uint8Array][] = [
  ["saved by LibreOffice", new Uint8Array(readFileSync(new URL("../fixtures/libreoffice/score-sheet-E3-saved-by-libreoffice.xlsx", import.meta.url)))],
  ["filled in (written by exceljs)", filled],
  ...generated.map((g): [string, Uint8Array] => [g.fileName, g.bytes]),
];

describe("real workbooks read the same through the scanner as through saxes", () => {
  it.each(files)("%s", (_, bytes) => {
    const workbook = readXlsxPackage(bytes);
    for (const sheet of workbook.sheets) {
      const scanned = scanWorksheet(sheet.xml, workbook.sharedStrings, workbook.numberFormats);
      expect(scanned).not.toBeUndefined();
      expect(scanned).toEqual(readRowsWithSaxes(decoder.decode(sheet.xml), workbook.sharedStrings, workbook.numberFormats));
    }
  });
});
