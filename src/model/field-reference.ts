import { z } from "zod";
import { Id } from "./common.js";

/**
 * One reference for every field of every input file, read from the zod schemas (through the JSON Schema
 * zod writes, which already resolves defaults, optionality and allowed values): the `.describe()` text is
 * the one place a field is explained, and docs/fields.md, the starter tender's comments and editors'
 * tooltips (schemas/) all come from it.
 */
export interface FieldInfo {
  /** Dotted path: `contract.years`, `team[].name`, `scales.<id>.values`. */
  path: string;
  /** In words: "text", "whole number", "list of numbers". */
  type: string;
  /** "required", "optional", or the default written out. */
  presence: string;
  /** Allowed values or range in words, empty when anything of the type will do. */
  allowed: string;
  description: string;
  /** The leaf's JSON Schema, for a placeholder value. */
  schema: JsonSchema;
}

/** The parts of JSON Schema that zod writes for our schemas. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  examples?: unknown[];
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

/** Every field of a file, parents before children, in the order the schema declares them. */
export function fieldsOf(schema: z.ZodType): FieldInfo[] {
  const fields: FieldInfo[] = [];
  walkObject(jsonSchemaOf(schema), "", fields);
  return fields;
}

/** A path segment for a mapping's keys, named by what they are. */
export const KEY = "<id>";

function walkObject(node: JsonSchema, prefix: string, out: FieldInfo[]): void {
  const objectNode = objectPart(node);
  if (objectNode?.properties !== undefined) {
    const required = new Set(objectNode.required ?? []);
    for (const [name, child] of Object.entries(objectNode.properties)) {
      const path = prefix === "" ? name : `${prefix}.${name}`;
      out.push(info(path, child, required.has(name) && child.default === undefined ? "required" : presenceOf(child)));
      walkChildren(child, path, out);
    }
    // Named fields and further entries under any key (the model's further sections, e.g. sections.fairWork).
    const rest = objectNode.additionalProperties;
    if (typeof rest === "object" && rest.properties !== undefined) {
      const path = `${prefix}.${KEY}`;
      out.push(info(path, rest, "optional"));
      walkObject(rest, path, out);
    }
  } else if (node.oneOf !== undefined) {
    // A union of forms told apart by one field (the price method's `type`, a measure's `method`): one row
    // per field, saying which forms have it.
    const key = discriminatorOf(node.oneOf);
    const variants = node.oneOf.filter((v) => v.properties?.[key]?.const !== undefined);
    const form = (v: JsonSchema) => String(v.properties![key]!.const);
    const kinds = variants.map(form);
    out.push({ ...info(`${prefix}.${key}`, { type: "string", enum: kinds }, "required"), description: `Which form ${prefix.split(".").pop()} takes (see the fields below that go with each)` });
    const seen = new Set<string>([key]);
    for (const v of variants) {
      for (const name of Object.keys(v.properties ?? {})) {
        if (seen.has(name)) continue;
        seen.add(name);
        const withIt = variants.filter((w) => w.properties?.[name] !== undefined);
        const needed = withIt.filter((w) => w.required?.includes(name)).map(form);
        const child = withIt[0]!.properties![name]!;
        const forms = withIt.map(form).join(", ");
        out.push(info(`${prefix}.${name}`, child, needed.length > 0 ? `required with ${key} ${needed.join(", ")}` : `optional, with ${key} ${forms}`));
        walkChildren(child, `${prefix}.${name}`, out);
      }
    }
  }
}

/** The field every form of a union fixes to its own value: what tells the forms apart. */
function discriminatorOf(variants: readonly JsonSchema[]): string {
  const first = variants[0]?.properties ?? {};
  return Object.keys(first).find((name) => variants.every((v) => v.properties?.[name]?.const !== undefined)) ?? "type";
}

function walkChildren(node: JsonSchema, path: string, out: FieldInfo[]): void {
  const item = itemOf(node);
  if (item !== undefined) {
    if (item.properties !== undefined || item.oneOf !== undefined) walkObject(item, `${path}[]`, out);
  } else if (isRecord(node)) {
    const value = node.additionalProperties as JsonSchema;
    if (value.properties !== undefined) walkObject(value, `${path}.${KEY}`, out);
    else if (isRecord(value)) {
      out.push(info(`${path}.${KEY}`, value, "optional"));
      walkChildren(value, `${path}.${KEY}`, out);
    }
  } else if (node.properties !== undefined || node.oneOf !== undefined) walkObject(node, path, out);
}

