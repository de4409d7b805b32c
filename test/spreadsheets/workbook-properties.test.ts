import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { inThreadRuntime, scoreTender, type NamedFile, type TenderFiles } from "../../src/workflows/index.js";
import { exampleFolder, loadExample } from "../example-tender.js";
import { filledSheets } from "./sheets-fixtures.js";

/**
 * Whatever a returned workbook has been through (a damaged download, a hand-edited part, a program that
 * writes odd XML), reading it ends in scores or in located problems: never an exception.
 */
const read = (name: string): NamedFile => ({ name, bytes: readFileSync(join(exampleFolder, name)) });
const { bids } = loadExample();
const tender: TenderFiles = {
  specification: read("specification.yaml"),
  model: read("scoring-model.yaml"),
  bids: { name: "bids.yaml", bytes: stringify({ ...bids, bids: bids.bids.map(({ scores: _s, ...rest }) => rest) }) },
};

async function scoreWith(sheet: Uint8Array, others: Map<string, Uint8Array>) {
  const sheets = [...others].filter(([name]) => name !== "score-sheet-E1.xlsx").map(([name, bytes]) => ({ name, bytes }));
  const outcome = await scoreTender({ ...tender, sheets: [...sheets, { name: "score-sheet-E1.xlsx", bytes: sheet }] }, { runtime: inThreadRuntime });
  if (!outcome.ok) {
    expect(outcome.problems.length).toBeGreaterThan(0);
    // Every refusal says where: a file, and for the workbooks the sheet and cell where there is one.
    for (const p of outcome.problems) expect(p.location.file ?? p.location.document).toBeDefined();
  }
}

describe("mutated workbooks end in results or located problems", async () => {
  const sheets = await filledSheets();
  const original = sheets.get("score-sheet-E1.xlsx")!;

  it("the zip's bytes flipped, cut short or spliced", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: original.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat({ max: original.length }), { nil: undefined }),
        async (flips, cut) => {
          const bytes = original.slice(0, cut ?? original.length);
          for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
          await scoreWith(bytes, sheets);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("the worksheet XML edited inside a valid zip", async () => {
    const parts = unzipSync(original);
    const name = Object.keys(parts).find((n) => /xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
    const xml = strFromU8(parts[name]!);
    const pieces = ["<", ">", "/", '"', "&", "<c r=\"ZZ9\" t=\"s\"><v>99999</v></c>", "<row>", "</row>", "<v>", "</v>", "t=\"e\"", "\u0000", "&amp;", "<![CDATA[", "]]>", "r=\"A0\"", "<!DOCTYPE x>"];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: xml.length }), fc.nat({ max: 40 }), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 5 }), async (edits) => {
        let text = xml;
        for (const [at, remove, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + remove);
        await scoreWith(zipSync({ ...parts, [name]: strToU8(text) }), sheets);
      }),
      { numRuns: 60 },
    );
  });
});
