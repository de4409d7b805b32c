import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectAccessibleAndNothingKept } from "./kept-in-browser.js";
import { pressButton, slideTo, typeInto } from "./keyboard.js";
import { exact } from "../../src/arithmetic/exact.js";
import { whatifBriefingData } from "../../src/documents/whatif-briefing.js";
import { formatPoints } from "../../src/language/uk-format.js";
import { pictureOfSvg } from "../../src/node/chart-picture.js";
import { standingsAt, withWeight } from "../../src/sensitivity/weight-sweep.js";
import { inThreadRuntime, loadProfiles, whatifBriefing, whatifForProfiles } from "../../src/workflows/index.js";
import { whatifBriefingInput } from "../../src/workflows/whatif.js";
import { bundledTemplate, docxText } from "../documents/docx-helpers.js";
import { exampleFolder } from "../example-tender.js";

/**
 * The DDPO's journey in the page: the proposed model and its own profiles opened, where it stands, the
 * sliders re-ranking with the library's arithmetic, the chance of each place, the briefing downloaded.
 */
const page = new URL("../../dist/app/tender-eval.html", import.meta.url).pathname;
const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM) && spawnSync(CHROMIUM, ["--version"]).status === 0;
const file = (name: string) => ({ name, bytes: readFileSync(join(exampleFolder, name)) });
const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

describe.skipIf(!haveChromium)("the DDPO's journey in the page, in headless Chromium", () => {
  it("profiles in → where it stands, live re-ranking, chance of each place, the briefing: the library's own figures, nothing sent, axe clean", async () => {
    const { chromium } = await import("playwright-core");
    const expected = await whatifForProfiles({ model: file("scoring-model.yaml"), profiles: file("whatif-profiles.yaml") }, { samples: 100_000, seed: 1, runtime: inThreadRuntime });
    if (!expected.ok) throw new Error("the example's profiles must analyse");
    const whatif = expected.value;
    const org = whatif.organisationId!;

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
    try {
      const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
      const pageUrl = `file://${page}`;
      const requests: string[] = [];
      context.on("request", (r) => requests.push(r.url()));
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on("pageerror", (e) => errors.push(e.message));
      await tab.goto(`${pageUrl}#ddpo`);
      await tab.locator("#ddpo-model-file").setInputFiles(join(exampleFolder, "scoring-model.yaml"));
      await tab.getByLabel("Competitor 1: name").waitFor();
      await tab.locator("#ddpo-profiles-file").setInputFiles(join(exampleFolder, "whatif-profiles.yaml"));
      await expect.poll(() => tab.getByLabel("Competitor 1: name").inputValue()).toBe("National provider");
      // The file's limits on the weights are shown, and can be changed, in the table's own boxes.
      expect([await tab.locator("#limit-socialValue-low").inputValue(), await tab.locator("#limit-socialValue-high").inputValue()]).toEqual(["10", "25"]);
      expect(await tab.locator("#limit-price-low").inputValue()).toBe("");

      // A mistake typed into the table is named as the file's would be, and nothing else happens.
      await typeInto(tab, tab.getByLabel("National provider: quality score"), "three");
      await pressButton(tab, "See where we stand");
      await expect.poll(() => tab.locator(".problems").innerText()).toContain("your profiles table: competitors[0].scores.quality");
      await typeInto(tab, tab.getByLabel("National provider: quality score"), "3.5");

      await tab.getByRole("button", { name: "See where we stand" }).focus();
      await tab.keyboard.press("Enter");
      await tab.locator("#stand-heading").waitFor({ timeout: 60_000 });
      const brief = whatifBriefingData(whatifBriefingInput(whatif, today())!);
      expect(await tab.locator(".whatif > ul").first().locator("li").allTextContents()).toEqual(brief.inBrief.map((t) => t.text));

      const ranking = () => tab.locator("table.standings tbody tr").evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? "")));
      const expectedRanking = (weights: typeof whatif.problem.weights) =>
        standingsAt({ ...whatif.problem, weights }).map((s) => [`${s.rank}${s.tied ? "=" : ""}`, `${s.bidder}${s.bidId === org ? " (you)" : ""}`, formatPoints(s.total, 1)]);
      expect(await ranking()).toEqual(expectedRanking(whatif.problem.weights));

      // Price at 50%: the others keep their proportions; the four weights shown add up to 100.
      await slideTo(tab, tab.locator("#w-price"), 50, 0.5);
      expect(await ranking()).toEqual(expectedRanking(withWeight(whatif.problem.weights, "price", exact(50))));
      const shown = await tab.locator(".slider output").allTextContents();
      expect(shown.reduce((sum, t) => sum + Number(t.replace("%", "")), 0).toFixed(1)).toBe("100.0");
      expect(await tab.locator("#w-price").getAttribute("aria-valuetext")).toBe("50.0%");
      // From the keyboard, then back to the proposed weights.
      await tab.locator("#w-price").focus();
      await tab.keyboard.press("ArrowLeft");
      expect(await tab.locator("#w-price-value").textContent()).toBe("49.5%");
      await pressButton(tab, "Back to the proposed weights");
      expect(await ranking()).toEqual(expectedRanking(whatif.problem.weights));

      // The chance of each place is the library's, from the same samples and seed.
      const chance = await tab.locator("section.whatif table").nth(1 + whatif.analysis.sweeps.length).locator("tbody tr").evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? "")));
      expect(chance).toEqual(brief.chance.rows.map((r) => [r.bidder, r.first, ...(brief.chance.hasTopPlaces ? [r.topPlaces] : []), r.typicalWeights]));

      // The briefing: the same words as the CLI's (the charts are drawn by the browser, so their pixels differ).
      const [briefing] = await Promise.all([tab.waitForEvent("download", { timeout: 60_000 }), pressButton(tab, "Download the briefing (.docx)")]);
      expect(briefing.suggestedFilename()).toBe("whatif-briefing.docx");
      const cli = await whatifBriefing(whatif, { template: bundledTemplate("whatif-briefing"), date: today(), drawPicture: pictureOfSvg });
      if (!cli.ok) throw new Error("the CLI's briefing must be made");
      expect(docxText(readFileSync((await briefing.path())!))).toBe(docxText(cli.value));

      // Work saved as a file reopens to the same profiles.
      const [saved] = await Promise.all([tab.waitForEvent("download"), pressButton(tab, "Save the table as a profiles file (.yaml)")]);
      const reopened = await loadProfiles({ name: "whatif-profiles.yaml", bytes: readFileSync((await saved.path())!) });
      const original = await loadProfiles(file("whatif-profiles.yaml"));
      expect(reopened.ok && original.ok && reopened.value.data).toEqual(original.ok && original.value.data);

      // axe clean, reflow at 400 px, nothing kept in the browser once the page is closed.
      await expectAccessibleAndNothingKept(tab);
      expect(errors).toEqual([]);
      // Only the page itself and the blobs it makes in memory (its workers, the charts drawn as pictures, downloads).
      expect(requests.filter((u) => u !== `${pageUrl}#ddpo` && u !== pageUrl && !u.startsWith("blob:"))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 180_000);
});
