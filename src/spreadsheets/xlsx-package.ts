import { unzipSync } from "fflate";
import { SaxesParser, type SaxesTagPlain } from "saxes";

/**
 * The parts of an .xlsx package that hold cell values: the workbook's sheet list, the shared strings and
 * each worksheet's XML, found through the package's relationships as the Open Packaging Conventions say.
 *
 * Read from the zip's central directory, so the order in which a program stored the parts does not
 * matter. (exceljs's streaming reader reads them in stored order and, under load, could lose the last
 * part: Excel and exceljs store `xl/workbook.xml` last, so a valid sheet was sometimes refused as
 * damaged. See exceljs issue #3064.)
 */
export interface XlsxPackage {
  sheets: { name: string; state: string; xml: string }[];
  sharedStrings: string[];
}

/**
 * A workbook is untrusted input: an archive can claim a small size and inflate to gigabytes. No single
 * part of a real score sheet comes near this (60,000 rows of scores are about 15 MB).
 */
const MAX_PART_BYTES = 512 * 1024 * 1024;
const MAX_TOTAL_BYTES = 1024 * 1024 * 1024;

/** Why a workbook cannot be read, in words for the person who supplied it. */
export class XlsxReadError extends Error {}

export function readXlsxPackage(bytes: Uint8Array): XlsxPackage {
  const parts = unzipParts(bytes);
  const officeDocument = relationships(parts, "").find((r) => r.type.endsWith("/officeDocument"));
  if (!officeDocument) throw new XlsxReadError("it is a zip file with no workbook inside, so not an .xlsx file");
  const workbookPath = officeDocument.target;
  const workbookRels = relationships(parts, workbookPath);
  const sharedStringsRel = workbookRels.find((r) => r.type.endsWith("/sharedStrings"));
  const sharedStrings = sharedStringsRel ? readSharedStrings(partText(parts, sharedStringsRel.target)) : [];
  const byId = new Map(workbookRels.map((r) => [r.id, r]));
  const sheets = readSheetList(partText(parts, workbookPath)).flatMap((sheet) => {
    const rel = byId.get(sheet.relId);
    // Chart sheets and dialog sheets hold no cells.
    if (!rel || !rel.type.endsWith("/worksheet")) return [];
    return [{ name: sheet.name, state: sheet.state, xml: partText(parts, rel.target) }];
  });
  return { sheets, sharedStrings };
}

type Parts = Map<string, Uint8Array>;

function unzipParts(bytes: Uint8Array): Parts {
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!/\.(xml|rels)$/i.test(file.name)) return false;
        total += file.originalSize;
        if (file.originalSize > MAX_PART_BYTES || total > MAX_TOTAL_BYTES) {
          throw new XlsxReadError(`it unpacks to more than ${MAX_TOTAL_BYTES / 1024 / 1024} MB, far more than any score sheet`);
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof XlsxReadError) throw error;
    throw new XlsxReadError(`it is not an .xlsx file, or it is damaged (${(error as Error).message})`);
  }
  // Part names are case-insensitive (OPC §9.1.1.1); zip names carry no leading slash.
  return new Map(Object.entries(files).map(([name, data]) => [name.toLowerCase(), data]));
}

const decoder = new TextDecoder("utf-8");

function partText(parts: Parts, path: string): string {
  const data = parts.get(path.toLowerCase());
  if (!data) throw new XlsxReadError(`it is damaged: ${path}, which it refers to, is missing`);
  return decoder.decode(data);
}

interface Relationship {
  id: string;
  type: string;
  /** The target's part name, resolved against the source part. */
  target: string;
}

/** The relationships of a part ("" for the package itself), from its `_rels/*.rels` part. */
function relationships(parts: Parts, source: string): Relationship[] {
  const slash = source.lastIndexOf("/");
  const folder = source.slice(0, slash + 1);
  const relsPath = `${folder}_rels/${source.slice(slash + 1)}.rels`;
  if (!parts.has(relsPath.toLowerCase())) return [];
  const found: Relationship[] = [];
  parseXml(partText(parts, relsPath), {
    open(tag) {
      if (tag === "Relationship" && this.attributes["TargetMode"] !== "External") {
        found.push({ id: this.attributes["Id"] ?? "", type: this.attributes["Type"] ?? "", target: resolvePartName(folder, this.attributes["Target"] ?? "") });
      }
    },
  });
  return found;
}

function resolvePartName(folder: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : folder + target).split("/");
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === "..") resolved.pop();
    else if (segment !== "." && segment !== "") resolved.push(segment);
  }
  return resolved.join("/");
}

function readSheetList(xml: string): { name: string; state: string; relId: string }[] {
  const sheets: { name: string; state: string; relId: string }[] = [];
  parseXml(xml, {
    open(tag) {
      if (tag !== "sheet") return;
      const relId = Object.entries(this.attributes).find(([name]) => name === "r:id" || name.endsWith(":id"))?.[1] ?? "";
      sheets.push({ name: this.attributes["name"] ?? "", state: this.attributes["state"] ?? "visible", relId });
    },
  });
  return sheets;
}

function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const text = new StringItemText();
  parseXml(xml, {
    open(tag) {
      if (tag === "si") text.start();
      else text.open(tag);
    },
    text(value) {
      text.add(value);
    },
    close(tag) {
      if (tag === "si") strings.push(text.value());
      else text.close(tag);
    },
  });
  return strings;
}

/**
 * The text of a string item (`<si>` or an inline `<is>`): its `<t>` elements, plain or in rich-text
 * runs, but not the phonetic guide (`<rPh>`) that Japanese text may carry.
 */
export class StringItemText {
  private parts: string[] = [];
  private inText = false;
  private phoneticDepth = 0;

  start(): void {
    this.parts = [];
    this.inText = false;
    this.phoneticDepth = 0;
  }
  open(tag: string): void {
    if (tag === "rPh") this.phoneticDepth++;
    else if (tag === "t" && this.phoneticDepth === 0) this.inText = true;
  }
  close(tag: string): void {
    if (tag === "rPh") this.phoneticDepth--;
    else if (tag === "t") this.inText = false;
  }
  add(value: string): void {
    if (this.inText) this.parts.push(value);
  }
  value(): string {
    return decodeEscapes(this.parts.join(""));
  }
}

/** OOXML writes characters XML cannot hold as `_xHHHH_` (ECMA-376 §22.9.2.19). */
export function decodeEscapes(text: string): string {
  return text.includes("_x") ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

export interface XmlHandlers {
  /** An element opens; its local name (any namespace prefix removed), with `this.attributes`. */
  open?(this: { attributes: Record<string, string> }, tag: string): void;
  text?(value: string): void;
  close?(tag: string): void;
}

/**
 * Parse XML with saxes, a conforming parser that never fetches or expands external entities. Element
 * names lose their namespace prefix: some programs write `<x:row>` where Excel writes `<row>`.
 */
export function parseXml(xml: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ position: false, xmlns: false });
  const local = (name: string) => {
    const colon = name.indexOf(":");
    return colon < 0 ? name : name.slice(colon + 1);
  };
  parser.on("error", (error) => {
    throw new XlsxReadError(`it is damaged: part of it cannot be read as XML (${error.message})`);
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (tag: SaxesTagPlain) => open.call({ attributes: tag.attributes }, local(tag.name)));
  }
  if (handlers.text) {
    const text = handlers.text;
    parser.on("text", text);
    parser.on("cdata", text);
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(local(tag.name)));
  }
  parser.write(xml).close();
}