const objectPart = (node: JsonSchema): JsonSchema | undefined => (node.properties !== undefined ? node : undefined);
const isRecord = (node: JsonSchema): boolean => node.type === "object" && node.properties === undefined && typeof node.additionalProperties === "object";
const itemOf = (node: JsonSchema): JsonSchema | undefined => (node.type === "array" && node.items !== undefined && node.items !== false ? node.items : undefined);

function presenceOf(node: JsonSchema): string {
  if (node.default === undefined) return "optional";
  return `default ${inline(node.default)}`;
}

function info(path: string, node: JsonSchema, presence: string): FieldInfo {
  return { path, type: typeOf(node), presence, allowed: allowedOf(node), description: node.description ?? "", schema: node };
}

/** The type in words a commissioner would use. */
export function typeOf(node: JsonSchema): string {
  if (node.anyOf !== undefined) return node.anyOf.map(typeOf).join(" or ");
  if (node.oneOf !== undefined) return `mapping (one of several forms, by ${discriminatorOf(node.oneOf)})`;
  if (Array.isArray(node.type)) return node.type.map((t) => typeOf({ type: t })).join(" or ");
  if (node.enum !== undefined || node.const !== undefined) return "choice";
  switch (node.type) {
    case "string":
      return node.format === "date" ? "date (YYYY-MM-DD)" : "text";
    case "integer":
      return "whole number";
    case "number":
      return "number";
    case "boolean":
      return "true or false";
    case "array":
      if (node.prefixItems !== undefined) return `pair [low, high] of ${plural(typeOf(node.prefixItems[0]!))}`;
      return node.items ? `list of ${plural(typeOf(node.items))}` : "list";
    case "object":
      return isRecord(node) ? `mapping by ${node.propertyNames?.enum ? "section" : "id"}` : "mapping of fields";
    default:
      return "any value";
  }
}

const plural = (type: string) =>
  type === "text" ? "text" : type === "mapping of fields" ? "mappings" : type.replace(/^(number|whole number|date|choice)/, "$1s").replace(/^mapping by/, "mappings by");

/** Allowed values and ranges in words. */
export function allowedOf(node: JsonSchema): string {
  if (node.anyOf !== undefined) return node.anyOf.map(allowedOf).filter((a) => a !== "").join("; or ");
  if (node.enum !== undefined) return node.enum.map((v) => `\`${String(v)}\``).join(", ");
  if (node.const !== undefined) return `\`${String(node.const)}\``;
  const parts: string[] = [];
  // zod writes the largest safe integer as the maximum of a whole number: no limit a person would state.
  const maximum = node.maximum !== undefined && node.maximum < Number.MAX_SAFE_INTEGER ? node.maximum : undefined;
  const low = node.minimum ?? node.exclusiveMinimum;
  const above = node.exclusiveMinimum !== undefined ? "more than " : "";
  if (low !== undefined && maximum !== undefined) parts.push(`${above}${low} to ${maximum.toLocaleString("en-GB")}`);
  else if (low !== undefined) parts.push(`${above === "" ? "at least " : above}${low}`);
  else if (maximum !== undefined) parts.push(`at most ${maximum.toLocaleString("en-GB")}`);
  if (node.pattern === ID_PATTERN) parts.push("letters, digits, `-`, `_` and `.`, starting with a letter or digit");
  else if (node.pattern !== undefined && node.format !== "date") parts.push(`matching \`${node.pattern}\``);
  if (node.minLength === 1) parts.push("not empty");
  if (node.minItems !== undefined && node.type === "array" && node.prefixItems === undefined) parts.push(`at least ${node.minItems} item${node.minItems === 1 ? "" : "s"}`);
  if (node.type === "array" && node.items && typeof node.items === "object") {
    const each = allowedOf(node.items);
    if (each !== "") parts.push(`each ${each}`);
  }
  if (node.prefixItems !== undefined) {
    const each = allowedOf(node.prefixItems[0]!);
    if (each !== "") parts.push(`each ${each}`);
  }
  if (isRecord(node) && node.propertyNames?.enum) parts.push(`keys ${node.propertyNames.enum.map((v) => `\`${String(v)}\``).join(", ")}`);
  return parts.join("; ");
}

const ID_PATTERN = jsonSchemaOf(Id).pattern;

/** A value as it would be written in YAML, on one line. */
export function inline(value: unknown): string {
  // Quoted only when YAML would otherwise read it as something else: a number, true/false, or with a colon or #.
  if (typeof value === "string") return /^[\w .,()£%'’-]+$/.test(value) && !/^\s|\s$/.test(value) && !/^([-+]?[\d.]+|true|false|null|yes|no|on|off|~)$/i.test(value) && !/^[-.]/.test(value) ? value : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    return entries.length === 0 ? "{}" : `{ ${entries.map(([k, v]) => `${k}: ${inline(v)}`).join(", ")} }`;
  }
  return String(value);
}

/** The value at a reference path in an example file: the first item of a list, the first entry of a mapping. */
export function exampleAt(data: unknown, path: string): unknown {
  let current = data;
  for (const segment of path.split(".")) {
    for (const part of segment.split(/(?=\[\])/)) {
      if (current === null || typeof current !== "object") return undefined;
      if (part === "[]") current = Array.isArray(current) ? current[0] : undefined;
      else if (part === KEY) current = Object.values(current)[0];
      else current = Array.isArray(current) ? undefined : (current as Record<string, unknown>)[part];
    }
  }
  return current;
}

export interface ReferencedFile {
  /** The usual file name, e.g. specification.yaml. */
  file: string;
  title: string;
  schema: z.ZodType;
  /** A bundled example of the file, parsed, for the example column. */
  example?: unknown;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();

function exampleCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  // Nested mappings and lists of mappings are shown field by field in their own rows.
  if (typeof value === "object" && !Array.isArray(value)) return "";
  if (Array.isArray(value) && value.some((v) => v !== null && typeof v === "object" && !Array.isArray(v))) return "";
  const text = inline(value);
  return `\`${text.length > 60 ? `${text.slice(0, 57)}…` : text}\``;
}

