import { z } from "zod";
import type { FlagCode } from "../../problems/problem.js";
import { OUTPUT_SCHEMA_VERSION, ProblemJson, type OutputKind } from "./common.js";
import { flagArgs, FlagJson } from "./flags.js";
import { outputSchemaFile, outputSchemas } from "./index.js";
import { TemplateFieldsOutput } from "./templates.js";

/** The parts of JSON Schema zod writes for the output schemas. */
interface Node {
  type?: string | string[];
  description?: string;
  const?: unknown;
  enum?: unknown[];
  $ref?: string;
  properties?: Record<string, Node>;
  required?: string[];
  additionalProperties?: Node | boolean;
  items?: Node;
  anyOf?: Node[];
  oneOf?: Node[];
}

interface Row {
  path: string;
  type: string;
  presence: string;
  description: string;
}

const named: Record<string, string> = { exact: "exact number", problem: "problem ([below](#problems))", flag: "review flag ([below](#review-flags))", "template-field": "template field ([below](#template-field))" };
const refName = (ref: string) => ref.replace("#/$defs/", "");
const isNull = (n: Node) => n.type === "null";
const variantsOf = (n: Node) => (n.oneOf ?? n.anyOf ?? []).filter((v) => !isNull(v));
const discriminatorOf = (variants: Node[]) => Object.keys(variants[0]?.properties ?? {}).find((k) => variants.every((v) => v.properties?.[k]?.const !== undefined));

function typeOf(n: Node): string {
  if (Array.isArray(n.type)) return n.type.map((t) => typeOf({ ...n, type: t })).join(" or ");
  if (n.$ref !== undefined) return named[refName(n.$ref)] ?? refName(n.$ref);
  const variants = variantsOf(n);
  if (n.anyOf !== undefined || n.oneOf !== undefined) {
    const nullable = (n.anyOf ?? n.oneOf ?? []).some(isNull);
    const discriminator = discriminatorOf(variants);
    const inner = discriminator !== undefined && variants.length > 1 ? `object (one of several forms, by \`${discriminator}\`)` : variants.map(typeOf).join(" or ");
    return nullable ? `${inner.includes(" of ") ? `(${inner})` : inner} or null` : inner;
  }
  if (n.const !== undefined) return `\`${JSON.stringify(n.const)}\``;
  if (n.enum !== undefined) return `one of ${n.enum.map((v) => `\`${String(v)}\``).join(", ")}`;
  switch (n.type) {
    case "string":
      return "text";
    case "integer":
      return "whole number";
    case "number":
      return "number";
    case "boolean":
      return "true or false";
    case "array":
      return n.items ? `list of ${typeOf(n.items)}` : "list";
    case "object":
      if (n.properties === undefined && typeof n.additionalProperties === "object") {
        const value = n.additionalProperties;
        return value.type === undefined && value.$ref === undefined && value.anyOf === undefined ? "object" : `object keyed by id or name, of ${typeOf(value)}`;
      }
      return "object";
    default:
      return "any value";
  }
}

function walk(n: Node, path: string, presence: string, out: Row[], description = n.description ?? ""): void {
  if (path !== "") out.push({ path, type: typeOf(n), presence, description });
  if (n.$ref !== undefined) return;
  const variants = variantsOf(n);
  if (variants.length === 1) return walkInside(variants[0]!, path, out);
  const discriminator = discriminatorOf(variants);
  if (discriminator !== undefined) {
    // One row per field across the forms, saying which forms have it (as docs/fields.md does for inputs).
    const seen = new Set<string>();
    for (const v of variants) {
      for (const [name, child] of Object.entries(v.properties ?? {})) {
        if (seen.has(name)) continue;
        seen.add(name);
        const forms = variants.filter((w) => w.properties?.[name] !== undefined).map((w) => String(w.properties![discriminator]!.const));
        const all = forms.length === variants.length;
        const inForms = variants.filter((w) => w.properties?.[name] !== undefined);
        const required = inForms.every((w) => w.required?.includes(name));
        const childPresence = name === discriminator ? "always" : `${required ? "always" : "optional"}${all ? "" : ` with ${discriminator} ${forms.join(", ")}`}`;
        const childDescription = name === discriminator ? `Which form: ${forms.map((f) => `\`${f}\``).join(", ")}` : (child.description ?? "");
        walk(name === discriminator ? { type: "string", enum: forms } : child, `${join(path, name)}`, childPresence, out, childDescription);
      }
    }
    return;
  }
  walkInside(n, path, out);
}

function walkInside(n: Node, path: string, out: Row[]): void {
  if (n.type === "array" && n.items !== undefined && n.items.$ref === undefined) {
    const item = n.items;
    if (item.properties !== undefined || variantsOf(item).length > 0) walkChildrenOf(item, `${path}[]`, out);
  } else if (n.type === "object" && n.properties === undefined && typeof n.additionalProperties === "object") {
    const value = n.additionalProperties;
    if (value.properties !== undefined || variantsOf(value).length > 0) walkChildrenOf(value, `${path}.<key>`, out);
  } else if (n.properties !== undefined) {
    const required = new Set(n.required ?? []);
    for (const [name, child] of Object.entries(n.properties)) walk(child, join(path, name), required.has(name) ? "always" : "optional", out);
  }
}

function walkChildrenOf(n: Node, path: string, out: Row[]): void {
  if (variantsOf(n).length > 1) {
    walk(n, path, "", out);
    out.splice(out.findIndex((r) => r.path === path && r.presence === ""), 1);
  } else walkInside(n, path, out);
}

const join = (path: string, name: string) => (path === "" ? name : `${path}.${name}`);
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
const anchorOf = (title: string) => title.toLowerCase().replace(/[^a-z0-9 -]/g, "").replace(/ /g, "-");

function table(rows: readonly Row[]): string[] {
  return ["| Field | Type | Present | What it is |", "| --- | --- | --- | --- |", ...rows.map((r) => `| \`${r.path}\` | ${cell(r.type)} | ${cell(r.presence)} | ${cell(r.description)} |`)];
}

