import { StringItemText } from "./xlsx-package.js";
import { MAX_COLUMN, MAX_ROW, cellValue, columnBeyondTheSheet, formulaValue, rowBeyondTheSheet, type CellFormula, type WorksheetRows } from "./worksheet-cells.js";

/**
 * A worksheet's cells, read from its unpacked bytes by a scanner made for worksheet XML rather than by a
 * general XML parser: a framework's score sheet is 20 MB of `<row>`, `<c>` and `<v>`, and building an
 * attribute object for every tag was most of the time it took to read one; decoding the whole part into
 * a string was most of the rest.
 *
 * The scanner reads the XML that spreadsheet programs write, as UTF-8: elements (with any namespace
 * prefix), attributes in either quotes and any order, the five predefined entities and character
 * references, and checks that it is well formed as it goes. Markup is ASCII, so it is read byte by byte;
 * only the text kept (a value, a formula, inline text) is decoded, by the same non-fatal decoder as the
 * whole part would be, so invalid UTF-8 reads as U+FFFD exactly as before (a run of text always ends at an
 * ASCII byte, which is never part of a multi-byte sequence). Anything else (a DOCTYPE, comments, CDATA,
 * processing instructions, a control character or carriage return, U+FFFE or U+FFFF, a name outside ASCII)
 * or anything not well formed is left to saxes: it returns `undefined` and the caller decodes the part and
 * reads it with `readRowsWithSaxes`, so such a sheet is read, or refused with the same reason, exactly as
 * before. A differential test holds the two to the same results (test/spreadsheets/worksheet-scanner.test.ts).
 *
 * Linear in the length of the XML: every step moves forward, and a sheet is scanned at most once before
 * being left to saxes (itself linear). It keeps nothing but the cells and one stack of open elements,
 * no deeper than the XML is long; the bounds on rows and columns are the same as saxes's reader.
 */
export function scanWorksheet(xml: Uint8Array, sharedStrings: readonly string[], numberFormats: readonly string[]): WorksheetRows | undefined {
  // The decoder the whole part would be read with drops a byte order mark at its start.
  const afterMark = xml[0] === 0xef && xml[1] === 0xbb && xml[2] === 0xbf ? 3 : 0;
  const declaration = DECLARATION.exec(asciiPrefix(xml, afterMark, 128));
  const start = afterMark + (declaration ? declaration[0].length : 0);
  try {
    return new Scanner(xml, sharedStrings, numberFormats).scan(start);
  } catch (error) {
    if (error === LEAVE_TO_SAXES) return undefined;
    throw error;
  }
}

// The declaration as programs write it, in a form saxes accepts; any other is left to saxes.
const DECLARATION = /^<\?xml version=(["'])1\.0\1(?: encoding=(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?: standalone=(["'])(?:yes|no)\3)?[ \t\n]?\?>/;

/** Up to `length` bytes from `from` as characters, one per byte: what matches the (ASCII) declaration is the same either way. */
function asciiPrefix(xml: Uint8Array, from: number, length: number): string {
  let out = "";
  for (let i = from; i < Math.min(xml.length, from + length); i++) out += String.fromCharCode(xml[i]!);
  return out;
}

// Not fatal, as the whole part is decoded for saxes; a mark at the start of a run of text is a character
// there, not a byte order mark.
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** Thrown, never caught outside this module: the scanner leaves this sheet to saxes. */
const LEAVE_TO_SAXES = Symbol("leave to saxes");

const LT = 60;
const GT = 62;
const SLASH = 47;
const AMP = 38;
const EQ = 61;
const QUOT = 34;
const APOS = 39;
const COLON = 58;
const SEMI = 59;
const BRACKET = 93;

const isSpace = (code: number | undefined) => code === 32 || code === 10 || code === 9;
// ASCII names only; a name with any other character is left to saxes, which knows XML's whole set.
const isNameStart = (code: number | undefined) => code !== undefined && ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === COLON);
const isNameChar = (code: number | undefined) => code !== undefined && (isNameStart(code) || (code >= 48 && code <= 57) || code === 45 || code === 46);
// XML 1.0's Char production, for character references (&#...;).
const isXmlChar = (code: number) => code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);

const PREDEFINED = new Map([["amp", "&"], ["lt", "<"], ["gt", ">"], ["quot", '"'], ["apos", "'"]]);

