import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { zlibDeflater } from "../../src/node/zlib-deflate.js";
import { workerThreadRuntime } from "../../src/node/worker-runtime.js";
import { parseWorkbook } from "../../src/spreadsheets/read-workbook.js";
import { XF, XlsxWriter, type ZipDeflater } from "../../src/spreadsheets/xlsx-writer.js";
import { inThreadRuntime, resultsWorkbook, scoreTender, type NamedFile } from "../../src/workflows/index.js";
import { exampleFolder } from "../example-tender.js";

/**
 * The CLI packs the results workbook with Node's zlib (src/node/zlib-deflate.ts) where the browser page
 * and the library by default use fflate. The two compress differently, so the zips' bytes differ; what a
 * spreadsheet opens (every unpacked part, in the same order) must not.
 */
const parts = (bytes: Uint8Array) => Object.entries(unzipSync(bytes)).map(([name, data]) => [name, Buffer.from(data).toString("utf8")]);
const read = (name: string): NamedFile => ({ name, bytes: readFileSync(join(exampleFolder, name)) });

/** A workbook of many rows, awaiting the deflater as the results workbook does, so the text reaches it in many pieces. */
async function bigBook(deflater?: ZipDeflater) {
  const book = new XlsxWriter({ title: "Big", creator: "Riverside", date: "2026-11-21" }, { deflater });
  const sheet = book.addSheet("Rows", { widths: [10, 40], headerRows: 1 });
  sheet.row(["Row", "Text", "Twice"], XF.header);
  for (let r = 2; r <= 20_000; r++) {
    sheet.row([r, `text of row ${r} £ – ${"x".repeat(r % 50)}`, { formula: `A${r}*2`, result: 2 * r }], [XF.plain, XF.wrap, XF.points]);
    if (r % 64 === 0) await sheet.drain();
  }
  return book.finish();
}

describe("the results workbook packed by Node's zlib", () => {
  it("unpacks to the same parts as fflate's, and reads back the same, over many pieces of text", async () => {
    const [zlib, fflate] = [await bigBook(zlibDeflater), await bigBook()];
    expect(Buffer.from(zlib).equals(Buffer.from(fflate))).toBe(false);
    expect(parts(zlib)).toEqual(parts(fflate));
    expect(await parseWorkbook(zlib)).toEqual(await parseWorkbook(fflate));
    // The same rows and date give the same bytes with zlib too.
    expect(Buffer.from(await bigBook(zlibDeflater)).equals(Buffer.from(zlib))).toBe(true);
  });

  it("the CLI's results workbook (the worker runtime's deflater) holds what the browser page's does", async () => {
    const scored = await scoreTender({ specification: read("specification.yaml"), model: read("scoring-model.yaml"), bids: read("bids.yaml") }, { runtime: inThreadRuntime });
    if (!scored.ok) throw new Error("the example must score");
    const cli = await resultsWorkbook(scored.value, { date: "2026-11-21", runtime: workerThreadRuntime(1) });
    // The page calls the workflow with no deflater (fflate), as here: test/app/browser-app.test.ts checks its bytes equal these.
    const page = await resultsWorkbook(scored.value, { date: "2026-11-21" });
    expect(parts(cli)).toEqual(parts(page));
    expect(parts(cli).map(([name]) => name)).toContain("xl/worksheets/sheet1.xml");
  });

  it("a deflater that fails is reported when the workbook is finished, not lost", async () => {
    const failing: ZipDeflater = {
      stream: (level, ondata) => {
        const stream = zlibDeflater.stream(level, ondata);
        return { ...stream, done: Promise.reject(new Error("disk on fire")) };
      },
    };
    const book = new XlsxWriter({ title: "T", creator: "C", date: "2026-11-21" }, { deflater: failing });
    book.addSheet("S", { widths: [], headerRows: 0 }).row(["a"]);
    await expect(book.finish()).rejects.toThrow("disk on fire");
  });
});
