// Stage app-start: how soon the one-file page answers in Chromium (issue 14's budget: interactive within
// 1.5 s), beside the same Chromium opening a one-button page, the floor any page pays; the runs alternate,
// so both see the same machine. Measured from navigation until a click has its effect: drawn is not enough.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const CHROMIUM = "/usr/bin/chromium";
const PAIRS = 7;
const page = fileURLToPath(new URL("../../dist/app/tender-eval.html", import.meta.url));
if (!existsSync(CHROMIUM)) throw new Error(`app-start needs Chromium at ${CHROMIUM}`);
const { chromium } = await import("playwright-core");
const scratch = mkdtempSync(join(tmpdir(), "tender-eval-bench-page-"));
const floorPage = join(scratch, "floor.html");
writeFileSync(floorPage, `<!doctype html><html lang="en"><title>floor</title><button type="button" onclick="this.textContent='done'">Go</button></html>`);

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"] });
async function timeTo(url, answer) {
  const tab = await browser.newPage();
  const start = performance.now();
  await tab.goto(url);
  await answer(tab);
  const seconds = (performance.now() - start) / 1000;
  await tab.close();
  return seconds;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const floor = [];
const ours = [];
const started = [];
try {
  for (let i = 0; i < PAIRS; i++) {
    floor.push(await timeTo(`file://${floorPage}`, async (tab) => {
      await tab.getByRole("button", { name: "Go" }).click();
      await tab.getByRole("button", { name: "done" }).waitFor();
    }));
    // Interactive: the journey chooser answers (the DDPO's journey opens).
    ours.push(await timeTo(`file://${page}`, async (tab) => {
      await tab.getByRole("link", { name: "DDPO or small charity" }).click();
      await tab.locator("#ddpo-heading").waitFor();
    }));
    // A first step done: a tender started from a ready-made model, checked and shown in the form.
    started.push(await timeTo(`file://${page}#commissioner`, async (tab) => {
      await tab.getByRole("button", { name: "Start a tender from this model" }).click();
      await tab.locator("#model-heading").waitFor();
    }));
  }
} finally {
  await browser.close();
  rmSync(scratch, { recursive: true, force: true });
}
console.log(
  JSON.stringify({
    seconds: median(ours),
    peakMiB: null,
    peer: { name: "Chromium opening a one-button page", seconds: median(floor), peakMiB: null },
    ratio: median(ours.map((t, i) => t / floor[i])),
    pairs: PAIRS,
    extra: { "tender started s": median(started) },
  }),
);
