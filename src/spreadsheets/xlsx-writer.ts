import { Deflate } from "fflate";
import { crc32, writeZip, type ZipPart } from "../documents/docx-zip.js";
import { escapeHtml } from "../presentation/escape.js";

/**
 * An .xlsx writer that streams each worksheet's rows as XML text into a deflater: no cell objects, no
 * style deduplication, and never a whole sheet's XML in memory (a framework's section sheet is tens of
 * thousands of rows). It needs no Node module: by default it deflates with fflate, in JavaScript, and the
 * CLI gives it Node's zlib instead (see ZipDeflater), which deflates on another thread.
 *
 * What it writes is what our workbooks use: shared strings, numbers, formulas with their cached results,
 * a fixed set of styles, column widths, frozen header rows, merged title cells, print titles and A4
 * landscape fit-to-width page setup, and the workbook's own document properties. Text is always written as
 * text: a cell holds a formula only when it is given as `{ formula, result }`.
 */

/** A formula and the value it gives, stored as its result so the workbook shows numbers before it is recalculated. */
export interface XlsxFormula {
  formula: string;
  result: number;
}
export type XlsxValue = string | number | null | undefined | XlsxFormula;

/**
 * The workbook's fixed styles (indexes into cellXfs in styles.xml). Every style a table needs is here, so
 * writing a cell is an index, not a style to render and compare.
 */
export const XF = {
  plain: 0,
  /** The sheet's title: bold 14 pt, wrapped, centred vertically. */
  title: 1,
  /** A table's header cell: bold, shaded, thin grey border, wrapped, at the top. */
  header: 2,
  /** Wrapped text at the top of its cell. */
  wrap: 3,
  /** Points, to two places. */
  points: 4,
  /** Pounds and pence. */
  money: 5,
  bold: 6,
  /** A title that does not wrap (the price sheet's, over a table of narrow columns). */
  heading: 7,
  moneyWrap: 8,
  pointsWrap: 9,
  /** A percentage figure given to two places or more (a discount). */
  discount: 10,
} as const;
export type XfId = (typeof XF)[keyof typeof XF];

const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="&quot;£&quot;#,##0.00"/><numFmt numFmtId="165" formatCode="0.00##"/></numFmts>' +
  '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color rgb="FF808080"/></left><right style="thin"><color rgb="FF808080"/></right><top style="thin"><color rgb="FF808080"/></top><bottom style="thin"><color rgb="FF808080"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="11">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="2" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  "</cellXfs>" +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/></styleSheet>';

/** Options a sheet is made with: written before its first row, so they may still be set until then. */
export interface XlsxSheetOptions {
  /** Column widths in characters, from column A; 0 leaves a column at the default. */
  widths: readonly number[];
  /** Rows frozen at the top, and repeated at the top of every printed page. */
  headerRows: number;
}

/** A1-style letters of a 1-based column number. */
export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

// XML 1.0 §2.2 allows tab, line feed, carriage return and U+0020 upwards, less lone surrogates, U+FFFE and U+FFFF.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NEEDS_WORK = /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;

/**
 * Text for a cell: characters XML cannot hold removed, markup escaped, and a literal `_xHHHH_` written as
 * `_x005F_xHHHH_` so a reader does not decode it into a character (ECMA-376 §22.9.2.19).
 */
export function cellXmlText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  // A carriage return as a reference: a parser turns a literal one (and CR LF) into a line feed (XML 1.0 §2.11).
  return escapeHtml(text.replace(FORBIDDEN, "").replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")).replace(/\r/g, "&#13;");
}

/** Markup text outside a cell (a formula, a sheet name, a property): forbidden characters removed, markup escaped. */
export function xmlText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return escapeHtml(text.replace(FORBIDDEN, ""));
}

/**
 * Text of the numbers written so far: a framework's sheets repeat a few hundred distinct figures (scores,
 * points, weights) hundreds of thousands of times, and writing a fraction's digits is slow. Bounded, so a
 * sheet of all-different figures (prices) costs a lookup, not memory.
 */
const numberTexts = new Map<number, string>();
const NUMBER_TEXTS = 4096;

function numberText(value: number): string {
  let text = numberTexts.get(value);
  if (text !== undefined) return text;
  // A failure is never turned into a number, so a non-finite one here is a bug.
  if (!Number.isFinite(value)) throw new Error(`a cell's number must be finite, got ${value}`);
  text = String(value);
  if (numberTexts.size < NUMBER_TEXTS) numberTexts.set(value, text);
  return text;
}

/** About 64 KiB of XML text at a time into the deflater: large enough to be cheap, small enough to stay small. */
const FLUSH_AT = 1 << 16;

