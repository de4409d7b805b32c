import { Inflate } from "fflate";
import { SaxesParser, type SaxesTagPlain } from "saxes";

/**
 * The parts of an .xlsx package that hold cell values: the workbook's sheet list, the shared strings,
 * each worksheet's XML and the number format of each cell style, found through the package's
 * relationships as the Open Packaging Conventions say.
 *
 * Read from the zip's central directory, so the order in which a program stored the parts does not
 * matter. (exceljs's streaming reader reads them in stored order and, under load, could lose the last
 * part: Excel and exceljs store `xl/workbook.xml` last, so a valid sheet was sometimes refused as
 * damaged. See exceljs issue #3064.)
 */
export interface XlsxPackage {
  /** Each worksheet's XML as unpacked, undecoded: the worksheet scanner reads the bytes themselves. */
  sheets: { name: string; state: string; xml: Uint8Array }[];
  sharedStrings: string[];
  /**
   * Each cell style's number format code, by style index (a cell's `s` attribute): "0%", "#,##0.00",
   * "General". The number alone cannot tell -15% (shown as a percentage) from -0.15.
   */
  numberFormats: string[];
}

/**
 * How much a workbook may unpack to. A workbook is untrusted input: a few hundred kilobytes of zip can
 * unpack to gigabytes. The limits are fitted to real score sheets with room to spare: a framework's
 * sheet (2,000 bids × 30 criteria) is about 21 MB of worksheet XML and 4 MB of shared strings, packed
 * 12 and 21 times smaller; LibreOffice's parts are packed 3 to 24 times smaller. Zeros, the stuff of a
 * zip bomb, pack about 1,000 times smaller.
 */
export interface XlsxLimits {
  /** The most one part may unpack to, in bytes. */
  partBytes: number;
  /** The most all the parts read may unpack to together, in bytes. */
  totalBytes: number;
  /** The most a part larger than `ratioCheckedFrom` may unpack to, as a multiple of its packed size. */
  ratio: number;
  /** Parts smaller than this may be packed as tightly as they like: they cannot exhaust memory. */
  ratioCheckedFrom: number;
}

const MB = 1024 * 1024;
export const XLSX_LIMITS: Readonly<XlsxLimits> = { partBytes: 64 * MB, totalBytes: 160 * MB, ratio: 200, ratioCheckedFrom: 1 * MB };

/** Why a workbook cannot be read, in words for the person who supplied it. */
export class XlsxReadError extends Error {}

/**
 * A faster way to unpack a part's deflated bytes that a platform may offer (Node's zlib; see
 * src/node/zlib-inflate.ts): the part unpacked, or a throw when it is damaged or would unpack to more
 * than `maxBytes`, without ever holding more than that. Whenever it throws, the part is unpacked again
 * by fflate as without it, so a refused workbook is refused with the same words either way.
 */
export type RawInflate = (packed: Uint8Array, maxBytes: number) => Uint8Array;

/**
 * The same as `RawInflate`, but unpacking off this thread (Node's zlib on its thread pool), so that a
 * reader can scan one workbook while the next is unpacked. It too is tried first, within the same limits,
 * and whenever it fails the part is unpacked by fflate as without it.
 */
export type RawInflateAsync = (packed: Uint8Array, maxBytes: number) => Promise<Uint8Array>;

export function readXlsxPackage(bytes: Uint8Array, limits: Readonly<XlsxLimits> = XLSX_LIMITS, inflateRaw?: RawInflate): XlsxPackage {
  const parts = new Parts(bytes, limits, inflateRaw);
  const { sheets, ...found } = findParts(parts);
  return { ...found, sheets: sheets.map((sheet) => ({ name: sheet.name, state: sheet.state, xml: parts.data(sheet.target) })) };
}

/**
 * `readXlsxPackage`, with the worksheets (nearly all of a score sheet's bytes) unpacked by `inflateRawAsync`
 * where it is given: the same parts in the same order, within the same limits, refused with the same words.
 */
