/// <reference path="./docxtemplater-internals.d.ts" />
import filetypes from "docxtemplater/js/filetypes.js";
import utf8Of from "docxtemplater/js/postrender.js";
import { canJoinUncorrupt, joinUncorrupt, type ShouldContain } from "./join-uncorrupt.js";

/**
 * Renders one of docxtemplater's compiled files (an XmlTemplater) without docxtemplater's generic render
 * loop, which asks every module about every part, copies its options for each loop item and builds a scope
 * manager per item: for an assessment summary that was half of each letter's time (issue 15). What it makes
 * is what docxtemplater 3.71's own render makes, part for part: the same parts in the same order (text,
 * tags, values escaped as utf8ToWord escapes them, line breaks as the Render module writes them with the
 * run's recorded properties, loops as the Loop module expands them, each loop's parts through joinUncorrupt
 * (join-uncorrupt.ts, docxtemplater's step for step)), then its postrender (each module's, joinUncorrupt),
 * as a string. Anything outside what our templates use (raw XML,
 * section breaks or page breaks carried by a loop, PowerPoint's table rows, a value that is a function, a
 * value with characters Word refuses, an expression that throws) is left to docxtemplater, which renders it
 * (or reports it) as it always has: `renderDirect` returns false before it has changed anything.
 * Pinned to docxtemplater 3.71's internals; test/documents/direct-render.test.ts compares both renders.
 */

/** A part of a compiled file, as docxtemplater 3.71 holds it. */
interface Part {
  type: string;
  value: string;
  tag?: string;
  position?: string;
  module?: string;
  lIndex: number;
  inverted?: boolean;
  subparsed?: Part[];
  sectPrCount?: number;
  lastParagrapSectPr?: string;
  hasPageBreak?: boolean;
  hasPageBreakBeginning?: boolean;
  addContinuousType?: unknown;
  addNextPage?: unknown;
}

interface Parser {
  get(scope: unknown, context?: unknown): unknown;
}

/** The options docxtemplater 3.71's XmlTemplater gives its render (getOptions). */
interface RenderOptions {
  compiled: Part[];
  modules: { postrender(parts: unknown[], options: unknown): unknown[] }[];
  cachedParsers: Record<number, Parser | undefined>;
  parser: (tag: string, meta: { tag: Part; scopePath: string[] }) => Parser;
  baseNullGetter: (part: Part, scopeManager: unknown) => unknown;
  contentType: string;
  fileType: string;
  linebreaks: boolean;
  stripInvalidXMLChars: boolean;
  fileTypeConfig: { tagShouldContain?: ShouldContain[] };
  scopeManager?: unknown;
}

/** docxtemplater 3.71's compiled file, the fields this reads and writes. */
export interface XmlTemplaterFile {
  filePath: string;
  scopeManager: { scopeList: unknown[] };
  content?: Uint8Array;
  getOptions(): RenderOptions;
  setModules(options: unknown): void;
  render(to: string): unknown;
}

/** Why the direct render hands a file back to docxtemplater. */
class Unsupported extends Error {}

// The parts whose values docxtemplater's Render module never breaks into lines (#docprops-linebreak).
const NO_LINE_BREAKS = new Set([
  "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
  "application/vnd.openxmlformats-package.core-properties+xml",
  "application/vnd.openxmlformats-officedocument.extended-properties+xml",
  "application/vnd.openxmlformats-officedocument.custom-properties+xml",
]);
// Characters docxtemplater refuses in a value of a Word document (doc-utils corruptCharacters).
const CORRUPT = /[\x00-\x08\x0B\x0C\x0E-\x1F]/;
// Tags whose handling in docxtemplater's Loop module depends on more than the parts (PowerPoint's tables
// and frames; Word's row ids).
const UNSUPPORTED_TAGS = new Set(["p:xfrm", "a:ext", "a:tr", "a16:rowId"]);