/** docs/fields.md: one table per input file. */
export function renderFieldReference(files: readonly ReferencedFile[], generatedBy: string): string {
  const out = [
    "# Fields of the input files",
    "",
    `<!-- Generated from the zod schemas in src/model and src/review by \`${generatedBy}\`; do not edit by hand: change the \`.describe()\` text instead. -->`,
    "",
    "Every field of every file tender-eval reads. A path like `team[].name` is the `name` of each item in the list",
    "`team`; `scales.<id>.values` is the `values` of each entry in the mapping `scales`, keyed by an id you choose.",
    "A field marked required inside an optional one is required only when its parent is given. Examples come",
    "from the bundled example tender (examples/community-advocacy) and policy (policies/uk-default.yaml).",
    "",
    ...files.map((f) => `- [${f.title} (\`${f.file}\`)](#${anchor(f.title)})`),
    "",
  ];
  for (const f of files) {
    const root = jsonSchemaOf(f.schema);
    out.push(`## ${f.title}`, "", `\`${f.file}\`: ${root.description ?? ""}`, "", "| Field | Type | Required or default | Allowed values | Example | What it is |", "| --- | --- | --- | --- | --- | --- |");
    for (const field of fieldsOf(f.schema)) {
      out.push(
        `| \`${field.path}\` | ${cell(field.type)} | ${cell(field.presence)} | ${cell(field.allowed)} | ${cell(exampleCell(exampleAt(f.example, field.path)))} | ${cell(field.description)} |`,
      );
    }
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

const anchor = (title: string) => title.toLowerCase().replace(/[^a-z0-9 -]/g, "").replace(/ /g, "-");

/** The JSON Schema of the value at a path in a file (list items by number, mapping entries by key). */
export function schemaAt(root: JsonSchema, path: readonly (string | number)[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const segment of path) {
    if (node === undefined) return undefined;
    if (node.anyOf !== undefined) node = node.anyOf.find((n) => n.type === "object" || n.type === "array") ?? node.anyOf[0];
    if (node === undefined) return undefined;
    if (typeof segment === "number") node = itemOf(node) ?? node.prefixItems?.[segment];
    else if (node.properties !== undefined) node = node.properties[segment] ?? (typeof node.additionalProperties === "object" ? node.additionalProperties : undefined);
    else if (node.oneOf !== undefined) node = node.oneOf.find((v) => v.properties?.[segment] !== undefined)?.properties?.[segment];
    else if (isRecord(node)) node = node.additionalProperties as JsonSchema;
    else return undefined;
  }
  return node;
}

/** The field names a mapping allows, for "did you mean". */
export function fieldNamesOf(node: JsonSchema | undefined): string[] {
  if (node === undefined) return [];
  if (node.properties !== undefined) return Object.keys(node.properties);
  if (node.oneOf !== undefined) return [...new Set(node.oneOf.flatMap((v) => Object.keys(v.properties ?? {})))];
  return [];
}
