import { describe, expect, it, vi } from "vitest";
import { makeUserPanelForm } from "../../src/documents/make-documents.js";
import { loadExample } from "../example-tender.js";
import { bundledTemplate, docxText, part } from "./docx-helpers.js";

/** The user panel's Word form: the user-panel sheet's questions, large print, one organisation a page. */
describe("the user panel's Word form", () => {
  const input = { ...loadExample(), memberId: "P2", date: "2026-11-21" };
  const make = () => {
    const made = makeUserPanelForm(bundledTemplate("user-panel-form"), input);
    if (made === undefined || !made.ok) throw new Error("the form must render");
    return made.value;
  };

  it("asks every question about every organisation, a page each, with the scale and where to give it back", () => {
    const bytes = make();
    const text = docxText(bytes);
    expect(text).toContain("Your panel number: P2");
    expect(text).toContain("Give the form back to Priya Natarajan, Commissioning Manager, Adult Social Care.");
    expect(text).toContain("3: Yes: we are confident they would do this.");
    for (const bid of input.bids.bids) expect(text).toContain(bid.bidder);
    expect(text.match(/Would they listen to us and act on what we say\?/g)).toHaveLength(input.bids.bids.length);
    const xml = part(bytes, "word/document.xml");
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(input.bids.bids.length);
    // Large print: 14 point body text (sizes are in half-points).
    expect(part(bytes, "word/styles.xml")).toMatch(/<w:rPrDefault><w:rPr>[^]*?<w:sz w:val="28"\/>/);
  });

  it("is the same bytes for the same tender and date, whenever it is made", () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-12-05T09:00:01Z") });
    const first = make();
    vi.setSystemTime(new Date("2027-02-01T17:30:59Z"));
    const second = make();
    vi.useRealTimers();
    expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
  });

  it("is not made when the model has no user panel", () => {
    const { sections } = input.model;
    const model = { ...input.model, sections: { ...sections, userPanel: undefined } };
    expect(makeUserPanelForm(bundledTemplate("user-panel-form"), { ...input, model })).toBeUndefined();
  });
});
