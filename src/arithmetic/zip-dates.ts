/**
 * Every entry of a zip package (.docx, .xlsx) dated `isoDate` at midnight, so that the same inputs give
 * the same bytes and a published document's SHA-256 can be reproduced later. The zip writers we use
 * (pizzip, JSZip inside exceljs) stamp each entry with the time of
 * writing; the stamp is the only part of their output that differs between runs.
 *
 * The date is written into each central directory record and the local header it points to (APPNOTE.TXT
 * §4.3.7, §4.3.12: "last mod file time" and "last mod file date", MS-DOS format, no time zone). Only
 * packages this library has just written come here: anything unexpected is a bug and throws.
 */
export function withZipDates(bytes: Uint8Array, isoDate: string): Uint8Array {
  return stampZipDates(bytes.slice(), isoDate);
}

/** withZipDates on the package's own bytes, for a writer that has just made them and holds no other reference. */
export function stampZipDates(out: Uint8Array, isoDate: string): Uint8Array {
  const date = dosDate(isoDate);
  const dosTime = 0;
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let end = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("not a zip package: no end of central directory");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new Error("zip64 packages are not written by this library");
  for (let n = 0; n < count; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`zip central directory record ${n} is damaged`);
    view.setUint16(at + 12, dosTime, true);
    view.setUint16(at + 14, date, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error(`zip local header ${n} is damaged`);
    view.setUint16(local + 10, dosTime, true);
    view.setUint16(local + 12, date, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** `isoDate` (YYYY-MM-DD) as a zip entry's MS-DOS date (APPNOTE.TXT 4.4.6). */
export function dosDate(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`zip date must be YYYY-MM-DD, got ${isoDate}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1980 || year > 2107) throw new Error(`a zip cannot be dated ${isoDate}`);
  return ((year - 1980) << 9) | (month << 5) | day;
}
