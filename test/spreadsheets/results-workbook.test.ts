import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ROUNDING_STATEMENT } from "../../src/documents/common-data.js";
import { modelHash } from "../../src/model/model-hash.js";
import { zlibDeflater } from "../../src/node/zlib-deflate.js";
import { readWorkbook } from "../../src/spreadsheets/read-workbook.js";
import { makeResultsWorkbook } from "../../src/spreadsheets/results-workbook.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import type { TenderResult } from "../../src/scoring/result.js";
import { loadExample } from "../example-tender.js";
import { aTender } from "../builders.js";

const input = loadExample();
const scored = scoreTender(input);
if (!scored.ok) throw new Error("example must score");
const result = scored.value;
const haveOffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;

async function load(bytes: Uint8Array | Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Summary: each bid's total and section points as the workbook states them, by bidder. */
function summaryFigures(wb: ExcelJS.Workbook): Map<string, number[]> {
  const sheet = wb.getWorksheet("Summary")!;
  const figures = new Map<string, number[]>();
  for (let r = 3; r <= 8; r++) {
    const row = sheet.getRow(r);
    // Column 3 is the whole-life price; then price points, each section, and the total.
    const numbers = [4, 5, 6, 7, 8].map((c) => {
      const v = row.getCell(c).value as { result?: number } | string;
      return typeof v === "object" && v !== null ? Number(v.result) : NaN;
    });
    figures.set(String(row.getCell(2).value), numbers);
  }
  return figures;
}

function engineFigures(r: TenderResult): Map<string, number[]> {
  return new Map(
    // An excluded bid's total is shown as "–", as in the report: no number to compare.
    r.bids.map((b) => [b.bidder, [b.price?.points?.valueOf() ?? NaN, ...b.sections.map((s) => s.points.valueOf()), b.status === "excluded" ? NaN : b.total.valueOf()]]),
  );
}

/** Remove every stored result and let LibreOffice Calc evaluate the formulas; returns the saved file. */
async function recalculateWithLibreOffice(wb: ExcelJS.Workbook): Promise<Buffer> {
  wb.eachSheet((sh) => sh.eachRow((row) => row.eachCell((c) => {
    const v = c.value as { formula?: string } | null;
    if (v && typeof v === "object" && "formula" in v) c.value = { formula: v.formula } as ExcelJS.CellValue;
  })));
  const dir = mkdtempSync(join(tmpdir(), "tender-eval-calc-"));
  writeFileSync(join(dir, "formulas.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));
  execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "xlsx", "--outdir", join(dir, "out"), join(dir, "formulas.xlsx")], { stdio: "ignore", timeout: 120_000 });
  return readFileSync(join(dir, "out", "formulas.xlsx"));
}

function expectClose(actual: Map<string, number[]>, expected: Map<string, number[]>) {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [bidder, values] of expected) {
    values.forEach((v, i) => {
      if (Number.isNaN(v)) expect(actual.get(bidder)![i], `${bidder} column ${i}`).toBeNaN();
      else expect(Math.abs(actual.get(bidder)![i]! - v), `${bidder} column ${i}`).toBeLessThan(1e-9);
    });
  }
}

