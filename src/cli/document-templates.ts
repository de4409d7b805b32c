import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { documentKinds, type DocumentKind } from "../documents/document-kinds.js";
import type { DocumentTemplate } from "../documents/render-docx.js";
import { readInputFile, type CliIo } from "./io.js";

export const bundledTemplates = fileURLToPath(new URL("../../templates/", import.meta.url));

/** The authority's own template (--template) or the bundled one for this kind of document. */
export async function loadDocumentTemplate(io: CliIo, kind: DocumentKind, override: string | undefined): Promise<DocumentTemplate> {
  const path = override ?? join(bundledTemplates, documentKinds[kind].template);
  return { name: override ?? `templates/${documentKinds[kind].template}`, bytes: await readInputFile(io, path) };
}

/** Today as an ISO date, unless the user fixed it with --date (the clock stays out of the library). */
export function todayOr(date: string | undefined): string {
  return date ?? new Date().toISOString().slice(0, 10);
}
