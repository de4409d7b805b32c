import { CST, Composer, Lexer, LineCounter, Parser, YAMLParseError, isAlias, isMap, isNode, isPair, isScalar, isSeq, visit, type Document, type Node, type Scalar } from "yaml";
import type { z } from "zod";
import { problem, type DocumentRole, type Location, type Outcome, type PathSegment, type Problem } from "../problems/problem.js";
import { checkText, terminalSafe } from "./text-safety.js";
import { jsonSchemaOf } from "./field-reference.js";
import { zodIssueToProblem } from "./zod-issues.js";
import { plainYamlLocator, readPlainYaml } from "./plain-yaml.js";

/**
 * A parsed input file that can still say where a path lies, for located messages: the line in a YAML
 * file, or the sheet and cell in a spreadsheet.
 */
export interface SourceDocument {
  role: DocumentRole;
  file: string;
  locate(path: readonly PathSegment[]): { line: number; column: number } | { sheet: string; cell: string } | undefined;
}

/**
 * Limits on what an input file may be, each far above any real tender and far below what would stall
 * or crash the process. Every limit is checked without first doing the work it protects against.
 */
export const INPUT_LIMITS = {
  /**
   * Bytes of YAML/JSON. The largest input is a bids file: the example (6 bids, 3 evaluators, 8 criteria,
   * ~150-character justifications) is 24.6 kB, 4.8 kB a bid, so a 2,000-bid framework written the same
   * way is 9.6 MB (measured: it parses and validates), and ~25 MB if justifications run to ~500
   * characters. 32 MB leaves room for that; beyond it the YAML library's time and memory (roughly 50
   * bytes of heap per byte of text) stop being reasonable, and a file that large is more likely the wrong
   * file. The other inputs (specification, model, policy, findings, profiles) are a few kB: 5 MB.
   */
  bytes: { bids: 32 * 1024 * 1024, other: 5 * 1024 * 1024 },
  /** Levels of nesting. Real inputs need fewer than 10 (bids → bid → scores → criterion → evaluator). */
  depth: 64,
  /** Alias nodes (*name) in one file. The yaml library resolves each alias by a scan, so many cost n². Real files use a handful. */
  aliases: 1_000,
  /** Values made by expanding aliases: a "billion laughs" file makes 10⁹ from a few lines. */
  aliasExpansion: 100_000,
  /** Refused characters reported per file: the first few locate the paste; thousands would bury them. */
  unsafeCharacters: 20,
} as const;

/**
 * Parse YAML or JSON text (JSON is read by the YAML parser, so JSON errors get lines too) and
 * validate it against a schema, returning every problem at once with its path and line.
 *
 * Hostile or broken input (an alias bomb, deep nesting, a binary file, a huge file, pasted control
 * characters) ends in located problems, never an exception: each refusal is decided before the work it
 * would cost, so it is fast and bounded in memory.
 */
export function parseInputDocument<S extends z.ZodType, P = z.infer<S>>(
  schema: S,
  text: string,
  role: DocumentRole,
  file: string,
  options: { salvage?: (raw: unknown) => Salvaged<P> | undefined } = {},
): ParseOutcome<z.infer<S>, P> {
  const at = (offset: number): Location => ({ document: role, file, ...lineAndColumn(text, offset) });

  const refused = refuseBeforeParsing(text, role, at);
  if (refused !== undefined) return { ok: false, problems: [refused] };

  const read = readPlainYaml(text);
  let raw: unknown;
  let source: SourceDocument;
  if (read !== undefined) {
    // Plain block YAML, read to the same value the library gives; the library is needed again only if a
    // problem needs a line (see lazySourceDocument).
    raw = read;
    source = lazySourceDocument(role, file, text, at);
  } else {
    const parsed = parseWithLibrary(text, role, file, at);
    if (!parsed.ok) return { ok: false, problems: parsed.problems };
    ({ raw, source } = parsed);
  }
  if (raw === null || raw === undefined) {
    return { ok: false, problems: [problem("input.empty", { document: role, file }, {})] };
  }

  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = withoutMissingNearMisses(parsed.error.issues.flatMap((issue) => zodIssueToProblem(issue, raw, jsonSchemaOf(schema)))).map((p) => locateIn(p, source));
    const salvaged = options.salvage?.(raw);
    return salvaged === undefined ? { ok: false, problems } : { ok: false, problems, partial: { ...salvaged, source } };
  }
  return { ok: true, value: { data: parsed.data as z.infer<S>, source }, problems: [] };
}


