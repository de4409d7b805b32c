import type { Locator, Page } from "playwright-core";

// Someone without a mouse: the journeys' tests reach every control with Tab and use it with the keyboard.

/** Press Tab (or Shift+Tab, when it is behind) until the element has the focus, as someone without a mouse does. */
export async function tabTo(tab: Page, target: Locator): Promise<void> {
  type El = { ownerDocument: { activeElement: El | null }; compareDocumentPosition(other: El): number };
  for (let i = 0; i < 400; i++) {
    // 0: focused; 2 (DOCUMENT_POSITION_PRECEDING): the focus is before it, so Tab; otherwise (past it) Shift+Tab.
    // The page's body (which contains it: 8) counts as before it.
    const where = await target.evaluate((el: El) => {
      const active = el.ownerDocument.activeElement;
      if (active === el) return 0;
      const position = active === null ? 10 : el.compareDocumentPosition(active);
      return position & 8 ? 2 : position & 6;
    });
    if (where === 0) return;
    await tab.keyboard.press(where === 2 ? "Tab" : "Shift+Tab");
  }
  throw new Error(`could not reach ${String(target)} with the Tab key`);
}

/** Type a new value into a field from the keyboard, then leave it (which is when the form writes it). */
export async function typeInto(tab: Page, field: Locator, value: string): Promise<void> {
  await tabTo(tab, field);
  await tab.keyboard.press("Control+A");
  await tab.keyboard.type(value);
  await tab.keyboard.press("Tab");
}

/** Reach a button with Tab and press it with Enter. */
export async function pressButton(tab: Page, name: string): Promise<void> {
  await tabTo(tab, tab.getByRole("button", { name }));
  await tab.keyboard.press("Enter");
}

/** Move a slider to a value with the arrow keys, a step at a time. */
export async function slideTo(tab: Page, slider: Locator, value: number, step: number): Promise<void> {
  await tabTo(tab, slider);
  const now = Number(await slider.inputValue());
  const steps = Math.round((value - now) / step);
  for (let i = 0; i < Math.abs(steps); i++) await tab.keyboard.press(steps > 0 ? "ArrowRight" : "ArrowLeft");
}
