import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { keptInBrowser } from "./kept-in-browser.js";
import { pressButton, tabTo, typeInto } from "./keyboard.js";
import { parse } from "yaml";
import { flagMessage, formatFinding } from "../../src/problems/format.js";
import { ScoredSection } from "../../src/model/scoring-model.js";
import { parseWorkbook } from "../../src/spreadsheets/read-workbook.js";
import { blankScoreSheets, equalityAssessment, loadPolicy, reviewTenderFiles, validateTender, type NamedFile, type TenderFiles } from "../../src/workflows/index.js";
import { bundledTemplate } from "../documents/docx-helpers.js";

/**
 * The commissioner's journey in the built page (`npm run build`), from the keyboard alone: start from a
 * ready-made model, change weights and see validate's problems and the weighting review's flags follow,
 * save the tender's files, reopen them, and take away the blank score sheets and the Equality Assessment.
 * Every file the page writes is read back by the library and must hold what the form showed; every file it
 * makes from them must be what the library makes in-process. Every request is refused and must never happen.
 */
const page = new URL("../../dist/app/tender-eval.html", import.meta.url).pathname;
const CHROMIUM = "/usr/bin/chromium";
const haveChromium = existsSync(CHROMIUM) && spawnSync(CHROMIUM, ["--version"]).status === 0;
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
const date = "2026-12-05";
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The files in a saved .zip, as the workflows take them. */
function tenderIn(zip: Uint8Array): { files: TenderFiles; findings: NamedFile; all: Record<string, string> } {
  const all = Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, bytes]) => [name, text(bytes)]));
  const named = (name: string) => ({ name, bytes: all[name]! });
  return { files: { specification: named("specification.yaml"), model: named("scoring-model.yaml"), bids: named("bids.yaml") }, findings: named("equality-findings.yaml"), all };
}

