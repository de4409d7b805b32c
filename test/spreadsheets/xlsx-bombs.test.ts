import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MB, stored, workbookWith, zerosSheet, zip } from "./zip-builders.js";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { parseWorkbook } from "../../src/spreadsheets/read-workbook.js";
import { XLSX_LIMITS, readXlsxPackage } from "../../src/spreadsheets/xlsx-package.js";

/**
 * Zip bombs: workbooks of a few hundred kilobytes that unpack to hundreds of megabytes. Each must be
 * refused in well under a second without the memory it asks for. They are built here rather than
 * stored, and without ever holding what they unpack to.
 */


const bombs = {
  /** 400 MB of zeros, said to be 400 MB: refused from the zip directory alone. */
  declared: workbookWith([zerosSheet(400)]),
  /** 60 MB, under the part limit, honestly declared, but packed 1,000 times smaller than it unpacks to. */
  ratio: workbookWith([zerosSheet(60)]),
  /** 400 MB of zeros whose headers claim 1,000 bytes: stopped while unpacking. */
  lying: workbookWith([zerosSheet(400, 1000)]),
};

const reason = async (bytes: Uint8Array) => {
  const parsed = await parseWorkbook(bytes);
  if (parsed.ok) throw new Error("should be refused");
  return parsed.detail ?? "";
};

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

describe("a zip bomb is refused quickly, before or while unpacking, in plain words", () => {
  it("the bombs are what they claim: a few hundred kilobytes each", () => {
    expect(bombs.declared.length).toBeLessThan(500_000);
    expect(bombs.lying.length).toBeLessThan(500_000);
    expect(bombs.ratio.length).toBeLessThan(100_000);
  });

  it("by its declared size", async () => {
    const { value, ms } = await timed(() => reason(bombs.declared));
    expect(value).toBe("it unpacks to far more than any score sheet (xl/worksheets/sheet1.xml unpacks to 400 MB; no part of a score sheet comes near 64 MB)");
    expect(ms).toBeLessThan(1000);
  });

  it("by how tightly it is packed", async () => {
    const { value, ms } = await timed(() => reason(bombs.ratio));
    expect(value).toMatch(/^it unpacks to far more than any score sheet \(xl\/worksheets\/sheet1\.xml is packed 1,0\d\d times smaller than it unpacks to; spreadsheets pack about 5 to 25 times smaller/);
    expect(ms).toBeLessThan(1000);
  });

  it("by unpacking to more than its headers say", async () => {
    const { value, ms } = await timed(() => reason(bombs.lying));
    expect(value).toBe("it is damaged, or made to mislead: xl/worksheets/sheet1.xml unpacks to more than the 1,000 bytes its zip directory states");
    expect(ms).toBeLessThan(1000);
  });

  it("by the size of all its parts together (limits lowered for the test)", () => {
    const bytes = workbookWith([zerosSheet(1, MB, 1), zerosSheet(1, MB, 2), zerosSheet(1, MB, 3)]);
    const limits = { ...XLSX_LIMITS, totalBytes: 2 * MB, ratio: Infinity };
    expect(() => readXlsxPackage(bytes, limits)).toThrow("it unpacks to far more than any score sheet (more than 2 MB of XML; a score sheet for 2,000 bids is about 25 MB)");
    // Within the limits, the same parts are unpacked in full.
    expect(readXlsxPackage(bytes, { ...limits, totalBytes: 3.1 * MB }).sheets.map((s) => s.xml.length)).toEqual([MB, MB, MB]);
  });

  it("real workbooks are far inside the ratio limit", () => {
    // Measured: LibreOffice's parts pack 3 to 24 times smaller; a 2,000-bid sheet's worksheet 12 times, its shared strings 21.
    expect(XLSX_LIMITS.ratio).toBeGreaterThanOrEqual(8 * 24);
    const fixture = new Uint8Array(readFileSync(new URL("../fixtures/libreoffice/score-sheet-E3-saved-by-libreoffice.xlsx", import.meta.url)));
    expect(() => readXlsxPackage(fixture, { ...XLSX_LIMITS, ratio: 25, ratioCheckedFrom: 0 })).not.toThrow();
  });

  it("not a workbook at all: an empty zip, a password-protected (OLE) file, a zip cut short", async () => {
    expect(await reason(zip([]))).toBe("it is a zip file with no workbook inside, so not an .xlsx file");
    const ole = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(512));
    expect(await reason(ole)).toBe("it is password-protected, or an old .xls workbook: save it as an .xlsx workbook without a password");
    const whole = workbookWith([stored("xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>")]);
    expect(await reason(whole.subarray(0, whole.length - 30))).toMatch(/^it is not an \.xlsx file, or it is damaged/);
  });
});

/**
 * Memory is measured in a separate `node` process, so that nothing vitest holds is counted: the reader
 * (which imports only fflate and saxes) is compiled from its TypeScript source on its own.
 */
describe("memory: a bomb is refused without the memory it asks for", () => {
  const dir = mkdtempSync(join(tmpdir(), "tender-eval-bombs-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("each bomb grows the process by well under 100 MB and takes well under a second", () => {
    const source = readFileSync(fileURLToPath(new URL("../../src/spreadsheets/xlsx-package.ts", import.meta.url)), "utf8");
    const compiled = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true } });
    writeFileSync(join(dir, "xlsx-package.mjs"), compiled.outputText);
    // Let the compiled reader find fflate and saxes.
    symlinkSync(fileURLToPath(new URL("../../node_modules", import.meta.url)), join(dir, "node_modules"));
    for (const [name, bytes] of Object.entries(bombs)) writeFileSync(join(dir, `${name}.xlsx`), bytes);
    writeFileSync(
      join(dir, "measure.mjs"),
      `import { readFileSync } from "node:fs";
import { readXlsxPackage } from "./xlsx-package.mjs";
const bytes = readFileSync(process.argv[2]);
globalThis.gc();
const before = process.memoryUsage();
const start = performance.now();
let message = "";
try { readXlsxPackage(new Uint8Array(bytes)); } catch (error) { message = error.message; }
const ms = performance.now() - start;
const after = process.memoryUsage();
const peak = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ ms, message, rssGrowth: after.rss - before.rss, peakGrowth: peak - before.rss, heapGrowth: after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers }));`,
    );
    const results = Object.fromEntries(
      Object.keys(bombs).map((name) => {
        const out = execFileSync(process.execPath, ["--expose-gc", join(dir, "measure.mjs"), join(dir, `${name}.xlsx`)], { encoding: "utf8" });
        return [name, JSON.parse(out) as { ms: number; message: string; rssGrowth: number; peakGrowth: number; heapGrowth: number }];
      }),
    );
    for (const [name, result] of Object.entries(results)) {
      expect(result.message, name).toMatch(/^it (unpacks to far more than any score sheet|is damaged, or made to mislead)/);
      expect(result.ms, name).toBeLessThan(1000);
      // The peak (maxRSS) is what the bomb cost at its worst, not just what was left after.
      expect(result.peakGrowth, name).toBeLessThan(100 * MB);
    }
    console.log(Object.entries(results).map(([name, r]) => `${name}: ${r.ms.toFixed(0)} ms, peak RSS +${(r.peakGrowth / MB).toFixed(1)} MB, RSS after +${(r.rssGrowth / MB).toFixed(1)} MB`).join("\n"));
  });
});
