import { bundledFiles } from "virtual:bundled-files";
import type { DocumentTemplate } from "../src/documents/render-docx.js";
import type { NamedFile } from "../src/workflows/files.js";

const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/** A bundled Word template, named as the CLI names it. */
export function shippedTemplate(kind: "evaluation-report" | "assessment-summary" | "user-panel-form" | "equality-assessment"): DocumentTemplate {
  return { name: `templates/${kind}.docx`, bytes: bytes(bundledFiles[`templates/${kind}.docx`]) };
}

/** The default review policy, named as the CLI names it in documents. */
export function shippedPolicy(): NamedFile {
  return { name: "policies/uk-default.yaml", bytes: bytes(bundledFiles["policies/uk-default.yaml"]) };
}

/** The ready-made scoring models the package ships (scoring-models/*.yaml), as `init --list` reads them. */
export function shippedModels(): NamedFile[] {
  return Object.entries(bundledFiles)
    .filter((e): e is [string, string] => e[0].startsWith("scoring-models/") && e[1] !== undefined)
    .map(([name, base64]) => ({ name, bytes: bytes(base64) }));
}