export async function readXlsxPackageAsync(bytes: Uint8Array, limits: Readonly<XlsxLimits> = XLSX_LIMITS, inflateRaw?: RawInflate, inflateRawAsync?: RawInflateAsync): Promise<XlsxPackage> {
  const parts = new Parts(bytes, limits, inflateRaw);
  const { sheets, ...found } = findParts(parts);
  const read: XlsxPackage["sheets"] = [];
  for (const sheet of sheets) read.push({ name: sheet.name, state: sheet.state, xml: inflateRawAsync === undefined ? parts.data(sheet.target) : await parts.dataAsync(sheet.target, inflateRawAsync) });
  return { ...found, sheets: read };
}

/** The shared strings, number formats and the worksheets' part names, read (and so unpacked) in that order. */
function findParts(parts: Parts): Omit<XlsxPackage, "sheets"> & { sheets: { name: string; state: string; target: string }[] } {
  const officeDocument = relationships(parts, "").find((r) => r.type.endsWith("/officeDocument"));
  if (!officeDocument) throw new XlsxReadError("it is a zip file with no workbook inside, so not an .xlsx file");
  const workbookPath = officeDocument.target;
  const workbookRels = relationships(parts, workbookPath);
  const sharedStringsRel = workbookRels.find((r) => r.type.endsWith("/sharedStrings"));
  const sharedStrings = sharedStringsRel ? readSharedStrings(parts.text(sharedStringsRel.target)) : [];
  const stylesRel = workbookRels.find((r) => r.type.endsWith("/styles"));
  const numberFormats = stylesRel && parts.has(stylesRel.target) ? readNumberFormats(parts.text(stylesRel.target)) : [];
  const byId = new Map(workbookRels.map((r) => [r.id, r]));
  const sheets = readSheetList(parts.text(workbookPath)).flatMap((sheet) => {
    const rel = byId.get(sheet.relId);
    // Chart sheets and dialog sheets hold no cells.
    if (!rel || !rel.type.endsWith("/worksheet")) return [];
    return [{ name: sheet.name, state: sheet.state, target: rel.target }];
  });
  return { sheets, sharedStrings, numberFormats };
}

/** One file in the zip, as its central directory describes it. */
interface Entry {
  name: string;
  method: number;
  packedSize: number;
  /** What the zip says the file unpacks to: checked, never trusted. */
  size: number;
  localHeader: number;
}

const megabytes = (n: number) => `${Math.round(n / MB).toLocaleString("en-GB")} MB`;

/**
 * The package's XML parts, unpacked only when read. Every limit is checked against what the zip says
 * before anything is unpacked, and again while unpacking, so a zip whose sizes lie is stopped too.
 */