/** docxtemplater's utf8ToWord for a string: the five XML characters escaped, in its order. */
function escapeXml(value: string): string {
  if (!/[&<>"']/.test(value)) return value;
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/**
 * docxtemplater's postrender: each module's postrender, joinUncorrupt, then the UTF-8 bytes. The parts are
 * concatenated as UTF-8 held one byte to a character (a part that is not ASCII is encoded first), because
 * V8 joins one-byte strings quickly but took sixteen times as long for a letter once a single part (an en
 * dash in its title) made the whole a two-byte string (issue 15). `edit` may change that text first (it is
 * the document's XML with its non-ASCII characters as their UTF-8 bytes, so an edit that matches only ASCII
 * markup works on it as on the text). A part with a surrogate is left to docxtemplater's own encoder, which
 * writes a lone surrogate as it always has.
 */
function postrendered(parts: string[], options: RenderOptions, contains: ShouldContain[], docx: boolean, edit: ((utf8: string) => string) | undefined): Uint8Array {
  for (const module of options.modules) parts = module.postrender(parts, options) as string[];
  const joined = joinUncorrupt(parts, contains, docx);
  let utf8 = "";
  for (const part of joined) {
    if (!NOT_ASCII.test(part)) utf8 += part;
    else if (SURROGATE.test(part)) return utf8Of(joined, { modules: [], joinUncorrupt: (p: unknown[]) => p });
    else for (const byte of encoder.encode(part)) utf8 += String.fromCharCode(byte);
  }
  if (edit !== undefined) utf8 = edit(utf8);
  const bytes = new Uint8Array(utf8.length);
  for (let i = 0; i < utf8.length; i++) bytes[i] = utf8.charCodeAt(i);
  return bytes;
}

const encoder = new TextEncoder();
const NOT_ASCII = /[^\x00-\x7f]/;
const SURROGATE = /[\uD800-\uDFFF]/;

/** Every loop and tag of a compiled file is one this render makes as docxtemplater does. */
function supported(parts: readonly Part[]): boolean {
  for (const part of parts) {
    if (part.tag !== undefined && UNSUPPORTED_TAGS.has(part.tag)) return false;
    if (part.type === "placeholder") {
      if (part.module === undefined) continue;
      if (part.module !== "loop" || part.subparsed === undefined) return false;
      if (part.sectPrCount || part.lastParagrapSectPr || part.hasPageBreak || part.hasPageBreakBeginning || part.addContinuousType || part.addNextPage) return false;
      if (!supported(part.subparsed)) return false;
    } else if (part.type !== "tag" && part.type !== "content") return false;
  }
  return true;
}

const checked = new WeakMap<Part[], boolean>();

/**
 * Render `file` to `to` as docxtemplater's XmlTemplater.render does (its content is then the same bytes), or
 * return false, having changed nothing, for docxtemplater to render it.
 */
export function renderDirect(
  file: XmlTemplaterFile,
  to: string,
  onNull: { mark(): number; reset(to: number): void },
  edit?: (to: string) => ((utf8: string) => string) | undefined,
): boolean {
  const previousPath = file.filePath;
  file.filePath = to;
  const options = file.getOptions();
  let ok = checked.get(options.compiled);
  if (ok === undefined) {
    ok = options.fileType === "docx" && canJoinUncorrupt(options.fileTypeConfig.tagShouldContain ?? []) && supported(options.compiled);
    checked.set(options.compiled, ok);
  }
  if (!ok) {
    file.filePath = previousPath;
    return false;
  }
  const mark = onNull.mark();
  const contains = options.fileTypeConfig.tagShouldContain ?? [];
  const docx = filetypes.docx.includes(options.contentType);
  const linebreaks = options.linebreaks && !NO_LINE_BREAKS.has(options.contentType);
  const rootScopeManager = file.scopeManager;
  // The Render module's record of the current run's properties, repeated after a line break.
  let recordRun = false;
  let recordedRun: string | undefined;

  const parserOf = (part: Part, scopePath: string[]): Parser => {
    let parser = options.cachedParsers[part.lIndex];
    if (parser === undefined) parser = options.cachedParsers[part.lIndex] = options.parser(part.value, { tag: part, scopePath });
    return parser;
  };
  // ScopeManager.getValue: the innermost scope first, then outwards while the value is null or undefined.
  const valueOf = (part: Part, scopes: unknown[], scopePath: string[]): unknown => {
    const parser = parserOf(part, scopePath);
    let result: unknown;
    for (let num = scopes.length - 1; num >= 0; num--) {
      try {
        result = parser.get(scopes[num]);
      } catch {
        throw new Unsupported();
      }
      if (result !== null && result !== undefined) break;
    }
    if (typeof result === "function") throw new Unsupported();
    return result;
  };

  const render = (parts: readonly Part[], scopes: unknown[], scopePath: string[], out: string[]): void => {
    for (const part of parts) {
      if (part.module === "loop") {
        let value = valueOf(part, scopes, scopePath);
        value ??= options.baseNullGetter(part, rootScopeManager);
        const items: unknown[] = [];
        const kind = Object.prototype.toString.call(value);
        const inverted = part.inverted === true;
        if (value === null || value === undefined || !value || (kind === "[object Array]" && (value as unknown[]).length === 0)) {
          if (inverted) items.push(scopes[scopes.length - 1]);
          else continue; // nothing shown, and no page break (checked): no part at all
        } else if (!inverted) {
          if (kind === "[object Array]") items.push(...(value as unknown[]));
          else if (kind === "[object Object]") items.push(value);
          else items.push(scopes[scopes.length - 1]);
        }
        const inner: string[] = [];
        const path = [...scopePath, part.value];
        for (const item of items) render(part.subparsed!, [...scopes, item], path, inner);
        for (const p of joinUncorrupt(inner, contains, docx)) out.push(p);
        continue;
      }
      if (linebreaks) {
        if (part.tag === "w:r") recordedRun = "";
        else if (part.tag === "w:rPr") {
          if (part.position === "start") {
            recordRun = true;
            recordedRun = (recordedRun ?? "") + part.value;
          }
          if (part.position === "end" || part.position === "selfclosing") {
            recordedRun = (recordedRun ?? "") + part.value;
            recordRun = false;
          }
        } else if (recordRun) recordedRun = (recordedRun ?? "") + part.value;
      }
      if (part.type !== "placeholder") {
        if (part.value) out.push(part.value);
        continue;
      }
      let value = valueOf(part, scopes, scopePath);
      value ??= options.baseNullGetter(part, rootScopeManager);
      if (typeof value === "string") {
        if (options.stripInvalidXMLChars || CORRUPT.test(value)) throw new Unsupported();
        if (!linebreaks) {
          if (value) out.push(escapeXml(value));
          continue;
        }
        const lines = value.split("\n");
        if (lines.length > 1 && recordedRun === undefined) throw new Unsupported();
        for (let i = 0; i < lines.length; i++) {
          out.push(escapeXml(lines[i]!));
          if (i < lines.length - 1) out.push(`</w:t></w:r><w:r><w:br/></w:r><w:r>${recordedRun}<w:t xml:space="preserve">`);
        }
        continue;
      }
      if (typeof value === "number" || typeof value === "boolean") {
        const text = escapeXml(String(value));
        if (text) out.push(text);
        continue;
      }
      throw new Unsupported();
    }
  };

  const parts: string[] = [];
  try {
    render(options.compiled, [...rootScopeManager.scopeList], [], parts);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    onNull.reset(mark);
    file.filePath = previousPath;
    return false;
  }
  file.content = postrendered(parts, options, contains, docx, edit?.(to));
  file.setModules({ inspect: { filePath: to, content: file.content } });
  return true;
}