describe.skipIf(!haveChromium)("the commissioner's journey in the page, in headless Chromium", () => {
  it("ready-made model → weights edited with live checks → files saved and reopened → score sheets and Equality Assessment: the library's own, nothing sent, axe clean", async () => {
    const { chromium } = await import("playwright-core");
    const { AxeBuilder } = await import("@axe-core/playwright");
    const dir = mkdtempSync(join(tmpdir(), "tender-eval-commissioner-"));
    const policyFile = { name: "policies/uk-default.yaml", bytes: readFileSync(new URL("../../policies/uk-default.yaml", import.meta.url)) };
    const policy = loadPolicy(policyFile);
    if (!policy.ok) throw new Error("the bundled policy must load");

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ acceptDownloads: true, locale: "en-GB", viewport: { width: 1280, height: 900 } });
      const refused: string[] = [];
      const pageUrl = `file://${page}`;
      await context.route("**/*", (route) => (route.request().url().startsWith(pageUrl) ? route.continue() : (refused.push(route.request().url()), route.abort())));
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on("pageerror", (e) => errors.push(e.message));
      await tab.goto(`${pageUrl}#commissioner`);

      const take = async (button: string) => {
        await tabTo(tab, tab.getByRole("button", { name: button }));
        const [file] = await Promise.all([tab.waitForEvent("download"), tab.keyboard.press("Enter")]);
        return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync((await file.path())!)) };
      };
      const press = (button: string) => pressButton(tab, button);
      const settled = async () => {
        await tab.locator(".checks .status").filter({ hasNotText: "Checking" }).filter({ hasText: /\S/ }).waitFor({ timeout: 20_000 });
      };
      const shownProblems = () => tab.locator(".checks ul.validation li > .message").allTextContents();
      const shownFlags = () => tab.locator(".checks ul.flags li > p:first-child").allTextContents();

      // Start from the ready-made model chosen first (quality-led social care), from the keyboard.
      await expect.poll(() => tab.getByRole("radio", { name: "Quality-led social care" }).isChecked()).toBe(true);
      await press("Start a tender from this model");
      await tab.locator("#model-heading").waitFor({ timeout: 20_000 });
      await settled();
      expect(await tab.locator(".checks .status").textContent()).toMatch(/^The files are valid\./);

      // Quality up by 10 alone: the sections add up to 110, and validate says so beside the form.
      const quality = tab.getByLabel("Weight of quality (%)");
      expect(await quality.inputValue()).toBe("50");
      // Its hint is the field reference's own words, from the schema.
      expect(await quality.evaluate((el: { ownerDocument: { getElementById(id: string): { textContent: string } | null }; getAttribute(n: string): string | null }) => el.ownerDocument.getElementById(el.getAttribute("aria-describedby") ?? "")?.textContent)).toBe(ScoredSection.shape.weight.description);
      await typeInto(tab, quality, "60");
      await settled();
      const broken = tenderIn((await take("Save your work (.zip)")).bytes);
      const brokenChecks = await validateTender(broken.files, { stage: "auto" });
      expect(brokenChecks.ok).toBe(false);
      expect(await shownProblems()).toEqual(brokenChecks.problems.map(formatFinding));
      expect(await tab.getByText("The weighting review runs once the problems above are put right.").count()).toBe(1);

      // Price down by 10: valid again, and the weighting review's flags are the library's, each with its reason.
      await typeInto(tab, tab.getByLabel("Weight of price (%)"), "15");
      await typeInto(tab, tab.getByLabel("Minimum score").first(), "2");
      await settled();

      // Price against a budget ceiling: chosen from the keyboard, the missing budget is a problem beside the
      // form, whose button takes the focus to the field to fill in.
      await tabTo(tab, tab.getByLabel("Price method"));
      await tab.keyboard.type("Against a budget");
      await tab.locator(".checks ul.validation li").filter({ hasText: "sections.price.method.budget" }).waitFor({ timeout: 20_000 });
      await settled();
      await press("Go to “Price: Budget (£)”");
      expect(await tab.getByLabel("Budget (£)").evaluate((el: { ownerDocument: { activeElement: unknown } }) => el.ownerDocument.activeElement === el)).toBe(true);
      await tab.keyboard.type("250000");
      await tab.keyboard.press("Tab");
      await tab.locator(".checks ul.validation li").filter({ hasText: "sections.price.method.budget" }).waitFor({ state: "detached", timeout: 20_000 });
      await settled();

      // The rules beyond the weights, in words: equal totals still equal after the model's two rules go to
      // the lower price, points are rounded to whole marks, and the first scale counts from its lowest score.
      expect(await tab.getByLabel("First, the bid with").locator("option:checked").textContent()).toBe("The higher quality score");
      await press("Add a tie-break rule");
      await tabTo(tab, tab.getByLabel("Then, if still equal, the bid with").nth(1));
      await tab.keyboard.type("The lower");
      await settled();
      await press("Add a published rounding rule");
      await settled();
      await tabTo(tab, tab.getByLabel("How a score becomes points").first());
      await tab.keyboard.type("From the lowest");
      await settled();
      const saved = await take("Save your work (.zip)");
      expect(saved.name).toBe("tender.zip");
      const tender = tenderIn(saved.bytes);
      // What the form shows is what the file holds, and the library reads it so.
      const checked = await validateTender(tender.files, { stage: "auto" });
      expect(checked.ok).toBe(true);
      expect(checked.tender!.model.sections.quality!.weight).toBe(60);
      expect(checked.tender!.model.sections.price!.weight).toBe(15);
      expect(checked.tender!.model.sections.quality!.criteria[0]!.minimumScore).toBe(2);
      expect(checked.tender!.model.sections.price!.method).toEqual({ type: "budget-ceiling", budget: 250000 });
      expect(checked.tender!.model.tieBreak).toEqual(["highest-quality", "highest-user-panel", "lowest-price"]);
      expect(checked.tender!.model.rounding).toEqual({ step: 1, of: "criterion" });
      expect(Object.values(checked.tender!.model.scales)[0]!.normalise).toBe("from-lowest");
      expect(await shownProblems()).toEqual(checked.problems.map(formatFinding));
      const review = await reviewTenderFiles(tender.files, policyFile);
      if (!review.ok) throw new Error("the saved tender must review");
      expect(await shownFlags()).toEqual(review.value.flags.map(flagMessage));
      const firstFlag = review.value.flags[0];
      if (firstFlag !== undefined) expect(await tab.locator(".checks ul.flags li").first().textContent()).toContain(firstFlag.source.replace(/\s+/g, " "));
      // The starter's comments are kept: the file stays the commented one init writes.
      expect(tender.all["scoring-model.yaml"]).toMatch(/^# /m);
      expect(parse(tender.all["scoring-model.yaml"]!).sections.quality.weight).toBe(60);

      // The blank score sheets (.zip): what `tender-eval scoresheets` makes from the same files and date.
      // The date field's order of day, month and year follows the browser's language, which headless Chromium
      // does not take from the test: the date is set whole, as a date picker would.
      await tab.getByLabel("Date printed on the score sheets and the Equality Assessment").fill(date);
      expect(await tab.getByLabel("Date printed on the score sheets and the Equality Assessment").inputValue()).toBe(date);
      const sheetsZip = await take("Download the blank score sheets (.zip)");
      expect(sheetsZip.name).toBe("score-sheets.zip");
      const pageSheets = unzipSync(sheetsZip.bytes);
      const sheets = await blankScoreSheets(tender.files, { date, userPanelForm: bundledTemplate("user-panel-form") });
      if (!sheets.ok) throw new Error("the sheets must be made");
      expect(Object.keys(pageSheets).sort()).toEqual(sheets.value.map((s) => s.fileName).sort());
      for (const s of sheets.value) {
        const got = pageSheets[s.fileName]!;
        if (s.fileName.endsWith(".xlsx")) expect(JSON.stringify(await parseWorkbook(got)), s.fileName).toBe(JSON.stringify(await parseWorkbook(s.bytes)));
        else expect(Buffer.from(got).equals(Buffer.from(s.bytes)), s.fileName).toBe(true);
      }

      // The Equality Assessment, from the specification, the findings and the review: the library's bytes.
      const eaPage = await take("Download the Equality Assessment (.docx)");
      expect(eaPage.name).toBe("equality-assessment.docx");
      const ea = await equalityAssessment({ ...tender.files, findings: tender.findings }, policy.value.data, { template: bundledTemplate("equality-assessment"), date, stage: "procurement" });
      if (!ea.ok) throw new Error("the Equality Assessment must be made");
      expect(Buffer.from(eaPage.bytes).equals(Buffer.from(ea.value.bytes))).toBe(true);

      const axe = await new AxeBuilder({ page: tab }).analyze();
      expect(axe.violations.map((v: { id: string; help: string }) => `${v.id}: ${v.help}`)).toEqual([]);

      // Reopen the saved work: the form shows what was saved, and the checks are the same.
      await press("Close this tender and start again");
      const zipPath = join(dir, "tender.zip");
      writeFileSync(zipPath, saved.bytes);
      await tab.locator("#commissioner-files").setInputFiles(zipPath);
      await tab.locator("#model-heading").waitFor({ timeout: 20_000 });
      await settled();
      expect(await tab.getByLabel("Weight of quality (%)").inputValue()).toBe("60");
      expect(await tab.getByLabel("Weight of price (%)").inputValue()).toBe("15");
      expect(await shownFlags()).toEqual(review.value.flags.map(flagMessage));
      const again = tenderIn((await take("Save your work (.zip)")).bytes);
      expect(again.all).toEqual(tender.all);

      // A finding typed in the form goes into equality-findings.yaml, and the assessment is made from it.
      const disability = "The service is for disabled adults: a direct, positive impact.";
      await typeInto(tab, tab.getByLabel("The likely impact on people by disability"), disability);
      await settled();
      const withFinding = tenderIn((await take("Save your work (.zip)")).bytes);
      expect(parse(withFinding.all["equality-findings.yaml"]!).impacts.disability).toBe(disability);
      await tab.getByLabel("Date printed on the score sheets and the Equality Assessment").fill(date);
      const eaAgain = await take("Download the Equality Assessment (.docx)");
      const eaWithFinding = await equalityAssessment({ ...withFinding.files, findings: withFinding.findings }, policy.value.data, { template: bundledTemplate("equality-assessment"), date, stage: "procurement" });
      if (!eaWithFinding.ok) throw new Error("the Equality Assessment must be made from the finding");
      expect(Buffer.from(eaAgain.bytes).equals(Buffer.from(eaWithFinding.value.bytes))).toBe(true);
      expect(text(eaAgain.bytes).length).toBeGreaterThan(0);

      // Reflow (WCAG 1.4.10): at 400 CSS pixels the page needs no sideways scrolling.
      await tab.setViewportSize({ width: 400, height: 900 });
      expect(await tab.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(400);

      // Nothing is kept in the browser once the page is closed, as the page says.
      expect(await keptInBrowser(tab)).toEqual([]);
      expect(errors).toEqual([]);
      expect(refused).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 300_000);
});
