import type { Page } from "playwright-core";

// Runs in the page, so it is text here: the tests are type-checked without the browser's types. (No service
// workers: a page opened from a file cannot register one.)
const KEPT = `(async () => {
  const kept = [];
  for (const [name, store] of [["localStorage", localStorage], ["sessionStorage", sessionStorage]]) {
    for (let i = 0; i < store.length; i++) kept.push(name + ": " + store.key(i));
  }
  if (document.cookie !== "") kept.push("cookie: " + document.cookie);
  for (const db of (await indexedDB.databases?.()) ?? []) kept.push("indexedDB: " + db.name);
  if (typeof caches !== "undefined") for (const key of await caches.keys()) kept.push("cache: " + key);
  return kept;
})()`;

/**
 * What the page left in the browser: every kind of storage a page can write to. The page promises that
 * nothing is kept once it is closed (bids and scores are confidential), so after each journey all of it
 * must be empty: anything the page ever keeps must be listed in it with a button that forgets it.
 */
export async function keptInBrowser(tab: Page): Promise<string[]> {
  return (await tab.evaluate(KEPT)) as string[];
}

/**
 * What every journey's end must show: axe finds no violation, at 400 CSS pixels the page needs no
 * sideways scrolling (WCAG 1.4.10, reflow), and nothing is kept in the browser. Leaves the page at 400 px.
 */
export async function expectAccessibleAndNothingKept(tab: Page): Promise<void> {
  const { expect } = await import("vitest");
  const { AxeBuilder } = await import("@axe-core/playwright");
  const axe = await new AxeBuilder({ page: tab }).analyze();
  expect(axe.violations.map((v: { id: string; help: string }) => `${v.id}: ${v.help}`)).toEqual([]);
  await tab.setViewportSize({ width: 400, height: 900 });
  expect(await tab.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(400);
  expect(await keptInBrowser(tab)).toEqual([]);
}
