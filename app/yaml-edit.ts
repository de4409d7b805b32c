import { isMap, isSeq, parseDocument } from "yaml";

/** A place in a YAML file: keys and list positions, as the file has them. */
export type YamlPath = readonly (string | number)[];

/** The value at a place in a YAML file's text, as plain data (undefined when absent or the text does not parse). */
export function valueAt(text: string, path: YamlPath): unknown {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  const node = doc.getIn(path, true) as unknown;
  return node !== null && typeof node === "object" && "toJSON" in node ? (node as { toJSON(): unknown }).toJSON() : node;
}

/**
 * The text with one value changed, the rest of the file (its comments, its order, its other values) kept as
 * the person or `init` wrote it: the form edits the file the workflows read, never a copy of its data.
 * Undefined removes the value.
 */
export function withValue(text: string, path: YamlPath, value: unknown): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return text;
  if (value === undefined) doc.deleteIn(path);
  else doc.setIn(path, value);
  return doc.toString({ lineWidth: 0 });
}

/** How many items the list at a place holds (0 when it is absent or not a list). */
export function lengthAt(text: string, path: YamlPath): number {
  const node = parseDocument(text).getIn(path, true);
  return isSeq(node) ? node.items.length : 0;
}

/** The keys of the mapping at a place, in the file's order. */
export function keysAt(text: string, path: YamlPath): string[] {
  const node = parseDocument(text).getIn(path, true);
  return isMap(node) ? node.items.map((pair) => String((pair.key as { value?: unknown })?.value ?? pair.key)) : [];
}
