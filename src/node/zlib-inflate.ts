import { inflateRaw, inflateRawSync } from "node:zlib";
import type { RawInflate, RawInflateAsync } from "../spreadsheets/xlsx-package.js";

/**
 * Node's zlib as the workbook reader's inflater: about three times as fast as fflate on a framework's
 * 20 MB worksheet. `maxOutputLength` stops it, with a throw, as soon as a part would unpack to more
 * than the reader allows, so a zip bomb costs no more here than with fflate; on any throw the reader
 * unpacks the part with fflate to give its usual reason.
 */
export const zlibInflateRaw: RawInflate = (packed, maxBytes) => {
  if (maxBytes < 1) throw new RangeError("nothing may be unpacked");
  // One output buffer a byte larger than the most allowed: a part that unpacks to what its zip directory
  // states is unpacked in one piece, never gathered from 16 KB chunks and copied again.
  return inflateRawSync(packed, { maxOutputLength: maxBytes, chunkSize: Math.max(64, maxBytes + 1) });
};

/**
 * `zlibInflateRaw` on libuv's thread pool, within the same bound: the CLI unpacks the next returned
 * workbook's worksheet while this thread reads the one before.
 */
export const zlibInflateRawAsync: RawInflateAsync = (packed, maxBytes) =>
  new Promise((resolve, reject) => {
    if (maxBytes < 1) return reject(new RangeError("nothing may be unpacked"));
    inflateRaw(packed, { maxOutputLength: maxBytes, chunkSize: Math.max(64, maxBytes + 1) }, (error, out) => (error ? reject(error) : resolve(out)));
  });
