import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import docxtemplaterJoinUncorrupt from "docxtemplater/js/join-uncorrupt.js";
import { AssessmentSummaryData, assessmentSummaryData } from "../../src/documents/assessment-summary.js";
import { EvaluationReportData, evaluationReportData } from "../../src/documents/evaluation-report.js";
import { joinUncorrupt, type ShouldContain } from "../../src/documents/join-uncorrupt.js";
import { keepTablesTogether } from "../../src/documents/keep-together.js";
import { _renderDocxByDocxtemplater, renderDocx, type DocumentTemplate } from "../../src/documents/render-docx.js";
import { UserPanelFormData, userPanelFormData } from "../../src/documents/user-panel-form.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { loadExample } from "../example-tender.js";
import { bundledTemplate } from "./docx-helpers.js";

/**
 * Issue 15: each file of a template is rendered directly (direct-render.ts) rather than by docxtemplater's
 * render. Whatever the template and data, the document must be the one docxtemplater makes, byte for byte,
 * or the same problems.
 */
const properties = { title: "A title", creator: "An authority", date: "2026-11-23" };

function bothWays(template: DocumentTemplate, schema: z.ZodType, data: unknown) {
  const direct = renderDocx(template, schema, data, properties);
  const docxtemplater = _renderDocxByDocxtemplater(template, schema, data, properties);
  return { direct, docxtemplater };
}

function expectSame(template: DocumentTemplate, schema: z.ZodType, data: unknown) {
  const { direct, docxtemplater } = bothWays(template, schema, data);
  expect(direct.ok).toBe(docxtemplater.ok);
  if (direct.ok && docxtemplater.ok) expect(Buffer.from(direct.value).equals(Buffer.from(docxtemplater.value))).toBe(true);
  else expect(direct.problems).toEqual(docxtemplater.problems);
  return direct;
}

describe("the direct render makes what docxtemplater makes", () => {
  const input = loadExample();
  const scored = scoreTender(input);
  if (!scored.ok) throw new Error("the example must score");
  const result = scored.value;

  it("for every assessment summary of the example, with and without the comparison", () => {
    for (const includeComparison of [true, false]) {
      for (const bid of result.bids) {
        const data = assessmentSummaryData({ ...input, result, bidId: bid.bidId }, { includeComparison, issuedOn: "2026-11-23" });
        expect(expectSame(bundledTemplate("assessment-summary"), AssessmentSummaryData, data).ok).toBe(true);
      }
    }
  });

  it("for the evaluation report and the user panel's form", () => {
    const audit = { inputs: [{ file: "bids.yaml", sha256: "a".repeat(64) }], modelHash: "b".repeat(64), toolVersion: "0.1.0", generatedOn: "2026-11-21" };
    expect(expectSame(bundledTemplate("evaluation-report"), EvaluationReportData, evaluationReportData({ ...input, result, audit })).ok).toBe(true);
    const form = userPanelFormData({ ...input, memberId: "P1" });
    expect(form).toBeDefined();
    if (form !== undefined) expect(expectSame(bundledTemplate("user-panel-form"), UserPanelFormData, form).ok).toBe(true);
  });

  // A template with what docxtemplater repairs or treats specially: line breaks in a bold run, table rows and
  // cells that a loop empties, a table that loses every row, inverted and nested loops, scope lookups outwards.
  const run = (text: string, bold = false) => `<w:r>${bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
  const p = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;
  const cell = (...paragraphs: string[]) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${paragraphs.join("")}</w:tc>`;
  const body = [
    p(run("{title}", true)),
    p(run("Notes: "), run("{notes}", true), run(" end")),
    `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>`,
    `<w:tr>${cell(p(run("{#rows}{name}")))}${cell(p(run("{score} of {max}{/rows}")))}</w:tr>`,
    `</w:tbl>`,
    `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr>${cell(p(run("{#empty}")), p(run("{.}")), p(run("{/empty}")))}</w:tr></w:tbl>`,
    p(run("{#flag}Shown when set{/flag}{^flag}Shown when not set{/flag}")),
    p(run("{#groups}")),
    p(run("{label}: "), run("{#items}{.} ({title}){/items}")),
    p(run("{/groups}")),
    p(run("{#obj}{a} and {b}{/obj} {n} {yes} {#word}word is truthy{/word}")),
    p(run("{#rows}")),
    `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr>${cell(p(run("{name}")))}</w:tr></w:tbl>`,
    p(run("{/rows}")),
    p(run("Last {missing}")),
  ].join("");
  const base = bundledTemplate("assessment-summary");
  const zip = new PizZip(base.bytes);
  const xml = zip.file("word/document.xml")!.asText();
  zip.file("word/document.xml", xml.replace(/<w:body>[\s\S]*<w:sectPr/, `<w:body>${body}<w:sectPr`));
  const crafted: DocumentTemplate = { name: "crafted.docx", bytes: zip.generate({ type: "uint8array" }) };
  const Row = z.object({ name: z.string(), score: z.number(), max: z.string() });
  const schema = z.object({
    title: z.string(), notes: z.string(), max: z.string(), rows: z.array(Row), empty: z.array(z.string()), flag: z.boolean(),
    groups: z.array(z.object({ label: z.string(), items: z.array(z.string()) })), obj: z.object({ a: z.string(), b: z.string() }),
    n: z.number(), yes: z.boolean(), word: z.string(), missing: z.string(),
    // {a} and {b} inside {#obj} are looked up in obj first, then here.
    a: z.string().optional(), b: z.string().optional(),
  });
  const data = {
    title: `Fish & chips <"quoted"> 'single'`, notes: "first line\nsecond line\n\nfourth", max: "5",
    rows: [{ name: "A", score: 0, max: "4" }, { name: "B & co\u00a0– \u0085’ \u{1F600}", score: 3.5 }], empty: [], flag: true,
    groups: [{ label: "G1", items: ["x", "y"] }, { label: "G2", items: [] }], obj: { a: "one", b: "two" },
    n: 0, yes: false, word: "text", missing: "here",
  };

  it("for a template with what docxtemplater repairs, over many kinds of data", () => {
    const variants: unknown[] = [
      data,
      { ...data, rows: [], flag: false, groups: [], word: "" },
      { ...data, obj: {} },
      { ...data, empty: ["only"], rows: [{ name: "solo", score: 1, max: "2" }] },
      { ...data, notes: "", title: "" },
      { ...data, notes: "trailing\n" },
      { ...data, obj: { a: "from obj" }, b: "outer b" },
      { ...data, missing: undefined },
      { ...data, title: "bell\u0007" },
      { ...data, title: "lone \uD800 surrogate and a pair \uD83D\uDE00" },
      { ...data, flag: [], word: 1 },
      { ...data, flag: { x: 1 } },
    ];
    const made = variants.map((variant) => expectSame(crafted, schema, variant).ok);
    expect(made).toEqual([true, true, false, true, true, true, true, false, false, true, true, true]);
    // The repairs happened: the table a loop emptied of rows is gone, and the cell it emptied has a paragraph.
    const emptied = bothWays(crafted, schema, variants[1]).direct;
    expect(emptied.ok).toBe(true);
    if (emptied.ok) {
      const xml = new PizZip(emptied.value).file("word/document.xml")!.asText();
      expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
      expect(xml).toContain("<w:p></w:p></w:tc>");
    }
  });

  it("reports a missing value, and a character Word refuses, as docxtemplater does", () => {
    expect(bothWays(crafted, schema, { ...data, missing: undefined }).direct.ok).toBe(false);
    expect(bothWays(crafted, schema, { ...data, title: "bell\u0007" }).direct.ok).toBe(false);
  });
});

