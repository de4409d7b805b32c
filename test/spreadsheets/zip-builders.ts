import { Deflate, strToU8 } from "fflate";

/**
 * Zip files written by hand, for zip bombs and damaged workbooks: built without ever holding what they
 * unpack to. Shared by the zip-bomb tests and the hostile-input corpus.
 */

export const MB = 1024 * 1024;

/**
 * `megabytes` MB of zeros, deflated, built from one deflated megabyte repeated: each copy is a complete
 * non-final block ending on a byte boundary (a sync flush), so copies can follow one another, and an
 * empty stored final block closes the stream. About 1 KB per MB, so 400 MB is about 400 KB.
 */
export function deflatedZeros(megabytes: number): Uint8Array {
  const pieces: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => pieces.push(chunk));
  deflate.push(new Uint8Array(MB), false);
  deflate.flush(true);
  const one = concat(pieces);
  const finalBlock = Uint8Array.of(1, 0, 0, 0xff, 0xff);
  const out = new Uint8Array(one.length * megabytes + finalBlock.length);
  for (let i = 0; i < megabytes; i++) out.set(one, i * one.length);
  out.set(finalBlock, one.length * megabytes);
  return out;
}

export function concat(pieces: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

export interface ZipEntry {
  name: string;
  /** The bytes as stored: deflated for method 8. */
  data: Uint8Array;
  method: 0 | 8;
  /** The unpacked size written in both headers: true, or a lie. */
  size: number;
}

/** A zip written by hand (APPNOTE.TXT §4.3), so its headers can say whatever the test needs. CRCs are left 0. */
export function zip(entries: readonly ZipEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(8, entry.method, true);
    l.setUint32(18, entry.data.length, true);
    l.setUint32(22, entry.size, true);
    l.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(10, entry.method, true);
    c.setUint32(20, entry.data.length, true);
    c.setUint32(24, entry.size, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, entry.data);
    centrals.push(central);
    offset += local.length + entry.data.length;
  }
  const directory = concat(centrals);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, directory.length, true);
  e.setUint32(16, offset, true);
  return concat([...locals, directory, end]);
}

export const stored = (name: string, xml: string): ZipEntry => {
  const data = strToU8(xml);
  return { name, data, method: 0, size: data.length };
};

/** A valid workbook around the given worksheet entries (named xl/worksheets/sheetN.xml, N from 1). */
export function workbookWith(sheets: readonly ZipEntry[]): Uint8Array {
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return zip([
    stored("_rels/.rels", `<Relationships><Relationship Id="r1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    stored("xl/workbook.xml", `<workbook xmlns:r="${rel}"><sheets>${sheets.map((_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="s${i + 1}"/>`).join("")}</sheets></workbook>`),
    stored("xl/_rels/workbook.xml.rels", `<Relationships>${sheets.map((s, i) => `<Relationship Id="s${i + 1}" Type="${rel}/worksheet" Target="${s.name.replace("xl/", "")}"/>`).join("")}</Relationships>`),
    ...sheets,
  ]);
}

export const zerosSheet = (megabytes: number, claimedSize = megabytes * MB, n = 1): ZipEntry => ({ name: `xl/worksheets/sheet${n}.xml`, data: deflatedZeros(megabytes), method: 8, size: claimedSize });
