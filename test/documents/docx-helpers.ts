import { readFileSync } from "node:fs";
import PizZip from "pizzip";
import { documentKinds, type DocumentKind } from "../../src/documents/document-kinds.js";
import type { DocumentTemplate } from "../../src/documents/render-docx.js";

export function bundledTemplate(kind: DocumentKind): DocumentTemplate {
  const file = documentKinds[kind].template;
  return { name: file, bytes: readFileSync(new URL(`../../templates/${file}`, import.meta.url)) };
}

export function part(bytes: Uint8Array, name: string): string {
  return new PizZip(bytes).file(name)?.asText() ?? "";
}

/** The document's text, a line per paragraph, as a reader would see it. */
export function docxText(bytes: Uint8Array): string {
  const xml = part(bytes, "word/document.xml");
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .filter((line) => line.trim() !== "")
    .join("\n")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/** A copy of a template with its document text edited, as a user would in Word. */
export function editedTemplate(template: DocumentTemplate, edit: (xml: string) => string, name = "my-template.docx"): DocumentTemplate {
  const zip = new PizZip(template.bytes);
  zip.file("word/document.xml", edit(zip.file("word/document.xml")!.asText()));
  return { name, bytes: zip.generate({ type: "uint8array" }) };
}
