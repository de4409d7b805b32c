import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { assessmentSummaries, blankScoreSheets, feedbackToWrite, moderationSheet, scoreTender, type NamedFile, type TenderFiles } from "../../src/workflows/index.js";
import { bundledTemplate, docxText } from "../documents/docx-helpers.js";
import { exampleFolder, loadExample } from "../example-tender.js";

const read = (name: string): NamedFile => ({ name, bytes: readFileSync(`${exampleFolder}${name}`) });

/** The example with no feedback recorded for National Care Partnership (B2): the panel writes it in the sheet. */
function tenderWithoutB2Feedback(): TenderFiles {
  const { bids } = loadExample();
  bids.bids.find((b) => b.id === "B2")!.feedback = {};
  return { specification: read("specification.yaml"), model: read("scoring-model.yaml"), bids: { name: "bids.yaml", bytes: new TextEncoder().encode(stringify(bids)) } };
}

async function sheetOf(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return { wb, sheet: wb.getWorksheet("Moderation")! };
}

describe("the moderation sheet carries the feedback to the bidder", () => {
  it("is written while feedback is still to write, with short instructions, every answer, and each evaluator's justification beside their score", async () => {
    const scored = await scoreTender(tenderWithoutB2Feedback());
    if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
    expect(feedbackToWrite(scored.value)).toBe(9);
    const { sheet } = await sheetOf((await moderationSheet(scored.value, { date: "2026-11-23" }))!);
    expect(String(sheet.getCell("A2").value)).toContain("write the Feedback to the bidder");
    expect(sheet.getRow(3).values).toContain("Feedback to the bidder");
    expect(sheet.rowCount).toBe(3 + 6 * 9);
    const rows = Array.from({ length: sheet.rowCount - 3 }, (_, i) => sheet.getRow(i + 4));
    const b2q2 = rows.find((r) => r.getCell(1).value === "B2" && r.getCell(3).value === "Q2")!;
    expect(String(b2q2.getCell(5).value)).toBe(
      [
        "E1 (1): Poor: proposes a local advisory group but gives no evidence of how disabled people would change decisions.",
        "E2 (4): Good: proposes a local advisory group but gives no evidence of how disabled people would change decisions.",
        "E3 (2): Weak: proposes a local advisory group but gives no evidence of how disabled people would change decisions.",
      ].join("\n"),
    );
    expect([b2q2.getCell(7).value, b2q2.getCell(8).value, b2q2.getCell(10).value]).toEqual(["Agreed 2", 2, null]);
    // Feedback already in the bids file is there to edit.
    const b1q1 = rows.find((r) => r.getCell(1).value === "B1" && r.getCell(3).value === "Q1")!;
    expect(String(b1q1.getCell(10).value)).toMatch(/^The tender sets out an advocacy model/);
    // User-panel members are never named beside a score, in any row.
    for (const r of rows.filter((x) => String(x.getCell(3).value).startsWith("U"))) {
      expect(String(r.getCell(5).value)).toMatch(/^User panel \(3 members\): combined \d/);
      expect(String(r.getCell(5).value)).not.toMatch(/\bP\d\b/);
    }
  });

  it("feedback typed into the sheet is read back and quoted in the summaries", async () => {
    const tender = tenderWithoutB2Feedback();
    const first = await scoreTender(tender);
    if (!first.ok) throw new Error(JSON.stringify(first.problems));
    const refused = assessmentSummaries(first.value, { template: bundledTemplate("assessment-summary"), date: "2026-11-23" });
    expect(refused.ok).toBe(false);
    expect(refused.problems.filter((p) => p.code === "summaries.feedback-missing")).toHaveLength(9);

    const { wb, sheet } = await sheetOf((await moderationSheet(first.value, { date: "2026-11-23" }))!);
    sheet.eachRow((row, n) => {
      if (n > 3 && row.getCell(1).value === "B2") row.getCell(10).value = `Written in the sheet for ${String(row.getCell(3).value)}.`;
    });
    const returned = { name: "returned/moderation.xlsx", bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
    const second = await scoreTender({ ...tender, sheets: [returned] });
    if (!second.ok) throw new Error(JSON.stringify(second.problems));
    expect(second.value.tender.bids.bids.find((b) => b.id === "B2")!.feedback["SV1"]).toBe("Written in the sheet for SV1.");
    expect(await moderationSheet(second.value, { date: "2026-11-23" })).toBeUndefined();
    const letters = assessmentSummaries(second.value, { template: bundledTemplate("assessment-summary"), date: "2026-11-23" });
    if (!letters.ok) throw new Error(JSON.stringify(letters.problems));
    const b2 = docxText(letters.value.find((l) => l.bidId === "B2")!.bytes);
    expect(b2).toContain("Why: Written in the sheet for Q2.");
  });
});

describe("feedback still to write", () => {
  it("does not count a criterion scored from a figure, which the figure and the published formula explain", async () => {
    // A newcomer's `score --sheets` said "3 answers have no feedback to the bidder yet" for three response
    // times, though the summaries (rightly) asked for none and the moderation sheet listed none.
    const { model, bids } = loadExample();
    const quality = model.sections.quality!;
    const q1 = quality.criteria.find((c) => c.id === "Q1")!;
    const measured = { ...model, sections: { ...model.sections, quality: { ...quality, criteria: quality.criteria.map((c) => (c === q1 ? { id: c.id, title: "Response time", weight: c.weight, measure: { method: "interpolation", unit: "hours", best: 4, worst: 48 } } : c)) } } };
    for (const bid of bids.bids) {
      delete bid.scores["Q1"];
      delete bid.feedback["Q1"];
      bid.figures = { Q1: 24 };
    }
    const files: TenderFiles = {
      specification: read("specification.yaml"),
      model: { name: "scoring-model.yaml", bytes: new TextEncoder().encode(stringify(measured)) },
      bids: { name: "bids.yaml", bytes: new TextEncoder().encode(stringify(bids)) },
    };
    const scored = await scoreTender(files);
    if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
    expect(feedbackToWrite(scored.value)).toBe(0);
    expect(await moderationSheet(scored.value, { date: "2026-11-23" })).toBeUndefined();
  });
});

describe("the score sheet's instructions", () => {
  it("tell evaluators the truth: their justifications stay in the record, and bidders see only the panel's agreed feedback", async () => {
    const sheets = await blankScoreSheets({ specification: read("specification.yaml"), model: read("scoring-model.yaml"), bids: read("bids.yaml") }, { date: "2026-11-23" });
    if (!sheets.ok) throw new Error(JSON.stringify(sheets.problems));
    const e1 = sheets.value.find((w) => w.fileName.includes("E1"))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(e1.bytes as unknown as ArrayBuffer);
    const lines: string[] = [];
    wb.getWorksheet("Instructions")!.eachRow((row) => lines.push(String(row.getCell(1).value ?? "")));
    expect(lines.join("\n")).toContain("bidders see the panel's agreed feedback, never your own words or scores");
    expect(lines.join("\n")).not.toContain("Bidders will see these reasons");
  });
});