/** The yaml library's reading of any YAML or JSON, with every check: the path for whatever readPlainYaml declines. */
function parseWithLibrary(text: string, role: DocumentRole, file: string, at: (offset: number) => Location): { ok: true; raw: unknown; source: SourceDocument } | { ok: false; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const parsedYaml = parseChecked(text, lineCounter, at);
  if (!parsedYaml.ok) return { ok: false, problems: [parsedYaml.problem] };
  const doc = parsedYaml.doc;
  const source = sourceDocument(role, file, doc, lineCounter);

  if (doc.errors.length > 0) {
    const keys = doc.errors.some((e) => e.code === "DUPLICATE_KEY") ? keysByOffset(doc) : new Map<number, string>();
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const pos = lineCounter.linePos(error.pos[0]);
        const location = { document: role, file, line: pos.line, column: pos.col };
        // "Map keys must be unique" does not say which key, nor that one value would be silently lost.
        const key = error.code === "DUPLICATE_KEY" ? keys.get(error.pos[0]) : undefined;
        if (key !== undefined) return problem("input.duplicate-key", location, { key: terminalSafe(key, 60) });
        return problem("input.unreadable", location, { detail: terminalSafe(error.message.split("\n")[0] ?? error.message) });
      }),
    };
  }

  // From here on the line counter knows every line: a binary search, not a scan of the text per problem.
  const atParsed = (offset: number): Location => {
    const pos = lineCounter.linePos(offset);
    return { document: role, file, line: pos.line, column: pos.col };
  };
  const checked = checkValues(doc, text, atParsed);
  if (checked.length > 0) return { ok: false, problems: checked };

  let raw: unknown;
  try {
    // Aliases are already bounded by checkValues (count and expansion), which unlike the library's own
    // maxAliasCount can say which anchor is to blame; -1 stops the library second-guessing that.
    raw = doc.toJS({ maxAliasCount: -1 });
  } catch (error) {
    // Not expected after the checks above; still a located problem rather than a stack trace.
    return { ok: false, problems: [problem("input.unreadable", { document: role, file }, { detail: terminalSafe(String((error as Error).message)) })] };
  }
  return { ok: true, raw, source };
}

/**
 * A parse's outcome; when the file read as YAML but broke the schema in places, `partial` may hold the
 * parts that passed, so the rules can check them in the same round instead of after the schema is mended.
 */
export type ParseOutcome<T, P = T> = Outcome<{ data: T; source: SourceDocument }> & { partial?: Salvaged<P> & { source: SourceDocument } };

/** The parts of a document that passed the schema, and where a path into them lies in the whole file. */
export interface Salvaged<T> {
  data: T;
  pathInFile(path: readonly PathSegment[]): readonly PathSegment[];
}

/** Line and column (1-based, as LineCounter gives them) of an offset, for refusals made before parsing. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Size and binary content, checked before the text is parsed at all. */
function refuseBeforeParsing(text: string, role: DocumentRole, at: (offset: number) => Location): Problem | undefined {
  const limit = role === "bids" ? INPUT_LIMITS.bytes.bids : INPUT_LIMITS.bytes.other;
  // Each UTF-16 unit is at most 3 UTF-8 bytes, so ordinary files need no counting at all.
  if (text.length * 3 > limit) {
    const { bytes, passesLimitAt } = utf8Size(text, limit);
    if (passesLimitAt !== undefined) {
      // Just over the limit rounds to the limit itself; "5 MB, more than 5 MB" would read as a bug.
      const size = megabytes(bytes) === megabytes(limit) ? `${bytes.toLocaleString("en-GB")} bytes` : megabytes(bytes);
      return problem("input.too-large", at(passesLimitAt), { size, limit: megabytes(limit) });
    }
  }

  // A NUL never occurs in text anyone typed; it is the mark of a binary file (a zip, PDF or Word file
  // saved with a .yaml name), whose other bytes would only produce pages of baffling parse errors.
  const nul = text.indexOf("\u0000");
  if (nul !== -1) return problem("input.binary", at(nul), {});
  return undefined;
}

