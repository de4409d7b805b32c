/**
 * A fast reader for plain block YAML: what tender-eval's tools, the yaml library's own output and ordinary
 * hand editing produce. Block maps and lists; plain and quoted keys; plain, single- and double-quoted
 * scalars (over several lines too); literal and folded block scalars in their plain form (| |- > >-,
 * every line at one indentation); one-line flow collections; comments. On a framework's 270 kB bids file
 * the yaml library spends most of a second (its lexer, CST parser and composer are generic, and cold in a
 * fresh process); this reads the same file in a small fraction of that.
 *
 * It declines (returns undefined) anything else, and the caller then uses the yaml library, which reads
 * everything and locates every problem. Whatever it accepts it reads to exactly the value the yaml
 * library gives (YAML 1.2, core schema, unique keys) with no problem to report: the differential tests in
 * test/model/plain-yaml.test.ts hold it to that. So it also declines whatever the library would report
 * or change: characters the text-safety rule refuses or normalises, duplicate keys, and nesting anywhere
 * near the depth limit. Anchors, aliases, tags, directives, document markers, complex keys, tabs, escapes
 * beyond the common ones, and block scalars with indentation indicators, "keep" chomping or more-indented
 * lines are all left to the library.
 *
 * Bounded: one pass over the lines, nesting at most MAX_DEPTH deep, every search bounded by a line or
 * remembered (NextOccurrence), so hostile text costs no more here than reading it; anything odd is
 * declined at once.
 */
export function readPlainYaml(text: string): Record<string, unknown> | undefined {
  return read(text, undefined);
}