/**
 * How each part is deflated (raw DEFLATE, RFC 1951) and summed (CRC-32) for the zip. The default is fflate,
 * in JavaScript, on this thread; the CLI gives Node's zlib (src/node/zlib-deflate.ts), which deflates on
 * libuv's thread pool while this thread writes the next rows. The two compress differently, so their zips'
 * bytes differ while every unzipped part is the same.
 */
export interface ZipDeflater {
  /** One part's stream at `level` (0-9); `ondata` is given the deflated bytes, in order, and keeps them. */
  stream(level: XlsxLevel, ondata: (chunk: Uint8Array) => void): DeflateStream;
}

export interface DeflateStream {
  /** The part's next text, as UTF-8; `final` on the last. */
  push(text: string, final: boolean): void;
  /**
   * Undefined when nothing is waiting; otherwise resolves once little enough is, so a writer that awaits it
   * now and then never holds a whole sheet's text waiting to be deflated.
   */
  drain(): Promise<void> | undefined;
  /** After the final push: the part's length and CRC-32, once all of it is deflated and given to `ondata`. */
  readonly done: Promise<{ size: number; crc: number }>;
}

export type XlsxLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

const encoder = new TextEncoder();
/** fflate's deflater copies what it is given, so one buffer serves every push. */
let scratch = new Uint8Array(3 * FLUSH_AT + 3 * 4096);

/** fflate, in JavaScript: the browser page's deflater, and the library's when given none. */
export const fflateDeflater: ZipDeflater = {
  stream(level, ondata) {
    const deflate = new Deflate({ level }, (chunk) => ondata(chunk));
    let size = 0;
    let crc = 0;
    let done: (sum: { size: number; crc: number }) => void = () => {};
    return {
      push(text, final) {
        // UTF-8 is at most 3 bytes per UTF-16 unit.
        if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
        const bytes = scratch.subarray(0, encoder.encodeInto(text, scratch).written);
        size += bytes.length;
        crc = crc32(bytes, crc);
        deflate.push(bytes, final);
        if (final) done({ size, crc });
      },
      drain: () => undefined,
      done: new Promise((resolve) => (done = resolve)),
    };
  },
};

/** One worksheet being written. Rows go in order; a blank row is just not written. */
export class XlsxSheet {
  readonly number: number;
  private rowCount = 0;
  private buffer: string[] = [];
  private buffered = 0;
  private entry: DeflateStream | undefined;
  private readonly merges: string[] = [];
  private readonly letters: string[] = [];
  private ended = false;

  constructor(
    private readonly book: XlsxWriter,
    readonly name: string,
    number: number,
    readonly options: XlsxSheetOptions,
  ) {
    this.number = number;
  }

  /** The row the next `row` call writes. */
  get nextRow(): number {
    return this.rowCount + 1;
  }

  /** A1-style letters of a column, cached: a framework's sheets ask for the same few columns many times. */
  letter(column: number): string {
    return (this.letters[column] ??= columnLetter(column));
  }

  /** A width the sheet was made with (Excel's default, about 8.43, taken as 10 when none was given). */
  width(column: number): number {
    const w = this.options.widths[column - 1];
    return w === undefined || w === 0 ? 10 : w;
  }

