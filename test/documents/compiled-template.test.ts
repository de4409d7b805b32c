import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { AssessmentSummaryData, assessmentSummaryData } from "../../src/documents/assessment-summary.js";
import { makeAssessmentSummaries } from "../../src/documents/make-documents.js";
import { compileTemplate, renderDocx } from "../../src/documents/render-docx.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { loadExample } from "../example-tender.js";
import { bundledTemplate, editedTemplate } from "./docx-helpers.js";

/**
 * Issue 15: a run of assessment summaries compiles the template once and renders every letter from it.
 * Each letter must be byte for byte the one a fresh compile of the template makes for the same data
 * (a published letter's hash stays reproducible), whatever letters were rendered before it.
 */
const input = loadExample();
const scored = scoreTender(input);
if (!scored.ok) throw new Error("the example must score");
const summaryInput = { ...input, result: scored.value };
const template = bundledTemplate("assessment-summary");

function freshlyRendered(bidId: string, options: { includeComparison: boolean }) {
  const data = assessmentSummaryData({ ...summaryInput, bidId }, { ...options, issuedOn: "2026-11-23" });
  const rendered = renderDocx(template, AssessmentSummaryData, data, { title: data.documentTitle, creator: input.specification.authority, date: "2026-11-23" });
  if (!rendered.ok) throw new Error(JSON.stringify(rendered.problems));
  return rendered.value;
}

describe("a template compiled once", () => {
  it("makes every assessment summary byte for byte as a fresh compile does", () => {
    for (const includeComparison of [true, false]) {
      const made = makeAssessmentSummaries(template, summaryInput, { includeComparison, issuedOn: "2026-11-23" });
      if (!made.ok) throw new Error(JSON.stringify(made.problems));
      expect(made.value).toHaveLength(scored.value.bids.length);
      made.value.forEach((letter, i) => {
        expect(Buffer.from(letter.bytes).equals(Buffer.from(freshlyRendered(scored.value.bids[i]!.bidId, { includeComparison })))).toBe(true);
      });
    }
  });

  it("renders in any order, and the same data twice gives the same bytes", () => {
    const compiled = compileTemplate(template, AssessmentSummaryData);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    const ids = scored.value.bids.map((b) => b.bidId);
    for (const bidId of [...ids].reverse().concat(ids)) {
      const data = assessmentSummaryData({ ...summaryInput, bidId }, { includeComparison: true, issuedOn: "2026-11-23" });
      const rendered = compiled.value.render(data, { title: data.documentTitle, creator: input.specification.authority, date: "2026-11-23" });
      if (!rendered.ok) throw new Error(JSON.stringify(rendered.problems));
      expect(Buffer.from(rendered.value).equals(Buffer.from(freshlyRendered(bidId, { includeComparison: true })))).toBe(true);
    }
  });

  it("after a letter fails for a missing value, reports it and still makes the next letters exactly", () => {
    const compiled = compileTemplate(template, AssessmentSummaryData);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    const [first, second] = scored.value.bids.map((b) => b.bidId);
    const good = assessmentSummaryData({ ...summaryInput, bidId: first! }, { includeComparison: true, issuedOn: "2026-11-23" });
    const properties = { title: good.documentTitle, creator: input.specification.authority, date: "2026-11-23" };
    expect(compiled.value.render(good, properties).ok).toBe(true);
    const broken = { ...good, documentTitle: undefined };
    const failed = compiled.value.render(broken, properties);
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.problems.map((p) => [p.code, (p.args as { tag?: string }).tag])).toEqual([["template.missing-value", "documentTitle"]]);
    for (const bidId of [first!, second!]) {
      const data = assessmentSummaryData({ ...summaryInput, bidId }, { includeComparison: true, issuedOn: "2026-11-23" });
      const rendered = compiled.value.render(data, { ...properties, title: data.documentTitle });
      expect(rendered.ok && Buffer.from(rendered.value).equals(Buffer.from(freshlyRendered(bidId, { includeComparison: true })))).toBe(true);
    }
  });

  it("checks the tags once: a misspelt tag is refused before any letter is rendered", () => {
    const misspelt = editedTemplate(template, (xml) => xml.replace("{documentTitle}", "{documentTitel}"));
    const compiled = compileTemplate(misspelt, AssessmentSummaryData);
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.problems.map((p) => [p.code, (p.args as { tag?: string }).tag])).toEqual([["template.unknown-tag", "documentTitel"]]);
  });
});

describe("assessment summaries say what they said before issue 15", () => {
  // SHA-256 of every part of each letter for the bundled example, unzipped, in the zip's order: recorded with
  // the code as it was before each letter's files were rendered directly and zipped with fflate, when only
  // the zip's compressed bytes changed. Re-recorded once since, from docxtemplater's own render, when the
  // letters gained each criterion's weight in its section and the winner's standing (only word/document.xml
  // changed); never re-record it to make a speed-up pass.
  const recorded = JSON.parse(readFileSync(new URL("../fixtures/assessment-summary-part-hashes.json", import.meta.url), "utf8")) as Record<string, Record<string, string>>;
  it("part by part, with and without the comparison", () => {
    const actual: Record<string, Record<string, string>> = {};
    for (const includeComparison of [true, false]) {
      const made = makeAssessmentSummaries(template, summaryInput, { includeComparison, issuedOn: "2026-11-23" });
      if (!made.ok) throw new Error(JSON.stringify(made.problems));
      for (const d of made.value) {
        const parts = Object.entries(unzipSync(d.bytes)).map(([name, bytes]) => [name, createHash("sha256").update(bytes).digest("hex")]);
        actual[`${includeComparison ? "comparison" : "no-comparison"}/${d.fileName}`] = Object.fromEntries(parts);
      }
    }
    expect(JSON.stringify(actual)).toBe(JSON.stringify(recorded));
  });
});

describe("assessment summaries are the bytes they were when last recorded", () => {
  // SHA-256 of each letter for the bundled example, so a published letter's hash stays reproducible. Last
  // recorded when the letters were first zipped with fflate (issue 15; every part unchanged, as above).
  const recorded = JSON.parse(readFileSync(new URL("../fixtures/assessment-summary-hashes.json", import.meta.url), "utf8")) as Record<string, string>;
  it("with and without the comparison with the most advantageous tender", () => {
    const actual: Record<string, string> = {};
    for (const includeComparison of [true, false]) {
      const made = makeAssessmentSummaries(template, summaryInput, { includeComparison, issuedOn: "2026-11-23" });
      if (!made.ok) throw new Error(JSON.stringify(made.problems));
      for (const d of made.value) actual[`${includeComparison ? "comparison" : "no-comparison"}/${d.fileName}`] = createHash("sha256").update(d.bytes).digest("hex");
    }
    // After a deliberate change to the letters' words (never to make a speed-up pass), re-record with
    // RECORD_LETTER_HASHES=1 npx vitest run test/documents/compiled-template.test.ts, and say why in the commit.
    if (process.env["RECORD_LETTER_HASHES"] === "1") writeFileSync(new URL("../fixtures/assessment-summary-hashes.json", import.meta.url), `${JSON.stringify(actual, null, 2)}\n`);
    else expect(actual).toEqual(recorded);
  });
});
