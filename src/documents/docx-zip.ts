import { deflateSync } from "fflate";
import { dosDate } from "../arithmetic/zip-dates.js";

/**
 * The zip a rendered .docx is written as: every part deflated (fflate, in JavaScript, so the browser writes
 * the same bytes), every entry dated the document's date at midnight. A part that is the same as in an
 * earlier document of the run (the styles, the fonts, the numbering: every part but those a letter's data
 * changes) keeps the entry deflated then, so a run of letters deflates each letter's own text only
 * (issue 15: pizzip deflating every letter whole was a quarter of its time).
 */
export interface ZipPart {
  name: string;
  /** An entry for a folder (its name ends with "/"): no content. */
  dir: boolean;
  crc: number;
  size: number;
  method: 0 | 8;
  /** In one piece, or in the pieces a streaming deflater gave (copied once, into the zip). */
  compressed: Uint8Array | readonly Uint8Array[];
}

const lengthOf = (compressed: ZipPart["compressed"]) => (compressed instanceof Uint8Array ? compressed.length : compressed.reduce((n, c) => n + c.length, 0));

const CRC_TABLE = (() => {
  const table = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) table[k * 256 + n] = (table[(k - 1) * 256 + n]! >>> 8) ^ table[table[(k - 1) * 256 + n]! & 0xff]!;
  return table;
})();

/** CRC-32 (ISO 3309, as zip uses it), eight bytes at a step; `crc` continues the sum of the bytes before `data`. */
export function crc32(data: Uint8Array, crc = 0): number {
  const t = CRC_TABLE;
  let c = crc ^ -1;
  let i = 0;
  for (const end = data.length - 7; i < end; i += 8) {
    c ^= data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    c =
      t[1792 + (c & 0xff)]! ^ t[1536 + ((c >>> 8) & 0xff)]! ^ t[1280 + ((c >>> 16) & 0xff)]! ^ t[1024 + (c >>> 24)]! ^
      t[768 + data[i + 4]!]! ^ t[512 + data[i + 5]!]! ^ t[256 + data[i + 6]!]! ^ t[data[i + 7]!]!;
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** A file's entry, deflated; an empty file or a folder is stored. */
export function zipPart(name: string, data: Uint8Array, dir = false): ZipPart {
  if (dir || data.length === 0) return { name, dir, crc: 0, size: 0, method: 0, compressed: new Uint8Array(0) };
  return { name, dir, crc: crc32(data), size: data.length, method: 8, compressed: deflateSync(data, { level: 6 }) };
}

const encoder = new TextEncoder();

/** The zip of `parts`, in order, every entry dated `isoDate` (YYYY-MM-DD) at midnight. */
export function writeZip(parts: readonly ZipPart[], isoDate: string): Uint8Array {
  const date = dosDate(isoDate);
  const names = parts.map((p) => encoder.encode(p.name));
  let size = 22;
  const lengths = parts.map((p) => lengthOf(p.compressed));
  names.forEach((name, i) => (size += 30 + 46 + 2 * name.length + lengths[i]!));
  if (parts.length > 0xffff || size > 0xffffffff) throw new Error("a document this large would need zip64, which this library does not write");
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  // Bit 11: the name is UTF-8 (APPNOTE.TXT 4.4.4), set only where it is not plain ASCII.
  const flags = (name: Uint8Array) => (name.some((b) => b > 0x7f) ? 0x0800 : 0);
  parts.forEach((p, i) => {
    const name = names[i]!;
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, flags(name), true);
    view.setUint16(at + 8, p.method, true);
    view.setUint16(at + 10, 0, true);
    view.setUint16(at + 12, date, true);
    view.setUint32(at + 14, p.crc, true);
    view.setUint32(at + 18, lengths[i]!, true);
    view.setUint32(at + 22, p.size, true);
    view.setUint16(at + 26, name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(name, at + 30);
    let data = at + 30 + name.length;
    for (const piece of p.compressed instanceof Uint8Array ? [p.compressed] : p.compressed) {
      out.set(piece, data);
      data += piece.length;
    }
    at = data;
  });
  const central = at;
  parts.forEach((p, i) => {
    const name = names[i]!;
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, flags(name), true);
    view.setUint16(at + 10, p.method, true);
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, date, true);
    view.setUint32(at + 16, p.crc, true);
    view.setUint32(at + 20, lengths[i]!, true);
    view.setUint32(at + 24, p.size, true);
    view.setUint16(at + 28, name.length, true);
    // Extra field, comment, disk number, internal attributes: none. External attributes: MS-DOS's directory bit for a folder.
    view.setUint32(at + 38, p.dir ? 0x10 : 0, true);
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(name, at + 46);
    at += 46 + name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, at - central, true);
  view.setUint32(at + 16, central, true);
  return out;
}