  /**
   * Write the next row and return its number. `style` is one style for every cell given, or one per cell
   * (a styled empty cell is written, so a fill or border shows); `height` in points.
   */
  row(cells: readonly XlsxValue[], style: XfId | readonly XfId[] = XF.plain, height?: number): number {
    this.open();
    const r = ++this.rowCount;
    let xml = height === undefined ? `<row r="${r}">` : `<row r="${r}" ht="${height}" customHeight="1">`;
    const one = typeof style === "number";
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i];
      const s = one ? style : (style[i] ?? XF.plain);
      const ref = `${this.letter(i + 1)}${r}`;
      const sAttr = s === XF.plain ? "" : ` s="${s}"`;
      if (value === null || value === undefined || value === "") {
        if (!one && s !== XF.plain) xml += `<c r="${ref}"${sAttr}/>`;
      } else if (typeof value === "string") {
        xml += `<c r="${ref}"${sAttr} t="s"><v>${this.book._stringIndex(value)}</v></c>`;
      } else if (typeof value === "number") {
        xml += `<c r="${ref}"${sAttr}><v>${numberText(value)}</v></c>`;
      } else {
        xml += `<c r="${ref}"${sAttr}><f>${xmlText(value.formula)}</f><v>${numberText(value.result)}</v></c>`;
      }
    }
    this.write(`${xml}</row>`);
    return r;
  }

  /** Leave the next row empty. */
  skip(): number {
    return ++this.rowCount;
  }

  /** Merge a row's cells from column `from` to `to` (the first holds the text). */
  mergeAcross(row: number, from: number, to: number): void {
    if (to > from) this.merges.push(`${this.letter(from)}${row}:${this.letter(to)}${row}`);
  }

  /**
   * Await now and then while writing many rows (undefined when there is nothing to wait for): a deflater on
   * another thread is handed the text written so far, and this thread waits while too much is still to deflate.
   */
  drain(): Promise<void> | undefined {
    return this.entry?.drain();
  }

  /** Finish the sheet: its part of the zip is complete (once deflated), and the next sheet may start. */
  end(): void {
    if (this.ended) return;
    this.open();
    let tail = "</sheetData>";
    if (this.merges.length > 0) tail += `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`;
    tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    tail += '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>';
    this.write(tail);
    this.flush(true);
    this.ended = true;
    this.book._closed(this);
  }

  private open(): void {
    if (this.entry !== undefined) return;
    if (this.ended) throw new Error(`sheet "${this.name}" is already finished`);
    this.entry = this.book._start(this);
    const { widths, headerRows } = this.options;
    let xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
    xml += '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
    xml += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
    xml += `<sheetViews><sheetView workbookViewId="0"${this.number === 1 ? ' tabSelected="1"' : ""}>`;
    if (headerRows > 0) {
      const first = `A${headerRows + 1}`;
      xml += `<pane ySplit="${headerRows}" topLeftCell="${first}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${first}" sqref="${first}"/>`;
    }
    xml += '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>';
    const cols = widths.flatMap((w, i) => (w > 0 ? [`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`] : []));
    if (cols.length > 0) xml += `<cols>${cols.join("")}</cols>`;
    xml += "<sheetData>";
    this.write(xml);
  }

  private write(xml: string): void {
    this.buffer.push(xml);
    this.buffered += xml.length;
    if (this.buffered >= FLUSH_AT) this.flush(false);
  }

  private flush(final: boolean): void {
    const text = this.buffer.join("");
    this.buffer = [];
    this.buffered = 0;
    this.entry!.push(text, final);
  }
}

export interface XlsxProperties {
  title: string;
  /** The authority (or organisation) the workbook is by. */
  creator: string;
  /** YYYY-MM-DD: created, modified, and the date of every entry in the zip. */
  date: string;
  /** BCP 47, for screen readers and spelling: en-GB unless said otherwise. */
  language?: string;
}

/**
 * A workbook written sheet by sheet. Sheets appear in the order they are added; each is written when its
 * first row is (one at a time, so a sheet added first may be written last, as a summary that refers to the
 * others is).
 */
export class XlsxWriter {
  /** The zip's entries in the order they were started, each with its deflated bytes so far. */
  private readonly entries: { name: string; chunks: Uint8Array[]; done: Promise<{ size: number; crc: number }> }[] = [];
  private readonly deflater: ZipDeflater;
  private readonly sheets: XlsxSheet[] = [];
  private writing: XlsxSheet | undefined;
  /** Shared strings: a bidder's name or a criterion's title is written once, however many rows repeat it. */
  private readonly stringIndex = new Map<string, number>();
  private stringCount = 0;
  private readonly level: XlsxLevel;

  constructor(
    private readonly properties: XlsxProperties,
    options: { level?: XlsxLevel; deflater?: ZipDeflater | undefined } = {},
  ) {
    // Level 3: measured on a framework's 32 MB section sheet, a third less deflating time than the default 6
    // for a file about a tenth larger (fflate in JavaScript).
    this.level = options.level ?? 3;
    this.deflater = options.deflater ?? fflateDeflater;
  }

  /** A part's entry in the zip, from now on in the order started. */
  private entry(name: string): DeflateStream {
    const chunks: Uint8Array[] = [];
    const stream = this.deflater.stream(this.level, (chunk) => chunks.push(chunk));
    // Awaited in order by finish, which reports the first failure: a later part's is not left unhandled.
    stream.done.catch(() => {});
    this.entries.push({ name, chunks, done: stream.done });
    return stream;
  }

