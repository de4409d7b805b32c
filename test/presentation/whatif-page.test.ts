import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exact } from "../../src/arithmetic/exact.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { seededRandom } from "../../src/sensitivity/random.js";
import { smaa } from "../../src/sensitivity/smaa.js";
import { problemFromResult, sweepWeight, totalAt } from "../../src/sensitivity/weight-sweep.js";
import { whatifPage, type WhatifPageInput } from "../../src/presentation/whatif-page.js";
import { escapeHtml } from "../../src/presentation/escape.js";
import { formatChance } from "../../src/presentation/uk-format.js";
import { loadExample } from "../example-tender.js";

const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM) && spawnSync(CHROMIUM, ["--version"]).status === 0;
if (!haveChromium) console.warn("Debian's chromium is not installed: skipping the browser tests of the what-if page (.ci/run installs it).");

function page(extra: Partial<WhatifPageInput> = {}) {
  const outcome = scoreTender(loadExample());
  if (!outcome.ok) throw new Error("example must score");
  const problem = problemFromResult(outcome.value);
  const sections = [...problem.weights.keys()];
  const sweeps = sections.map((s) => sweepWeight(problem, s));
  const chance = smaa({ criteria: sections, bids: problem.bids.map((b) => ({ id: b.bidId, values: sections.map((s) => b.shares.get(s)!.valueOf()) })), samples: 2000, random: seededRandom(1) });
  const html = whatifPage({ title: outcome.value.tender.title, problem, sweeps, smaa: chance, seed: 1, ...extra });
  const dir = mkdtempSync(join(tmpdir(), "tender-eval-page-"));
  writeFileSync(join(dir, "whatif.html"), html);
  return { html, file: join(dir, "whatif.html"), problem, sweeps, chance };
}

describe("the what-if page", () => {
  it("is one self-contained file: no network, a title, the language, a labelled control per weight", () => {
    const { html } = page();
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain("<title>What-if: Community Advocacy and Peer Support Service for Disabled Adults</title>");
    for (const s of ["price", "quality", "socialValue", "userPanel"]) expect(html).toMatch(new RegExp(`<label for="w-${s}">`));
    expect(html).toContain("<caption>Break-even points: Price</caption>");
  });

  it("shows the chance of every place and the typical weights as the library gives them, with the limits sampled within", () => {
    const { html, problem, chance } = page({ weightRanges: [{ section: "socialValue", low: 10, high: 25 }] });
    expect(html).toContain("every weighting equally likely, within these limits: social value 10–25%)");
    const table = html.slice(html.indexOf('<table id="acceptability"'), html.indexOf("</table>", html.indexOf('<table id="acceptability"')));
    // Five ranked bids: five places, no "or lower" column.
    expect(table).toContain('<th scope="col">1st</th><th scope="col">2nd</th><th scope="col">3rd</th><th scope="col">4th</th><th scope="col">5th</th></tr>');
    const rows = table.split("<tr>").slice(2);
    expect(rows).toHaveLength(problem.bids.length);
    rows.forEach((row, i) => {
      const shown = [...row.matchAll(/<\/span><\/span> ([^<]+)<\/td>/g)].map((m) => m[1]);
      expect(shown).toEqual(chance.rankAcceptability[i]!.map((p) => formatChance(p, 1)));
    });
    const typical = html.slice(html.indexOf('<table id="typical-weights"'), html.indexOf("</table>", html.indexOf('<table id="typical-weights"')));
    problem.bids.forEach((b, i) => {
      const central = chance.centralWeights[i];
      const row = typical.slice(typical.indexOf(`<th scope="row">${escapeHtml(b.bidder)}</th>`));
      if (central) expect(row.startsWith(`<th scope="row">${escapeHtml(b.bidder)}</th>${central.map((w) => `<td>${formatChance(w)}</td>`).join("")}`)).toBe(true);
      else expect(row).toMatch(/^<th scope="row">[^<]+<\/th><td colspan="4">Not first in any of the random weightings<\/td>/);
    });
  });
});

describe("the what-if page with many bids", () => {
  it("lists the crossings its charts mark, and says how many others --json holds", () => {
    const random = seededRandom(11);
    const problem = {
      weights: new Map([["price", exact(30)], ["quality", exact(70)]] as const),
      bids: Array.from({ length: 40 }, (_, i) => ({
        bidId: `B${i}`,
        bidder: `Bidder ${i}`,
        shares: new Map([["price", exact(Math.round(random() * 100)).div(100)], ["quality", exact(Math.round(random() * 100)).div(100)]] as const),
      })),
    };
    const sweeps = [sweepWeight(problem, "price"), sweepWeight(problem, "quality")];
    const chance = smaa({ criteria: ["price", "quality"], bids: problem.bids.map((b) => ({ id: b.bidId, values: [b.shares.get("price")!.valueOf(), b.shares.get("quality")!.valueOf()] })), samples: 500, random: seededRandom(1) });
    const html = whatifPage({ title: "Framework", problem, sweeps, smaa: chance, seed: 1, highlight: "B0" });
    const priceTable = html.slice(html.indexOf("<caption>Break-even points: Price</caption>"), html.indexOf("</table>", html.indexOf("<caption>Break-even points: Price</caption>")));
    const rows = priceTable.match(/<tr><td>[\d.]+%<\/td>/g) ?? [];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(sweeps[0]!.breakEvens.length);
    expect(priceTable).toContain(`${sweeps[0]!.breakEvens.length - rows.length} other crossings between other bidders are not listed`);
  });
});

describe.skipIf(!haveChromium)("the what-if page in headless Chromium", () => {
  it("moving the price slider re-ranks the bids exactly as the library says, and axe finds no serious problem", async () => {
    const { chromium } = await import("playwright-core");
    const { AxeBuilder } = await import("@axe-core/playwright");
    const { file, sweeps } = page();
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    try {
      const tab = await (await browser.newContext()).newPage();
      await tab.goto(`file://${file}`);
      const ranking = async () => (await tab.locator("#ranking tbody th").allTextContents());
      expect(await ranking()).toEqual(["Riverside Disabled People's Voice", "Riverside Community Trust", "Peer Power Social Enterprise", "National Care Partnership Ltd", "Access Together CIC"]);

      // Price at 80%: the library's lines give the order at that weight.
      await tab.locator("#w-price").fill("80");
      const price = sweeps.find((s) => s.section === "price")!;
      const expected = [...price.lines].sort((a, b) => totalAt(b, exact(80)).compare(totalAt(a, exact(80)))).map((l) => l.bidder);
      expect(await ranking()).toEqual(expected);
      expect(await tab.locator("#w-quality-value").textContent()).toBe(`${Math.round((45 * 20) / 70 * 10) / 10}%`);

      // From the keyboard: focus the slider and press the arrow keys.
      await tab.locator("#w-price").focus();
      await tab.keyboard.press("ArrowLeft");
      expect(await tab.locator("#w-price-value").textContent()).toBe("79.5%");

      const axe = await new AxeBuilder({ page: tab }).analyze();
      const serious = axe.violations.filter((v: { impact?: string | null }) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v: { id: string; help: string }) => `${v.id}: ${v.help}`)).toEqual([]);

      // Reflow (WCAG 1.4.10): at 320 CSS pixels wide the page needs no sideways scrolling; only the
      // wide chance tables scroll, each inside its own labelled region.
      await tab.setViewportSize({ width: 320, height: 800 });
      expect(await tab.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(320);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
