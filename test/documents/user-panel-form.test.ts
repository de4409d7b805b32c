import { describe, expect, it, vi } from "vitest";
import { makeUserPanelForm } from "../../src/documents/make-documents.js";
import { ScoringModel } from "../../src/model/scoring-model.js";
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

  it("carries every user-panel section: each one's title, questions and what each score on its scale means", () => {
    // A second section the panel scores (a further section of kind user-panel), on a scale of its own.
    const model = ScoringModel.parse({
      ...input.model,
      scales: { ...input.model.scales, smiles: { title: "Faces scale (1 to 3)", values: [1, 2, 3], descriptors: { "1": "Sad face: not for us.", "2": "Straight face: not sure.", "3": "Happy face: just right." }, normalise: "from-zero" as const } },
      sections: {
        ...input.model.sections,
        userPanel: { ...input.model.sections.userPanel!, weight: 5 },
        panelVisit: {
          title: "Meeting the team",
          kind: "user-panel" as const,
          weight: 5,
          scale: "smiles",
          criteria: [{ id: "PV1", title: "Friendly", question: "Were the team friendly when we met them?", weight: 100 }],
        },
      },
    });
    const made = makeUserPanelForm(bundledTemplate("user-panel-form"), { ...input, model });
    if (made === undefined || !made.ok) throw new Error("the form must render");
    const text = docxText(made.value);
    // Both sections' scales, each under its section's title.
    expect(text).toContain("User panel: what each score means");
    expect(text).toContain("Scale: User panel scale (0 to 3)");
    expect(text).toContain("3: Yes: we are confident they would do this.");
    expect(text).toContain("Meeting the team: what each score means");
    expect(text).toContain("Scale: Faces scale (1 to 3)");
    expect(text).toContain("1: Sad face: not for us.");
    expect(text).toContain("3: Happy face: just right.");
    // Each organisation's page asks both sections' questions, the second offering its own scale's scores.
    const n = input.bids.bids.length;
    expect(text.match(/Would they listen to us and act on what we say\?/g)).toHaveLength(n);
    expect(text.match(/Were the team friendly when we met them\?/g)).toHaveLength(n);
    expect(text.match(/Meeting the team(?!:)/g)).toHaveLength(n);
    expect(text).toMatch(/Were the team friendly when we met them\?\s*Your score \(circle one\):\s+1\s+2\s+3\b/);
    expect(part(made.value, "word/document.xml").match(/<w:pageBreakBefore\/>/g)).toHaveLength(n);
  });

  it("is not made when the model has no user panel", () => {
    const { sections } = input.model;
    const model = { ...input.model, sections: { ...sections, userPanel: undefined } };
    expect(makeUserPanelForm(bundledTemplate("user-panel-form"), { ...input, model })).toBeUndefined();
  });
});
