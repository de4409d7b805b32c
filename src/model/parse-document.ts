import { LineCounter, isMap, isNode, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";
import type { z } from "zod";
import { problem, type DocumentRole, type Location, type Outcome, type PathSegment } from "../problems/problem.js";
import { zodIssueToProblem } from "./zod-issues.js";

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
 * Parse YAML or JSON text (JSON is read by the YAML parser, so JSON errors get lines too) and
 * validate it against a schema, returning every problem at once with its path and line.
 */
export function parseInputDocument<S extends z.ZodType>(
  schema: S,
  text: string,
  role: DocumentRole,
  file: string,
): Outcome<{ data: z.infer<S>; source: SourceDocument }> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const source = sourceDocument(role, file, doc, lineCounter);

  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => {
        const pos = lineCounter.linePos(error.pos[0]);
        return problem("input.unreadable", { document: role, file, line: pos.line, column: pos.col }, {
          detail: error.message.split("\n")[0] ?? error.message,
        });
      }),
    };
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 100 });
  if (raw === null || raw === undefined) {
    return { ok: false, problems: [problem("input.empty", { document: role, file }, {})] };
  }

  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.flatMap((issue) => zodIssueToProblem(issue, raw)).map((p) => locateIn(p, source)),
    };
  }
  return { ok: true, value: { data: parsed.data as z.infer<S>, source }, problems: [] };
}

function sourceDocument(role: DocumentRole, file: string, doc: Document, lineCounter: LineCounter): SourceDocument {
  return {
    role,
    file,
    locate(path) {
      // Walk down as far as the document goes, pointing at the key of each entry (where a person
      // looks); a missing field is reported at its parent's line.
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
      if (offset === undefined) return undefined;
      const pos = lineCounter.linePos(offset);
      return { line: pos.line, column: pos.col };
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
