import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exact } from "../../src/arithmetic/exact.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { seededRandom } from "../../src/sensitivity/random.js";
import { smaa } from "../../src/sensitivity/smaa.js";
import { problemFromResult, sweepWeight, totalAt, type WeightingProblem } from "../../src/sensitivity/weight-sweep.js";
import { whatifPage, type WhatifPageInput } from "../../src/presentation/whatif-page.js";
import { escapeHtml } from "../../src/presentation/escape.js";
import { formatChance } from "../../src/language/uk-format.js";
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

/**
 * Names a bidder or a tender could be given to break out of the page: closing its data script, opening
 * a tag or an attribute, starting a comment, a line separator JavaScript once choked on, and template
 * braces. Every one must show as the literal text it is.
 */
const HOSTILE_NAMES = [
  "National Care</script><img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "<!-- Peer Power",
  "Line\u2028Separator CIC",
  "{{x}} Café’s ' onfocus='alert(2)' autofocus='",
];
const HOSTILE_TITLE = 'Advocacy </script><script>alert(3)</script> "><svg onload=alert(4)> <!-- \u2028 {{x}}';

/** The example tender with every bidder's name and id replaced by a hostile one. */
function hostilePage() {
  const outcome = scoreTender(loadExample());
  if (!outcome.ok) throw new Error("example must score");
  const original = problemFromResult(outcome.value);
  const problem: WeightingProblem = {
    weights: original.weights,
    bids: original.bids.map((b, i) => ({ ...b, bidId: `id</script>${i}`, bidder: HOSTILE_NAMES[i]! })),
  };
  const sections = [...problem.weights.keys()];
  const sweeps = sections.map((s) => sweepWeight(problem, s));
  const chance = smaa({ criteria: sections, bids: problem.bids.map((b) => ({ id: b.bidId, values: sections.map((s) => b.shares.get(s)!.valueOf()) })), samples: 500, random: seededRandom(1) });
  const html = whatifPage({ title: HOSTILE_TITLE, problem, sweeps, smaa: chance, seed: 1, highlight: problem.bids[0]!.bidId, weightRanges: [{ section: "price", low: 20, high: 60 }] });
  return { html, problem, sweeps };
}

describe("the what-if page with hostile names", () => {
  it("escapes every name into the markup and the script, so the only script is its own and nothing is a tag", () => {
    const { html } = hostilePage();
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html).not.toContain("<!--");
    expect(html).not.toMatch(/<img|<svg onload/i);
    // No event-handler attribute inside any tag (the escaped names hold "onerror=" only as text).
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(html).toContain("<h1>What-if: Advocacy &lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt; &quot;&gt;&lt;svg onload=alert(4)&gt; &lt;!-- \u2028 {{x}}</h1>");
    const script = html.slice(html.indexOf("<script>") + "<script>".length, html.indexOf("</script>"));
    expect(script).toContain("Line\\u2028Separator CIC");
    expect(script).not.toMatch(/[\u2028\u2029]|<!--|<\/|<script/i);
  });

  it("names its one inline script by the SHA-256 of the script's exact text, and allows no network", () => {
    const { html } = hostilePage();
    const script = html.slice(html.indexOf("<script>") + "<script>".length, html.indexOf("</script>"));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toBe(
      `default-src 'none'; script-src 'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'; style-src 'unsafe-inline'; connect-src 'none'; form-action 'none'; base-uri 'none'`,
    );
    // The policy must come before anything it governs.
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<style>"));
  });
});

