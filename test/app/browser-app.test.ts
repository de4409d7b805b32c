import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectAccessibleAndNothingKept } from "./kept-in-browser.js";
import { pressButton } from "./keyboard.js";
import { stringify } from "yaml";
import { resultsTableCells } from "../../src/presentation/results-table.js";
import { stringifyJson } from "../../src/presentation/json.js";
import { blankScoreSheets, inThreadRuntime, resultsDocument, scoreTender, type NamedFile } from "../../src/workflows/index.js";
import { exampleFolder, loadExample } from "../example-tender.js";
import { agreeInModerationSheet, fillPriceSchedule, fillScoreSheet, setScore } from "../spreadsheets/fill.js";
import { unzipSync } from "fflate";
import { bundledTemplate } from "../documents/docx-helpers.js";
import { assessmentSummaries, evaluationReport, loadPolicy, moderationSheet, resultsWorkbook } from "../../src/workflows/index.js";
import { parseWorkbook } from "../../src/spreadsheets/read-workbook.js";
import { cellAt } from "../../src/spreadsheets/light-workbook.js";
import { cellText } from "../../src/spreadsheets/cell-value.js";

/**
 * The browser app: one self-contained page (built by `npm run build`) that does the panel's journey with
 * the library's own workflows, offline, sending nothing anywhere. Driven in Debian's Chromium with real
 * file uploads and downloads; every request other than the page itself is refused and must never happen.
 */
const page = new URL("../../dist/app/tender-eval.html", import.meta.url).pathname;
const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM) && spawnSync(CHROMIUM, ["--version"]).status === 0;

describe("the built page", () => {
  it("is one file within 4 MB, in English, titled, with a policy that forbids every network request", () => {
    expect(existsSync(page), "run npm run build first").toBe(true);
    const html = readFileSync(page, "utf8");
    expect(html.length).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? "";
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'none'");
    expect(policy).not.toMatch(/unsafe-(inline|eval)/);
    // Nothing fetched: no script, stylesheet, picture or frame comes from anywhere but the page itself.
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
  });
});

/** The example as the panel has it after the sheets come back: a bids file without scores, and the filled workbooks. */
async function returnedTender(): Promise<NamedFile[]> {
  const read = (name: string) => ({ name, bytes: readFileSync(join(exampleFolder, name)) });
  const { bids } = loadExample();
  const bidsFile = { name: "bids.yaml", bytes: stringify({ ...bids, bids: bids.bids.map(({ scores: _s, price: _p, ...rest }) => rest) }) };
  const sheets = await blankScoreSheets({ specification: read("specification.yaml"), model: read("scoring-model.yaml"), bids: bidsFile }, { date: "2026-11-20" });
  if (!sheets.ok) throw new Error("the example's sheets must be made");
  const returned = await Promise.all(
    sheets.value
      .filter((s) => s.fileName.endsWith(".xlsx"))
      .map(async (s) => ({ name: s.fileName, bytes: s.fileName.startsWith("price-schedule") ? await fillPriceSchedule(s.bytes, bids) : await fillScoreSheet(s.bytes, bids) })),
  );
  // E1 marks the DDPO's Q4 at 1 where the others gave 4 and 5: beyond tolerance, so the panel must moderate.
  const e1 = returned.find((r) => r.name === "score-sheet-E1.xlsx")!;
  e1.bytes = await setScore(e1.bytes, "Quality scores", "B1", "Q4", 1);
  return [read("specification.yaml"), read("scoring-model.yaml"), bidsFile, ...returned];
}

const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
const reason = "E1 had missed the peer-advocate training plan on page 12; the panel agreed the answer is good.";