/**
 * UTF-8 size of a string, and the offset where it passes `limit` bytes, counted without encoding a copy.
 * Only characters outside ASCII are visited (by a regular expression, far faster than a loop over every
 * character), so even a very large file is measured in well under a second.
 */
function utf8Size(text: string, limit: number): { bytes: number; passesLimitAt: number | undefined } {
  const nonAscii = /[^\u0000-\u007f]/g;
  // Bytes beyond one per UTF-16 unit: 1 for U+0080–U+07FF, 2 for the rest of the BMP, and 1 for each
  // half of a surrogate pair (two units, four bytes).
  let extra = 0;
  let passesLimitAt: number | undefined;
  for (let match = nonAscii.exec(text); match !== null; match = nonAscii.exec(text)) {
    const i = match.index;
    // Passed within the run of ASCII before this character?
    if (passesLimitAt === undefined && i + extra > limit) passesLimitAt = limit - extra;
    const code = text.charCodeAt(i);
    extra += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
    if (passesLimitAt === undefined && i + 1 + extra > limit) passesLimitAt = i;
  }
  const bytes = text.length + extra;
  if (passesLimitAt === undefined && bytes > limit) passesLimitAt = limit - extra;
  return { bytes, passesLimitAt };
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}

/**
 * parseDocument, done in its parts so that nesting and aliases are bounded while the text is read.
 *
 * The library composes nodes recursively: a few hundred kB of "[[[[" or "- - - -" overflows the stack
 * or exhausts memory (fatally, uncatchably) before any error comes back. Its lexer and CST parser are
 * iterative, so each token is checked as it is read and reading stops at the first one nested too deep,
 * before anything is composed. Aliases are counted here too: the library resolves each one by scanning
 * every anchor and alias before it, so many aliases cost time by the square of their number.
 * This is what parseDocument (yaml 2.x) does, with the checks added: Parser → Composer, one document.
 */
function parseChecked(text: string, lineCounter: LineCounter, at: (offset: number) => Location): { ok: true; doc: Document } | { ok: false; problem: Problem } {
  let refused: Problem | undefined;
  const parser = new Parser(lineCounter.addNewLine);
  function* tokens(): Generator<CST.Token> {
    lineCounter.addNewLine(0); // as Parser.parse does
    let aliases = 0;
    let scalarFollows = false;
    for (const lexeme of new Lexer().lex(text)) {
      const offset = parser.offset;
      // The lexer marks each scalar with a token before its text; that text is never an alias, even if it starts with "*".
      if (scalarFollows) scalarFollows = false;
      else {
        const type = CST.tokenType(lexeme);
        if (type === "scalar") scalarFollows = true;
        else if (type === "alias" && ++aliases > INPUT_LIMITS.aliases) {
          refused = problem("input.too-many-aliases", at(offset), { anchor: terminalSafe(lexeme.slice(1), 60) });
          return;
        }
      }
      yield* parser.next(lexeme);
      // The stack holds the document and every open collection; the document itself is not a level.
      if (parser.stack.length - 1 > INPUT_LIMITS.depth) {
        refused = problem("input.too-deep", at(offset), { limit: INPUT_LIMITS.depth });
        return;
      }
    }
    yield* parser.end();
  }
  let doc: Document | undefined;
  for (const composed of new Composer({ uniqueKeys: true }).compose(tokens(), true, text.length)) {
    if (refused !== undefined) break;
    if (doc === undefined) doc = composed;
    else {
      doc.errors.push(new YAMLParseError([composed.range[0], composed.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
      break;
    }
  }
  if (refused !== undefined) return { ok: false, problem: refused };
  // compose(…, forceDoc = true) always yields a document, even for empty text.
  return doc === undefined ? { ok: false, problem: problem("input.empty", at(0), {}) } : { ok: true, doc };
}

/** Each map key's text by the offset where it starts, to name the key in a duplicate-key problem. */
function keysByOffset(doc: Document): Map<number, string> {
  const keys = new Map<number, string>();
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.range) keys.set(pair.key.range[0], String(pair.key.value));
    },
  });
  return keys;
}

