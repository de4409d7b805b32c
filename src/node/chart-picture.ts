import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Picture } from "../documents/docx-pictures.js";

// resvg is a native renderer shipped as prebuilt binaries on npm: no browser, no system libraries.
// Load it only when a document with charts is made.
const require = createRequire(import.meta.url);
type ResvgCtor = new (svg: string, options: object) => { render(): { asPng(): Uint8Array; width: number; height: number } };

// The fonts travel with the package (SIL Open Font Licence, assets/fonts/OFL.txt), so a chart looks the
// same on every machine, including one with no fonts installed. Atkinson Hyperlegible was designed by
// the Braille Institute for readers with low vision.
const fontFiles = ["AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf"].map((f) => fileURLToPath(new URL(`../../assets/fonts/${f}`, import.meta.url)));


/** Draw an SVG chart as a PNG picture `scale` times its own size, sharp enough to print: the DrawPicture of Node programs and the CLI. */
export function pictureOfSvg(svg: string, scale = 2.5): Picture {
  const { Resvg } = require("@resvg/resvg-js") as { Resvg: ResvgCtor };
  const width = Number(/<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(svg)?.[1] ?? 640);
  const rendered = new Resvg(svg, {
    fitTo: { mode: "width", value: Math.round(width * scale) },
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: "Atkinson Hyperlegible" },
    background: "#ffffff",
  }).render();
  return { png: rendered.asPng(), widthPx: rendered.width, heightPx: rendered.height };
}