// What an element's local name (its name after any prefix) means to the reader.
const enum Tag {
  Other,
  Row,
  Cell,
  Value,
  Formula,
  InlineString,
}

// A cell's type (its `t` attribute), told from its bytes: the ones spreadsheet programs write, and any other as written.
const enum CellType {
  Number, // no t, or t="n"
  Shared, // s
  Text, // str
  Inline, // inlineStr
  Boolean, // b
  Error, // e
  Date, // d
  Other,
}
const TYPE_NAMES: Record<Exclude<CellType, CellType.Other>, string> = {
  [CellType.Number]: "n",
  [CellType.Shared]: "s",
  [CellType.Text]: "str",
  [CellType.Inline]: "inlineStr",
  [CellType.Boolean]: "b",
  [CellType.Error]: "e",
  [CellType.Date]: "d",
};

class Scanner {
  private readonly rows = new Map<number, unknown[]>();
  private readonly formats = new Map<number, string[]>();
  private readonly sharedFormulaMasters = new Map<string, string>();
  private readonly length: number;
  private lastRow = 0;
  private rowNumber = 0;
  // The row being read, in one array used for every row: each row kept is a copy of its own length, so a
  // framework's 60,000 rows are not each an array grown a cell at a time (and left with room to spare),
  // which the garbage collector then copied as they survived.
  private readonly values: unknown[] = [];
  // Made only for a row with a number shown in a format other than General.
  private rowFormats: string[] | undefined;
  private column = 0;
  // The cell being read.
  private type = CellType.Number;
  private otherType = "";
  private formula: CellFormula | undefined;
  private raw: string | undefined;
  private capturing: Tag.Value | Tag.Formula | undefined;
  private captured = "";
  // A value's text while it is one run of plain text, as where it starts and ends (-1 otherwise): made
  // into a string only when it is not a plain whole number.
  private capturedFrom = -1;
  private capturedTo = -1;
  // The cell's value, where it is a plain whole number (a number, or a shared string's index); -1 otherwise.
  // Its text is then where it starts and ends, made into `raw` only if it is needed after all.
  private rawDigits = -1;
  private rawFrom = -1;
  private rawTo = -1;
  private inlineText: StringItemText | undefined;
  private format = "General";
  // The attributes the reader uses, of the element being opened, as where their values start and end
  // (-1 where the element has none): most are read without making a string of them.
  private rFrom = -1;
  private rTo = -1;
  private sFrom = -1;
  private sTo = -1;
  private tFrom = -1;
  private tTo = -1;
  private siFrom = -1;
  private siTo = -1;
  // The cell's reference, made into a string only for a formula.
  private addressFrom = -1;
  private addressTo = -1;
  // The names of the attributes of the element being opened, as start and end, to refuse one given twice
  // (as saxes does): the first `attributeCount` pairs are this element's.
  private readonly attributeNames: number[] = [];
  private attributeCount = 0;
  // Open elements, by where their names start and end in the XML.
  private readonly openStarts: number[] = [];
  private readonly openEnds: number[] = [];

  constructor(
    private readonly xml: Uint8Array,
    private readonly sharedStrings: readonly string[],
    private readonly numberFormats: readonly string[],
  ) {
    this.length = xml.length;
  }

  scan(from: number): WorksheetRows {
    const xml = this.xml;
    const length = this.length;
    let at = from;
    let sawRoot = false;
    while (at < length) {
      // The next tag is nearly always a few bytes on: a loop finds it sooner than a call to indexOf.
      let lt = at;
      while (lt < length && xml[lt] !== LT) lt++;
      if (lt > at) this.text(at, lt);
      if (lt === length) break;
      if (xml[lt + 1] === SLASH) {
        at = this.closeTag(lt + 2);
      } else {
        // A second root element is not well formed.
        if (sawRoot && this.openStarts.length === 0) throw LEAVE_TO_SAXES;
        sawRoot = true;
        at = this.openTag(lt + 1);
      }
    }
    if (!sawRoot || this.openStarts.length > 0) throw LEAVE_TO_SAXES;
    return { rows: this.rows, formats: this.formats, lastRow: this.lastRow };
  }