describe.skipIf(!haveChromium)("the panel's journey in the page, in headless Chromium", () => {
  it("sheets in → moderation sheet out → agreed sheet in → results, report and letters: the library's own bytes, nothing sent, axe clean", async () => {
    const { chromium } = await import("playwright-core");
    const files = await returnedTender();
    const dir = mkdtempSync(join(tmpdir(), "tender-eval-app-"));
    for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
    const tender = { specification: files[0]!, model: files[1]!, bids: files[2]! };
    const date = "2026-11-21";

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
      const refused: string[] = [];
      const pageUrl = `file://${page}`;
      await context.route("**/*", (route) => (route.request().url() === pageUrl ? route.continue() : (refused.push(route.request().url()), route.abort())));
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on("pageerror", (e) => errors.push(e.message));
      await tab.goto(pageUrl);
      const take = async (button: string) => {
        // From the keyboard, as every control in this journey.
        const [file] = await Promise.all([tab.waitForEvent("download"), pressButton(tab, button)]);
        return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync((await file.path())!)) };
      };
      const scoreInPage = async () => {
        // From the keyboard: the button is reached by focus and pressed with Enter.
        await tab.getByRole("button", { name: "Score the tender" }).focus();
        await tab.keyboard.press("Enter");
        await tab.locator("#results-heading").waitFor({ timeout: 30_000 });
        return tab.locator("table tbody tr").evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? "")));
      };

      // Round 1: the returned sheets, one answer beyond tolerance.
      await tab.locator("#tender-files").setInputFiles(files.map((f) => join(dir, f.name)));
      const first = await scoreTender({ ...tender, sheets: files.slice(3) }, { runtime: inThreadRuntime });
      if (!first.ok) throw new Error("round 1 must score");
      expect(await scoreInPage()).toEqual(resultsTableCells(first.value.result).rows);
      expect(await tab.locator("table thead th").allTextContents()).toEqual(resultsTableCells(first.value.result).headers);
      expect(await tab.getByText("1 answer needs moderation").count()).toBe(1);
      await tab.getByLabel("Date printed on the documents").fill(date);
      // Written by the browser's build of the workbook library: read back, it holds what the CLI's holds.
      const pageSheet = await take("Download the moderation sheet (.xlsx)");
      expect(pageSheet.name).toBe("moderation.xlsx");
      const cliSheet = await moderationSheet(first.value, { date });
      expect(JSON.stringify(await parseWorkbook(pageSheet.bytes))).toBe(JSON.stringify(await parseWorkbook(cliSheet!)));

      // Round 2: the panel's agreed sheet opened too; the page adds it to the files already open.
      const agreed = { name: "moderation.xlsx", bytes: await agreeInModerationSheet(pageSheet.bytes, 4, reason) };
      writeFileSync(join(dir, agreed.name), agreed.bytes);
      await tab.locator("#tender-files").setInputFiles([join(dir, agreed.name)]);
      const second = await scoreTender({ ...tender, sheets: [...files.slice(3), agreed] }, { runtime: inThreadRuntime });
      if (!second.ok) throw new Error("round 2 must score");
      expect(second.value.result.moderationNeeded).toEqual([]);
      expect(await scoreInPage()).toEqual(resultsTableCells(second.value.result).rows);

      const json = await take("Download results.json");
      expect(json.name).toBe("results.json");
      expect(new TextDecoder().decode(json.bytes)).toBe(stringifyJson(resultsDocument(second.value)));

      // The documents, dated as the CLI's --date: the same bytes as the library makes for the same tender.
      await tab.getByLabel("Date printed on the documents").fill(date);
      // The results workbook, written in the page by the same writer as the library's, packed by fflate as the library
      // packs it when given no deflater: the same bytes, and read back, the same cells. The CLI packs it with Node's
      // zlib instead: other bytes, the same parts (test/spreadsheets/zlib-deflate.test.ts).
      const pageWorkbook = await take("Download the results workbook (.xlsx)");
      expect(pageWorkbook.name).toBe("results.xlsx");
      const cliWorkbook = await resultsWorkbook(second.value, { date });
      expect(Buffer.from(pageWorkbook.bytes).equals(Buffer.from(cliWorkbook))).toBe(true);
      const readBack = await parseWorkbook(pageWorkbook.bytes);
      expect(readBack.ok && readBack.sheets.map((s) => s.name)).toEqual(["Summary", "Quality", "Social value", "User panel", "Price", "Moderation", "Audit"]);
      // Each bid's row on the summary, in the ranked order, names its bidder.
      const summary = readBack.ok ? readBack.sheets[0]! : undefined;
      second.value.result.bids.forEach((bid, i) => {
        expect(cellText(cellAt(summary!, 3 + i, 2))).toBe(bid.bidder);
      });
      const policy = loadPolicy({ name: "policies/uk-default.yaml", bytes: readFileSync(new URL("../../policies/uk-default.yaml", import.meta.url)) });
      if (!policy.ok) throw new Error("the bundled policy must load");
      const report = evaluationReport(second.value, policy.value.data, { template: bundledTemplate("evaluation-report"), date });
      if (!report.ok) throw new Error("the report must be made");
      const pageReport = await take("Download the evaluation report (.docx)");
      expect(pageReport.name).toBe("evaluation-report.docx");
      expect(Buffer.from(pageReport.bytes).equals(Buffer.from(report.value.bytes))).toBe(true);

      const letters = assessmentSummaries(second.value, { template: bundledTemplate("assessment-summary"), date });
      if (!letters.ok) throw new Error(`the letters must be made: ${letters.problems.map((p) => p.code).join(", ")}`);
      const zip = unzipSync((await take("Download the assessment summaries (.zip)")).bytes);
      expect(Object.keys(zip).sort()).toEqual(letters.value.map((l) => l.fileName).sort());
      for (const l of letters.value) expect(Buffer.from(zip[l.fileName]!).equals(Buffer.from(l.bytes)), l.fileName).toBe(true);

      // axe clean; reflow at 400 px (only the wide table scrolls, inside its own labelled region); nothing
      // kept in the browser once the page is closed, as the page says.
      await expectAccessibleAndNothingKept(tab);
      expect(errors).toEqual([]);
      expect(refused).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});

describe.skipIf(!haveChromium)("dropping files on the page", () => {
  it("opens dropped files as the file dialog would", async () => {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const tab = await (await browser.newContext()).newPage();
      await tab.goto(`file://${page}`);
      const texts = Object.fromEntries(["specification.yaml", "scoring-model.yaml", "bids.yaml"].map((n) => [n, readFileSync(join(exampleFolder, n), "utf8")]));
      // Runs in the page, where DataTransfer and File exist (this file is checked without the DOM's types).
      const transfer = await tab.evaluateHandle((files: Record<string, string>) => {
        const page = globalThis as unknown as { DataTransfer: new () => { items: { add(f: unknown): void } }; File: new (parts: string[], name: string) => unknown };
        const data = new page.DataTransfer();
        for (const [name, text] of Object.entries(files)) data.items.add(new page.File([text], name));
        return data;
      }, texts);
      await tab.locator(".choose").dispatchEvent("drop", { dataTransfer: transfer });
      await tab.locator("#opened-heading").waitFor();
      expect(await tab.locator("#opened-heading").textContent()).toBe("Files open (3)");
      await tab.getByRole("button", { name: "Score the tender" }).click();
      await tab.locator("#results-heading").waitFor({ timeout: 30_000 });

      // Choosing the whole tender folder opens every file in it (the folder picker, not a one-file dialog).
      await tab.getByRole("button", { name: "Close these files" }).click();
      await tab.locator("#tender-folder").setInputFiles(exampleFolder);
      await tab.locator("#opened-heading").waitFor();
      expect(await tab.locator("#opened-heading").textContent()).toBe(`Files open (${readdirSync(exampleFolder).length})`);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
