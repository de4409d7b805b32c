import { createDeflateRaw, crc32, deflateRawSync, type DeflateRaw } from "node:zlib";
import type { DeflateStream, ZipDeflater } from "../spreadsheets/xlsx-writer.js";

/** Pieces of text handed to zlib and not yet deflated, at most: about 64 KiB each, so a bounded backlog. */
const WAITING = 4;

/**
 * Node's zlib as the workbook writer's deflater: each part is deflated on libuv's thread pool, so a second
 * core compresses while this thread writes the next rows (fflate did both on this thread, and its deflating
 * was over half of writing a framework's results workbook). zlib's state and output are outside the
 * JavaScript heap. The writer awaits `drain()` now and then: that lets zlib's finished pieces be answered
 * (zlib takes the next piece only when this thread hears the last is done), and waits while more than
 * WAITING pieces are still to deflate. A part given in one piece (the workbook's small parts, all made at the
 * end) is deflated at once on this thread: a stream's state is about a third of a megabyte, and ten of them
 * waiting together showed in the process's peak.
 */
export const zlibDeflater: ZipDeflater = {
  stream(level, ondata): DeflateStream {
    let zlib: DeflateRaw | undefined;
    let size = 0;
    let crc = 0;
    let waiting = 0;
    let failure: Error | undefined;
    let wake: (() => void) | undefined;
    const woken = () => {
      const w = wake;
      wake = undefined;
      w?.();
    };
    let finished: ((sum: { size: number; crc: number }) => void) | undefined;
    let failed: ((error: Error) => void) | undefined;
    const done = new Promise<{ size: number; crc: number }>((resolve, reject) => {
      finished = resolve;
      failed = reject;
    });
    const open = () => {
      const stream = createDeflateRaw({ level, chunkSize: 1 << 16 });
      stream.on("data", (chunk: Buffer) => ondata(chunk));
      stream.on("end", () => finished!({ size, crc }));
      stream.on("error", (error) => {
        failure = error;
        woken();
        failed!(error);
      });
      return stream;
    };
    return {
      push(text, final) {
        if (failure !== undefined) throw failure;
        const bytes = Buffer.from(text, "utf8");
        size += bytes.length;
        crc = crc32(bytes, crc);
        if (zlib === undefined && final) {
          try {
            ondata(deflateRawSync(bytes, { level }));
            finished!({ size, crc });
          } catch (error) {
            failed!(error as Error);
          }
          return;
        }
        zlib ??= open();
        waiting++;
        zlib.write(bytes, () => {
          waiting--;
          if (waiting <= WAITING) woken();
        });
        if (final) zlib.end();
      },
      drain() {
        if (waiting === 0) return undefined;
        if (waiting <= WAITING) return new Promise((resolve) => setImmediate(resolve));
        return new Promise((resolve) => (wake = resolve));
      },
      done,
    };
  },
};
