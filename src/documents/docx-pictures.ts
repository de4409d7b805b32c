import { escapeHtml } from "../presentation/escape.js";

/**
 * Pictures in a Word document: a chart goes in where the template has a raw tag such as {@chart.picture}
 * standing alone in its paragraph. Only pictures the program made can be placed this way; the parser
 * refuses any other value in a raw tag, so no text from a bid or a template reaches the XML unescaped.
 */
/** A chart drawn as a PNG picture, with its size in pixels. */
export interface Picture {
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
}

/**
 * Draws an SVG chart as a picture for a Word document. Drawing needs a renderer, which is the platform's:
 * resvg with the bundled fonts in Node (node/chart-picture.ts), a canvas in a browser.
 */
export type DrawPicture = (svg: string) => Picture | Promise<Picture>;

export interface DocxPicture {
  /** The value the data gives the raw tag, e.g. "chart-price". */
  id: string;
  png: Uint8Array;
  widthPx: number;
  heightPx: number;
  /** Alternative text, read out by screen readers. */
  description: string;
}

const EMU_PER_CM = 360_000;
// A4 less 1.8 cm margins leaves 17.4 cm: pictures are a little narrower than the text.
const PICTURE_WIDTH_CM = 16.5;
const PNG_TYPE = '<Default Extension="png" ContentType="image/png"/>';
const IMAGE_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

// Namespaces are declared where they are used, so a template that lacks them at its root still works.
export interface PlacedPicture {
  picture: DocxPicture;
  relationshipId: string;
  mediaPath: string;
  xml: string;
}

/** The paragraph that shows picture number `n` (1-based) inline, at the text's width. */
export function placePicture(picture: DocxPicture, n: number): PlacedPicture {
  const relationshipId = `rIdTenderEvalPicture${n}`;
  const mediaPath = `media/tender-eval-picture-${n}.png`;
  const cx = Math.round(PICTURE_WIDTH_CM * EMU_PER_CM);
  const cy = Math.round((cx * picture.heightPx) / picture.widthPx);
  const id = 9000 + n;
  const descr = escapeHtml(picture.description);
  const xml =
    `<w:p><w:pPr><w:spacing w:before="120" w:after="120"/></w:pPr><w:r><w:drawing>` +
    `<wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${id}" name="Chart ${n}" descr="${descr}"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
    `<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="${id}" name="chart-${n}.png" descr="${descr}"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="${relationshipId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>` +
    `</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
  return { picture, relationshipId, mediaPath, xml };
}

interface Zip {
  file(name: string): { asText(): string } | null;
  file(name: string, data: string | Uint8Array): unknown;
}

/** Add the placed pictures' files, relationships and content type to a rendered document. */
export function addPicturesToZip(zip: Zip, placed: readonly PlacedPicture[]): void {
  if (placed.length === 0) return;
  const relsPath = "word/_rels/document.xml.rels";
  let rels = zip.file(relsPath)?.asText() ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  for (const p of placed) {
    zip.file(`word/${p.mediaPath}`, p.picture.png);
    rels = rels.replace("</Relationships>", `<Relationship Id="${p.relationshipId}" Type="${IMAGE_RELATIONSHIP}" Target="${p.mediaPath}"/></Relationships>`);
  }
  zip.file(relsPath, rels);
  const types = zip.file("[Content_Types].xml")?.asText();
  if (types !== undefined && !/Extension="png"/i.test(types)) zip.file("[Content_Types].xml", types.replace("</Types>", `${PNG_TYPE}</Types>`));
}
