import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { modelHash } from "../../src/model/model-hash.js";
import { formatProblem } from "../../src/problems/format.js";
import { readProfilesSheet } from "../../src/spreadsheets/profiles-sheet.js";
import { readWorkbook, type ReadContext } from "../../src/spreadsheets/read-workbook.js";
import { makeScoreSheets } from "../../src/spreadsheets/score-sheets.js";
import { scoreTender } from "../../src/workflows/index.js";
import { exampleText, loadExample } from "../example-tender.js";
import { fillScoreSheet } from "./fill.js";

/**
 * Workbooks that are broken or hostile in ways a reader could miss: text refused by the input text rule
 * must be reported at its cell (never read as empty), a lone cell at the sheet's far corner must not make
 * a reader walk a million rows, and a panel matrix must name its tender and be described in its own terms.
 */
const input = loadExample();
const context: ReadContext = { ...input, modelHash: modelHash(input.model), allowIncomplete: false };
const generated = await makeScoreSheets({ ...input, modelHash: context.modelHash, date: "2026-11-21" });
const e1 = generated.find((s) => s.fileName === "score-sheet-E1.xlsx")!;
const priceSchedule = generated.find((s) => s.fileName.startsWith("price-schedule"))!;
const filledE1 = await fillScoreSheet(e1.bytes, input.bids);
const criteria = ["Q1", "Q2", "Q3", "Q4", "Q5", "SV1", "SV2"];

async function edit(bytes: Uint8Array, change: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  change(wb);
  return withControlCharacters(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/**
 * exceljs silently drops control characters, but a workbook can hold them (as the escape _x0007_, which
 * Excel writes for text pasted with one): write BEL and ESC as markers, then turn the markers into escapes.
 */
const BEL = "«BEL»";
const ESC = "«ESC»";
function withControlCharacters(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith(".xml")) files[name] = strToU8(strFromU8(data).replaceAll(BEL, "_x0007_").replaceAll(ESC, "_x001B_"));
  }
  return zipSync(files);
}

/** A panel matrix as the README describes it; `reference` false for none. */
async function panelMatrix(options: { reference?: string | false; columns?: string[]; edit?: (wb: ExcelJS.Workbook) => void } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const columns = options.columns ?? criteria;
  for (const evaluator of ["E1", "E2", "E3"]) {
    const sheet = wb.addWorksheet(evaluator);
    sheet.addRow(["Our panel's scores"]);
    if (options.reference !== false) sheet.addRow(["Tender reference", options.reference ?? input.specification.reference]);
    else sheet.addRow([]);
    sheet.addRow(["Bid ID", ...columns.flatMap((c) => [c, `${c} justification`])]);
    for (const bid of input.bids.bids) {
      sheet.addRow([bid.id, ...columns.flatMap((c) => [bid.scores[c]![evaluator]!.score, bid.scores[c]![evaluator]!.justification])]);
    }
  }
  options.edit?.(wb);
  return withControlCharacters(new Uint8Array(await wb.xlsx.writeBuffer()));
}

const messages = async (bytes: Uint8Array, file: string) => (await readWorkbook(bytes, file, context)).problems.map(formatProblem);
const refusedBell = "contains a control character (U+0007), which cannot be shown or printed safely";

describe("cell text refused by the text rule is reported at its cell, never read as empty", () => {
  it("a score sheet's bid id, criterion id and justification", async () => {
    const broken = await edit(filledE1, (wb) => {
      const sheet = wb.getWorksheet("Quality scores")!;
      sheet.getCell("A3").value = `B1${BEL}`;
      sheet.getCell("C4").value = "\u202eQ1";
      sheet.getCell("G5").value = `${ESC}[31mGood answer`;
    });
    const found = await messages(broken, "E1.xlsx");
    expect(found).toEqual([
      expect.stringContaining(`E1.xlsx: sheet "Quality scores", cell A3: ${refusedBell}`),
      expect.stringContaining('E1.xlsx: sheet "Quality scores", cell C4: contains a right-to-left override (U+202E)'),
      expect.stringContaining('E1.xlsx: sheet "Quality scores", cell G5: contains a control character (U+001B)'),
    ]);
  });

  it("a panel matrix's bid id and justification", async () => {
    const broken = await panelMatrix({
      edit: (wb) => {
        wb.getWorksheet("E2")!.getCell("A4").value = `B1${BEL}`;
        wb.getWorksheet("E3")!.getCell("C5").value = `fine${BEL}`;
      },
    });
    expect(await messages(broken, "panel.xlsx")).toEqual([
      expect.stringContaining(`panel.xlsx: sheet "E2", cell A4: ${refusedBell}`),
      expect.stringContaining(`panel.xlsx: sheet "E3", cell C5: ${refusedBell}`),
    ]);
  });

  it("a moderation sheet's reason", async () => {
    const moderation = await edit(e1.bytes, (wb) => {
      const meta = wb.getWorksheet("tender-eval")!;
      meta.eachRow((row) => {
        if (row.getCell(1).value === "kind") row.getCell(2).value = "moderation";
      });
      const sheet = wb.addWorksheet("Moderation");
      sheet.addRow(["Bid ID", "Criterion ID", "Agreed score", "Reason"]);
      sheet.addRow(["B1", "Q4", 4, `Agreed${BEL}`]);
    });
    expect(await messages(moderation, "moderation.xlsx")).toEqual([expect.stringContaining(`moderation.xlsx: sheet "Moderation", cell D2: ${refusedBell}`)]);
  });

  it("a profiles sheet's name and a weight limits sheet's section", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Profiles");
    sheet.addRow(["Name", "Role", "Price", "Quality", "Social value", "User panel"]);
    sheet.addRow([`Us${BEL}`, "us", 1_000_000, 4, 4, 4]);
    sheet.addRow(["Them", "competitor", 900_000, 3, 3, 3]);
    const limits = wb.addWorksheet("Weight limits");
    limits.addRow(["Section", "Lowest weight (%)", "Highest weight (%)"]);
    limits.addRow(["Quality\u202e", 40, 60]);
    const read = await readProfilesSheet(withControlCharacters(new Uint8Array(await wb.xlsx.writeBuffer())), "profiles.xlsx");
    expect(read.problems.map(formatProblem)).toEqual([
      expect.stringContaining(`profiles.xlsx: sheet "Profiles", cell A2: ${refusedBell}`),
      expect.stringContaining('profiles.xlsx: sheet "Weight limits", cell A2: contains a right-to-left override (U+202E)'),
    ]);
  });
});