describe.skipIf(!haveChromium)("the what-if page with hostile names in headless Chromium", () => {
  const PAGE_URL = "http://whatif.test/whatif.html";

  /** Serves `html` as the only thing the page may load; every other request is counted and refused. */
  async function open(html: string) {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    const tab = await (await browser.newContext()).newPage();
    const dialogs: string[] = [];
    const consoleErrors: string[] = [];
    const requests: string[] = [];
    tab.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    tab.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    tab.on("pageerror", (error) => consoleErrors.push(String(error)));
    tab.on("request", (request) => {
      if (request.url() !== PAGE_URL) requests.push(request.url());
    });
    await tab.route("**", async (route) => {
      if (route.request().url() === PAGE_URL) await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
      else {
        requests.push(route.request().url());
        await route.abort();
      }
    });
    // Playwright's own scripts are not subject to the page's policy, so this listener sees every violation.
    await tab.addInitScript(`window.violations = [];
document.addEventListener("securitypolicyviolation", (event) => window.violations.push(event.violatedDirective + " " + event.blockedURI));`);
    await tab.goto(PAGE_URL);
    const violations = async () => (await tab.evaluate("window.violations")) as string[];
    return { browser, tab, dialogs, consoleErrors, requests, violations };
  }

  it("runs nothing injected, shows the names as text, keeps the sliders working and fetches nothing", async () => {
    const { html, problem, sweeps } = hostilePage();
    const { browser, tab, dialogs, consoleErrors, requests, violations } = await open(html);
    try {
      // Give an injected onload/onerror/autofocus handler its chance to fire.
      await tab.locator("#w-price").focus();
      await tab.waitForTimeout(200);

      expect(await tab.locator("img").count()).toBe(0);
      expect(await tab.locator("script").count()).toBe(1);
      expect(await tab.locator("svg").count()).toBe(sweeps.length);
      const handlers = (await tab.evaluate("[...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => e.tagName + ' ' + a.name))")) as string[];
      expect(handlers).toEqual([]);

      // Literal text wherever a name or the title is shown.
      expect(await tab.title()).toBe(`What-if: ${HOSTILE_TITLE}`);
      expect(await tab.locator("h1").textContent()).toBe(`What-if: ${HOSTILE_TITLE}`);
      expect(await tab.locator("#acceptability tbody th").allTextContents()).toEqual(HOSTILE_NAMES);
      expect(await tab.locator("#typical-weights tbody th").allTextContents()).toEqual(HOSTILE_NAMES);
      expect([...(await tab.locator("#ranking tbody th").allTextContents())].sort()).toEqual([...HOSTILE_NAMES].sort());
      const svgTitles = await tab.locator("svg line > title").allTextContents();
      for (const name of HOSTILE_NAMES) expect(svgTitles).toContain(name);
      const breakEvens = (await tab.locator("section.chart table td").allTextContents()).join("\n");
      expect(breakEvens).toContain(" overtakes ");
      expect(HOSTILE_NAMES.some((name) => breakEvens.includes(name))).toBe(true);

      // The policy is there, the page's own script ran under it (the ranking was drawn), nothing was refused.
      expect(await tab.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")).toMatch(/^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]{43}='/);
      expect(await tab.locator("#ranking tbody tr").count()).toBe(problem.bids.length);
      expect(await tab.locator("#leader").textContent()).toMatch(/ leads with \d+\.\d\d points\.$/);

      // The sliders still re-rank the bids as the library says.
      const before = await tab.locator("#ranking tbody th").allTextContents();
      await tab.locator("#w-price").fill("80");
      const price = sweeps.find((s) => s.section === "price")!;
      const expected = [...price.lines].sort((a, b) => totalAt(b, exact(80)).compare(totalAt(a, exact(80)))).map((l) => l.bidder);
      const after = await tab.locator("#ranking tbody th").allTextContents();
      expect(after).toEqual(expected);
      expect(after).not.toEqual(before);
      // Enter in the form is stopped by the script, not refused by the policy.
      await tab.keyboard.press("Enter");

      expect(dialogs).toEqual([]);
      expect(await violations()).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it("refuses to run a script that is not the one the page was built with", async () => {
    const { html } = hostilePage();
    // An edit to the script after the page was built (or a script that got in some other way) does not match the hash.
    const tampered = html.replace("leads with", "is ahead with");
    const { browser, tab, dialogs, violations } = await open(tampered);
    try {
      expect(await tab.locator("#ranking tbody tr").count()).toBe(0);
      expect(await violations()).toEqual([expect.stringMatching(/^script-src-elem inline$/)]);
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