function read(text: string, places: Places | undefined): Record<string, unknown> | undefined {
  if (DECLINED_CHARACTERS.test(text) || DOCUMENT_MARKER.test(text)) return undefined;
  const reader = new PlainReader(text, places);
  if (reader.count === 0) return undefined;
  try {
    const value = reader.block(0);
    if (reader.i !== reader.count || !reader.isMap(value)) return undefined;
    return value;
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

/** Where each key and list item of a value read with places starts in the text. */
interface Places {
  keys: WeakMap<object, Map<string, number>>;
  items: WeakMap<object, number[]>;
}

/**
 * For a text readPlainYaml accepts, where a path lies: the offset the yaml library's node ranges give,
 * found as parse-document's locate finds it (down as far as the document goes, at the key of each entry,
 * at the start of each list item). Undefined when the text is not read here, or when the path passes
 * through an empty list item (whose place the library puts where this reader does not look): the caller
 * then asks the library.
 *
 * The text is read a second time, with places: only when a problem needs a line, so the common run with
 * no problem pays nothing for it.
 */
export function plainYamlLocator(text: string): ((path: readonly (string | number)[]) => number | undefined) | undefined {
  const places: Places = { keys: new WeakMap(), items: new WeakMap() };
  const root = read(text, places);
  if (root === undefined) return undefined;
  const rootOffset = new PlainReader(text).start[0]!;
  return (path) => {
    let node: unknown = root;
    let offset = rootOffset;
    for (const segment of path) {
      if (typeof node !== "object" || node === null) break;
      if (!Array.isArray(node)) {
        const at = places.keys.get(node)?.get(String(segment));
        if (at === undefined) break;
        offset = at;
        node = (node as Record<string, unknown>)[String(segment)];
      } else if (typeof segment === "number" && Number.isInteger(segment) && segment >= 0 && segment < node.length) {
        const at = places.items.get(node)![segment]!;
        if (Number.isNaN(at)) return undefined;
        offset = at;
        node = node[segment];
      } else {
        break;
      }
    }
    return offset;
  };
}

// Far below the library path's limit (64), so nothing it would refuse as too deep is accepted here.
const MAX_DEPTH = 32;

// Tabs (indentation and separation rules the subset does not follow), a carriage return not before a
// line feed, the other characters YAML or the text-safety rule treats as line breaks, and every character
// the text-safety rule refuses: with none of these present no string needs checking or normalising.
const DECLINED_CHARACTERS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|\r(?!\n)/;

// "---" or "..." at the start of a line begins or ends a document, whatever follows on the line.
const DOCUMENT_MARKER = /^(?:---|\.\.\.)/m;

/** Thrown to abandon the fast path; never escapes readPlainYaml. */
const DECLINE = Symbol("decline");
function decline(): never {
  throw DECLINE;
}

// The core schema's tags, as the yaml library (2.x) tests and resolves them, in its order.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value under the core schema. */
function resolvePlain(text: string): unknown {
  const first = text.charCodeAt(0);
  // Most scalars are words: only these first characters can begin a null, boolean or number.
  const mayBeOther = first === 0x7e || first === 0x2b || first === 0x2d || first === 0x2e || (first >= 0x30 && first <= 0x39) || first === 0x4e || first === 0x6e || first === 0x54 || first === 0x74 || first === 0x46 || first === 0x66;
  if (!mayBeOther) return text;
  // Whole numbers of up to 15 digits, most of the numbers in a tender, without the regular expressions.
  if (text.length <= 15 && first >= 0x30 && first <= 0x39 && (first !== 0x30 || text.length === 1) && isDigits(text)) return parseInt(text, 10);
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return first === 0x74 || first === 0x54;
  if (INT_OCT.test(text)) return parseInt(text.substring(2), 8);
  if (INT.test(text)) return parseInt(text, 10);
  if (INT_HEX.test(text)) return parseInt(text.substring(2), 16);
  if (FLOAT_NAN.test(text)) return text.slice(-3).toLowerCase() === "nan" ? NaN : first === 0x2d ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}

/**
 * Characters that may not begin a plain scalar here: YAML's indicators, and "-" unless a number follows
 * (YAML allows "-x" as text, but nothing a tender needs does).
 */
function mayStartPlain(text: string, at: number, end: number): boolean {
  const c = text.charCodeAt(at);
  switch (c) {
    case 0x2d: {
      // "-"
      const next = at + 1 < end ? text.charCodeAt(at + 1) : -1;
      return (next >= 0x30 && next <= 0x39) || next === 0x2e;
    }
    case 0x3f: // ?
    case 0x3a: // :
    case 0x2c: // ,
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
    case 0x23: // #
    case 0x26: // &
    case 0x2a: // *
    case 0x21: // !
    case 0x7c: // |
    case 0x3e: // >
    case 0x27: // '
    case 0x22: // "
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
    case 0x20: // space
      return false;
    default:
      return true;
  }
}

class PlainReader {
  /** Content lines only (blank and comment-only lines dropped): indentation, content start and end. */
  readonly indent: number[] = [];
  readonly start: number[] = [];
  readonly end: number[] = [];
  readonly count: number;
  private readonly length: number;
  /** The line being read. */
  i = 0;
  private readonly colonSpace: NextOccurrence;
  private readonly keys = new Map<string, string>();
  private readonly spaceHash: NextOccurrence;

  constructor(
    private readonly text: string,
    private readonly places?: Places,
  ) {
    this.colonSpace = new NextOccurrence(text, ": ");
    this.spaceHash = new NextOccurrence(text, " #");
    this.length = text.length;
    // Scanning is left to the regular-expression engine and indexOf wherever it can be: they run at full
    // speed from the start, where a loop over characters is interpreted until the JIT has warmed up,
    // which on a fresh process's one 270 kB file is most of the time.
    const contentLine = new RegExp(CONTENT_LINE.source, "gm");
    for (let match = contentLine.exec(text); match !== null; match = contentLine.exec(text)) {
      const indent = match[1]!.length;
      const start = match.index + indent;
      this.indent.push(indent);
      this.start.push(start);
      this.end.push(start + match[2]!.length);
    }
    this.count = this.indent.length;
  }

  isMap(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
  }

  /** The node whose first line is line i, at that line's indentation. */
  block(depth: number): unknown {
    if (depth > MAX_DEPTH) decline();
    return this.isSeqItem(this.i) ? this.seq(this.indent[this.i]!, depth) : this.map(this.indent[this.i]!, depth);
  }

  private isSeqItem(line: number): boolean {
    const s = this.start[line]!;
    return this.text.charCodeAt(s) === 0x2d && (s + 1 === this.end[line] || this.text.charCodeAt(s + 1) === 0x20);
  }

  private seq(column: number, depth: number): unknown[] {
    const items: unknown[] = [];
    const offsets: number[] | undefined = this.places === undefined ? undefined : [];
    if (offsets !== undefined) this.places!.items.set(items, offsets);
    const text = this.text;
    while (this.i < this.count) {
      const line = this.i;
      const indent = this.indent[line]!;
      if (indent < column || (indent === column && !this.isSeqItem(line))) break;
      if (indent > column) decline();
      const e = this.end[line]!;
      let p = this.start[line]! + 1;
      while (p < e && text.charCodeAt(p) === 0x20) p++;
      if (p === e || text.charCodeAt(p) === 0x23) {
        // "-" alone (or before a comment): the item is on the lines below, or null.
        this.i++;
        const below = this.i < this.count && this.indent[this.i]! > column;
        offsets?.push(below ? this.start[this.i]! : NaN);
        items.push(below ? this.block(depth + 1) : null);
        continue;
      }
      offsets?.push(p);
      const c = text.charCodeAt(p);
      const compactSeq = c === 0x2d && (p + 1 === e || text.charCodeAt(p + 1) === 0x20);
      if (compactSeq || this.mapKey(p, e) !== undefined) {
        // "- id: B1" or "- - x": a map or list that starts on this line, at the column of its first
        // character; its further lines are indented to that column.
        this.indent[line] = indent + (p - this.start[line]!);
        this.start[line] = p;
        items.push(this.block(depth + 1));
        continue;
      }
      if (c === 0x7c || c === 0x3e) items.push(this.blockScalar(p, e, column));
      else {
        items.push(this.inline(p, e, depth + 1, column));
      }
    }
    return items;
  }

  private map(column: number, depth: number): Record<string, unknown> {
    const entries: Record<string, unknown> = {};
    const keyOffsets = this.places === undefined ? undefined : new Map<string, number>();
    if (keyOffsets !== undefined) this.places!.keys.set(entries, keyOffsets);
    const text = this.text;
    while (this.i < this.count) {
      const line = this.i;
      const indent = this.indent[line]!;
      if (indent < column) break;
      if (indent > column || this.isSeqItem(line)) decline();
      const s = this.start[line]!;
      const e = this.end[line]!;
      const found = this.mapKey(s, e);
      if (found === undefined) decline();
      const [key, colon] = found;
      if (Object.hasOwn(entries, key)) decline(); // the library reports it, naming the key
      keyOffsets?.set(key, s);
      let p = colon + 1;
      while (p < e && text.charCodeAt(p) === 0x20) p++;
      let value: unknown;
      if (p === e || text.charCodeAt(p) === 0x23) {
        // "key:" (or before a comment): the value is on the lines below (more indented, or a list at the
        // key's own column), or null.
        this.i++;
        if (this.i < this.count && this.indent[this.i]! > column) value = this.block(depth + 1);
        else if (this.i < this.count && this.indent[this.i] === column && this.isSeqItem(this.i)) value = this.seq(column, depth + 1);
        else value = null;
      } else if (text.charCodeAt(p) === 0x7c || text.charCodeAt(p) === 0x3e) {
        value = this.blockScalar(p, e, column);
      } else {
        value = this.inline(p, e, depth + 1, column);
      }
      entries[key] = value;
    }
    return entries;
  }

  /**
   * The key that begins a map entry on this line, plain or quoted, and the offset of its ":"; undefined
   * when the line is not a map entry.
   */
  private mapKey(from: number, end: number): [string, number] | undefined {
    const text = this.text;
    const c = text.charCodeAt(from);
    if (c === 0x22 || c === 0x27) {
      const [key, after] = c === 0x22 ? this.doubleQuoted(from, end) : this.singleQuoted(from, end);
      if (after === -1 || after >= end || text.charCodeAt(after) !== 0x3a || (after + 1 < end && text.charCodeAt(after + 1) !== 0x20)) return undefined;
      return [this.checkedKey(key), after];
    }
    if (!mayStartPlain(text, from, end)) return undefined;
    const colon = this.keyColon(from, end);
    return colon === -1 ? undefined : [this.key(from, colon), colon];
  }

  /** A key, quoted or plain, that JavaScript objects and the library treat as any other. */
  private checkedKey(key: string): string {
    // YAML caps an implicit key at 1,024 characters; "__proto__" and "<<" are special to objects and merges.
    if (key.length > 1000 || key === "__proto__" || key === "<<") decline();
    return key;
  }

  /**
   * Where a plain key ends on this line: the first ":" followed by a space or the line's end; -1 when
   * there is none. (Quoted and flow keys are declined by `key`.)
   */
  private keyColon(from: number, end: number): number {
    const colon = this.colonSpace.after(from);
    if (colon < end) return colon;
    return this.text.charCodeAt(end - 1) === 0x3a ? end - 1 : -1;
  }

  /** A plain key's text; declined unless it is plainly a string. */
  private key(from: number, colon: number): string {
    const text = this.text;
    if (colon === from || !mayStartPlain(text, from, colon) || text.charCodeAt(from) === 0x2d) decline();
    const key = text.slice(from, colon);
    // The same few keys recur on every bid: each is checked once, and kept once.
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    // A space before the colon, a comment mark, a colon inside; a key that is not a string (null, true,
    // 12) or that JavaScript objects treat specially: all for the library.
    if (key.charCodeAt(key.length - 1) === 0x20 || key.includes("#") || key.includes(":")) decline();
    if (typeof resolvePlain(key) !== "string") decline();
    this.keys.set(key, this.checkedKey(key));
    return key;
  }

  /**
   * A value that starts on the key's or item's own line (line i), at `from`: a plain scalar (which may
   * go on over more-indented lines), a one-line quoted scalar or a one-line flow collection. Leaves line
   * i at the first line after it.
   */
  private inline(from: number, end: number, depth: number, column: number): unknown {
    const text = this.text;
    const c = text.charCodeAt(from);
    let value: unknown;
    let after: number;
    if (c === 0x22) [value, after] = this.doubleQuoted(from, end, column);
    else if (c === 0x27) [value, after] = this.singleQuoted(from, end, column);
    else if (c === 0x5b || c === 0x7b) [value, after] = this.flow(from, end, depth);
    else {
      if (!mayStartPlain(text, from, end)) decline();
      // A plain scalar runs to a comment (" #") or the line's end.
      const hash = this.spaceHash.after(from);
      let e = hash < end ? hash : end;
      while (text.charCodeAt(e - 1) === 0x20) e--;
      const plain = text.slice(from, e);
      // "a: b" on one line is a nested map (an error there), and a trailing ":" makes a key.
      if (plain.includes(": ") || plain.endsWith(":")) decline();
      this.i++;
      if (this.i === this.count || this.indent[this.i]! <= column) return resolvePlain(plain);
      // More-indented lines continue the scalar (as the yaml library writes a long value), unless a
      // comment ended it.
      if (e !== end) decline();
      return resolvePlain(this.continuedPlain(plain, column));
    }
    // A quoted value may have ended on a later line: continue after the line where it closed.
    while (this.i < this.count && this.start[this.i]! < after) this.i++;
    const closedLine = this.i - 1;
    const lineEnd = this.end[closedLine]!;
    // After a quoted or flow value only a comment may follow.
    let p = after;
    while (p < lineEnd && text.charCodeAt(p) === 0x20) p++;
    if (p < lineEnd && (p === after || text.charCodeAt(p) !== 0x23)) decline();
    return value;
  }

  /**
   * A literal (|, |-) or folded (>, >-) block scalar whose header is at `from` on line i and whose lines
   * follow, more indented than `column`. Only the plain form: every content line at one indentation
   * (more-indented lines fold differently), no leading blank line, no explicit indentation or "keep"
   * chomping (+), no comment after the header. Leaves line i at the first line after it.
   */
  private blockScalar(from: number, end: number, column: number): string {
    const text = this.text;
    const header = text.slice(from, end);
    if (header !== "|" && header !== "|-" && header !== ">" && header !== ">-") decline();
    const folded = header.charCodeAt(0) === 0x3e;
    const strip = header.length === 2;
    const lines: string[] = [];
    let contentIndent = -1;
    let pos = text.indexOf("\n", end);
    if (pos === -1) decline();
    pos++;
    while (pos < this.length) {
      let lineEnd = text.indexOf("\n", pos);
      if (lineEnd === -1) lineEnd = this.length;
      const e = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd;
      let p = pos;
      while (p < e && text.charCodeAt(p) === 0x20) p++;
      const indent = p - pos;
      if (p === e) {
        // A blank line: inside the scalar, an empty line; spaces beyond the indentation would be content.
        if (contentIndent === -1 || indent > contentIndent) decline();
        lines.push("");
      } else {
        if (contentIndent === -1) {
          if (indent <= column) decline(); // an empty scalar
          contentIndent = indent;
        }
        if (indent < contentIndent) break;
        if (indent > contentIndent) decline();
        lines.push(text.slice(p, e));
      }
      pos = lineEnd + 1;
    }
    if (contentIndent === -1) decline();
    // Trailing blank lines are chomped by both forms allowed here.
    while (lines[lines.length - 1] === "") lines.pop();
    let value: string;
    if (!folded) value = lines.join("\n");
    else {
      // Folding: a line break between two lines becomes a space; each blank line stands for one "\n".
      value = "";
      for (let k = 0; k < lines.length; k++) {
        const line = lines[k]!;
        if (line === "") value += "\n";
        else value += k > 0 && lines[k - 1] !== "" ? ` ${line}` : line;
      }
    }
    // Continue at the first content line not read here (blank and comment lines were never listed).
    while (this.i < this.count && this.start[this.i]! < pos) this.i++;
    return strip ? value : `${value}\n`;
  }

  /**
   * A plain scalar's further lines (line i on, each indented beyond `column`), folded as YAML folds them:
   * each line trimmed, one line break a space, each blank line between a "\n".
   */
  private continuedPlain(first: string, column: number): string {
    const text = this.text;
    let value = first;
    while (this.i < this.count && this.indent[this.i]! > column) {
      const s = this.start[this.i]!;
      const e = this.end[this.i]!;
      // What lies between this line and the one before: line breaks and spaces only (a comment line
      // would end the scalar), each line break after the first a blank line.
      let breaks = 0;
      for (let p = this.end[this.i - 1]!; p < s; p++) {
        const c = text.charCodeAt(p);
        if (c === 0x0a) breaks++;
        else if (c !== 0x20 && c !== 0x0d) decline();
      }
      if (!mayStartPlain(text, s, e)) decline();
      const line = text.slice(s, e);
      if (line.includes(": ") || line.endsWith(":") || line.includes(" #")) decline();
      value += breaks > 1 ? "\n".repeat(breaks - 1) + line : ` ${line}`;
      this.i++;
    }
    return value;
  }

  /**
   * A line break inside a quoted scalar (at `at`), folded as YAML folds it: the next line's indentation
   * dropped, one line break a space, each blank line after it a "\n". The next line must be indented
   * beyond `column`. Returns the text it stands for and the offset where the scalar's text resumes.
   */
  private fold(at: number, column: number): [string, number] {
    const text = this.text;
    let p = at;
    let blank = -1;
    for (;;) {
      // p is at a line break: \n, or \r\n (a lone \r was declined up front).
      p += text.charCodeAt(p) === 0x0d ? 2 : 1;
      blank++;
      const lineStart = p;
      while (p < this.length && text.charCodeAt(p) === 0x20) p++;
      if (p >= this.length) decline();
      const c = text.charCodeAt(p);
      if (c === 0x0a || c === 0x0d) continue;
      if (p - lineStart <= column) decline();
      return [blank === 0 ? " " : "\n".repeat(blank), p];
    }
  }

  /** "…" on one line, with the common escapes; returns the value and the offset after the closing quote. */
  private doubleQuoted(from: number, end: number, column = -1): [string, number] {
    const text = this.text;
    let value = "";
    let run = from + 1;
    const limit = column < 0 ? end : this.length;
    const special = DOUBLE_QUOTED_SPECIAL;
    for (let p = from + 1; p < limit; p++) {
      special.lastIndex = p;
      if (special.exec(text) === null) break;
      p = special.lastIndex - 1;
      if (p >= limit) break;
      const c = text.charCodeAt(p);
      if (c === 0x22) return [value + text.slice(run, p), p + 1];
      if (c === 0x0a || c === 0x0d) {
        value += trimEnd(text.slice(run, p));
        const [fold, next] = this.fold(p, column);
        value += fold;
        run = next;
        p = next - 1;
        continue;
      }
      if (c !== 0x5c) continue;
      value += text.slice(run, p);
      const escaped = p + 1 < limit ? text.charCodeAt(p + 1) : -1;
      if (escaped === 0x5c || escaped === 0x22 || escaped === 0x2f) value += String.fromCharCode(escaped);
      else if (escaped === 0x6e) value += "\n";
      else if (escaped === 0x74) value += "\t";
      else decline();
      p++;
      run = p + 1;
    }
    // Not closed: on one line, not a quoted scalar at all (the caller decides); otherwise never closed.
    return column < 0 ? ["", -1] : decline();
  }

  /** '…' on one line ('' is a quote). */
  private singleQuoted(from: number, end: number, column = -1): [string, number] {
    const text = this.text;
    let value = "";
    let run = from + 1;
    const limit = column < 0 ? end : this.length;
    const special = SINGLE_QUOTED_SPECIAL;
    for (let p = from + 1; p < limit; p++) {
      special.lastIndex = p;
      if (special.exec(text) === null) break;
      p = special.lastIndex - 1;
      if (p >= limit) break;
      const c = text.charCodeAt(p);
      if (c === 0x0a || c === 0x0d) {
        value += trimEnd(text.slice(run, p));
        const [fold, next] = this.fold(p, column);
        value += fold;
        run = next;
        p = next - 1;
        continue;
      }
      if (c !== 0x27) continue;
      value += text.slice(run, p);
      if (p + 1 < limit && text.charCodeAt(p + 1) === 0x27) {
        value += "'";
        p++;
        run = p + 1;
        continue;
      }
      return [value, p + 1];
    }
    return column < 0 ? ["", -1] : decline();
  }

  /** [a, b] or { k: v, … } on one line, nested flows allowed. */
  private flow(from: number, end: number, depth: number): [unknown, number] {
    if (depth > MAX_DEPTH) decline();
    const text = this.text;
    const isSeq = text.charCodeAt(from) === 0x5b;
    const close = isSeq ? 0x5d : 0x7d;
    const items: unknown[] = [];
    const entries: Record<string, unknown> = {};
    const offsets: number[] | undefined = this.places === undefined ? undefined : [];
    const keyOffsets = this.places === undefined ? undefined : new Map<string, number>();
    if (this.places !== undefined) {
      this.places.items.set(items, offsets!);
      this.places.keys.set(entries, keyOffsets!);
    }
    let p = this.skipSpaces(from + 1, end);
    if (p < end && text.charCodeAt(p) === close) return [isSeq ? items : entries, p + 1];
    for (;;) {
      if (isSeq) {
        offsets?.push(p);
        const [item, next] = this.flowItem(p, end, depth + 1);
        items.push(item);
        p = next;
      } else {
        // key: value, the key plain or quoted.
        let key: string;
        let colon: number;
        const q = text.charCodeAt(p);
        if (q === 0x22 || q === 0x27) {
          const [quoted, after] = q === 0x22 ? this.doubleQuoted(p, end) : this.singleQuoted(p, end);
          if (after === -1) decline();
          key = this.checkedKey(quoted);
          colon = after;
        } else {
          colon = p;
          while (colon < end && !FLOW_KEY_END.has(text.charCodeAt(colon))) colon++;
          if (colon >= end) decline();
          key = this.key(p, colon);
        }
        if (colon + 1 >= end || text.charCodeAt(colon) !== 0x3a || text.charCodeAt(colon + 1) !== 0x20) decline();
        if (Object.hasOwn(entries, key)) decline();
        keyOffsets?.set(key, p);
        const [value, next] = this.flowItem(this.skipSpaces(colon + 1, end), end, depth + 1);
        entries[key] = value;
        p = next;
      }
      p = this.skipSpaces(p, end);
      if (p >= end) decline();
      const c = text.charCodeAt(p);
      if (c === close) return [isSeq ? items : entries, p + 1];
      if (c !== 0x2c) decline();
      p = this.skipSpaces(p + 1, end);
      // A trailing comma, or an empty entry: for the library.
      if (p >= end || text.charCodeAt(p) === close || text.charCodeAt(p) === 0x2c) decline();
    }
  }

  /** One value inside a flow collection; returns it and the offset after it. */
  private flowItem(from: number, end: number, depth: number): [unknown, number] {
    const text = this.text;
    if (from >= end) decline();
    const c = text.charCodeAt(from);
    if (c === 0x22 || c === 0x27) {
      const quoted = c === 0x22 ? this.doubleQuoted(from, end) : this.singleQuoted(from, end);
      if (quoted[1] === -1) decline();
      return quoted;
    }
    if (c === 0x5b || c === 0x7b) return this.flow(from, end, depth);
    if (!mayStartPlain(text, from, end)) decline();
    let e = from;
    while (e < end && !FLOW_PLAIN_END.has(text.charCodeAt(e))) e++;
    if (e < end && FLOW_PLAIN_DECLINED.has(text.charCodeAt(e))) decline();
    const next = e;
    while (text.charCodeAt(e - 1) === 0x20) e--;
    return [resolvePlain(text.slice(from, e)), next];
  }

  private skipSpaces(from: number, end: number): number {
    let p = from;
    while (p < end && this.text.charCodeAt(p) === 0x20) p++;
    return p;
  }
}

/** A content line: indentation, then text that does not start a comment, without trailing spaces. */
const CONTENT_LINE = /^( *)([^ #\r\n](?:[^\r\n]*[^ \r\n])?) *\r?$/;
// What ends a run of ordinary characters in a quoted scalar.
const DOUBLE_QUOTED_SPECIAL = /["\\\n\r]/g;
const SINGLE_QUOTED_SPECIAL = /['\n\r]/g;

/**
 * Where a string next occurs at or after an offset, remembered, so that searches made while reading
 * forward through the text cost one pass over it in all (each on its own would scan to the text's end
 * whenever the string does not occur again).
 */
class NextOccurrence {
  private searchedFrom = Infinity;
  private found = -1;
  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  /** The offset of the first occurrence at or after `from`; the text's length when there is none. */
  after(from: number): number {
    if (from < this.searchedFrom || this.found < from) {
      const found = this.text.indexOf(this.needle, from);
      this.found = found === -1 ? this.text.length : found;
      this.searchedFrom = from;
    }
    return this.found;
  }
}

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function trimEnd(text: string): string {
  let e = text.length;
  while (e > 0 && text.charCodeAt(e - 1) === 0x20) e--;
  return e === text.length ? text : text.slice(0, e);
}

// Inside a flow collection a plain scalar ends at , ] or }; ":", "#", "[" and "{" inside one are declined
// (a pair, a comment, a nested flow: the library's business).
const FLOW_PLAIN_END = new Set([0x2c, 0x5d, 0x7d, 0x3a, 0x23, 0x5b, 0x7b]);
const FLOW_PLAIN_DECLINED = new Set([0x3a, 0x23, 0x5b, 0x7b]);
const FLOW_KEY_END = new Set([0x3a, 0x2c, 0x5d, 0x7d, 0x23, 0x5b, 0x7b, 0x22, 0x27]);
