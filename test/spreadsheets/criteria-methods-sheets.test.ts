import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ROUNDING_STATEMENT } from "../../src/documents/common-data.js";
import { modelHash } from "../../src/model/model-hash.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { makeResultsWorkbook } from "../../src/spreadsheets/results-workbook.js";
import { makeScoreSheets } from "../../src/spreadsheets/score-sheets.js";
import { criteriaVariant } from "../criteria-variant.js";

const input = criteriaVariant();
const haveOffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;

async function load(bytes: Uint8Array | Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Each row's Points on the Quality sheet, by bid and criterion, as the workbook holds them. */
function qualityPoints(wb: ExcelJS.Workbook): Map<string, number> {
  const sheet = wb.getWorksheet("Quality")!;
  const header = sheet.getRow(2).values as unknown[];
  const points = header.indexOf("Points");
  const out = new Map<string, number>();
  sheet.eachRow((row, r) => {
    if (r < 3) return;
    const v = row.getCell(points).value as { result?: number } | number | string | null;
    const criterion = String(row.getCell(3).value ?? "").split(" ")[0]!;
    if (v !== null && typeof v === "object" && /^(Q|K)\d$/.test(criterion)) out.set(`${row.getCell(1).value} ${criterion}`, Number(v.result ?? 0)); // exceljs reads a formula whose value is 0 with no result
  });
  return out;
}

describe("sheets for criteria on their own scales and criteria scored from a figure", () => {
  it("the score sheet offers a criterion's own scale, and has no rows for a criterion scored from a figure", async () => {
    const sheets = await makeScoreSheets({ ...input, modelHash: modelHash(input.model), date: "2026-11-21" });
    const wb = await load(sheets.find((s) => s.fileName === "score-sheet-E1.xlsx")!.bytes);
    const sheet = wb.getWorksheet("Quality scores")!;
    const lists = new Map<string, string>();
    sheet.eachRow((row, r) => {
      if (r < 3) return;
      lists.set(String(row.getCell(3).value), String(row.getCell(6).dataValidation?.formulae?.[0]));
    });
    expect(lists.get("Q1")).toBe('"0,1,2,3,4,5,6,7,8,9,10"');
    expect(lists.get("Q2")).toBe('"0,1,2,3,4,5"');
    expect(lists.has("K1")).toBe(false);
  });

  it.skipIf(!haveOffice)("LibreOffice Calc recalculates each criterion's points, on its own scale or from its figure, to the engine's", async () => {
    const scored = scoreTender(input);
    if (!scored.ok) throw new Error("the variant must score");
    const wb = await load(await makeResultsWorkbook(scored.value, { roundingNote: ROUNDING_STATEMENT, inputs: [], date: "2026-11-21" }));
    wb.eachSheet((sh) => sh.eachRow((row) => row.eachCell((c) => {
      const v = c.value as { formula?: string } | null;
      if (v && typeof v === "object" && "formula" in v) c.value = { formula: v.formula } as ExcelJS.CellValue;
    })));
    const dir = mkdtempSync(join(tmpdir(), "tender-eval-calc-"));
    writeFileSync(join(dir, "formulas.xlsx"), new Uint8Array(await wb.xlsx.writeBuffer()));
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "xlsx", "--outdir", join(dir, "out"), join(dir, "formulas.xlsx")], { stdio: "ignore", timeout: 120_000 });
    const recalculated = qualityPoints(await load(readFileSync(join(dir, "out", "formulas.xlsx"))));
    const engine = new Map(scored.value.bids.flatMap((b) => b.sections.find((s) => s.section === "quality")!.criteria.map((c) => [`${b.bidId} ${c.criterionId}`, c.points.valueOf()] as const)));
    expect(recalculated.size).toBe(engine.size);
    for (const [key, value] of engine) expect(Math.abs(recalculated.get(key)! - value), key).toBeLessThan(1e-9);
  });
});