/**
 * Walk the parsed document once, in document order: bound what aliases would expand to, bound nesting
 * (aliases can nest what the text does not), refuse unsafe characters in keys and string values, and
 * normalise their line breaks, all before the library turns the document into plain values.
 */
function checkValues(doc: Document, text: string, at: (offset: number) => Location): Problem[] {
  const problems: Problem[] = [];
  // The node each anchor name refers to at this point of the walk: YAML lets a later &name replace it.
  const anchors = new Map<string, Node>();
  // Size and height of each finished anchored node, so an alias costs no walk at all.
  const measured = new Map<Node, Measure>();
  let expansion = 0;
  let unsafeCount = 0;

  const offsetOf = (node: Node): number => node.range?.[0] ?? 0;

  function walk(node: unknown, depth: number): Measure {
    if (!isNode(node)) return { size: 1, height: 0 };
    // Recursion here is bounded too: the text was checked for depth, and an alias adds its height at once.
    if (depth > INPUT_LIMITS.depth) throw new Refused(problem("input.too-deep", at(offsetOf(node)), { limit: INPUT_LIMITS.depth }));
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) return { size: 1, height: 0 }; // the library has already reported it
      const m = measured.get(target);
      // An alias inside its own anchor would expand for ever.
      if (m === undefined) throw new Refused(problem("input.too-deep", at(offsetOf(node)), { limit: INPUT_LIMITS.depth }));
      expansion += m.size;
      if (expansion > INPUT_LIMITS.aliasExpansion) {
        throw new Refused(problem("input.too-many-aliases", at(offsetOf(node)), { anchor: terminalSafe(node.source, 60) }));
      }
      if (depth + m.height > INPUT_LIMITS.depth) throw new Refused(problem("input.too-deep", at(offsetOf(node)), { limit: INPUT_LIMITS.depth }));
      return m;
    }
    if (node.anchor !== undefined) anchors.set(node.anchor, node);
    let result: Measure;
    if (isScalar(node)) {
      if (typeof node.value === "string") node.value = checkString(node.value, node);
      result = { size: 1, height: 0 };
    } else if (isMap(node) || isSeq(node)) {
      let size = 1;
      let height = 0;
      for (const item of node.items as unknown[]) {
        const parts = isPair(item) ? [item.key, item.value] : [item];
        for (const part of parts) {
          const m = walk(part, depth + 1);
          size += m.size;
          height = Math.max(height, m.height + 1);
        }
      }
      result = { size, height };
    } else {
      result = { size: 1, height: 0 };
    }
    if (node.anchor !== undefined) measured.set(node, result);
    return result;
  }

  function checkString(value: string, node: Scalar): string {
    const checked = checkText(value);
    if (checked.ok) return checked.text;
    if (unsafeCount++ < INPUT_LIMITS.unsafeCharacters) {
      // Point at the character itself when it is in the source as written (a block of several lines);
      // when it came from an escape ("\x07") the value's own line is the place.
      const [start, end] = node.range ?? [0, 0];
      const found = text.indexOf(String.fromCharCode(checked.unsafe.codePoint), start);
      const written = found !== -1 && found < end ? found : -1;
      problems.push(problem("input.unsafe-character", at(written === -1 ? start : written), { character: checked.unsafe.description }));
    }
    return value;
  }

  try {
    walk(doc.contents, 0);
  } catch (error) {
    if (error instanceof Refused) return [error.problem];
    throw error;
  }
  return problems;
}

/** Thrown inside the walk to stop it at the first refusal; never escapes checkValues. */
class Refused {
  constructor(readonly problem: Problem) {}
}

interface Measure {
  /** Nodes in the value with its aliases expanded. */
  size: number;
  /** Levels of nesting below it. */
  height: number;
}

