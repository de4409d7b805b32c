import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { outputSchemas } from "../../src/presentation/output-schemas/index.js";
import { docxText } from "../documents/docx-helpers.js";
import { furtherSectionsBids, furtherSectionsModelYaml, furtherSectionsSpecification } from "../further-sections-tender.js";
import { fillScoreSheet } from "../spreadsheets/fill.js";
import { TenderBids } from "../../src/model/bids.js";
import { runCli } from "./harness.js";

/** The hand-worked tender of test/scoring/further-sections.test.ts, through every command a user runs. */
describe("a tender with a fifth scored section (Fair work practices), end to end", async () => {
  const dir = (await runCli(["--version"])).cwd;
  const tender = join(dir, "tender");
  mkdirSync(tender);
  writeFileSync(join(tender, "specification.yaml"), JSON.stringify(furtherSectionsSpecification()));
  writeFileSync(join(tender, "scoring-model.yaml"), furtherSectionsModelYaml);
  const bids = furtherSectionsBids();
  writeFileSync(join(tender, "bids.yaml"), JSON.stringify(bids));

  it("scores: the results JSON names the section by its key, kind and title, in its published shape", async () => {
    const run = await runCli(["score", "tender", "--json", "--out", "results.json", "--xlsx", "results.xlsx", "--date", "2026-12-05"], dir);
    expect(run.code, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(outputSchemas.results.safeParse(printed).success).toBe(true);
    const b1 = printed.result.bids.find((b: { bidId: string }) => b.bidId === "B1");
    expect(b1.sections.at(-1)).toMatchObject({ section: "fairWork", kind: "other", title: "Fair work practices", points: { exact: "10" } });
    expect(b1.total.exact).toBe("417/5");
  });

  it("the results workbook has the section's own sheet and a column headed by its title and weight", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, "results.xlsx")) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 6)).toEqual(["Summary", "Quality", "Social value", "User panel", "Fair work practices", "Price"]);
    expect((wb.getWorksheet("Summary")!.getRow(2).values as unknown[]).filter((v) => typeof v === "string")).toContain("Fair work practices (10)");
  });

  it("score sheets carry the section; filled in and read back, they score as the bids file does", async () => {
    const out = await runCli(["scoresheets", "tender", "--out-dir", "sheets", "--date", "2026-12-05"], dir);
    expect(out.code, out.stderr).toBe(0);
    const e1 = new ExcelJS.Workbook();
    await e1.xlsx.load(readFileSync(join(dir, "sheets", "score-sheet-E1.xlsx")) as unknown as ArrayBuffer);
    expect(e1.worksheets.map((w) => w.name)).toContain("Fair work practices scores");
    const source = TenderBids.parse(bids);
    mkdirSync(join(dir, "returned"));
    for (const name of readdirSync(join(dir, "sheets")).filter((n) => /^(score|user-panel)-sheet-/.test(n))) {
      writeFileSync(join(dir, "returned", name), await fillScoreSheet(readFileSync(join(dir, "sheets", name)), source));
    }
    // The bids file without any score: every score comes from the returned sheets.
    const unscored = { ...bids, bids: bids.bids.map(({ scores: _scores, ...b }) => b) };
    mkdirSync(join(dir, "from-sheets"));
    for (const f of ["specification.yaml", "scoring-model.yaml"]) writeFileSync(join(dir, "from-sheets", f), readFileSync(join(tender, f)));
    writeFileSync(join(dir, "from-sheets", "bids.yaml"), JSON.stringify(unscored));
    const run = await runCli(["score", "from-sheets", "--sheets", "returned", "--json", "--out", "from-sheets.json", "--force", "--date", "2026-12-05"], dir);
    expect(run.code, run.stderr).toBe(0);
    const totals = JSON.parse(run.stdout).result.bids.map((b: { bidId: string; total: { exact: string } }) => [b.bidId, b.total.exact]);
    expect(totals).toEqual([
      ["B1", "417/5"],
      ["B3", "398/5"],
      ["B2", "1126/15"],
    ]);
  });

  it("the evaluation report and the assessment summaries name the section, its weight and its points", async () => {
    const report = await runCli(["report", "tender", "--out", "report.docx", "--date", "2026-12-05"], dir);
    expect(report.code, report.stderr).toBe(0);
    const text = docxText(readFileSync(join(dir, "report.docx")));
    expect(text).toContain("Fair work practices");
    expect(text).toContain("The total also counts the points of the sections below");
    expect(text).toContain("Fair work practices: 10.00 of 10");
    const letters = await runCli(["summaries", "tender", "--out-dir", "letters", "--date", "2026-12-07"], dir);
    expect(letters.code, letters.stderr).toBe(0);
    const letter = docxText(readFileSync(join(dir, "letters", readdirSync(join(dir, "letters")).find((n) => n.includes("-B2-"))!)));
    expect(letter).toContain("Fair work practices");
  });

  it("the what-if sweeps all five sections and samples five weights", async () => {
    const run = await runCli(["whatif", "tender", "--json", "--samples", "2000", "--bid", "B3"], dir);
    expect(run.code, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(outputSchemas.whatif.safeParse(printed).success).toBe(true);
    expect(printed.sections).toEqual(["quality", "socialValue", "userPanel", "fairWork", "price"]);
    expect(printed.sweeps.map((s: { section: string }) => s.section).sort()).toEqual(["fairWork", "price", "quality", "socialValue", "userPanel"]);
    const text = await runCli(["whatif", "tender", "--samples", "2000"], dir);
    expect(text.stdout).toContain("Fair work practices weight (now 10%");
  });

  it("the review adds up the sections' effective weights with the further one by its title", async () => {
    const run = await runCli(["review", "tender"], dir);
    expect(run.stdout).toMatch(/Fair work practices\s+published/);
  });
});