function rowsOf(schema: z.ZodType): Row[] {
  const rows: Row[] = [];
  walk(z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as Node, "", "", rows);
  return rows;
}

/** The rows of a shared definition (`$defs`) as one output's JSON Schema holds it: a recursive one refers to itself there. */
function rowsOfDefinition(schema: z.ZodType, id: string): Row[] {
  const rows: Row[] = [];
  const json = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as { $defs?: Record<string, Node> };
  walkInside(json.$defs![id]!, "", rows);
  return rows;
}

const titles: Record<OutputKind, string> = {
  results: "Results (results.json, score --json)",
  "lots-results": "Results of a tender in lots (results.json, score --json, when the specification lists lots)",
  review: "Review (review --json)",
  whatif: "What-if (whatif --json)",
  validate: "Validate (validate --json)",
  written: "Files written (--json on the commands that write files)",
  failed: "Failure (--json on any command that could not do its work)",
  "template-fields": "Template fields (templates list --json)",
  "template-check": "Template check (templates check --json)",
};

/** docs/json-output.md: what every JSON output holds, generated from the same zod schemas as schemas/output-*.schema.json. */
export function renderOutputReference(generatedBy: string): string {
  const kinds = Object.keys(outputSchemas) as OutputKind[];
  const out = [
    "# JSON outputs",
    "",
    `<!-- Generated from the zod schemas in src/presentation/output-schemas by \`${generatedBy}\`; do not edit by hand: change the \`.describe()\` text there instead. -->`,
    "",
    "What tender-eval writes for programs: `results.json`, and what each command prints with `--json`. Each",
    "output is described by a JSON Schema in `schemas/` (`output-<kind>.schema.json`), generated from the same",
    "source as this page, and a test checks every command's actual output on the bundled example against it.",
    "",
    "## Rules that hold in every output",
    "",
    `- **What it is.** Every output starts with \`kind\` (${(Object.keys(outputSchemas) as OutputKind[]).map((k) => `\`${k}\``).join(", ")})`,
    `  and \`schemaVersion\` (now ${OUTPUT_SCHEMA_VERSION}). Fields may be added without a new version, so ignore`,
    "  fields you do not know; a field removed or renamed, or one whose meaning or unit changes, raises the version.",
    "- **Bids by id.** A bid is always named by its `bidId` (its `id` in the bids file); the bidder's name is",
    "  given beside it, for people, and is never the key. Lists of bids carry the id in every item; where bids",
    "  are keyed (the chance of each rank), the key is the bid id and every bid is present, excluded ones too.",
    "  Each review flag lists every bid it is about in `bidIds`.",
    "- **Weights in percent.** Every weight and share of a score is in percent (45 means 45%), in the results,",
    "  the review and the what-if alike, exact sweeps and sampled weights alike. Money is in pounds. Each",
    "  document with figures says so in `units`.",
    "- **Exact numbers.** A figure tender-eval computes exactly is an object `{ \"value\": 88.31…, \"exact\": \"3226963/36540\" }`:",
    "  `value` to read, `exact` (a whole number or a fraction in lowest terms) to check. Figures that are",
    "  estimates (the chance of each rank, sampled weights) are plain numbers.",
    "- **Problems and flags are data.** Each has a stable `code` (explained in docs/problems.md and",
    "  docs/flags.md), a `severity`, the English `message`, where it points (`file`, `path` and `line`, or",
    "  `sheet` and `cell`), and its raw `args`.",
    "",
    ...kinds.map((k) => `- [${titles[k]}](#${anchorOf(titles[k])}): \`schemas/${outputSchemaFile(k)}\``),
    "- [Problems](#problems) and [review flags](#review-flags), as they appear in all of these, and a [template field](#template-field)",
    "",
    "A path like `result.bids[].sections[].points` is the `points` of each section of each bid; `.<key>` stands",
    "for each key of an object keyed by id or name.",
    "",
    "### What changed in schemaVersion 1",
    "",
    "Before version 1 the outputs had no `kind` or `schemaVersion`. A program written for them should know that:",
    "",
    "- every output now starts with `kind` and `schemaVersion`, and those with figures carry `units`;",
    "- `whatif`: `smaa.bids` lists every bid of the tender, excluded ones too (`status: excluded`, no chances),",
    "  each with its `bidder`; `basis` and `organisationBidId` are new;",
    "- problems and flags, in every output, give `sheet`, `cell` and `option` where they point there, and leave",
    "  out an empty `path`; each review flag has `bidIds`;",
    "- `templates list --json` puts the fields under `documents`, by document kind;",
    "- `score --json` on a tender in lots (`kind: lots-results`) was the last output to gain `kind`,",
    "  `schemaVersion` and `units`; its fields are otherwise as they were.",
    "",
  ];
  for (const kind of kinds) {
    const schema = outputSchemas[kind];
    out.push(`## ${titles[kind]}`, "", `${schema.description ?? ""}. Schema: \`schemas/${outputSchemaFile(kind)}\`.`, "", ...table(rowsOf(schema)), "");
  }
  out.push(
    "## Problems",
    "",
    "A problem found in the inputs. Its `args` differ by code; docs/problems.md gives each code's meaning.",
    "",
    ...table(rowsOf(z.strictObject(ProblemJson.shape))),
    "",
    "## Review flags",
    "",
    "A weighting-review flag. The fields every flag has, then each code's `args`.",
    "",
    // Every form shares the fields other than `code` and `args`, so the first form shows them.
    ...table(rowsOf(z.strictObject(FlagJson.options[0]!.shape)).filter((r) => !r.path.startsWith("args")).map((r) => (r.path === "code" ? { ...r, type: "text" } : r))),
    "",
  );
  out.push("## Template field", "", "A field a Word template can use (in `templates list --json`).", "", ...table(rowsOfDefinition(TemplateFieldsOutput, "template-field")), "");
  for (const code of Object.keys(flagArgs) as FlagCode[]) {
    const rows = rowsOf(flagArgs[code]);
    out.push(`### ${code}`, "", rows.length === 0 ? "No args: `{}`." : table(rows).join("\n"), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
