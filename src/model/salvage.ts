import type { z } from "zod";
import type { PathSegment } from "../problems/problem.js";
import type { Salvaged } from "./parse-document.js";
import { jsonSchemaOf, schemaAt, type JsonSchema } from "./field-reference.js";
import { nearest } from "./zod-issues.js";

/** At most this many rounds of repair: each removes or renames every unknown field zod reported. */
const ROUNDS = 8;

/**
 * A document as it would parse with its unknown fields mended, for the rules only: a misspelt field that
 * is close to a missing one ("critera" for "criteria") is read as it, and any other unknown field is left
 * out. The schema problems are still reported as they are; this only lets the rules between values check
 * what the person evidently meant in the same round, so ten planted mistakes come out in one run, not two.
 * Paths into the result are mapped back to the file's own names, so each rule problem still finds its line.
 * A bare value where a mapping of one required field is wanted (`userPanel: [P1]` for `- id: P1`) is read
 * as that mapping, the form the problem itself suggests.
 * Undefined when something else is wrong (a wrong type, a missing value with no near miss): the rules
 * would then be guessing.
 */
export function withUnknownFieldsMended<S extends z.ZodType>(schema: S, raw: unknown): Salvaged<z.infer<S>> | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const copy: unknown = structuredClone(raw);
  let jsonSchema: JsonSchema | undefined;
  const renames: { at: readonly PathSegment[]; from: string; to: string }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const parsed = schema.safeParse(copy);
    if (!parsed.success) jsonSchema ??= jsonSchemaOf(schema);
    if (parsed.success) {
      return {
        data: parsed.data as z.infer<S>,
        pathInFile: (path) => renames.reduce<readonly PathSegment[]>((p, r) => renamedBack(p, r), path),
      };
    }
    const unknown = parsed.error.issues.filter((i) => i.code === "unrecognized_keys");
    const bare = parsed.error.issues.filter((i) => i.code === "invalid_type" && i.expected === "object" && i.path.length > 0);
    const barePaths = bare.flatMap((issue) => {
      const value = valueAt(copy, issue.path);
      const field = jsonSchema === undefined ? undefined : schemaAt(jsonSchema, issue.path as PathSegment[])?.required?.[0];
      return (typeof value === "string" || typeof value === "number") && field !== undefined ? [{ issue, value, field }] : [];
    });
    if (unknown.length === 0 && barePaths.length === 0) return undefined;
    for (const { issue, value, field } of barePaths) {
      const holder = valueAt(copy, issue.path.slice(0, -1));
      (holder as Record<PropertyKey, unknown>)[issue.path.at(-1)!] = { [field]: value };
    }
    const missing = parsed.error.issues.filter((i) => i.code === "invalid_type" && i.path.length > 0);
    for (const issue of unknown) {
      const holder = valueAt(copy, issue.path);
      if (typeof holder !== "object" || holder === null) return undefined;
      const record = holder as Record<string, unknown>;
      // The fields zod says are missing right here: a misspelling of one of them is read as it.
      const wanted = missing.filter((m) => samePath(m.path.slice(0, -1), issue.path)).map((m) => String(m.path.at(-1)));
      for (const key of issue.keys) {
        const meant = nearest(key, wanted);
        if (meant !== undefined && !(meant in record)) {
          record[meant] = record[key];
          renames.push({ at: issue.path as PathSegment[], from: key, to: meant });
        }
        delete record[key];
      }
    }
  }
  return undefined;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let at = root;
  for (const segment of path) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[segment];
  }
  return at;
}

const samePath = (a: readonly PropertyKey[], b: readonly PropertyKey[]) => a.length === b.length && a.every((s, i) => s === b[i]);

/** A path through a renamed field, with the field's name as the file spells it. */
function renamedBack(path: readonly PathSegment[], rename: { at: readonly PathSegment[]; from: string; to: string }): readonly PathSegment[] {
  const n = rename.at.length;
  if (path.length <= n || path[n] !== rename.to || !rename.at.every((s, i) => s === path[i])) return path;
  return [...path.slice(0, n), rename.from, ...path.slice(n + 1)];
}