  /**
   * Text from `from` to `to`: outside the root only whitespace; inside, checked for what the scanner leaves
   * to saxes (a control character or carriage return, U+FFFE or U+FFFF, "]]>") and its entities decoded.
   */
  private text(from: number, to: number): void {
    const xml = this.xml;
    if (this.openStarts.length === 0) {
      for (let i = from; i < to; i++) if (!isSpace(xml[i])) throw LEAVE_TO_SAXES;
      return;
    }
    let hasEntity = false;
    for (let i = from; i < to; i++) {
      const code = xml[i]!;
      if (code < 0x20) {
        if (code !== 10 && code !== 9) throw LEAVE_TO_SAXES;
      } else if (code === AMP) hasEntity = true;
      else if (code === GT) {
        if (i - from >= 2 && xml[i - 1] === BRACKET && xml[i - 2] === BRACKET) throw LEAVE_TO_SAXES;
      } else if (code === 0xef && notACharacter(xml, i)) throw LEAVE_TO_SAXES;
    }
    const wanted = this.capturing !== undefined || this.inlineText !== undefined;
    if (!hasEntity) {
      if (!wanted) return;
      if (this.capturing === Tag.Value && this.captured === "" && this.capturedFrom < 0) {
        this.capturedFrom = from;
        this.capturedTo = to;
      } else this.deliver(this.string(from, to));
      return;
    }
    const decoded = this.decode(from, to);
    if (wanted) this.deliver(decoded);
  }

  private deliver(value: string): void {
    if (this.capturedFrom >= 0) {
      this.captured = this.string(this.capturedFrom, this.capturedTo);
      this.capturedFrom = -1;
    }
    if (this.capturing !== undefined) this.captured += value;
    else this.inlineText?.add(value);
  }

  /** The text from `from` to `to`, decoded. */
  private string(from: number, to: number): string {
    return utf8.decode(this.xml.subarray(from, to));
  }

  /** Text or an attribute value with its entities replaced; a reference that saxes would refuse is left to it. */
  private decode(from: number, to: number): string {
    const xml = this.xml;
    let out = "";
    let plain = from;
    for (let i = from; i < to; i++) {
      if (xml[i] !== AMP) continue;
      const semi = xml.indexOf(SEMI, i + 1);
      if (semi < 0 || semi >= to || semi - i > 12) throw LEAVE_TO_SAXES;
      out += this.string(plain, i) + this.entity(this.ascii(i + 1, semi));
      i = semi;
      plain = semi + 1;
    }
    return out + this.string(plain, to);
  }

