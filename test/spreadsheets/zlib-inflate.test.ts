import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { zlibInflateRaw, zlibInflateRawAsync } from "../../src/node/zlib-inflate.js";
import { parseUnpacked, parseWorkbook, unpackWorkbook } from "../../src/spreadsheets/read-workbook.js";
import { makeScoreSheets } from "../../src/spreadsheets/score-sheets.js";
import { XLSX_LIMITS, readXlsxPackage, readXlsxPackageAsync } from "../../src/spreadsheets/xlsx-package.js";
import { modelHash } from "../../src/model/model-hash.js";
import { loadExample } from "../example-tender.js";
import { fillScoreSheet } from "./fill.js";
import { MB, stored, workbookWith, zerosSheet, zip } from "./zip-builders.js";

/**
 * The CLI unpacks workbooks with Node's zlib (src/node/zlib-inflate.ts) where the browser uses fflate.
 * A workbook must read the same, or be refused for the same reason, whichever unpacks it: the limits
 * on what a workbook may unpack to hold for both, and a damaged part is refused in fflate's words.
 */
const input = loadExample();
const generated = await makeScoreSheets({ ...input, modelHash: modelHash(input.model), date: "2026-11-21" });
const filled = await fillScoreSheet(generated.find((s) => s.fileName === "score-sheet-E1.xlsx")!.bytes, input.bids);
const libreOffice = new Uint8Array(readFileSync(new URL("../fixtures/libreoffice/score-sheet-E3-saved-by-libreoffice.xlsx", import.meta.url)));

// Node's zlib on this thread, and on its thread pool for the worksheets (unpacked, then read, as the CLI
// does to overlap workbooks), each against fflate alone.
const both = async (bytes: Uint8Array) => {
  const fflate = await parseWorkbook(bytes);
  expect(parseUnpacked(await unpackWorkbook(bytes, zlibInflateRaw, zlibInflateRawAsync))).toEqual(fflate);
  expect(parseUnpacked(await unpackWorkbook(bytes))).toEqual(fflate);
  return { zlib: await parseWorkbook(bytes, zlibInflateRaw), fflate };
};

describe("Node's zlib reads a workbook exactly as fflate does", () => {
  it("generated, filled-in and LibreOffice-saved workbooks", async () => {
    for (const bytes of [filled, libreOffice, ...generated.map((s) => s.bytes)]) {
      const { zlib, fflate } = await both(bytes);
      expect(zlib.ok).toBe(true);
      expect(zlib).toEqual(fflate);
    }
  });

  it("zip bombs are refused with the same words, by declared size, by ratio and while unpacking", async () => {
    for (const bytes of [workbookWith([zerosSheet(400)]), workbookWith([zerosSheet(60)]), workbookWith([zerosSheet(400, 1000)]), workbookWith([zerosSheet(2, 3 * MB)])]) {
      const { zlib, fflate } = await both(bytes);
      expect(zlib).toEqual(fflate);
    }
    const parts = workbookWith([zerosSheet(1, MB, 1), zerosSheet(1, MB, 2), zerosSheet(1, MB, 3)]);
    const limits = { ...XLSX_LIMITS, totalBytes: 2 * MB, ratio: Infinity };
    expect(() => readXlsxPackage(parts, limits, zlibInflateRaw)).toThrow("it unpacks to far more than any score sheet (more than 2 MB of XML");
    expect(readXlsxPackage(parts, { ...limits, totalBytes: 3.1 * MB }, zlibInflateRaw).sheets.map((s) => s.xml.length)).toEqual([MB, MB, MB]);
    await expect(readXlsxPackageAsync(parts, limits, zlibInflateRaw, zlibInflateRawAsync)).rejects.toThrow("it unpacks to far more than any score sheet (more than 2 MB of XML");
    expect((await readXlsxPackageAsync(parts, { ...limits, totalBytes: 3.1 * MB }, zlibInflateRaw, zlibInflateRawAsync)).sheets.map((s) => s.xml.length)).toEqual([MB, MB, MB]);
  });

  it("a part that unpacks to more than its zip directory states is stopped at the stated size", async () => {
    const lying = workbookWith([zerosSheet(1, 1000)]);
    expect(() => readXlsxPackage(lying, XLSX_LIMITS, zlibInflateRaw)).toThrow("unpacks to more than the 1,000 bytes its zip directory states");
    await expect(readXlsxPackageAsync(lying, XLSX_LIMITS, zlibInflateRaw, zlibInflateRawAsync)).rejects.toThrow("unpacks to more than the 1,000 bytes its zip directory states");
    expect(() => zlibInflateRaw(zerosSheet(1).data, 1000)).toThrow();
    await expect(zlibInflateRawAsync(zerosSheet(1).data, 1000)).rejects.toThrow();
  });

  it("empty and stored parts, and a zip cut short", async () => {
    const empty = workbookWith([stored("xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>")]);
    for (const bytes of [zip([]), empty, empty.subarray(0, empty.length - 30), filled.subarray(0, filled.length >> 1)]) {
      const { zlib, fflate } = await both(bytes);
      expect(zlib).toEqual(fflate);
    }
  });

  it("a workbook with damaged bytes anywhere is read, or refused, the same either way", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ at: fc.nat({ max: filled.length - 1 }), byte: fc.nat({ max: 255 }) }), { minLength: 1, maxLength: 4 }), async (damage) => {
        const bytes = filled.slice();
        for (const { at, byte } of damage) bytes[at] = byte;
        const { zlib, fflate } = await both(bytes);
        expect(zlib).toEqual(fflate);
      }),
      { numRuns: 150 },
    );
  });
});
