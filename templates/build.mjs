#!/usr/bin/env node
// Builds templates/*.docx from templates/source/*.mjs, reproducibly (fixed timestamps), so a change to a
// template is reviewed as a change to its source. Usage: node templates/build.mjs [--out folder]
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Packer } from "docx";
import PizZip from "pizzip";

const here = dirname(fileURLToPath(import.meta.url));
const outIndex = process.argv.indexOf("--out");
const out = outIndex > 0 ? process.argv[outIndex + 1] : here;
const FIXED = new Date("2026-01-01T00:00:00Z");

export async function buildTemplate(name) {
  const { default: doc } = await import(pathToFileURL(join(here, "source", `${name}.mjs`)).href);
  const zip = new PizZip(await Packer.toBuffer(doc));
  const fixed = new PizZip();
  for (const file of Object.keys(zip.files).sort()) {
    if (zip.files[file].dir) continue;
    let content = zip.file(file).asText();
    if (file === "docProps/core.xml") {
      content = content
        .replace(/(<dcterms:created[^>]*>)[^<]*/, `$1${FIXED.toISOString().replace(".000", "")}`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*/, `$1${FIXED.toISOString().replace(".000", "")}`)
        .replace(/<dc:language>[^<]*<\/dc:language>/, "")
        .replace("</cp:coreProperties>", "<dc:language>en-GB</dc:language></cp:coreProperties>");
    }
    fixed.file(file, content, { date: FIXED });
  }
  return fixed.generate({ type: "nodebuffer", compression: "DEFLATE" });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(out, { recursive: true });
  for (const source of readdirSync(join(here, "source")).filter((f) => f.endsWith(".mjs") && f !== "blocks.mjs")) {
    const name = source.replace(/\.mjs$/, "");
    writeFileSync(join(out, `${name}.docx`), await buildTemplate(name));
    console.log(`Built ${join(out, `${name}.docx`)}`);
  }
}