describe("the direct render's joinUncorrupt and keepTablesTogether", () => {
  const rules: ShouldContain[] = [
    { tag: "w:sdtContent", shouldContain: ["w:p", "w:r", "w:commentRangeStart", "w:sdt"], value: "<w:p></w:p>" },
    { tag: "w:tc", shouldContain: ["w:p"], value: "<w:p></w:p>" },
    { tag: "w:tr", shouldContain: ["w:tc"], drop: true },
    { tag: "w:tbl", shouldContain: ["w:tr"], drop: true },
  ];
  const pieces = ["<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>", "<w:p>", "</w:p>", "<w:p/>", "<w:tc/>", "<w:sdtContent>", "</w:sdtContent>",
    "<w:r>", "</w:r>", "text", " ", "", "<w:bookmarkEnd w:id=\"1\"/>", "<w:sectPr>", "</w:ftr>", "<w:tcPr><w:tcW/></w:tcPr>", "<w:tblPr/>", "<w:p w:rsidR=\"1\">", "\n"];
  let seed = 7;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);

  it("joinUncorrupt repairs parts exactly as docxtemplater 3.71's", () => {
    for (let t = 0; t < 3000; t++) {
      const parts = Array.from({ length: 1 + random(40) }, () => pieces[random(pieces.length)]!);
      for (const docx of [true, false]) {
        const ours = joinUncorrupt([...parts], rules, docx);
        const theirs = docxtemplaterJoinUncorrupt([...parts], { fileTypeConfig: { tagShouldContain: rules }, contentType: docx ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" : "text/plain" });
        expect(ours).toEqual(theirs);
      }
    }
  });

  it("keepTablesTogether finds the tables its pattern found", () => {
    const old = (xml: string) => xml.replace(/<w:tbl>((?:(?!<w:tbl>)[\s\S])*?)<\/w:tbl>/g, (table) => keepTablesTogether(table));
    const bits = ["<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:p>", "<w:pPr><w:pStyle w:val=\"X\"/></w:pPr>", "x", "<w:tbl "];
    for (let t = 0; t < 3000; t++) {
      const xml = Array.from({ length: random(30) }, () => bits[random(bits.length)]!).join("");
      expect(keepTablesTogether(xml)).toBe(old(xml));
    }
  });
});
