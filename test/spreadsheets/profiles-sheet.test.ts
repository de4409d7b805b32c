import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { locateProblems, parseInputDocument } from "../../src/model/parse-document.js";
import { parseScoringModel } from "../../src/model/parse.js";
import { WhatifProfiles } from "../../src/model/whatif-profiles.js";
import { formatProblem } from "../../src/problems/format.js";
import { problemFromProfiles } from "../../src/sensitivity/profiles.js";
import { makeProfilesSheet, readProfilesSheet } from "../../src/spreadsheets/profiles-sheet.js";
import { exampleFolder, exampleText } from "../example-tender.js";

const model = parseScoringModel(exampleText("scoring-model.yaml"));
if (!model.ok) throw new Error("example model must be valid");
const yamlProfiles = parseInputDocument(WhatifProfiles, readFileSync(join(exampleFolder, "whatif-profiles.yaml"), "utf8"), "profiles", "whatif-profiles.yaml");
if (!yamlProfiles.ok) throw new Error("example profiles must be valid");

/** A sheet as a person might make it in Excel: a title, a blank row, a notes column, their own spellings. */
async function handMadeSheet(rows: unknown[][], edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Our bid");
  sheet.addRow(["Riverside advocacy: how we think we'll do"]);
  sheet.mergeCells("A1:F1");
  sheet.addRow([]);
  sheet.addRow(["Name", "Role", "Whole-life price (£)", "Quality", "Social value", "User panel", "Notes"]);
  for (const row of rows) sheet.addRow(row);
  edit?.(sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("what-if profiles from a simple sheet", () => {
  it("the sheet made from the example's YAML reads back as the same profiles", async () => {
    const bytes = await makeProfilesSheet(model.value.data, yamlProfiles.value.data, { date: "2026-11-21" });
    const read = await readProfilesSheet(bytes, "profiles.xlsx");
    if (!read.ok) throw new Error(read.problems.map(formatProblem).join("\n"));
    expect(read.value.data).toEqual(yamlProfiles.value.data);
  });

  it("reads what a person types: numbers as text, ranges in words, £ and commas, a cell formatted as a percentage, blank rows", async () => {
    const bytes = await handMadeSheet(
      [
        ["Us (DDPO)", "Us", "£1,015,000", "4", 4.5, 2.5, "our own guess"],
        [],
        ["National provider", "competitor", -0.15, 3.5, "2", 1.5],
        ["Local charity", "", "-5%", "3 to 4.5", 3.5, 2],
      ],
      (sheet) => (sheet.getCell("C6").numFmt = "0%"),
    );
    const read = await readProfilesSheet(bytes, "ours.xlsx");
    if (!read.ok) throw new Error(read.problems.map(formatProblem).join("\n"));
    expect(read.value.data).toEqual({
      organisation: { name: "Us (DDPO)", price: 1015000, scores: { quality: 4, socialValue: 4.5, userPanel: 2.5 } },
      competitors: [
        { name: "National provider", price: "-15%", scores: { quality: 3.5, socialValue: 2, userPanel: 1.5 } },
        { name: "Local charity", price: "-5%", scores: { quality: [3, 4.5], socialValue: 3.5, userPanel: 2 } },
      ],
    });
  });

  it("names the cell of every mistake, all at once", async () => {
    const bytes = await handMadeSheet([
      ["Us", "us", 1000000, "three", 4, 2],
      ["Them", "partner", "cheaper", 3, 2, 2],
    ]);
    const read = await readProfilesSheet(bytes, "ours.xlsx");
    expect(read.ok).toBe(false);
    expect(read.problems.map(formatProblem)).toEqual([
      'ours.xlsx: sheet "Our bid", cell D4: the score "three" is not a number or a range: write e.g. 3, 3.5 or 3-4.5',
      'ours.xlsx: sheet "Our bid", cell B5: the role "partner" is not one we know: write "us" for your organisation, or "competitor" (or leave it blank)',
      'ours.xlsx: sheet "Our bid", cell C5: the price "cheaper" is not a price: write a whole-life price in pounds (e.g. 1015000), or for a competitor a change relative to yours with its sign (e.g. -15%)',
    ]);
  });

  it("needs exactly one row for your organisation", async () => {
    const read = await readProfilesSheet(await handMadeSheet([["A", "us", 1, 3, 3, 3], ["B", "us", 1, 3, 3, 3]]), "ours.xlsx");
    expect(read.problems.map(formatProblem)).toEqual(['ours.xlsx: sheet "Our bid", cell B3: exactly one row must have the role "us" (your organisation); 2 have']);
  });

  it("problems found under the model point at the cell too: a score off the scale, an unknown criterion column", async () => {
    const bytes = await handMadeSheet([["Us", "us", 1000000, 4, 4, 2], ["Them", "", "-10%", 7, 2, 2]], (sheet) => {
      sheet.getCell("H3").value = "Q9";
      sheet.getCell("H4").value = 3;
    });
    const read = await readProfilesSheet(bytes, "ours.xlsx");
    if (!read.ok) throw new Error(read.problems.map(formatProblem).join("\n"));
    const built = problemFromProfiles(model.value.data, read.value.data);
    expect(built.ok).toBe(false);
    const messages = locateProblems(built.problems, [read.value.source]).map(formatProblem);
    expect(messages).toContain('ours.xlsx: sheet "Our bid", cell D5: the expected score 7 is outside the scale (0 to 5)');
    expect(messages.some((m) => m.startsWith('ours.xlsx: sheet "Our bid", cell H4: "Q9" is neither a section nor a criterion'))).toBe(true);
  });

  it("weight limits: a second table, in percent as numbers, text or cells shown as percentages; blank rows mean no limit", async () => {
    const bytes = await handMadeSheet([["Us", "us", 1000000, 4, 4, 2], ["Them", "", "-10%", 3, 2, 2]]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const limits = workbook.addWorksheet("Limits");
    limits.addRow(["Section", "Lowest weight (%)", "Highest weight (%)"]);
    limits.addRow(["Social value", "10%", 25]);
    limits.addRow(["Quality", null, null]);
    limits.addRow(["price", 0.2, 0.4]);
    limits.getCell("B4").numFmt = "0%";
    limits.getCell("C4").numFmt = "0%";
    limits.addRow(["User panel", 5, null]);
    const read = await readProfilesSheet(new Uint8Array(await workbook.xlsx.writeBuffer()), "ours.xlsx");
    if (!read.ok) throw new Error(read.problems.map(formatProblem).join("\n"));
    expect(read.value.data.weightRanges).toEqual({ socialValue: [10, 25], price: [20, 40], userPanel: [5, 100] });
  });

  it("weight limits that cannot be read, or that name a section the model does not have, point at their cell", async () => {
    const bytes = await makeProfilesSheet(model.value.data, yamlProfiles.value.data, { date: "2026-11-21" });
    const edit = async (change: (sheet: ExcelJS.Worksheet) => void) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      change(workbook.getWorksheet("Weight limits")!);
      return readProfilesSheet(new Uint8Array(await workbook.xlsx.writeBuffer()), "profiles.xlsx");
    };
    const words = await edit((sheet) => (sheet.getCell("C5").value = "a quarter"));
    expect(words.problems.map(formatProblem)).toEqual(['profiles.xlsx: sheet "Weight limits", cell C5: the weight limit "a quarter" is not a percentage: write e.g. 10 or 25%']);
    const unknown = await edit((sheet) => sheet.addRow(["Innovation", 5, 10]));
    // A section is named by the model (a further section may have any id), so it is checked against the model, at its cell.
    if (!unknown.ok) throw new Error(unknown.problems.map(formatProblem).join("\n"));
    const unknownBuilt = problemFromProfiles(model.value.data, unknown.value.data);
    expect(locateProblems(unknownBuilt.problems, [unknown.value.source]).map(formatProblem)).toContain(
      'profiles.xlsx: sheet "Weight limits", cell A8: the scoring model has no weighted section "Innovation" to limit (its sections: quality, socialValue, userPanel, price)',
    );
    const outOfBounds = await edit((sheet) => (sheet.getCell("C5").value = 120));
    expect(outOfBounds.problems.map(formatProblem)[0]).toMatch(/^profiles\.xlsx: sheet "Weight limits", cell A5: /);
    // Limits that cannot all hold point at the table.
    const impossible = await edit((sheet) => {
      sheet.getCell("B4").value = 60;
      sheet.getCell("B5").value = 50;
    });
    if (!impossible.ok) throw new Error(impossible.problems.map(formatProblem).join("\n"));
    const built = problemFromProfiles(model.value.data, impossible.value.data);
    expect(locateProblems(built.problems, [impossible.value.source]).map(formatProblem)).toEqual([
      'profiles.xlsx: sheet "Weight limits", cell A3: no weighting fits these limits, as the weights always add up to 100%: the lowest weights add up to 120% and the highest to 325%',
    ]);
  });

  it("refuses a sheet with no profiles table, and a file that is not a workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").addRow(["just", "some", "notes"]);
    const empty = await readProfilesSheet(new Uint8Array(await workbook.xlsx.writeBuffer()), "notes.xlsx");
    expect(empty.problems.map(formatProblem)[0]).toMatch(/^notes\.xlsx: has no sheet with a header row naming Name, Role/);
    const notXlsx = await readProfilesSheet(new TextEncoder().encode("name,role\n"), "p.xlsx");
    expect(notXlsx.problems[0]!.code).toBe("sheets.unreadable");
  });
});