describe("results workbook", () => {
  it("has a summary, a sheet per section, a price sheet and a moderation sheet, with live formulas whose stored values equal the engine's", async () => {
    const wb = await load(await makeResultsWorkbook(result, { roundingNote: ROUNDING_STATEMENT, inputs: [], date: "2026-11-21" }));
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Summary", "Quality", "Social value", "User panel", "Price", "Moderation", "Audit"]);
    const summary = wb.getWorksheet("Summary")!;
    const total = summary.getRow(3).getCell(8).value as { formula: string };
    expect(total.formula).toBe("SUM(D3:G3)");
    // The header says what each column holds: the years the whole-life price covers, and each section's weight.
    expect(summary.getRow(2).values).toEqual([undefined, "Rank", "Bidder", "Whole-life price (contract and extension years)", "Price (30)", "Quality (45)", "Social value (15)", "User panel (10)", "Total (100)", "Status", "Why"]);
    expect(summary.getRow(3).getCell(3).value).toEqual({ formula: "'Price'!H8", result: 1015000 });
    expect((wb.getWorksheet("Price")!.getCell("J8").value as { formula: string }).formula).toBe("$B$3*$B$4/H8");
    expectClose(summaryFigures(wb), engineFigures(result));
  });

  it.skipIf(!haveOffice)("LibreOffice Calc recalculates every formula to the engine's values", async () => {
    const wb = await load(await makeResultsWorkbook(result, { roundingNote: ROUNDING_STATEMENT, inputs: [], date: "2026-11-21" }));
    // With every stored result removed, the figures can only come from LibreOffice evaluating the formulas.
    const recalculated = await load(await recalculateWithLibreOffice(wb));
    expectClose(summaryFigures(recalculated), engineFigures(result));
  });

  it.skipIf(!haveOffice)("LibreOffice Calc opens the workbook itself, packed by Node's zlib (as the CLI packs it) and by fflate (as the page does)", async () => {
    for (const deflater of [zlibDeflater, undefined]) {
      const dir = mkdtempSync(join(tmpdir(), "tender-eval-open-"));
      writeFileSync(join(dir, "results.xlsx"), await makeResultsWorkbook(result, { roundingNote: ROUNDING_STATEMENT, inputs: [], date: "2026-11-21", deflater }));
      execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "xlsx", "--outdir", join(dir, "out"), join(dir, "results.xlsx")], { stdio: "ignore", timeout: 120_000 });
      const saved = await load(readFileSync(join(dir, "out", "results.xlsx")));
      expect(saved.worksheets.map((s) => s.name)).toEqual(["Summary", "Quality", "Social value", "User panel", "Price", "Moderation", "Audit"]);
      expectClose(summaryFigures(saved), engineFigures(result));
    }
  });

  it("writes bidder names and reasons as text, never as formulas, whatever they start with", async () => {
    const hostile = structuredClone(input);
    hostile.bids.bids[0]!.bidder = '=HYPERLINK("http://evil.example","Click")';
    hostile.bids.bids[1]!.bidder = "@SUM(1+1)";
    hostile.bids.moderation[0]!.reason = "=cmd|' /C calc'!A0";
    const r = scoreTender(hostile);
    if (!r.ok) throw new Error("should score");
    const bytes = await makeResultsWorkbook(r.value, { roundingNote: ROUNDING_STATEMENT, inputs: [], date: "2026-11-21" });
    const wb = await load(bytes);
    const names: unknown[] = [];
    wb.getWorksheet("Summary")!.getColumn(2).eachCell((c) => names.push(c.value));
    expect(names).toContain('=HYPERLINK("http://evil.example","Click")');
    expect(names).toContain("@SUM(1+1)");
    const reasons: unknown[] = [];
    wb.getWorksheet("Moderation")!.getColumn(6).eachCell((c) => reasons.push(c.value));
    expect(reasons).toContain("=cmd|' /C calc'!A0");
    // And in the file itself: no formula mentions them.
    const { default: PizZip } = await import("pizzip");
    const zip = new PizZip(bytes);
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith("xl/worksheets/") && n.endsWith(".xml"))) {
      expect(zip.file(name)!.asText()).not.toMatch(/<f>[^<]*(HYPERLINK|cmd|@SUM)/);
    }
  });
});

