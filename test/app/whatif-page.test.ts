import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { inThreadRuntime, scoreTender, whatifForTender } from "../../src/workflows/index.js";
import { whatifPage } from "../../src/workflows/whatif.js";
import { whatifData, whatifFromData } from "../../src/workflows/whatif-data.js";
import { exampleFolder, loadExample } from "../example-tender.js";

/**
 * `whatif --html`: the browser app opened on the DDPO's journey with the analysis in it, one page not two.
 * Names a bidder or a tender could be given to break out of the page: closing the data's script element,
 * opening a tag or an attribute, starting a comment, a line separator, template braces. Every one must
 * show as the literal text it is, and nothing may run.
 */
const HOSTILE_NAMES = [
  "National Care</script><img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "<!-- Peer Power",
  "Line\u2028Separator CIC",
  "{{x}} Café’s ' onfocus='alert(2)' autofocus='",
  "Homes </SCRIPT ><script>alert(5)</script>",
];
const HOSTILE_TITLE = 'Advocacy </script><script>alert(3)</script> "><svg onload=alert(4)> <!-- \u2028 {{x}}';
const app = new URL("../../dist/app/tender-eval.html", import.meta.url).pathname;
const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM) && spawnSync(CHROMIUM, ["--version"]).status === 0;

async function hostileWhatif() {
  const read = (name: string) => ({ name, bytes: readFileSync(join(exampleFolder, name), "utf8") });
  const { bids } = loadExample();
  const renamed = { ...bids, bids: bids.bids.map((b, i) => ({ ...b, bidder: HOSTILE_NAMES[i] ?? b.bidder })) };
  const spec = read("specification.yaml");
  const scored = await scoreTender({ specification: { ...spec, bytes: spec.bytes.replace(/^title: .*$/m, `title: ${JSON.stringify(HOSTILE_TITLE)}`) }, model: read("scoring-model.yaml"), bids: { name: "bids.yaml", bytes: stringify(renamed) } });
  if (!scored.ok) throw new Error("the renamed example must score");
  const whatif = await whatifForTender(scored.value, { bid: "B1", samples: 2000, seed: 1, runtime: inThreadRuntime });
  if (!whatif.ok) throw new Error("the what-if must run");
  return whatif.value;
}

describe("the what-if page", () => {
  it("carries the analysis exactly: every fraction and map comes back as it went in", async () => {
    const whatif = await hostileWhatif();
    const back = whatifFromData(whatifData(whatif))!;
    expect(back.problem.weights).toEqual(whatif.problem.weights);
    expect(back.analysis.sweeps[0]!.breakEvens.map((b) => b.weight.toFraction())).toEqual(whatif.analysis.sweeps[0]!.breakEvens.map((b) => b.weight.toFraction()));
    expect(back.analysis.chance).toEqual(whatif.analysis.chance);
    expect(whatifFromData("{}")).toBeUndefined();
    expect(whatifFromData("not json")).toBeUndefined();
  });

  it("is the app with the data in a script that never runs and cannot be closed early by any name", async () => {
    expect(existsSync(app), "run npm run build first").toBe(true);
    const html = whatifPage(await hostileWhatif(), readFileSync(app, "utf8"));
    const data = /<script type="application\/json" id="tender-eval-data">([^]*?)<\/script>/.exec(html)![1]!;
    expect(data).not.toMatch(/[<\u2028\u2029]/);
    // The page's own two elements: its data, then its script (which can hold no "<!--" to change how it ends).
    expect(html.match(/<script type=/g)).toHaveLength(2);
    expect(html).not.toMatch(/<img src=x|<svg onload/i);
  });
});

describe.skipIf(!haveChromium)("the what-if page in headless Chromium", () => {
  it("opens on the DDPO's journey with the analysis, shows every hostile name as text, runs nothing, sends nothing", async () => {
    const { chromium } = await import("playwright-core");
    const whatif = await hostileWhatif();
    const dir = mkdtempSync(join(tmpdir(), "tender-eval-whatif-"));
    writeFileSync(join(dir, "whatif.html"), whatifPage(whatif, readFileSync(app, "utf8")));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
    try {
      const tab = await (await browser.newContext()).newPage();
      const dialogs: string[] = [];
      const errors: string[] = [];
      const requests: string[] = [];
      tab.on("dialog", (d) => (dialogs.push(d.message()), void d.dismiss()));
      tab.on("pageerror", (e) => errors.push(e.message));
      tab.on("request", (r) => requests.push(r.url()));
      const url = `file://${join(dir, "whatif.html")}`;
      await tab.goto(url);
      await tab.locator("#stand-heading").waitFor({ timeout: 30_000 }).catch(async () => {
        throw new Error(`the page did not show the analysis: ${errors.join("; ")} ${(await tab.locator("main").innerText()).slice(0, 300)}`);
      });
      expect(await tab.locator("#ddpo-heading").count()).toBe(1);
      const shown = await tab.locator("table.standings tbody th").allTextContents();
      const ranked = whatif.problem.bids.map((b) => b.bidder);
      expect(shown.map((s) => s.replace(/ \(you\)$/, "")).sort()).toEqual([...ranked].sort());
      expect(await tab.locator(".privacy").last().innerText()).toContain(HOSTILE_TITLE.replace("\u2028", " ").slice(0, 20));
      // Move a weight: the page works on the loaded analysis.
      await tab.locator("#w-price").fill("60");
      expect(await tab.locator("#w-price-value").textContent()).toBe("60.0%");
      expect(await tab.evaluate("document.scripts.length")).toBe(2);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      expect(await tab.locator("img[src='x'], svg[onload]").count()).toBe(0);
      expect(requests.filter((u) => u !== url && !u.startsWith("blob:"))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 90_000);
});
