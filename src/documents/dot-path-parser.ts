/**
 * The only template expression language: a dot path of own properties, e.g. `tender.title`, or `.`
 * for the current loop item. No operators, calls, indexing or prototype access, so an untrusted
 * template cannot reach `constructor`, `process` or the file system.
 */
const DOT_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const FORBIDDEN = new Set(["__proto__", "prototype", "constructor"]);

export function isDotPath(tag: string): boolean {
  return tag === "." || (DOT_PATH.test(tag) && !tag.split(".").some((s) => FORBIDDEN.has(s)));
}

export function resolveDotPath(scope: unknown, tag: string): unknown {
  if (tag === ".") return scope;
  let current = scope;
  for (const segment of tag.split(".")) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** A docxtemplater parser: tags that are not plain dot paths fail to compile, with the tag named. */
export function dotPathParser(tag: string): { get(scope: unknown): unknown } {
  return pictureAwareParser(new Map())(tag);
}

/**
 * The dot-path parser, where a raw tag ({@path}, which docxtemplater inserts as XML) may only name one of
 * the program's own pictures: its value must be a picture id, and the picture's XML is given instead.
 * Any other value in a raw tag is refused, so text from a bid cannot be inserted into the document's XML.
 */
export function pictureAwareParser(pictures: ReadonlyMap<string, string>, onUse?: (id: string) => void) {
  return (tag: string, meta?: { tag?: { module?: string } }): { get(scope: unknown): unknown } => {
    const path = tag.trim();
    if (!isDotPath(path)) {
      throw new Error(`it is not a field name (templates may only use names like tender.title, with no operators, calls or hidden properties)`);
    }
    if (meta?.tag?.module !== "rawxml") return { get: (scope) => resolveDotPath(scope, path) };
    return {
      get: (scope) => {
        const value = resolveDotPath(scope, path);
        if (value === undefined || value === null) return value;
        const xml = typeof value === "string" ? pictures.get(value) : undefined;
        if (xml === undefined) throw new Error(`{@${path}} inserts raw content, which only a chart may be; write {${path}} to print it as text`);
        onUse?.(value as string);
        return xml;
      },
    };
  };
}