class Parts {
  private readonly entries = new Map<string, Entry>();
  private readonly unpacked = new Map<string, Uint8Array>();
  private unpackedBytes = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: Readonly<XlsxLimits>,
    private readonly inflateRaw?: RawInflate,
  ) {
    const entries = withPlainErrors(() => centralDirectory(bytes));
    let declared = 0;
    for (const entry of entries) {
      // Only the XML parts are ever read; pictures and the like stay packed.
      if (!/\.(xml|rels)$/i.test(entry.name)) continue;
      if (entry.size > limits.partBytes) {
        throw new XlsxReadError(`it unpacks to far more than any score sheet (${entry.name} unpacks to ${megabytes(entry.size)}; no part of a score sheet comes near ${megabytes(limits.partBytes)})`);
      }
      if (entry.size > limits.ratioCheckedFrom && entry.size > entry.packedSize * limits.ratio) {
        const times = Math.round(entry.size / Math.max(entry.packedSize, 1)).toLocaleString("en-GB");
        throw new XlsxReadError(
          `it unpacks to far more than any score sheet (${entry.name} is packed ${times} times smaller than it unpacks to; spreadsheets pack about 5 to 25 times smaller, so this file looks made to exhaust memory)`,
        );
      }
      declared += entry.size;
      if (declared > limits.totalBytes) {
        throw new XlsxReadError(`it unpacks to far more than any score sheet (more than ${megabytes(limits.totalBytes)} of XML; a score sheet for 2,000 bids is about 25 MB)`);
      }
      // Part names are case-insensitive (OPC §9.1.1.1); zip names carry no leading slash.
      this.entries.set(entry.name.toLowerCase(), entry);
    }
  }

  has(path: string): boolean {
    return this.entries.has(path.toLowerCase());
  }

  text(path: string): string {
    return decoder.decode(this.data(path));
  }

  data(path: string): Uint8Array {
    const key = path.toLowerCase();
    const done = this.unpacked.get(key);
    if (done) return done;
    const entry = this.entries.get(key);
    if (!entry) throw new XlsxReadError(`it is damaged: ${path}, which it refers to, is missing`);
    const data = withPlainErrors(() => this.unpack(entry));
    this.unpacked.set(key, data);
    return data;
  }

  /** `data`, a deflated part tried first with `inflateRawAsync`; anything else as `data` does it. */
  async dataAsync(path: string, inflateRawAsync: RawInflateAsync): Promise<Uint8Array> {
    const key = path.toLowerCase();
    const entry = this.entries.get(key);
    if (this.unpacked.has(key) || entry === undefined || entry.method !== 8) return this.data(path);
    const packed = withPlainErrors(() => packedData(this.bytes, entry));
    // Nothing else is unpacked from this package while this part is, so the bytes still allowed stay as counted.
    const maxBytes = Math.min(entry.size, this.limits.totalBytes - this.unpackedBytes);
    let out: Uint8Array | undefined;
    try {
      out = await inflateRawAsync(packed, maxBytes);
    } catch {
      out = undefined;
    }
    // Refused by the platform: unpacked by fflate alone, which gives the usual reason.
    const data = out !== undefined && out.length <= maxBytes ? out : withPlainErrors(() => this.unpack(entry, false));
    if (data === out) this.unpackedBytes += out.length;
    this.unpacked.set(key, data);
    return data;
  }

  private unpack(entry: Entry, tryPlatform = true): Uint8Array {
    const packed = packedData(this.bytes, entry);
    if (entry.method === 0) return packed;
    if (entry.method !== 8) throw new XlsxReadError(`it is damaged, or packed in a way Excel does not use (${entry.name} uses zip compression method ${entry.method})`);
    if (this.inflateRaw !== undefined && tryPlatform) {
      const fast = this.unpackWith(this.inflateRaw, packed, entry);
      if (fast !== undefined) return fast;
    }
    // Unpack a slice at a time, counting: however the sizes in the zip lie, no more than the size it
    // states (itself within the limits) is ever kept. A slice of deflated data unpacks to at most about
    // 1,032 times its size (258 bytes from 2 bits), so each slice is sized to the bytes still expected:
    // a lie is caught having unpacked at most about what was stated again, and quickly (a slice is
    // unpacked in one go, and unpacking zeros runs at only about 50 MB a second).
    const out = new Uint8Array(entry.size);
    let written = 0;
    const inflate = new Inflate((chunk) => {
      if (written + chunk.length > entry.size || this.unpackedBytes + chunk.length > this.limits.totalBytes) {
        throw new XlsxReadError(`it is damaged, or made to mislead: ${entry.name} unpacks to more than the ${entry.size.toLocaleString("en-GB")} bytes its zip directory states`);
      }
      out.set(chunk, written);
      written += chunk.length;
      this.unpackedBytes += chunk.length;
    });
    let at = 0;
    do {
      const slice = Math.min(64 * 1024, Math.max(1024, Math.ceil((entry.size - written) / 1024)));
      inflate.push(packed.subarray(at, at + slice), at + slice >= packed.length);
      at += slice;
    } while (at < packed.length);
    return written === entry.size ? out : out.subarray(0, written);
  }

  /** The part unpacked by the platform's inflater within the same limits, or undefined to leave it to fflate. */
  private unpackWith(inflateRaw: RawInflate, packed: Uint8Array, entry: Entry): Uint8Array | undefined {
    let out: Uint8Array;
    try {
      out = inflateRaw(packed, Math.min(entry.size, this.limits.totalBytes - this.unpackedBytes));
    } catch {
      return undefined;
    }
    if (out.length > Math.min(entry.size, this.limits.totalBytes - this.unpackedBytes)) return undefined;
    this.unpackedBytes += out.length;
    return out;
  }
}

/** Run a step of reading the zip, putting any error that is not already ours into plain words. */
function withPlainErrors<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof XlsxReadError) throw error;
    throw new XlsxReadError(`it is not an .xlsx file, or it is damaged (${(error as Error).message})`);
  }
}