/**
 * Where a path lies in a document the yaml library read: walked down as far as the document goes, at the
 * key of each entry (where a person looks), so a missing field is placed at its parent's line. The fast
 * reader's places are held to this (test/model/plain-yaml.test.ts).
 */
export function offsetInDocument(doc: Document, path: readonly PathSegment[]): number | undefined {
  let node: unknown = doc.contents;
  let offset = isNode(node) ? node.range?.[0] : undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (pair === undefined) break;
      offset = (isNode(pair.key) ? pair.key.range?.[0] : undefined) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === "number" && isNode(node.items[segment])) {
      node = node.items[segment];
      offset = (node as Node).range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

function sourceDocument(role: DocumentRole, file: string, doc: Document, lineCounter: LineCounter): SourceDocument {
  return {
    role,
    file,
    locate(path) {
      const offset = offsetInDocument(doc, path);
      if (offset === undefined) return undefined;
      const pos = lineCounter.linePos(offset);
      return { line: pos.line, column: pos.col };
    },
  };
}

/**
 * Where paths lie in a file the fast reader accepted, found only when a problem asks (most runs have
 * none, or a few): the fast reader reads the file again noting where each key and item starts, and the
 * place is the one the yaml library's nodes give. For the rare path it cannot place (through an empty
 * list item) the library reads the file; either way the line and column are exactly those of a file the
 * library read from the start (the differential tests compare every path).
 */
function lazySourceDocument(role: DocumentRole, file: string, text: string, at: (offset: number) => Location): SourceDocument {
  let fast: ((path: readonly PathSegment[]) => number | undefined) | null | undefined;
  let library: SourceDocument | undefined;
  let lines: LineCounter | undefined;
  return {
    role,
    file,
    locate(path) {
      if (fast === undefined) fast = plainYamlLocator(text) ?? null;
      const offset = fast === null ? undefined : fast(path);
      if (offset !== undefined) {
        if (lines === undefined) {
          lines = new LineCounter();
          lines.addNewLine(0);
          for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines.addNewLine(i + 1);
        }
        const pos = lines.linePos(offset);
        return { line: pos.line, column: pos.col };
      }
      if (library === undefined) {
        const lineCounter = new LineCounter();
        const parsed = parseChecked(text, lineCounter, at);
        library = parsed.ok ? sourceDocument(role, file, parsed.doc, lineCounter) : { role, file, locate: () => undefined };
      }
      return library.locate(path);
    },
  };
}

/** Add file name and line to a problem that points into `source`. */
export function locateIn<T extends { location: Location }>(p: T, source: SourceDocument): T {
  const location: Location = { ...p.location, document: source.role, file: source.file };
  const pos = p.location.path ? source.locate(p.location.path) : undefined;
  if (pos && "line" in pos) {
    location.line = pos.line;
    location.column = pos.column;
  } else if (pos) {
    // In a sheet the cell is where a person looks; the internal path would only confuse.
    location.sheet = pos.sheet;
    location.cell = pos.cell;
    delete location.path;
  }
  return { ...p, location };
}

/** Locate every problem whose document role matches one of the given sources. */
export function locateProblems<T extends { location: Location }>(problems: readonly T[], sources: readonly SourceDocument[]): T[] {
  return problems.map((p) => {
    const source = sources.find((s) => s.role === p.location.document);
    return source ? locateIn(p, source) : p;
  });
}

/**
 * "critera" for "criteria" is one mistake: the unknown field already says "did you mean criteria?", so the
 * missing "criteria" beside it is not reported a second time.
 */
function withoutMissingNearMisses(problems: Problem[]): Problem[] {
  const meant = new Set(
    problems.flatMap((p) => (p.code === "schema.unknown-field" && p.location.path && "suggestion" in p.args && p.args.suggestion !== undefined ? [JSON.stringify([...p.location.path.slice(0, -1), p.args.suggestion])] : [])),
  );
  return problems.filter((p) => !(p.code === "schema.missing" && p.location.path !== undefined && meant.has(JSON.stringify(p.location.path))));
}
