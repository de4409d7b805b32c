import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { documentKinds, type DocumentKind } from "../documents/document-kinds.js";
import type { DocumentTemplate } from "../documents/render-docx.js";
import { UsageError, readInputFile, type CliIo } from "./io.js";

export const bundledTemplates = fileURLToPath(new URL("../../templates/", import.meta.url));

/** The authority's own template (--template) or the bundled one for this kind of document. */
export async function loadDocumentTemplate(io: CliIo, kind: DocumentKind, override: string | undefined): Promise<DocumentTemplate> {
  const path = override ?? join(bundledTemplates, documentKinds[kind].template);
  return { name: override ?? `templates/${documentKinds[kind].template}`, bytes: await readInputFile(io, path) };
}

/** Today as an ISO date, unless the user fixed it with --date (the clock stays out of the library). */
export function todayOr(date: string | undefined): string {
  if (date === undefined) return new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new UsageError(`--date must be written YYYY-MM-DD, e.g. 2026-11-21 (got "${date}")`);
  }
  return date;
}
