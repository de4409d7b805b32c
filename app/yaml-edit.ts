import { isMap, isScalar, isSeq, parse, parseDocument, stringify } from "yaml";

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
  const before = doc.getIn(path, true);
  if (value === undefined) doc.deleteIn(path);
  else doc.setIn(path, value);
  // A value typed over another is written over it in the text, so every other byte stays as it was; the
  // yaml library's own writing of the whole file keeps the comments but can move them to another indent.
  const inPlace = isScalar(before) && before.range != null && isPlain(value) ? replaced(text, before.range, value) : undefined;
  if (inPlace !== undefined && JSON.stringify(parse(inPlace)) === JSON.stringify(doc.toJS())) return inPlace;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

const isPlain = (value: unknown): value is string | number | boolean => typeof value === "string" || typeof value === "number" || typeof value === "boolean";

/** The text with the scalar at a range written anew: one line always (text with a line break in double quotes). */
function replaced(text: string, range: readonly [number, number, number], value: string | number | boolean): string | undefined {
  const written = typeof value === "string" && /[\r\n]/.test(value) ? JSON.stringify(value) : stringify(value, { lineWidth: 0 }).trimEnd();
  if (written.includes("\n")) return undefined;
  return text.slice(0, range[0]) + written + text.slice(range[1]);
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
