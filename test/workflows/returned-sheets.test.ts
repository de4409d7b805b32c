import { describe, expect, it } from "vitest";
import { zlibInflateRaw, zlibInflateRawAsync } from "../../src/node/zlib-inflate.js";
import { inThreadRuntime, readReturnedSheets } from "../../src/workflows/index.js";
import { loadExample } from "../example-tender.js";
import { filledSheets } from "../spreadsheets/sheets-fixtures.js";

describe("returned workbooks read while the next is unpacked off this thread", () => {
  it("give the same bids and the same problems, in the same order, as read one after another", async () => {
    const input = loadExample();
    const good = [...(await filledSheets())].map(([name, bytes]) => ({ name, bytes }));
    const first = good[0]!;
    const damaged = first.bytes.slice();
    damaged.fill(7, damaged.length >> 2, damaged.length >> 1);
    const mixes = [
      good,
      [{ name: "empty.xlsx", bytes: new Uint8Array() }, ...good.slice(1), { name: "damaged.xlsx", bytes: damaged }, { name: "cut.xlsx", bytes: first.bytes.subarray(0, first.bytes.length >> 1) }],
    ];
    for (const sheets of mixes) {
      const context = { ...input, bids: { ...input.bids, bids: input.bids.bids.map((b) => ({ ...b, scores: {} })) }, allowIncomplete: false };
      const plain = await readReturnedSheets(sheets, context);
      const overlapped = await readReturnedSheets(sheets, context, { ...inThreadRuntime, inflateRaw: zlibInflateRaw, inflateRawAsync: zlibInflateRawAsync });
      expect(overlapped).toEqual(plain);
    }
  });
});