  private entity(name: string): string {
    const predefined = PREDEFINED.get(name);
    if (predefined !== undefined) return predefined;
    let code = Number.NaN;
    if (/^#x[0-9a-fA-F]+$/.test(name)) code = parseInt(name.slice(2), 16);
    else if (/^#[0-9]+$/.test(name)) code = parseInt(name.slice(1), 10);
    if (!isXmlChar(code)) throw LEAVE_TO_SAXES;
    return String.fromCodePoint(code);
  }

  /** An element opening at `from` (just after its "<"); returns where the text after it starts. */
  private openTag(from: number): number {
    const xml = this.xml;
    const nameEnd = this.nameEnd(from);
    const tag = this.tagOf(from, nameEnd);
    this.rFrom = this.sFrom = this.tFrom = this.siFrom = -1;
    let at = nameEnd;
    this.attributeCount = 0;
    for (;;) {
      const before = at;
      while (isSpace(xml[at])) at++;
      const code = xml[at];
      if (code === GT) {
        this.open(tag, from, nameEnd);
        return at + 1;
      }
      if (code === SLASH) {
        if (xml[at + 1] !== GT) throw LEAVE_TO_SAXES;
        this.open(tag, from, nameEnd);
        this.close(tag, from, nameEnd, true);
        return at + 2;
      }
      if (at === before) throw LEAVE_TO_SAXES;
      at = this.attribute(at, tag);
    }
  }

  /** One attribute at `from`; returns where it ends. */
  private attribute(from: number, tag: Tag): number {
    const xml = this.xml;
    const nameEnd = this.nameEnd(from);
    const names = this.attributeNames;
    const count = this.attributeCount;
    for (let n = 0; n < 2 * count; n += 2) {
      if (this.sameName(names[n]!, names[n + 1]!, from, nameEnd)) throw LEAVE_TO_SAXES;
    }
    names[2 * count] = from;
    names[2 * count + 1] = nameEnd;
    this.attributeCount = count + 1;
    let at = nameEnd;
    while (isSpace(xml[at])) at++;
    if (xml[at] !== EQ) throw LEAVE_TO_SAXES;
    at++;
    while (isSpace(xml[at])) at++;
    const quote = xml[at];
    if (quote !== QUOT && quote !== APOS) throw LEAVE_TO_SAXES;
    const valueStart = at + 1;
    let hasEntity = false;
    // A tab or newline, which XML turns into a space, or a byte outside ASCII.
    let unusual = false;
    const length = this.length;
    let i = valueStart;
    for (; ; i++) {
      if (i >= length) throw LEAVE_TO_SAXES;
      const code = xml[i]!;
      if (code === quote) break;
      if (code < 0x20) {
        if (code !== 10 && code !== 9) throw LEAVE_TO_SAXES;
        unusual = true;
      } else if (code === LT) throw LEAVE_TO_SAXES;
      else if (code === AMP) hasEntity = true;
      else if (code >= 0x80) {
        if (code === 0xef && notACharacter(xml, i)) throw LEAVE_TO_SAXES;
        unusual = true;
      }
    }
    const valueEnd = i;
    // A value the reader uses is taken as written; one with a tab or newline (which XML turns into
    // spaces), a character outside ASCII or an entity is rare enough to leave to saxes. Any other value
    // only needs its entities checked.
    const used = this.usedAttribute(tag, from, nameEnd);
    if (used !== undefined) {
      if (hasEntity || unusual) throw LEAVE_TO_SAXES;
      if (used === "r") {
        this.rFrom = valueStart;
        this.rTo = valueEnd;
      }
      else if (used === "s") {
        this.sFrom = valueStart;
        this.sTo = valueEnd;
      }
      else if (used === "t") {
        this.tFrom = valueStart;
        this.tTo = valueEnd;
      }
      else {
        this.siFrom = valueStart;
        this.siTo = valueEnd;
      }
    } else if (hasEntity) {
      this.decode(valueStart, valueEnd);
    }
    const after = xml[valueEnd + 1];
    if (!isSpace(after) && after !== GT && after !== SLASH) throw LEAVE_TO_SAXES;
    return valueEnd + 1;
  }

  /** Which of r, s, t and si this attribute is, where the element is one that uses it. */
  private usedAttribute(tag: Tag, from: number, to: number): "r" | "s" | "t" | "si" | undefined {
    if (tag === Tag.Other || tag === Tag.Value || tag === Tag.InlineString) return undefined;
    const xml = this.xml;
    const first = xml[from];
    if (to - from === 1) {
      if (first === 114 /* r */ && tag !== Tag.Formula) return "r";
      if (first === 115 /* s */ && tag === Tag.Cell) return "s";
      if (first === 116 /* t */ && tag !== Tag.Row) return "t";
    } else if (to - from === 2 && tag === Tag.Formula && first === 115 && xml[from + 1] === 105 /* si */) {
      return "si";
    }
    return undefined;
  }

  private nameEnd(from: number): number {
    const xml = this.xml;
    if (!isNameStart(xml[from])) throw LEAVE_TO_SAXES;
    let at = from + 1;
    while (isNameChar(xml[at])) at++;
    return at;
  }

  private sameName(aFrom: number, aTo: number, bFrom: number, bTo: number): boolean {
    if (aTo - aFrom !== bTo - bFrom) return false;
    const xml = this.xml;
    for (let i = 0; i < aTo - aFrom; i++) if (xml[aFrom + i] !== xml[bFrom + i]) return false;
    return true;
  }

  /** What an element is to the reader, by its local name (its name after the first colon, as before). */
  private tagOf(from: number, to: number): Tag {
    const xml = this.xml;
    let local = from;
    for (let i = from; i < to; i++) {
      if (xml[i] === COLON) {
        local = i + 1;
        break;
      }
    }
    const c0 = xml[local];
    switch (to - local) {
      case 1:
        return c0 === 99 ? Tag.Cell : c0 === 118 ? Tag.Value : c0 === 102 ? Tag.Formula : Tag.Other;
      case 2:
        return c0 === 105 && xml[local + 1] === 115 ? Tag.InlineString : Tag.Other;
      case 3:
        return c0 === 114 && xml[local + 1] === 111 && xml[local + 2] === 119 ? Tag.Row : Tag.Other;
      default:
        return Tag.Other;
    }
  }

  /** A closing tag whose name starts at `from` (just after "</"); returns where the text after it starts. */
  private closeTag(from: number): number {
    const xml = this.xml;
    const nameEnd = this.nameEnd(from);
    let at = nameEnd;
    while (isSpace(xml[at])) at++;
    if (xml[at] !== GT) throw LEAVE_TO_SAXES;
    const depth = this.openStarts.length;
    if (depth === 0 || !this.sameName(this.openStarts[depth - 1]!, this.openEnds[depth - 1]!, from, nameEnd)) throw LEAVE_TO_SAXES;
    this.openStarts.pop();
    this.openEnds.pop();
    this.close(this.tagOf(from, nameEnd), from, nameEnd, false);
    return at + 1;
  }

  private open(tag: Tag, nameFrom: number, nameTo: number): void {
    this.openStarts.push(nameFrom);
    this.openEnds.push(nameTo);
    switch (tag) {
      case Tag.Row: {
        const r = this.rFrom < 0 ? Number.NaN : this.numberAt(this.rFrom, this.rTo);
        this.rowNumber = Number.isInteger(r) && r > 0 ? r : this.rowNumber + 1;
        if (this.rowNumber > MAX_ROW) throw rowBeyondTheSheet(this.rowNumber);
        this.values.length = 0;
        this.rowFormats = undefined;
        this.column = 0;
        break;
      }
      case Tag.Cell: {
        const hasRef = this.rFrom >= 0 && this.rTo > this.rFrom;
        this.column = hasRef ? this.columnAt(this.rFrom, this.rTo) : this.column + 1;
        // Beyond column XFD a reference is not a cell, and would make the row's array huge.
        if (this.column > MAX_COLUMN) throw columnBeyondTheSheet(this.rFrom >= 0 ? this.ascii(this.rFrom, this.rTo) : undefined, this.column);
        this.addressFrom = this.rFrom;
        this.addressTo = this.rTo;
        this.format = this.numberFormats[this.sFrom < 0 ? 0 : this.numberAt(this.sFrom, this.sTo)] ?? "General";
        this.type = this.tFrom < 0 ? CellType.Number : this.typeAt(this.tFrom, this.tTo);
        this.formula = undefined;
        this.raw = undefined;
        this.rawDigits = -1;
        this.rawFrom = -1;
        this.inlineText = undefined;
        break;
      }
      case Tag.Value:
        this.capturing = tag;
        this.captured = "";
        this.capturedFrom = -1;
        break;
      case Tag.Formula:
        this.capturing = tag;
        this.captured = "";
        this.capturedFrom = -1;
        this.formula = {
          text: "",
          isShared: this.tFrom >= 0 && this.ascii(this.tFrom, this.tTo) === "shared",
          ...(this.siFrom >= 0 ? { sharedIndex: this.ascii(this.siFrom, this.siTo) } : {}),
        };
        break;
      case Tag.InlineString:
        this.inlineText = new StringItemText();
        this.inlineText.start();
        break;
      default:
        this.inlineText?.open(this.localName(nameFrom, nameTo));
    }
  }

  private close(tag: Tag, nameFrom: number, nameTo: number, selfClosing: boolean): void {
    if (selfClosing) {
      this.openStarts.pop();
      this.openEnds.pop();
    }
    switch (tag) {
      case Tag.Value:
        this.rawDigits = this.capturedFrom >= 0 ? this.digitsAt(this.capturedFrom, this.capturedTo) : -1;
        if (this.rawDigits >= 0) {
          this.rawFrom = this.capturedFrom;
          this.rawTo = this.capturedTo;
          this.raw = "";
        } else {
          this.rawFrom = -1;
          this.raw = this.capturedFrom >= 0 ? this.string(this.capturedFrom, this.capturedTo) : this.captured;
        }
        this.capturedFrom = -1;
        this.capturing = undefined;
        break;
      case Tag.Formula:
        if (this.formula) this.formula.text = this.captured;
        this.capturing = undefined;
        break;
      case Tag.Cell: {
        let value: unknown = this.plainValue();
        if (value === undefined) {
          if (this.rawFrom >= 0) this.raw = this.ascii(this.rawFrom, this.rawTo);
          value = cellValue(this.type === CellType.Other ? this.otherType : TYPE_NAMES[this.type], this.raw, this.inlineText, this.sharedStrings);
        }
        if (this.formula) {
          const address = this.addressFrom < 0 ? "" : this.ascii(this.addressFrom, this.addressTo);
          this.values[this.column] = formulaValue(this.formula, value, this.raw !== undefined, address, this.sharedFormulaMasters);
        }
        else if (value !== undefined) this.values[this.column] = value;
        if (typeof value === "number" && this.format !== "General") (this.rowFormats ??= [])[this.column] = this.format;
        break;
      }
      case Tag.Row:
        if (this.values.length > 0) {
          this.rows.set(this.rowNumber, this.values.slice());
          if (this.rowFormats !== undefined) this.formats.set(this.rowNumber, this.rowFormats);
          this.lastRow = Math.max(this.lastRow, this.rowNumber);
        }
        break;
      case Tag.InlineString:
        break;
      default:
        this.inlineText?.close(this.localName(nameFrom, nameTo));
    }
  }

  /**
   * What `cellValue` gives for a cell holding a plain whole number, a number or a shared string found,
   * read without looking at its text again; undefined for any other cell.
   */
  private plainValue(): number | string | undefined {
    const digits = this.rawDigits;
    if (digits < 0 || this.formula !== undefined) return undefined;
    if (this.type === CellType.Number) return digits;
    return this.type === CellType.Shared ? this.sharedStrings[digits] : undefined;
  }

  /** A cell's type from its `t` attribute's bytes (ASCII, as a used attribute always is here). */
  private typeAt(from: number, to: number): CellType {
    const xml = this.xml;
    const c0 = xml[from];
    switch (to - from) {
      case 1:
        if (c0 === 115 /* s */) return CellType.Shared;
        if (c0 === 110 /* n */) return CellType.Number;
        if (c0 === 98 /* b */) return CellType.Boolean;
        if (c0 === 101 /* e */) return CellType.Error;
        if (c0 === 100 /* d */) return CellType.Date;
        break;
      case 3:
        if (c0 === 115 && xml[from + 1] === 116 && xml[from + 2] === 114 /* str */) return CellType.Text;
        break;
      case 9:
        if (this.ascii(from, to) === "inlineStr") return CellType.Inline;
        break;
    }
    this.otherType = this.ascii(from, to);
    return CellType.Other;
  }

  /** The whole number written from `from` to `to` in 1 to 15 plain digits (so exactly as `Number()` reads it), or -1. */
  private digitsAt(from: number, to: number): number {
    if (to - from < 1 || to - from > 15) return -1;
    const xml = this.xml;
    let n = 0;
    for (let i = from; i < to; i++) {
      const digit = xml[i]! - 48;
      if (digit < 0 || digit > 9) return -1;
      n = n * 10 + digit;
    }
    return n;
  }

  /** `Number()` of an attribute's value, without making a string of it when it is a plain whole number. */
  private numberAt(from: number, to: number): number {
    const xml = this.xml;
    if (to - from > 0 && to - from < 10) {
      let n = 0;
      for (let i = from; i < to; i++) {
        const digit = xml[i]! - 48;
        if (digit < 0 || digit > 9) return Number(this.ascii(from, to));
        n = n * 10 + digit;
      }
      return n;
    }
    return Number(this.ascii(from, to));
  }

  /** `columnNumber()` of a cell reference, read where it stands. */
  private columnAt(from: number, to: number): number {
    const xml = this.xml;
    let n = 0;
    for (let i = from; i < to; i++) {
      const code = xml[i]! & ~32; // upper case
      if (code < 65 || code > 90) break;
      n = n * 26 + (code - 64);
    }
    return n;
  }

  /** Bytes known to be ASCII (a name, a used attribute's value, digits) as a string; any others decoded. */
  private ascii(from: number, to: number): string {
    if (to - from > 64) return this.string(from, to);
    const xml = this.xml;
    let out = "";
    for (let i = from; i < to; i++) {
      const code = xml[i]!;
      if (code >= 0x80) return this.string(from, to);
      out += String.fromCharCode(code);
    }
    return out;
  }

  private localName(from: number, to: number): string {
    const name = this.ascii(from, to);
    const colon = name.indexOf(":");
    return colon < 0 ? name : name.slice(colon + 1);
  }
}

/** Whether the bytes at `at` (0xEF) are U+FFFE or U+FFFF, which XML does not allow. */
function notACharacter(xml: Uint8Array, at: number): boolean {
  return xml[at + 1] === 0xbf && (xml[at + 2] === 0xbe || xml[at + 2] === 0xbf);
}
