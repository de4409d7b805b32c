import type { z } from "zod";
import { problem, type PathSegment, type Problem } from "../problems/problem.js";
import { fieldNamesOf, schemaAt, type JsonSchema } from "./field-reference.js";
import { nearest } from "../language/nearest.js";

export { nearest };

const typeNames: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "a mapping of fields",
  record: "a mapping of fields",
};

/** How a value from the input looks in a message: `"ten"`, `12`, `a list`. */
export function describeReceived(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "an empty value";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  return "a mapping of fields";
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PathSegment, unknown>)[key];
  }
  return current;
}

/**
 * A mapping with named fields that also takes further entries (the model's sections: price, quality, … and
 * further sections such as fairWork): an entry named like a known field (socialvalue) and without a `kind` is
 * a misspelt known field, not a further section missing its title and kind. One problem says so, at the
 * entry; the entry's other issues are left out.
 */
function misspeltKnownKey(path: readonly PathSegment[], input: unknown, schema: JsonSchema | undefined): Problem[] | undefined {
  if (schema === undefined) return undefined;
  for (let i = 1; i < path.length; i++) {
    const key = path[i];
    if (typeof key !== "string") continue;
    const parent = schemaAt(schema, path.slice(0, i));
    if (parent?.properties === undefined || typeof parent.additionalProperties !== "object" || key in parent.properties) continue;
    const entry = valueAt(input, path.slice(0, i + 1));
    if (entry === null || typeof entry !== "object" || "kind" in entry) continue;
    const suggestion = nearest(key, Object.keys(parent.properties));
    if (suggestion === undefined) continue;
    // One problem for the entry: on its missing kind (every such entry lacks one), nothing for its other issues.
    if (path.length !== i + 2 || path[i + 1] !== "kind") return [];
    return [problem("schema.unknown-field", { path: path.slice(0, i + 1) }, { field: key, allowed: Object.keys(parent.properties), suggestion })];
  }
  return undefined;
}

/** Turn zod's issues into located problems in the language of the rest of the tool. */
export function zodIssueToProblem(issue: z.core.$ZodIssue, input: unknown, schema?: JsonSchema): Problem[] {
  const path = issue.path.filter((s): s is PathSegment => typeof s !== "symbol");
  const location = { path };
  const misspelt = misspeltKnownKey(path, input, schema);
  if (misspelt !== undefined) return misspelt;
  switch (issue.code) {
    case "invalid_type": {
      const received = valueAt(input, path);
      const expected = typeNames[issue.expected] ?? issue.expected;
      if (received === undefined) return [problem("schema.missing", location, { expected })];
      // `userPanel: [P1]` where `- id: P1` is meant: show the form, not just "expected a mapping".
      const wanted = schema === undefined ? undefined : schemaAt(schema, path);
      const first = wanted?.required?.[0];
      if (issue.expected === "object" && first !== undefined && (typeof received === "string" || typeof received === "number")) {
        return [problem("schema.text-for-mapping", location, { received: describeReceived(received), field: first, value: String(received) })];
      }
      return [problem("schema.wrong-type", location, { expected, received: describeReceived(received) })];
    }
    case "unrecognized_keys": {
      const allowed = schema === undefined ? [] : fieldNamesOf(schemaAt(schema, path));
      return issue.keys.map((field) => {
        const suggestion = nearest(field, allowed);
        return problem("schema.unknown-field", { path: [...path, field] }, { field, allowed, ...(suggestion === undefined ? {} : { suggestion }) });
      });
    }
    case "invalid_value":
      return [
        problem("schema.not-allowed", location, {
          received: describeReceived(valueAt(input, path)),
          allowed: issue.values.map((v) => JSON.stringify(v)).join(", "),
        }),
      ];
    case "invalid_union": {
      // A discriminated union (the price method) with an unknown `type`: zod puts the path on the
      // discriminator and lists the options.
      const options = (issue as { options?: unknown[] }).options;
      if (options !== undefined) {
        return [
          problem("schema.not-allowed", location, {
            received: describeReceived(valueAt(input, path)),
            allowed: options.map((v) => JSON.stringify(v)).join(", "),
          }),
        ];
      }
      return [problem("schema.invalid", location, { detail: issue.message })];
    }
    case "invalid_format": {
      // 2027-02-30 is written the right way but is no day at all: say so, not that the form is wrong.
      const value = valueAt(input, path);
      const written = issue.format === "date" && typeof value === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim()) : null;
      if (written !== null) {
        const [year, month, day] = [Number(written[1]), Number(written[2]), Number(written[3])];
        if (month < 1 || month > 12) return [problem("schema.impossible-date", location, { date: value as string, year, month, day: undefined })];
        return [problem("schema.impossible-date", location, { date: value as string, year, month, day })];
      }
      const expected = issue.format === "date" ? "a date written YYYY-MM-DD, e.g. 2026-11-21" : issue.message;
      return [problem("schema.wrong-type", location, { expected, received: describeReceived(valueAt(input, path)) })];
    }
    case "too_small":
    case "too_big": {
      const received = valueAt(input, path);
      const bound = String(issue.code === "too_small" ? issue.minimum : issue.maximum);
      const comparison = issue.code === "too_small" ? "at least" : "at most";
      const inclusive = issue.inclusive !== false;
      const what =
        issue.origin === "array" ? `${comparison} ${bound} ${bound === "1" ? "item" : "items"}` :
        issue.origin === "string" ? (issue.code === "too_small" && bound === "1" ? "some text" : `${comparison} ${bound} characters`) :
        inclusive ? `${comparison} ${bound}` : `${issue.code === "too_small" ? "more than" : "less than"} ${bound}`;
      return [problem("schema.wrong-type", location, { expected: what, received: describeReceived(received) })];
    }
    default:
      return [problem("schema.invalid", location, { detail: issue.message })];
  }
}