  addSheet(name: string, options: XlsxSheetOptions): XlsxSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`two sheets named "${name}"`);
    const sheet = new XlsxSheet(this, name, this.sheets.length + 1, options);
    this.sheets.push(sheet);
    return sheet;
  }

  /** @internal A sheet starts writing: its zip entry. */
  _start(sheet: XlsxSheet): DeflateStream {
    if (this.writing !== undefined && this.writing !== sheet) throw new Error(`sheet "${sheet.name}" started while "${this.writing.name}" is being written`);
    this.writing = sheet;
    return this.entry(`xl/worksheets/sheet${sheet.number}.xml`);
  }

  /** @internal A cell's text as its index in the shared strings. */
  _stringIndex(text: string): number {
    this.stringCount++;
    let index = this.stringIndex.get(text);
    if (index === undefined) {
      index = this.stringIndex.size;
      this.stringIndex.set(text, index);
    }
    return index;
  }

  /** @internal */
  _closed(sheet: XlsxSheet): void {
    if (this.writing === sheet) this.writing = undefined;
  }

  /** The shared strings part, streamed as the sheets are. */
  private sharedStrings(): void {
    const entry = this.entry("xl/sharedStrings.xml");
    let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.stringCount}" uniqueCount="${this.stringIndex.size}">`;
    for (const value of this.stringIndex.keys()) {
      const text = cellXmlText(value);
      xml += text !== text.trim() ? `<si><t xml:space="preserve">${text}</t></si>` : `<si><t>${text}</t></si>`;
      if (xml.length >= FLUSH_AT) {
        entry.push(xml, false);
        xml = "";
      }
    }
    entry.push(`${xml}</sst>`, true);
    this.stringIndex.clear();
  }

  /** The workbook's bytes: every sheet finished, then the parts that list them. */
  async finish(): Promise<Uint8Array> {
    for (const sheet of this.sheets) sheet.end();
    const { title, creator, date } = this.properties;
    const when = `${date}T00:00:00Z`;
    const n = this.sheets.length;
    const part = (name: string, xml: string) => this.entry(name).push(xml, true);
    const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
    const sheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    part(
      "[Content_Types].xml",
      `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        this.sheets.map((s) => `<Override PartName="/xl/worksheets/sheet${s.number}.xml" ContentType="${sheetType}"/>`).join("") +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>',
    );
    part(
      "_rels/.rels",
      `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    );
    part(
      "docProps/core.xml",
      `${head}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>${xmlText(creator)}</dc:creator><dc:title>${xmlText(title)}</dc:title><dc:language>${xmlText(this.properties.language ?? "en-GB")}</dc:language><cp:lastModifiedBy>${xmlText(creator)}</cp:lastModifiedBy>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`,
    );
    part(
      "docProps/app.xml",
      `${head}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
        `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
        `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${this.sheets.map((s) => `<vt:lpstr>${xmlText(s.name)}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts></Properties>`,
    );
    part(
      "xl/_rels/workbook.xml.rels",
      `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        this.sheets.map((s) => `<Relationship Id="rId${s.number + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${s.number}.xml"/>`).join("") +
        `<Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    );
    // Print titles: the header rows on every printed page. A sheet name is quoted, its own quotes doubled.
    const printTitles = this.sheets
      .filter((s) => s.options.headerRows > 0)
      .map((s) => `<definedName name="_xlnm.Print_Titles" localSheetId="${s.number - 1}">${xmlText(`'${s.name.replace(/'/g, "''")}'!$1:$${s.options.headerRows}`)}</definedName>`);
    part(
      "xl/workbook.xml",
      `${head}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
        this.sheets.map((s) => `<sheet name="${xmlText(s.name)}" sheetId="${s.number}" r:id="rId${s.number + 1}"/>`).join("") +
        `</sheets>${printTitles.length > 0 ? `<definedNames>${printTitles.join("")}</definedNames>` : ""}<calcPr calcId="171027"/></workbook>`,
    );
    part("xl/styles.xml", STYLES_XML);
    this.sharedStrings();
    const parts: ZipPart[] = [];
    for (const { name, chunks, done } of this.entries) parts.push({ name, dir: false, ...(await done), method: 8, compressed: chunks });
    this.entries.length = 0;
    // Every entry dated the workbook's own date, so the same inputs and date give the same bytes. The
    // deflated pieces are copied once, into the zip: a workbook's worth of bytes twice at the end, not three times.
    return writeZip(parts, date);
  }
}

/**
 * Rows tall enough for their wrapped text: neither Excel nor LibreOffice grows a row written by another
 * program, so long criteria and justifications would otherwise overlap. Undefined for one line.
 */
export function fittedHeight(sheet: XlsxSheet, cells: readonly XlsxValue[]): number | undefined {
  let lines = 1;
  for (let i = 0; i < cells.length; i++) {
    const text = cells[i];
    if (typeof text !== "string" || text === "") continue;
    const width = sheet.width(i + 1);
    // Most cells are one line of text: no array of lines to make for them.
    let needed = 0;
    if (!text.includes("\n")) needed = Math.ceil((text.length * 1.1) / width);
    else for (const line of text.split("\n")) needed += Math.max(1, Math.ceil((line.length * 1.1) / width));
    if (needed > lines) lines = needed;
  }
  return lines > 1 ? Math.min(409, 15 * lines) : undefined;
}
