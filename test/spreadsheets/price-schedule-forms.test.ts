import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ScoringModel } from "../../src/model/scoring-model.js";
import { modelHash } from "../../src/model/model-hash.js";
import { formatProblem } from "../../src/problems/format.js";
import { readWorkbook, type ReadContext } from "../../src/spreadsheets/read-workbook.js";
import { makeScoreSheets } from "../../src/spreadsheets/score-sheets.js";
import { loadExample } from "../example-tender.js";

const input = loadExample();

/** The example tender with another price section: its price schedules come out in that section's form. */
async function priceSchedule(price: Partial<NonNullable<ScoringModel["sections"]["price"]>>) {
  const model: ScoringModel = { ...input.model, sections: { ...input.model.sections, price: { ...input.model.sections.price!, ...price } } };
  const context: ReadContext = { ...input, model, modelHash: modelHash(model), allowIncomplete: false };
  const sheets = await makeScoreSheets({ ...input, model, modelHash: context.modelHash, date: "2026-11-21" });
  const sheet = sheets.find((s) => s.fileName.startsWith("price-schedule"))!;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(sheet.bytes as unknown as ArrayBuffer);
  const table = workbook.getWorksheet("Price schedule")!;
  const rows: unknown[][] = [];
  table.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  /** Fill the one input row, as a bidder would, and read the workbook back. */
  const fillAndRead = async (value: unknown) => {
    table.eachRow((row) => {
      if (row.getCell(1).value === "All years") row.getCell(3).value = value as ExcelJS.CellValue;
    });
    return readWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), sheet.fileName, context);
  };
  return { rows, fillAndRead };
}

describe("price schedules in the form the price method scores", () => {
  it("a discount method asks for one discount on the stated base price, and reads it back", async () => {
    const { rows, fillAndRead } = await priceSchedule({ method: { type: "discount-bilinear", base: 600000, coefficient: 0.85 } });
    const text = rows.flat().join(" | ");
    expect(text).toContain("The percentage discount you offer on the base price of £600,000");
    expect(text).toContain("Discount (%)");
    expect(text).not.toContain("Year 1");
    const read = await fillAndRead("12.5");
    if (!read.ok) throw new Error(read.problems.map(formatProblem).join("\n"));
    expect(read.value).toMatchObject({ kind: "price", years: [], discountPercent: 12.5 });
    const over = await fillAndRead(120);
    expect(over.ok ? [] : over.problems.map(formatProblem)).toEqual([expect.stringContaining("a discount is at most 100%")]);
  });

  it("priceSchedule: total asks for one whole-life total, and reads it back", async () => {
    const { rows, fillAndRead } = await priceSchedule({ priceSchedule: "total" });
    const text = rows.flat().join(" | ");
    expect(text).toContain("The whole-life price is this one total");
    expect(text).toContain("Whole-life price: one total");
    expect(text).not.toContain("Year 1");
    const read = await fillAndRead("£550,000");
    if (!read.ok) throw new Error(read.problems.map(formatProblem).join("\n"));
    expect(read.value).toMatchObject({ kind: "price", years: [], total: 550000 });
    const empty = await fillAndRead(null);
    expect(empty.ok ? [] : empty.problems.map(formatProblem)).toEqual([expect.stringContaining("no price for All years")]);
  });
});
