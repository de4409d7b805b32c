import { readFileSync } from "node:fs";
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { documentKinds } from "../../src/documents/document-kinds.js";

describe("bundled templates are built from their readable sources", () => {
  it.each(Object.values(documentKinds).map((k) => k.template))("templates/%s matches templates/source (run node templates/build.mjs)", async (file) => {
    // @ts-expect-error: the build script is plain JavaScript, run by node and by this test.
    const { buildTemplate } = (await import("../../templates/build.mjs")) as { buildTemplate(name: string): Promise<Uint8Array> };
    const built = new PizZip(await buildTemplate(file.replace(/\.docx$/, "")));
    const committed = new PizZip(readFileSync(new URL(`../../templates/${file}`, import.meta.url)));
    for (const name of Object.keys(committed.files)) expect(built.file(name)?.asText(), name).toBe(committed.file(name)?.asText());
  });
});