describe("a lone cell at XFD1048576 is read in well under a second", () => {
  const farCorner = (sheetName: string) => (wb: ExcelJS.Workbook) => {
    wb.getWorksheet(sheetName)!.getCell("XFD1048576").value = "x";
  };
  it.each([
    ["a score sheet", async () => edit(filledE1, farCorner("Quality scores"))],
    ["a price schedule", async () => edit(priceSchedule.bytes, farCorner("Price schedule"))],
    ["a panel matrix", async () => panelMatrix({ edit: farCorner("E1") })],
  ])("%s", async (_name, make) => {
    const bytes = await make();
    const start = performance.now();
    const read = await readWorkbook(bytes, "far.xlsx", context);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(read.problems.map(formatProblem).join("\n")).not.toMatch(/row 1048576|XFD/);
  });
});

describe("a panel matrix names the tender it scores", () => {
  it("the matrix of the right tender is read", async () => {
    const read = await readWorkbook(await panelMatrix(), "panel.xlsx", context);
    expect(read.problems).toEqual([]);
    expect(read.ok).toBe(true);
  });

  it("another tender's matrix (the same ids B1, E1, Q1) is refused at its reference cell", async () => {
    expect(await messages(await panelMatrix({ reference: "RBC-ASC-2025-003" }), "panel.xlsx")).toEqual([
      'panel.xlsx: sheet "E1", cell B2: is a panel matrix for another tender (RBC-ASC-2025-003), not Community Advocacy and Peer Support Service for Disabled Adults (RBC-ASC-2026-014): put this tender\'s matrix in the folder, or correct the reference if it was mistyped',
    ]);
  });

  it("a matrix that names no tender is refused, saying how to name it", async () => {
    expect(await messages(await panelMatrix({ reference: false }), "panel.xlsx")).toEqual([
      'panel.xlsx: sheet "E1": is a panel matrix that does not say which tender it scores: in the first rows of its first sheet, type "Tender reference" in a cell and RBC-ASC-2026-014 in the cell to its right',
    ]);
  });
});

describe("a broken panel matrix is described as a panel matrix, at the workbook", () => {
  it("a sheet with no header row is described in the matrix's terms, not the score sheet's columns", async () => {
    const broken = await panelMatrix({ edit: (wb) => wb.getWorksheet("E2")!.spliceRows(3, 1) });
    const found = await messages(broken, "panel.xlsx");
    expect(found).toEqual(['panel.xlsx: sheet "E2": sheet "E2" has no panel-matrix header row: in its first 30 rows, a row with "Bid ID" and the criterion ids (Q1, Q2 …) as column headings']);
    expect(found.join("\n")).not.toContain("Criterion ID and Score");
  });

  it("a criterion column left out is pointed at in the matrix, not at lines of bids.yaml", async () => {
    const { bids } = loadExample();
    // The evaluators' scores come from the matrix; the user panel's stay in the bids file.
    const fromPanel = (scores: Record<string, unknown>) => Object.fromEntries(Object.entries(scores).filter(([c]) => !criteria.includes(c)));
    const bare = stringify({ ...bids, bids: bids.bids.map((b) => ({ ...b, scores: fromPanel(b.scores) })) });
    const scored = await scoreTender({
      specification: { name: "specification.yaml", bytes: exampleText("specification.yaml") },
      model: { name: "scoring-model.yaml", bytes: exampleText("scoring-model.yaml") },
      bids: { name: "bids.yaml", bytes: bare },
      sheets: [{ name: "returned/panel.xlsx", bytes: await panelMatrix({ columns: criteria.filter((c) => c !== "Q3") }) }],
    });
    expect(scored.ok).toBe(false);
    const found = scored.problems.map(formatProblem);
    expect(found).toContain('returned/panel.xlsx: sheet "E1": bid "B1" has no score from E1 for criterion Q3');
    expect(found.filter((m) => m.startsWith("bids.yaml"))).toEqual([]);
    expect(scored.problems.every((p) => p.location.document !== "bids")).toBe(true);
  });
});