describe("a profiles sheet is read by our own reader, with its limits and in our words", () => {
  it("a cell at XFD1048576, on either sheet, is answered at once (exceljs made room for every cell before it, and never finished)", async () => {
    const parts = unzipSync(await makeProfilesSheet(model.value.data, yamlProfiles.value.data, { date: "2026-11-21" }));
    for (const name of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]) {
      parts[name] = strToU8(strFromU8(parts[name]!).replace("</sheetData>", `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far out</t></is></c></row></sheetData>`));
    }
    const bytes = zipSync(parts);
    const start = performance.now();
    const read = await readProfilesSheet(bytes, "profiles.xlsx");
    expect(performance.now() - start).toBeLessThan(1000);
    if (!read.ok) throw new Error(read.problems.map(formatProblem).join("\n"));
    expect(read.value.data).toEqual(yamlProfiles.value.data);
  });

  it("an empty file, and a file that is not a workbook, are answered in our words, not a zip library's", async () => {
    const empty = await readProfilesSheet(new Uint8Array(0), "p.xlsx");
    expect(empty.problems.map((p) => [p.code, formatProblem(p)])).toEqual([["sheets.empty-file", "p.xlsx: is empty (0 bytes): it may not have finished saving or copying"]]);
    const notXlsx = await readProfilesSheet(new TextEncoder().encode("name,role\n"), "p.xlsx");
    expect(notXlsx.problems.map(formatProblem)).toEqual(["p.xlsx: cannot be read as a spreadsheet: it is not an .xlsx file, or it is damaged (it is not a zip archive, which every .xlsx file is)"]);
  });

  it("a sheet that claims to unpack to gigabytes is refused before it is unpacked", async () => {
    const bytes = await makeProfilesSheet(model.value.data, yamlProfiles.value.data, { date: "2026-11-21" });
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i + 46 < bytes.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50 && strFromU8(bytes.subarray(i + 46, i + 46 + view.getUint16(i + 28, true))) === "xl/worksheets/sheet1.xml") view.setUint32(i + 24, 0x7fffffff, true);
    }
    const read = await readProfilesSheet(bytes, "p.xlsx");
    expect(read.problems.map(formatProblem)).toEqual([
      "p.xlsx: cannot be read as a spreadsheet: it unpacks to far more than any score sheet (xl/worksheets/sheet1.xml unpacks to 2,048 MB; no part of a score sheet comes near 64 MB)",
    ]);
  });
});

const haveOffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;
describe.skipIf(!haveOffice)("a profiles sheet saved by LibreOffice Calc", () => {
  it("reads back the same", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tender-eval-profiles-"));
    writeFileSync(join(dir, "profiles.xlsx"), await makeProfilesSheet(model.value.data, yamlProfiles.value.data, { date: "2026-11-21" }));
    mkdirSync(join(dir, "out"));
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "xlsx", "--outdir", join(dir, "out"), join(dir, "profiles.xlsx")], { stdio: "ignore", timeout: 120_000 });
    const read = await readProfilesSheet(readFileSync(join(dir, "out", "profiles.xlsx")), "profiles.xlsx");
    if (!read.ok) throw new Error(read.problems.map(formatProblem).join("\n"));
    expect(read.value.data).toEqual(yamlProfiles.value.data);
  });
});
