import { fieldsOf, type FieldInfo } from "../src/model/field-reference.js";
import { EqualityFindings } from "../src/model/equality-findings.js";
import { ScoringModel } from "../src/model/scoring-model.js";
import { TenderSpecification } from "../src/model/specification.js";
import type { YamlPath } from "./yaml-edit.js";

/** The two files the form edits, by the names the workflows look for first. */
export type EditedFile = "specification.yaml" | "scoring-model.yaml" | "equality-findings.yaml";

/** A change the form asks for: the value at a place in one file (undefined removes it). */
export type Edit = (file: EditedFile, path: YamlPath, value: unknown) => void;

/**
 * Every field's description and allowed values, read from the schemas (as docs/fields.md is): the form's
 * hints are the field reference's words, never typed again here.
 */
// Worked out when the form first asks, not when the page loads: turning the schemas into the reference is
// work every visitor would otherwise wait for, whichever journey they came for.
const schemas: Record<EditedFile, Parameters<typeof fieldsOf>[0]> = {
  "specification.yaml": TenderSpecification,
  "scoring-model.yaml": ScoringModel,
  "equality-findings.yaml": EqualityFindings,
};
const references = new Map<EditedFile, Map<string, FieldInfo>>();
function reference(file: EditedFile): Map<string, FieldInfo> {
  let known = references.get(file);
  if (known === undefined) references.set(file, (known = new Map(fieldsOf(schemas[file]).map((f) => [f.path, f]))));
  return known;
}

/** Every field of a file the field reference lists under a place, e.g. each protected characteristic under impacts. */
export function fieldsUnder(file: EditedFile, parent: string): FieldInfo[] {
  return [...reference(file).values()].filter((f) => f.path.startsWith(`${parent}.`) && !f.path.slice(parent.length + 1).includes("."));
}

/** A place in a file as the field reference names it: list positions as [], a scale's id as <id>. */
function referencePath(file: EditedFile, path: YamlPath): string {
  let out = "";
  path.forEach((segment, i) => {
    if (typeof segment === "number") out += "[]";
    else if (file === "scoring-model.yaml" && path[0] === "scales" && i === 1) out += ".<id>";
    // A further section (sections.fairWork) is described by the schema of every further section.
    else if (file === "scoring-model.yaml" && path[0] === "sections" && i === 1 && !["price", "quality", "socialValue", "userPanel"].includes(String(segment))) out += ".<id>";
    else out += out === "" ? segment : `.${segment}`;
  });
  return out;
}

export function fieldInfo(file: EditedFile, path: YamlPath): FieldInfo | undefined {
  return reference(file).get(referencePath(file, path));
}

/** The value at a place in parsed data. */
export function at(data: unknown, path: YamlPath): unknown {
  let here = data;
  for (const segment of path) {
    if (here === null || typeof here !== "object") return undefined;
    here = (here as Record<string | number, unknown>)[segment];
  }
  return here;
}

/** The id of a field's control, from its file and place: the checks beside the form point at it. */
export const idOf = (file: EditedFile, path: YamlPath) => `${file.replace(/\.yaml$/, "")}-${path.join("-")}`.replace(/[^A-Za-z0-9_-]/g, "_");

interface FieldProps {
  file: EditedFile;
  path: YamlPath;
  /** The file as parsed, to show the value it holds. */
  data: unknown;
  label: string;
  kind: "text" | "long" | "number" | "date" | "choice" | "yes-no" | "numbers";
  onEdit: Edit;
  /** Choices, when the schema's are not the ones to offer. */
  choices?: readonly string[];
  /** A choice's words, when its value is a code ("lowest-price"): what the list shows. */
  words?: Readonly<Record<string, string>>;
  /** The hint, when the field reference has none for this place. */
  hint?: string | undefined;
  /** Leave the hint out (a list repeats the same field: its hint is given once above it). */
  quiet?: boolean;
}

/**
 * One field of a file: labelled, with the field reference's description as its hint, and written back into
 * the file when it changes. A field emptied is removed from the file, and a list of scores that holds
 * something other than a number keeps it as typed, so the library's own validation names what is wrong,
 * with its line, beside the form; the form itself judges nothing.
 */
export function Field({ file, path, data, label, kind, onEdit, choices, words, hint, quiet }: FieldProps) {
  const id = idOf(file, path);
  const info = fieldInfo(file, path);
  const description = hint ?? info?.description;
  const hintId = description !== undefined && !quiet ? `${id}-hint` : undefined;
  const value = at(data, path);
  // A choice left out of the file takes its default (includesVat is true, a scale is from-zero, unless said otherwise).
  const fallback = (info?.schema as { default?: unknown } | undefined)?.default;
  const write = (raw: string) => onEdit(file, path, fromInput(kind, raw));
  const common = { id, "aria-describedby": hintId };
  let control;
  if (kind === "choice") {
    const options = choices ?? (info?.schema.enum as string[] | undefined) ?? [];
    control = (
      <select {...common} value={String(value ?? fallback ?? "")} onChange={(e) => write((e.currentTarget as HTMLSelectElement).value)}>
        {value === undefined && fallback === undefined && <option value="">(not set)</option>}
        {options.map((o) => (
          <option value={o}>{words?.[o] ?? o}</option>
        ))}
      </select>
    );
  } else if (kind === "yes-no") {
    const checked = (value ?? fallback) === true;
    control = <input {...common} type="checkbox" checked={checked} onChange={(e) => onEdit(file, path, (e.currentTarget as HTMLInputElement).checked)} />;
  } else if (kind === "long") {
    control = <textarea {...common} rows={3} value={value === undefined ? "" : String(value)} onChange={(e) => write((e.currentTarget as HTMLTextAreaElement).value)} />;
  } else {
    const shown = value === undefined ? "" : Array.isArray(value) ? value.join(", ") : String(value);
    const onChange = (e: Event) => write((e.currentTarget as HTMLInputElement).value);
    control =
      kind === "number" ? (
        <input {...common} type="number" step="any" value={shown} onChange={onChange} />
      ) : kind === "date" ? (
        <input {...common} type="date" value={shown} onChange={onChange} />
      ) : (
        <input {...common} type="text" value={shown} onChange={onChange} />
      );
  }
  return (
    <div class={`field field-${kind}`}>
      <label for={id}>{label}</label>
      {hintId !== undefined && (
        <span id={hintId} class="hint">
          {description}
        </span>
      )}
      {control}
    </div>
  );
}

/** What goes into the file for what was typed: a number as a number, a list of numbers as a list, nothing as absent. */
function fromInput(kind: FieldProps["kind"], raw: string): unknown {
  const text = raw.trim();
  if (text === "") return undefined;
  if (kind === "number") return Number.isFinite(Number(text)) ? Number(text) : text;
  if (kind === "numbers") {
    const parts = text.split(/[,\s]+/).filter((p) => p !== "");
    return parts.map((p) => (Number.isFinite(Number(p)) ? Number(p) : p));
  }
  return raw;
}
