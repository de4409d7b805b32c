import type { z } from "zod";
import { KEY, fieldsOf, inline, jsonSchemaOf, type FieldInfo, type JsonSchema } from "./field-reference.js";

/**
 * Write data as YAML with every field of its schema present and, above each, a one-line comment saying
 * what it is and what values it takes, taken from the schema's `.describe()` texts (the same source as
 * docs/fields.md). A field the data leaves out is written commented out, so a person sees it exists and
 * can switch it on by deleting the `# ` before its name. Comments are given once per list or mapping (on
 * its first entry), so a file with twenty bids does not say twenty times what a bidder is.
 */
export function commentedYaml(schema: z.ZodType, data: Record<string, unknown>, options: { header?: readonly string[]; placeholderDate: string }): string {
  const fields = new Map(fieldsOf(schema).map((f) => [f.path, f]));
  const writer = new Writer(fields, options.placeholderDate);
  writer.mapping(jsonSchemaOf(schema), data, "", "", false, true);
  const header = (options.header ?? []).map((line) => (line === "" ? "#" : `# ${line}`));
  return `${[...header, ...(header.length > 0 ? [""] : []), ...writer.lines].join("\n")}\n`;
}

/** One line: "Length of the initial term, in years: a whole number, 1 to 25 (default 0)." */
export function fieldComment(field: FieldInfo): string {
  const allowed = field.allowed.replace(/`/g, "");
  const values = allowed === "" ? field.type : field.type === "choice" ? `one of ${allowed}` : `${field.type}, ${allowed}`;
  const presence = field.presence === "required" ? "required" : field.presence;
  return `${field.description.replace(/\.$/, "")}. ${values[0]!.toUpperCase()}${values.slice(1)}; ${presence}.`;
}

class Writer {
  readonly lines: string[] = [];
  /** Which lines hold a field (rather than a description), so a list entry's "- " goes on the right one. */
  private readonly fieldLines = new Set<number>();
  constructor(
    private readonly fields: ReadonlyMap<string, FieldInfo>,
    private readonly date: string,
  ) {}

  /** The fields of a mapping, in the schema's order; `off` writes them commented out. */
  mapping(node: JsonSchema, data: Record<string, unknown> | undefined, path: string, indent: string, off: boolean, describe: boolean): void {
    const properties = propertiesOf(node, data);
    for (const [name, child] of Object.entries(properties)) {
      const p = path === "" ? name : `${path}.${name}`;
      const value = data?.[name];
      this.field(name, child, value, p, indent, off || value === undefined, describe);
    }
  }

  private field(name: string, node: JsonSchema, value: unknown, path: string, indent: string, off: boolean, describe: boolean): void {
    const info = this.fields.get(path);
    if (describe && info !== undefined) this.lines.push(`${indent}# ${fieldComment(info)}`);
    const shown = value ?? this.placeholder(node);
    const key = `${indent}${off ? "# " : ""}${inline(name)}:`;
    this.fieldLines.add(this.lines.length);
    const item = itemOf(node);
    if (Array.isArray(shown) && item !== undefined && isMapping(item)) {
      if (shown.length === 0) {
        // Written out, an empty list reads "[]"; commented out, it is ready to uncomment with its entry. The
        // "[]" must go when entries are added (a list cannot be both), so the line says so.
        this.lines.push(off ? key : `${key} []  # to add entries, delete "[]" and uncomment the lines below`);
        // What an entry holds, commented out, so the list can be filled in without the reference.
        this.listItem(item, undefined, `${path}[]`, `${indent}  `, true, describe);
      } else {
        this.lines.push(key);
        shown.forEach((entry, i) => this.listItem(item, entry as Record<string, unknown>, `${path}[]`, `${indent}  `, off, describe && i === 0));
      }
    } else if (isMapping(node) && shown !== null && typeof shown === "object" && !Array.isArray(shown)) {
      const present = Object.keys(propertiesOf(node, shown as Record<string, unknown>)).some((k) => (shown as Record<string, unknown>)[k] !== undefined);
      if (!present) {
        this.lines.push(off ? key : `${key} {}`);
        this.mapping(node, undefined, path, `${indent}  `, true, describe);
      } else {
        this.lines.push(key);
        this.mapping(node, shown as Record<string, unknown>, path, `${indent}  `, off, describe);
      }
    } else if (isRecord(node) && shown !== null && typeof shown === "object" && !Array.isArray(shown) && Object.keys(shown).length > 0) {
      this.lines.push(key);
      const entry = node.additionalProperties as JsonSchema;
      Object.entries(shown as Record<string, unknown>).forEach(([k, v], i) => {
        this.field(k, entry, v, `${path}.${KEY}`, `${indent}  `, off, describe && i === 0);
      });
    } else {
      this.lines.push(`${key} ${inline(shown)}`);
    }
  }

  /** One entry of a list of mappings: "- " before its first field. */
  private listItem(node: JsonSchema, data: Record<string, unknown> | undefined, path: string, indent: string, off: boolean, describe: boolean): void {
    const start = this.lines.length;
    this.mapping(node, data, path, indent, off, describe);
    const first = this.lines.findIndex((_, i) => i >= start && this.fieldLines.has(i));
    if (first === -1) return;
    const line = this.lines[first]!;
    this.lines[first] = off ? line.replace(`${indent}# `, `${indent.slice(2)}# - `) : `${indent.slice(2)}- ${line.slice(indent.length)}`;
    // Comments above the first field belong to the entry: put them where the "- " is.
    for (let i = start; i < first; i++) this.lines[i] = `${indent.slice(2)}${this.lines[i]!.slice(indent.length)}`;
  }

  /** A value to show for a field the data leaves out: its default, or something of the right kind. */
  private placeholder(node: JsonSchema): unknown {
    if (node.default !== undefined) return node.default;
    // A field's own example where its schema gives one: the smallest allowed value (a tolerance of 0, a
    // 1-word limit) would be a trap for anyone who uncomments it as it stands.
    if (Array.isArray(node.examples) && node.examples.length > 0) return node.examples[0];
    if (node.anyOf !== undefined) return this.placeholder(node.anyOf[0]!);
    if (node.enum !== undefined) return node.enum[0];
    if (node.const !== undefined) return node.const;
    const type = Array.isArray(node.type) ? node.type[0] : node.type;
    switch (type) {
      case "string":
        return node.format === "date" ? this.date : "";
      case "number":
      case "integer":
        return node.minimum ?? (node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + 1 : 0);
      case "boolean":
        return false;
      case "array":
        return [];
      default:
        return {};
    }
  }
}

function propertiesOf(node: JsonSchema, data: Record<string, unknown> | undefined): Record<string, JsonSchema> {
  if (node.properties !== undefined) return node.properties;
  if (node.oneOf !== undefined) {
    // A union told apart by `type` (the price method): the form the data chose, or the first.
    const chosen = node.oneOf.find((v) => v.properties?.type?.const === data?.type) ?? node.oneOf[0]!;
    return chosen.properties ?? {};
  }
  return {};
}

const isMapping = (node: JsonSchema) => node.properties !== undefined || node.oneOf !== undefined;
const isRecord = (node: JsonSchema) => node.type === "object" && node.properties === undefined && typeof node.additionalProperties === "object";
const itemOf = (node: JsonSchema) => (node.type === "array" && node.items !== undefined && node.items !== false ? node.items : undefined);
