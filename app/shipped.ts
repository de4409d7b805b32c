import { bundledFiles } from "virtual:bundled-files";
import type { DocumentTemplate } from "../src/documents/render-docx.js";
import type { NamedFile } from "../src/workflows/files.js";

const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

function shipped(path: string): Uint8Array {
  const base64 = bundledFiles[path];
  // Only a build that left a file out can get here: a fault in tender-eval, not in anything the user did.
  if (base64 === undefined) throw new Error(`${path} is missing from this page's build`);
  return bytes(base64);
}

/** A bundled Word template, named as the CLI names it. */
export function shippedTemplate(kind: "evaluation-report" | "assessment-summary" | "whatif-briefing" | "user-panel-form" | "equality-assessment"): DocumentTemplate {
  return { name: `templates/${kind}.docx`, bytes: shipped(`templates/${kind}.docx`) };
}

/** The default review policy, named as the CLI names it in documents. */
export function shippedPolicy(): NamedFile {
  return { name: "policies/uk-default.yaml", bytes: shipped("policies/uk-default.yaml") };
}

/** The ready-made scoring models, as `init --list` offers them. */
export function readyMadeModels(): NamedFile[] {
  return Object.keys(bundledFiles)
    .filter((path) => path.startsWith("scoring-models/"))
    .map((path) => ({ name: path, bytes: shipped(path) }));
}
