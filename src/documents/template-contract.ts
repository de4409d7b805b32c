import { z } from "zod";

/**
 * What a template may use: the fields of the data it will be given, derived from the zod schema of
 * that data (one source of truth), with their descriptions, and which of them are lists to loop over.
 */
export interface ContractField {
  path: string;
  description: string;
  kind: "value" | "list" | "condition";
  /** For lists: the fields of each item, relative to the item. */
  item?: ContractField[];
}

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; items?: JsonSchema; description?: string; anyOf?: JsonSchema[] };

export function contractOf(schema: z.ZodType): ContractField[] {
  const json = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as JsonSchema;
  return fieldsOf(json, "");
}

function fieldsOf(node: JsonSchema, prefix: string): ContractField[] {
  const fields: ContractField[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    const resolved = child.anyOf?.find((c) => c.type !== "null") ?? child;
    const description = child.description ?? resolved.description ?? "";
    if (resolved.type === "array") {
      fields.push({ path, description, kind: "list", item: resolved.items ? fieldsOf(resolved.items, "") : [] });
    } else if (resolved.type === "object") {
      fields.push(...fieldsOf(resolved, path));
    } else {
      fields.push({ path, description, kind: resolved.type === "boolean" ? "condition" : "value" });
    }
  }
  return fields;
}

/** A tag as docxtemplater's inspect module reports it. */
export interface TemplateTag {
  value: string;
  type: string;
  module?: string;
  subparsed?: TemplateTag[];
}

export interface UnknownTag {
  tag: string;
  /** The loops the tag sits inside, outermost first. */
  insideLoops: string[];
}

/**
 * Compare the tags a template uses with the contract. Inside a loop a tag is looked up in the loop
 * item first, then outwards, as docxtemplater does. Every unknown tag is returned, with its loops.
 */
export function unknownTags(tags: readonly TemplateTag[], contract: readonly ContractField[]): UnknownTag[] {
  const unknown: UnknownTag[] = [];
  const walk = (list: readonly TemplateTag[], scopes: readonly (readonly ContractField[])[], loops: string[]) => {
    for (const tag of list) {
      const name = tag.value.trim();
      const field = name === "." ? undefined : scopes.map((s) => s.find((f) => f.path === name || f.path.startsWith(`${name}.`))).find((f) => f);
      const isSection = tag.module === "loop" || tag.subparsed !== undefined;
      if (name !== "." && field === undefined) unknown.push({ tag: name, insideLoops: loops });
      if (isSection) {
        const itemScope = field?.kind === "list" ? (field.item ?? []) : [];
        walk(tag.subparsed ?? [], [itemScope, ...scopes], [...loops, name]);
      }
    }
  };
  walk(tags, [contract], []);
  return unknown;
}

/** Every tag name a template uses, flattened, for `templates check`. */
export function flattenTags(tags: readonly TemplateTag[], loops: string[] = []): { tag: string; insideLoops: string[]; loop: boolean }[] {
  return tags.flatMap((t) => [
    { tag: t.value.trim(), insideLoops: loops, loop: t.subparsed !== undefined },
    ...flattenTags(t.subparsed ?? [], [...loops, t.value.trim()]),
  ]);
}
