import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import PizZip from "pizzip";
import { afterEach, describe, expect, it, vi } from "vitest";
import { stringify } from "yaml";
import { inThreadRuntime, moderationSheet, profilesSheet, scoreTender, type NamedFile } from "../../src/workflows/index.js";
import { runCli } from "../cli/harness.js";
import { exampleFolder, loadExample } from "../example-tender.js";

/**
 * A published document's SHA-256 must be reproducible later from the same inputs and date: every .docx and
 * .xlsx is the same bytes whatever the clock says when it is made. Each run below is made at a different
 * time of day (the zip writers stamp entries with the time), so only fixed dates make them equal.
 */
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
const core = (bytes: Uint8Array) => new PizZip(bytes).file("docProps/core.xml")?.asText() ?? "";
const read = (name: string): NamedFile => ({ name, bytes: readFileSync(join(exampleFolder, name)) });

async function at<T>(time: string, make: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date(time) });
  try {
    return await make();
  } finally {
    vi.useRealTimers();
  }
}

afterEach(() => vi.useRealTimers());

describe("the same inputs and date give byte-identical documents and workbooks", () => {
  it("every file the demo writes: report, summaries, Equality Assessment, briefing, results workbook, score sheets, price schedules", async () => {
    const first = await at("2026-12-05T09:13:07Z", () => runCli(["demo", "--out", "out", "--date", "2026-11-21", "--json"]));
    const second = await at("2027-03-01T17:42:51Z", () => runCli(["demo", "--out", "out", "--date", "2026-11-21", "--json"]));
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    const made = files(join(first.cwd, "out")).map((f) => relative(join(first.cwd, "out"), f));
    const kinds = made.filter((f) => /\.(docx|xlsx)$/.test(f));
    // Each kind is there: the report, a summary, the assessment, the briefing, results, evaluator and user-panel sheets, a price schedule.
    for (const pattern of [/^evaluation-report\.docx$/, /^assessment-summaries\/.+\.docx$/, /^equality-assessment\.docx$/, /^whatif-briefing\.docx$/, /^results\.xlsx$/, /score-sheet-E1\.xlsx$/, /user-panel-sheet-.+\.xlsx$/, /price-schedule-.+\.xlsx$/]) {
      expect(kinds.some((f) => pattern.test(f)), String(pattern)).toBe(true);
    }
    for (const file of kinds) {
      const a = readFileSync(join(first.cwd, "out", file));
      const b = readFileSync(join(second.cwd, "out", file));
      expect(Buffer.compare(a, b), file).toBe(0);
    }
  }, 120_000);

  it("the moderation sheet and the profiles sheet", async () => {
    const { bids } = loadExample();
    const unmoderated = { name: "bids.yaml", bytes: stringify({ ...bids, moderation: [] }) };
    const scored = await scoreTender({ specification: read("specification.yaml"), model: read("scoring-model.yaml"), bids: unmoderated }, { runtime: inThreadRuntime });
    if (!scored.ok) throw new Error("the example must score");
    const moderation = () => moderationSheet(scored.value, { date: "2026-11-21" });
    const profiles = async () => {
      const made = await profilesSheet({ model: read("scoring-model.yaml"), from: read("whatif-profiles.yaml") }, { date: "2026-11-21" });
      if (!made.ok) throw new Error("the profiles sheet must be made");
      return made.value;
    };
    const [m1, p1] = await at("2026-12-05T09:13:07Z", async () => [await moderation(), await profiles()] as const);
    const [m2, p2] = await at("2027-03-01T17:42:51Z", async () => [await moderation(), await profiles()] as const);
    expect(m1).toBeDefined();
    expect(Buffer.compare(Buffer.from(m1!), Buffer.from(m2!))).toBe(0);
    expect(Buffer.compare(Buffer.from(p1), Buffer.from(p2))).toBe(0);
    expect(core(m1!)).toContain("<dc:creator>Riverside Borough Council</dc:creator>");
    // Homes and Hearts' safeguarding scores (1, 2, 1) are within tolerance but exclude it: on the sheet, saying why.
    expect(new PizZip(m1!).file("xl/sharedStrings.xml")?.asText()).toContain("the combined score is below the minimum and would exclude the bid");
    expect(core(m1!)).toContain("<dc:title>Moderation and feedback: Community Advocacy and Peer Support Service for Disabled Adults</dc:title>");
  });
});

describe("each document's and workbook's properties are its own", () => {
  it("creator is the authority, title the document's, created and modified the document's date; nothing says tender-eval", async () => {
    const run = await runCli(["demo", "--out", "out", "--date", "2026-11-21", "--json"]);
    expect(run.code).toBe(0);
    const out = join(run.cwd, "out");
    // The Equality Assessment is dated as its findings are (the date it prints), the others by --date.
    const expected: [string, string, string][] = [
      ["evaluation-report.docx", "Evaluation report: Community Advocacy and Peer Support Service for Disabled Adults", "2026-11-21"],
      ["equality-assessment.docx", "Equality Assessment: Community Advocacy and Peer Support Service for Disabled Adults", "2026-07-15"],
      ["results.xlsx", "Results: Community Advocacy and Peer Support Service for Disabled Adults", "2026-11-21"],
      ["score-sheets/score-sheet-E1.xlsx", "Score sheet: Commissioning Manager (E1) – Community Advocacy and Peer Support Service for Disabled Adults", "2026-11-21"],
    ];
    for (const [file, title, date] of expected) {
      const xml = core(readFileSync(join(out, file)));
      expect(xml, file).toContain(`<dc:title>${title}</dc:title>`);
      expect(xml, file).toContain("<dc:creator>Riverside Borough Council</dc:creator>");
      expect(xml, file).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${date}T00:00:00Z</dcterms:created>`);
      expect(xml, file).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${date}T00:00:00Z</dcterms:modified>`);
    }
    for (const file of files(out).filter((f) => /\.(docx|xlsx)$/.test(f))) {
      expect(core(readFileSync(file)), file).not.toMatch(/tender-eval|ExcelJS/i);
    }
    // The briefing is the organisation's own.
    expect(core(readFileSync(join(out, "whatif-briefing.docx")))).toContain("<dc:creator>Riverside Disabled People&#39;s Voice</dc:creator>");
  }, 120_000);
});
