import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { resultsTableCells } from "../../src/presentation/results-table.js";
import { stringifyJson } from "../../src/presentation/json.js";
import { blankScoreSheets, inThreadRuntime, resultsDocument, scoreTender, type NamedFile } from "../../src/workflows/index.js";
import { exampleFolder, loadExample } from "../example-tender.js";
import { fillPriceSchedule, fillScoreSheet } from "../spreadsheets/fill.js";

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
  return [read("specification.yaml"), read("scoring-model.yaml"), bidsFile, ...returned];
}

describe.skipIf(!haveChromium)("the panel's journey in the page, in headless Chromium", () => {
  it("scores returned sheets exactly as the library does, offers the same results.json, sends nothing, and passes axe", async () => {
    const { chromium } = await import("playwright-core");
    const { AxeBuilder } = await import("@axe-core/playwright");
    const files = await returnedTender();
    const dir = mkdtempSync(join(tmpdir(), "tender-eval-app-"));
    for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
    const expected = await scoreTender({ specification: files[0]!, model: files[1]!, bids: files[2]!, sheets: files.slice(3) }, { runtime: inThreadRuntime });
    if (!expected.ok) throw new Error("the returned example must score");
    const cells = resultsTableCells(expected.value.result);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
    try {
      const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
      const refused: string[] = [];
      const pageUrl = `file://${page}`;
      await context.route("**/*", (route) => (route.request().url() === pageUrl ? route.continue() : (refused.push(route.request().url()), route.abort())));
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on("pageerror", (e) => errors.push(e.message));
      await tab.goto(pageUrl);

      await tab.locator("#tender-files").setInputFiles(files.map((f) => join(dir, f.name)));
      // From the keyboard: the button is reached with Tab and pressed with Enter.
      const score = tab.getByRole("button", { name: "Score the tender" });
      await score.focus();
      await tab.keyboard.press("Enter");
      await tab.locator("#results-heading").waitFor({ timeout: 30_000 });

      const shown = await tab.locator("table tbody tr").evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? "")));
      expect(shown).toEqual(cells.rows);
      expect(await tab.locator("table thead th").allTextContents()).toEqual(cells.headers);

      const [download] = await Promise.all([tab.waitForEvent("download"), tab.getByRole("button", { name: "Download results.json" }).click()]);
      expect(download.suggestedFilename()).toBe("results.json");
      expect(readFileSync((await download.path())!, "utf8")).toBe(stringifyJson(resultsDocument(expected.value)));

      const axe = await new AxeBuilder({ page: tab }).analyze();
      expect(axe.violations.map((v: { id: string; help: string }) => `${v.id}: ${v.help}`)).toEqual([]);

      // Reflow (WCAG 1.4.10): at 400 CSS pixels the page needs no sideways scrolling; only the wide table
      // scrolls, inside its own labelled region.
      await tab.setViewportSize({ width: 400, height: 900 });
      expect(await tab.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(400);

      expect(errors).toEqual([]);
      expect(refused).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 90_000);
});