/**
 * The files a zip lists in its central directory (APPNOTE.TXT §4.3.16), with the zip64 extensions
 * (§4.3.14, §4.5.3). Nothing is unpacked here.
 */
function centralDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Password-protected .xlsx files, and .xls files, are OLE compound documents rather than zips.
  if (bytes.length >= 8 && view.getUint32(0, true) === 0xe011cfd0 && view.getUint32(4, true) === 0xe11ab1a1) {
    throw new XlsxReadError("it is password-protected, or an old .xls workbook: save it as an .xlsx workbook without a password");
  }
  let end = bytes.length - 22;
  // The end record is followed by a comment of at most 65,535 bytes.
  while (end >= 0 && bytes.length - end <= 22 + 0xffff && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0 || bytes.length - end > 22 + 0xffff) throw new XlsxReadError("it is not an .xlsx file, or it is damaged (it is not a zip archive, which every .xlsx file is)");
  let count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (end >= 20 && view.getUint32(end - 20, true) === 0x07064b50) {
    const zip64End = safeNumber(view.getBigUint64(end - 12, true));
    if (view.getUint32(zip64End, true) === 0x06064b50) {
      count = safeNumber(view.getBigUint64(zip64End + 32, true));
      offset = safeNumber(view.getBigUint64(zip64End + 48, true));
    }
  }
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(offset, true) !== 0x02014b50) throw new XlsxReadError("it is damaged: its list of contents cannot be read");
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    let packedSize = view.getUint32(offset + 20, true);
    let size = view.getUint32(offset + 24, true);
    let localHeader = view.getUint32(offset + 42, true);
    // Sizes too big for 32 bits are given in the zip64 extra field, in this order, only where the 32-bit field is all ones.
    const extra = offset + 46 + nameLength;
    for (let at = extra; at + 4 <= extra + extraLength; at += 4 + view.getUint16(at + 2, true)) {
      if (view.getUint16(at, true) !== 1) continue;
      let field = at + 4;
      const next = () => {
        const value = safeNumber(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (size === 0xffffffff) size = next();
      if (packedSize === 0xffffffff) packedSize = next();
      if (localHeader === 0xffffffff) localHeader = next();
    }
    entries.push({ name, method: view.getUint16(offset + 10, true), packedSize, size, localHeader });
    offset = extra + extraLength + commentLength;
  }
  return entries;
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new XlsxReadError("it is damaged: its list of contents gives impossible sizes");
  return Number(value);
}

/** A file's packed bytes, found through its local header (whose own sizes may be zero, so are not used). */
function packedData(bytes: Uint8Array, entry: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeader;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw new XlsxReadError(`it is damaged: ${entry.name} cannot be found where its list of contents says`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.packedSize > bytes.length) throw new XlsxReadError(`it is damaged: ${entry.name} is cut short`);
  return bytes.subarray(start, start + entry.packedSize);
}

const decoder = new TextDecoder("utf-8");

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
  if (!parts.has(relsPath)) return [];
  const found: Relationship[] = [];
  parseXml(parts.text(relsPath), {
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
 * The number formats Excel builds in, by id (ECMA-376 §18.8.30); a workbook names only its own formats
 * (ids from 164). Ids 9 and 10 are the percentages.
 */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Each cell style's number format code, by style index: the `<xf>` list in `<cellXfs>` and the workbook's `<numFmts>`. */
function readNumberFormats(xml: string): string[] {
  const custom = new Map<number, string>();
  const styleFormatIds: number[] = [];
  // `<xf>` also appears in `<cellStyleXfs>` (named styles), which cells do not refer to by index.
  let inCellXfs = false;
  parseXml(xml, {
    open(tag) {
      if (tag === "numFmt") custom.set(Number(this.attributes["numFmtId"]), this.attributes["formatCode"] ?? "");
      else if (tag === "cellXfs") inCellXfs = true;
      else if (tag === "xf" && inCellXfs) styleFormatIds.push(Number(this.attributes["numFmtId"] ?? 0));
    },
    close(tag) {
      if (tag === "cellXfs") inCellXfs = false;
    },
  });
  return styleFormatIds.map((id) => custom.get(id) ?? BUILT_IN_FORMATS[id] ?? "General");
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