describe("results workbooks for other price methods", () => {
  const onValue = (method: { type: string } | undefined) => method?.type === "price-per-quality-point" || method?.type === "guide-value";
  const tender = (method: Parameters<ReturnType<typeof aTender>["withPrice"]>[1]) =>
    aTender()
      .withPrice(onValue(method) ? 0 : 40, method)
      .withQuality(onValue(method) ? 100 : 60, { Q1: 50, Q2: 50 })
      .withBids(
        // Under a discount method the bids offer discounts on the base: 10%, 20% and 25% of £200,000.
        { id: "A", price: discounted(method) ? { discountPercent: 10 } : 100000, scores: { Q1: [4], Q2: [3] } },
        { id: "B", price: discounted(method) ? { discountPercent: 20 } : 125000, scores: { Q1: [5], Q2: [5] } },
        { id: "C", price: discounted(method) ? { discountPercent: 25 } : 200000, scores: { Q1: [2], Q2: [3] } },
      )
      .build();
  const discounted = (method: { type: string } | undefined) => method?.type === "discount-ratio" || method?.type === "discount-bilinear";

  it.each([
    ["budget ceiling", { type: "budget-ceiling" as const, budget: 150000 }],
    ["linear interpolation", { type: "linear-interpolation" as const }],
    ["deviation from lowest", { type: "deviation-from-lowest" as const }],
    ["price per quality point", { type: "price-per-quality-point" as const }],
    ["guide value (shown per £1 million)", { type: "guide-value" as const }],
    ["logarithmic", { type: "logarithmic" as const, multiple: 4 }],
    ["discount ratio", { type: "discount-ratio" as const, base: 200000 }],
    ["bilinear on the discount", { type: "discount-bilinear" as const, base: 200000, coefficient: 0.85 }],
  ])("%s: the price sheet's formulas give the engine's figures, recalculated by LibreOffice where available", async (_name, method) => {
    const scoredTender = scoreTender(tender(method));
    if (!scoredTender.ok) throw new Error("should score");
    const wb = await load(await makeResultsWorkbook(scoredTender.value, { roundingNote: ROUNDING_STATEMENT, inputs: [], date: "2026-11-21" }));
    const price = wb.getWorksheet("Price")!;
    if (method.type === "budget-ceiling") expect([price.getCell("A6").value, price.getCell("B6").value]).toEqual(["Budget", 150000]);
    // Stored values are read from the sheet's XML: exceljs's reader drops a cached result of 0.
    const check = async (bytes: Uint8Array) => {
      const { default: PizZip } = await import("pizzip");
      const zip = new PizZip(bytes);
      const book = await load(bytes);
      const xml = zip.file(`xl/worksheets/sheet${book.getWorksheet("Price")!.id}.xml`)!.asText();
      // Rows above the table: title, formula, maximum, lowest, highest, then the budget, or the base and the discounts.
      const header = { "budget-ceiling": 8, "discount-ratio": 9, "discount-bilinear": 10 }[method.type as string] ?? 7;
      scoredTender.value.bids.forEach((bid, i) => {
        const cell = new RegExp(`<c r="F${header + 1 + i}"[^>]*>(.*?)</c>`).exec(xml)?.[1] ?? "";
        const expected = method.type === "price-per-quality-point" ? bid.price?.pricePerQualityPoint : method.type === "guide-value" ? bid.price?.awardValue?.mul(1_000_000) : bid.price?.points;
        if (expected === undefined) return;
        expect(cell, `${bid.bidId}`).toMatch(/<f[ >]/);
        expect(Math.abs(Number(/<v>([^<]*)<\/v>/.exec(cell)?.[1]) - expected.valueOf()), `${bid.bidId}`).toBeLessThan(1e-9);
      });
    };
    await check(new Uint8Array(await wb.xlsx.writeBuffer()));
    if (haveOffice) await check(await recalculateWithLibreOffice(wb));
  });
});

describe("a score sheet saved by LibreOffice Calc (not by exceljs)", () => {
  it("is read correctly", async () => {
    const bytes = readFileSync(new URL("../fixtures/libreoffice/score-sheet-E3-saved-by-libreoffice.xlsx", import.meta.url));
    const { default: PizZip } = await import("pizzip");
    expect(new PizZip(bytes).file("docProps/app.xml")!.asText()).toContain("LibreOffice");
    const read = await readWorkbook(bytes, "E3.xlsx", { ...input, modelHash: modelHash(input.model), allowIncomplete: false });
    expect(read.problems).toEqual([]);
    if (!read.ok || read.value.kind !== "scores") throw new Error("should read");
    expect(read.value.entries).toHaveLength(42);
    for (const e of read.value.entries) {
      const given = input.bids.bids.find((b) => b.id === e.bidId)!.scores[e.criterionId]!.E3!;
      expect([e.score, e.justification]).toEqual([given.score, given.justification]);
    }
  });
});
