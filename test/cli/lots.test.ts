import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { modelHash } from "../../src/model/model-hash.js";
import { parseBids, parseScoringModel, parseSpecification } from "../../src/model/parse.js";
import { makeScoreSheets } from "../../src/spreadsheets/score-sheets.js";
import { fillPriceSchedule, fillScoreSheet } from "../spreadsheets/fill.js";
import { loadExcelJS } from "../../src/spreadsheets/exceljs.js";
import { docxText } from "../documents/docx-helpers.js";
import { writeLotsTender } from "../lots-tender.js";
import { runCli } from "./harness.js";

async function sheetTitles(path: string): Promise<string[]> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return workbook.worksheets.map((s) => String(s.getCell(1, 1).value ?? ""));
}

describe("a tender in lots, from the command line", () => {
  it("score ranks each lot on its own and awards the lots under the published rule", async () => {
    const folder = writeLotsTender();
    const run = await runCli(["score", folder, "--xlsx", join(folder, "out", "results.xlsx"), "--date", "2026-12-05"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Lot L1: North Riverside (estimated value £600,000)");
    expect(run.stdout).toContain("Lot L2: South Riverside (estimated value £400,000)");
    expect(run.stdout).toContain("Award of lot L1: Awarded to Riverside Disabled People's Voice (bid B1, ranked 1st).");
    expect(run.stdout).toContain(
      "Award of lot L2: Awarded to Riverside Community Trust (bid B3S, ranked 2nd). Riverside Disabled People's Voice (ranked 1st) was passed over, having already been awarded lot L1.",
    );
    expect(run.stdout).toContain("One bidder may be awarded at most 1 lot. The lots are awarded one at a time, from the highest estimated value down");
    // Each lot's workbook, every sheet's title naming its lot.
    expect(readdirSync(join(folder, "out")).sort()).toEqual(["results-L1.xlsx", "results-L2.xlsx"]);
    const titles = await sheetTitles(join(folder, "out", "results-L2.xlsx"));
    for (const title of titles.filter((t) => t !== "Input files")) expect(title).toContain("Lot L2: South Riverside");
    const ExcelJS = await loadExcelJS();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(folder, "out", "results-L2.xlsx")) as unknown as ArrayBuffer);
    const notes: string[] = [];
    workbook.getWorksheet("Summary")!.eachRow((row) => notes.push(String(row.getCell(1).value ?? "")));
    expect(notes).toContain("Award of lot L2: Awarded to Riverside Community Trust (bid B3S, ranked 2nd). Riverside Disabled People's Voice (ranked 1st) was passed over, having already been awarded lot L1.");
  });

  it("the user panel's restricted record is written per lot, each naming its lot", async () => {
    const folder = writeLotsTender();
    const run = await runCli(["score", folder, "--restricted-record", join(folder, "restricted.xlsx"), "--out", join(folder, "results.json")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`The user panel's individual scores are in ${join(folder, "restricted-L1.xlsx")}, ${join(folder, "restricted-L2.xlsx")}, marked RESTRICTED: keep them`);
    const ExcelJS = await loadExcelJS();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(folder, "restricted-L2.xlsx")) as unknown as ArrayBuffer);
    expect(String(workbook.worksheets[0]!.getCell(2, 1).value)).toContain("– Lot L2: South Riverside (estimated value £400,000). User-panel members");
  });

  it("--json gives each lot's results and award, keyed by lot and bid ids", async () => {
    const folder = writeLotsTender();
    const run = await runCli(["score", folder, "--json", "--out", join(folder, "results.json")]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { award: unknown; lots: { lot: { id: string }; award: { status: string; bidId?: string; passedOver: { bidId: string; heldLots: string[] }[] }; result: { lot: { id: string }; winners: string[]; bids: { bidId: string; rank: number | null }[] } }[] };
    expect(json.award).toEqual({ rule: { maxLotsPerBidder: 1, order: "highest-value" }, awardOrder: ["L1", "L2"] });
    expect(json.lots.map((l) => [l.lot.id, l.award.status, l.award.bidId, l.result.winners])).toEqual([
      ["L1", "awarded", "B1", ["B1"]],
      ["L2", "awarded", "B3S", ["B3S"]],
    ]);
    expect(json.lots[1]!.award.passedOver).toEqual([{ bidId: "B1S", bidder: "Riverside Disabled People's Voice", rank: 1, heldLots: ["L1"] }]);
    expect(json.lots[1]!.result.bids.map((b) => b.bidId)).toEqual(["B1S", "B3S", "B2S"]);
  });

  it("score --lot shows the lot's award under the published rule, which passes over its first-ranked bid", async () => {
    const folder = writeLotsTender();
    const run = await runCli(["score", folder, "--lot", "L2", "--out", join(folder, "results-L2.json")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "Award of lot L2: Awarded to Riverside Community Trust (bid B3S, ranked 2nd). Riverside Disabled People's Voice (ranked 1st) was passed over, having already been awarded lot L1.",
    );
    expect(run.stdout).toContain("How the lots are awarded: Each lot is scored and ranked on its own. One bidder may be awarded at most 1 lot.");
    // The what-if ranks by points; it says the award differs.
    const whatif = await runCli(["whatif", folder, "--lot", "L2", "--bid", "B3S", "--samples", "1000"]);
    expect(whatif.code).toBe(0);
    expect(whatif.stdout).toContain(
      "The rankings above are by points alone, before the published rule for awarding the lots. Award of lot L2: Awarded to Riverside Community Trust (bid B3S, ranked 2nd).",
    );
  });

  it("the report and summaries are made for one lot at a time, naming it", async () => {
    const folder = writeLotsTender();
    const without = await runCli(["report", folder, "--out", join(folder, "report.docx")]);
    expect(without.code).toBe(1);
    expect(without.stderr).toContain("this tender is in lots, and each lot has its own results: name the lot with --lot (lots: L1, L2)");

    const report = await runCli(["report", folder, "--lot", "L2", "--out", join(folder, "report-L2.docx"), "--date", "2026-12-05"]);
    expect(report.code).toBe(0);
    const text = docxText(readFileSync(join(folder, "report-L2.docx")));
    expect(text).toContain("Evaluation report: Community Advocacy and Peer Support Service for Disabled Adults – Lot L2: South Riverside");
    expect(text).toContain("Lot: L2: South Riverside (estimated value £400,000)");
    expect(text).toContain("Recommended supplier: Riverside Community Trust");
    expect(text).toContain("recommends awarding lot L2 to Riverside Community Trust, ranked 2nd of the 3 tenders ranked");
    expect(text).toContain("Award of the lot: Awarded to Riverside Community Trust (bid B3S, ranked 2nd).");
    expect(text).not.toContain("ranked first of");

    const summaries = await runCli(["summaries", folder, "--lot", "L2", "--out-dir", join(folder, "letters"), "--date", "2026-12-05"]);
    expect(summaries.code).toBe(0);
    const letters = readdirSync(join(folder, "letters")).sort();
    expect(letters).toEqual([
      "assessment-summary-B1S-riverside-disabled-peoples-voice.docx",
      "assessment-summary-B2S-national-care-partnership-ltd.docx",
      "assessment-summary-B3S-riverside-community-trust.docx",
    ]);
    const passedOver = docxText(readFileSync(join(folder, "letters", letters[0]!)));
    expect(passedOver).toContain("Lot: L2: South Riverside (estimated value £400,000)");
    expect(passedOver).toContain("We intend to award the contract to Riverside Community Trust");
    // Not "the most advantageous tender": the letter's own tender ranked above it.
    expect(passedOver).toMatch(/We intend to award the contract to Riverside Community Trust, whose tender ranked 2nd in this lot, with [\d.]+ points out of 100, and is the highest-ranked tender that may be awarded it under the published rule for awarding the lots \(below\)\./);
    expect(passedOver).toContain(
      "Your tender ranked 1st in this lot. We intend to award you lot L1, and one bidder may be awarded at most 1 lot, so under the published rule for awarding the lots this lot goes to the highest-ranked tender from a bidder that does not already hold a lot.",
    );
    const other = docxText(readFileSync(join(folder, "letters", letters[1]!)));
    expect(other).toContain("The tender this lot is to be awarded to ranked 2nd in this lot. The tender ranked above it is from a bidder we intend to award the most lots one bidder may be awarded (1 lot)");
    // The bidder passed over is never named to another bidder.
    expect(other).not.toContain("Riverside Disabled People's Voice");
    expect(other).toContain("How the lots are awarded:");
  });

  it("a lot with its own published weights is scored, reported and summarised under them", async () => {
    const folder = writeLotsTender();
    const specPath = join(folder, "specification.yaml");
    const spec = parseSpecification(readFileSync(specPath, "utf8"), "specification.yaml");
    if (!spec.ok) throw new Error("the lots example's specification does not parse");
    // The model: price 30, quality 45, social value 15, user panel 10. South publishes 20, 50, 15 and 15.
    const lots = spec.value.data.lots.map((l) => (l.id === "L2" ? { ...l, weights: { price: 20, quality: 50, socialValue: 15, userPanel: 15 } } : l));
    writeFileSync(specPath, stringify({ ...spec.value.data, lots }));

    const json = JSON.parse((await runCli(["score", folder, "--json", "--out", join(folder, "results.json")])).stdout) as {
      lots: { lot: { weights?: Record<string, number> }; result: { price: { maxPoints: { exact: string } }; bids: { sections: { section: string; weight: { exact: string } }[] }[] } }[];
    };
    expect(json.lots[0]!.result.price.maxPoints.exact).toBe("30");
    expect(json.lots[1]!.lot.weights).toEqual({ price: 20, quality: 50, socialValue: 15, userPanel: 15 });
    expect(json.lots[1]!.result.price.maxPoints.exact).toBe("20");
    expect(json.lots[1]!.result.bids[0]!.sections.map((s) => [s.section, s.weight.exact])).toEqual([
      ["quality", "50"],
      ["socialValue", "15"],
      ["userPanel", "15"],
    ]);

    const report = await runCli(["report", folder, "--lot", "L2", "--out", join(folder, "report-L2.docx"), "--date", "2026-12-05"]);
    expect(report.code).toBe(0);
    const text = docxText(readFileSync(join(folder, "report-L2.docx")));
    expect(text).toContain("Lot L2 is scored under the section weights published for it (section 2); the criteria, their weights within each section and the scales are the scoring model's.");
    expect(text).toContain("Sections and weights");
    expect(text).toContain("Price\n20%\nPrice method (below)");
    expect(text).toContain("Quality\n50%\n0 to 5 quality scale");
    expect(text).toContain("User panel\n15%\nUser panel scale (0 to 3)");
    // Q1 is 30% of quality: 30% × 50% = 15% of the total score in South (13.5% under the model's 45%).
    expect(text).toContain("Q1 Service delivery and outcomes\nQuality\n30%\n15% of the total score");
    // A review flag about a section's weight points at the lot's weight, where South's weight is written.
    expect(text).toMatch(/specification\.yaml: lots\[1\]\.weights\.quality \(line \d+\)/);
    expect(text).not.toContain("sections.quality.weight");

    const summaries = await runCli(["summaries", folder, "--lot", "L2", "--out-dir", join(folder, "letters"), "--date", "2026-12-05"]);
    expect(summaries.code).toBe(0);
    const letter = docxText(readFileSync(join(folder, "letters", readdirSync(join(folder, "letters")).sort()[0]!)));
    expect(letter).toContain("Relative importance: 15% of the total score.");

    // The what-if starts from the lot's weights.
    const whatif = await runCli(["whatif", folder, "--lot", "L2"]);
    expect(whatif.code).toBe(0);
    expect(whatif.stdout).toContain("Price weight (now 20%; the others keep their proportions)");
    expect(whatif.stdout).toContain("Quality weight (now 50%; the others keep their proportions)");
  });

  it("score sheets and price schedules name each bid's lot", async () => {
    const folder = writeLotsTender();
    const run = await runCli(["scoresheets", folder, "--out-dir", join(folder, "sheets"), "--date", "2026-12-05"]);
    expect(run.code).toBe(0);
    const ExcelJS = await loadExcelJS();
    const workbook = new ExcelJS.Workbook();
    const evaluator = readdirSync(join(folder, "sheets")).find((f) => f.includes("E1"))!;
    await workbook.xlsx.load(readFileSync(join(folder, "sheets", evaluator)) as unknown as ArrayBuffer);
    const quality = workbook.worksheets.find((s) => s.name.startsWith("Quality"))!;
    const bidders = new Map<string, string>();
    quality.eachRow((row, n) => n > 2 && bidders.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(bidders.get("B1")).toBe("Riverside Disabled People's Voice – Lot L1: North Riverside");
    expect(bidders.get("B1S")).toBe("Riverside Disabled People's Voice – Lot L2: South Riverside");
    const price = new ExcelJS.Workbook();
    await price.xlsx.load(readFileSync(join(folder, "sheets", "price-schedule-B2S.xlsx")) as unknown as ArrayBuffer);
    const cells: string[] = [];
    price.worksheets[0]!.eachRow((row) => cells.push(row.values!.toString()));
    expect(cells.join("\n")).toContain("Lot,Lot L2: South Riverside (estimated value £400,000)");
  });
});

describe("a tender in lots, from returned score sheets", () => {
  it("scores each lot from the sheets exactly as from the bids file", async () => {
    const folder = writeLotsTender();
    const read = (name: string) => readFileSync(join(folder, name), "utf8");
    const specification = parseSpecification(read("specification.yaml"));
    const model = parseScoringModel(read("scoring-model.yaml"));
    const bids = parseBids(read("bids.yaml"));
    if (!specification.ok || !model.ok || !bids.ok) throw new Error("the lots tender does not parse");
    const input = { specification: specification.value.data, model: model.value.data, bids: bids.value.data };
    const sheets = await makeScoreSheets({ ...input, modelHash: modelHash(input.model), date: "2026-12-05" });
    const returned = join(folder, "returned");
    mkdirSync(returned);
    for (const sheet of sheets) {
      const filled = sheet.fileName.startsWith("price-schedule") ? await fillPriceSchedule(sheet.bytes, input.bids) : await fillScoreSheet(sheet.bytes, input.bids);
      writeFileSync(join(returned, sheet.fileName), filled);
    }
    const fromFile = await runCli(["score", folder, "--json", "--out", join(folder, "from-file.json")]);
    // The same tender with neither scores, prices nor declarations in the bids file: they come from the sheets.
    const bare = { ...input.bids, panel: { ...input.bids.panel, declarations: [] }, bids: input.bids.bids.map(({ scores: _s, price: _p, ...rest }) => rest) };
    writeFileSync(join(folder, "bids.yaml"), stringify(bare));
    const fromSheets = await runCli(["score", folder, "--sheets", returned, "--json", "--out", join(folder, "from-sheets.json"), "--date", "2026-12-05"]);
    expect(fromSheets.stderr).toBe("");
    expect(fromSheets.code).toBe(0);
    const lots = (stdout: string) => (JSON.parse(stdout) as { lots: { award: unknown; result: { bids: { bidId: string; total: unknown; rank: unknown }[] } }[] }).lots.map((l) => ({ award: l.award, bids: l.result.bids.map((b) => [b.bidId, b.total, b.rank]) }));
    expect(lots(fromSheets.stdout)).toEqual(lots(fromFile.stdout));
    // With returned sheets the panel works in Excel: a results workbook per lot beside the JSON.
    expect(readdirSync(folder).filter((f) => f.endsWith(".xlsx")).sort()).toEqual(["results-L1.xlsx", "results-L2.xlsx"]);
  });
});
