import { pictureOfSvg } from "../../src/node/chart-picture.js";
import { describe, expect, it } from "vitest";
import { makeWhatifBriefing } from "../../src/documents/make-documents.js";
import { whatifBriefingData } from "../../src/documents/whatif-briefing.js";
import { formatChance } from "../../src/language/uk-format.js";
import { formatProblem } from "../../src/problems/format.js";
import { briefingInput } from "./briefing-input.js";
import { bundledTemplate, docxText, editedTemplate, part } from "./docx-helpers.js";
import PizZip from "pizzip";

describe("the what-if briefing's figures", () => {
  it("for the leading DDPO: its total and rank, and the exact price weight above which the national provider overtakes it", () => {
    const data = whatifBriefingData(briefingInput("B1"));
    const brief = data.inBrief.map((s) => s.text);
    expect(brief[0]).toBe("At the proposed weights, Riverside Disabled People's Voice scores 88.3 out of 100 and comes 1st of 5.");
    expect(brief[1]).toBe("It leads Riverside Community Trust, the next highest, by 8.1 points.");
    // 292900/4479 ≈ 65.39%, derived outside the code with Python's fractions module.
    expect(brief).toContain("It would lose first place if the price weight rises above 65.4% (other weights in proportion).");
    const price = data.sections.find((s) => s.title === "Price")!;
    expect(price.summary).toBe(
      "Riverside Disabled People's Voice comes first when price is weighted up to 65.4%; the proposed 30% is inside that range. Above 65.4%, National Care Partnership Ltd would score more.",
    );
    expect(price.crossings[0]).toEqual({ weight: "65.4%", change: "National Care Partnership Ltd overtakes Riverside Disabled People's Voice as the price weight rises" });
    // The exact value is in the method appendix only: a trustee reads 65.4%, an auditor can check 292900/4479.
    expect(data.method.map((m) => m.text).find((t) => t.startsWith("The break-even weights for price, exactly:"))).toContain("292900/4479%");
    // A count of weightings a trustee can picture, and what it is not.
    expect(brief.find((t) => t.includes("weightings tried"))).toMatch(/would come first in (about \d+ of every 100|more than 99 of every 100|all) weightings tried\. That is not its chance of winning the contract/);
    expect(data.sections.find((s) => s.title === "Quality")!.summary).toBe("Riverside Disabled People's Voice comes first at every quality weight from 0% to 100%.");
    // Nothing to improve for a bid already in the lead.
    expect(data.hasImprovements).toBe(false);
  });

  it("for a bid behind: what would put it first, including the price found with the model's own method", () => {
    const data = whatifBriefingData(briefingInput("B3"));
    expect(data.inBrief[0]!.text).toContain("comes 2nd of 5");
    expect(data.inBrief[1]!.text).toBe("Riverside Disabled People's Voice leads with 88.3, 8.1 points ahead.");
    expect(data.hasImprovements).toBe(true);
    const price = data.improvements.find((r) => r.what === "Whole-life price")!;
    expect(price.now).toBe("£960,000");
    expect(price.needed).toMatch(/^£[\d,]+ or less \(\d+(\.\d)?% lower\)$/);
    expect(data.sections.find((s) => s.title === "Price")!.summary).toBe("Whatever weight is given to price (with the other weights in proportion), Riverside Community Trust would not come first.");
  });

  it("the chance of winning is stated with its sample count and seed, and never rounded to 0% when it happened", () => {
    const data = whatifBriefingData(briefingInput("B1"));
    expect(data.method.map((m) => m.text).join(" ")).toContain("5,000 weightings were drawn at random");
    expect(data.method.map((m) => m.text).join(" ")).toContain("seed 1");
    for (const row of data.chance.rows) expect(row.first).toMatch(/^(0%|100%|less than 1%|more than 99%|\d{1,2}%)$/);
    const never = data.chance.rows.find((r) => r.bidder === "Access Together CIC")!;
    expect(never.typicalWeights).toBe("not first in any sample");
  });
});

describe("the briefing's top places column says something", () => {
  // The first `n` bids of the example, with their rows of the same samples: enough to check the column, as
  // the column depends only on how many bids there are.
  const firstBids = (n: number) => {
    const input = briefingInput("B1");
    return {
      ...input,
      problem: { ...input.problem, bids: input.problem.bids.slice(0, n) },
      smaa: { ...input.smaa, rankAcceptability: input.smaa.rankAcceptability.slice(0, n), centralWeights: input.smaa.centralWeights.slice(0, n) },
    };
  };

  it("top three of five bids; top two of three, as the top three of three is every bid; none of two", () => {
    const five = whatifBriefingData(briefingInput("B1")).chance;
    expect([five.hasTopPlaces, five.topHeading]).toEqual([true, "Top three"]);
    const row = briefingInput("B1").smaa.rankAcceptability[0]!;
    expect(five.rows[0]!.topPlaces).toBe(formatChance(row[0]! + row[1]! + row[2]!));
    const three = whatifBriefingData(firstBids(3)).chance;
    expect([three.hasTopPlaces, three.topHeading]).toEqual([true, "Top two"]);
    const two = whatifBriefingData(firstBids(2)).chance;
    expect(two.hasTopPlaces).toBe(false);
    expect(two.rows.every((r) => r.topPlaces === "")).toBe(true);
  });

  it("a briefing from profiles names the proposed scoring model, not a tender that does not exist yet", () => {
    expect(whatifBriefingData(briefingInput("B1")).tenderLabel).toBe("Tender");
    expect(whatifBriefingData({ ...briefingInput("B1"), basis: "profiles" }).tenderLabel).toBe("Proposed scoring model");
  });

  it("the document's table has the column only when it says something", async () => {
    const made = await makeWhatifBriefing(bundledTemplate("whatif-briefing"), firstBids(2), pictureOfSvg);
    if (!made.ok) throw new Error(made.problems.map(formatProblem).join("\n"));
    expect(docxText(made.value)).not.toMatch(/Top (two|three)/);
    expect(docxText(madeBriefingBytes())).toContain("Top three");
  });
});

const madeBriefingBytes = () => {
  if (!madeBriefing.ok) throw new Error("the briefing must be made");
  return madeBriefing.value;
};

const madeBriefing = await makeWhatifBriefing(bundledTemplate("whatif-briefing"), briefingInput("B1"), pictureOfSvg);

describe("the what-if briefing document", () => {
  const made = madeBriefing;
  if (!made.ok) throw new Error(made.problems.map(formatProblem).join("\n"));
  const bytes = made.value;

  it("says the key figures in plain words", () => {
    const text = docxText(bytes);
    expect(text).toContain("How the proposed weighting affects organisations like ours");
    expect(text).toContain("Organisation: Riverside Disabled People's Voice");
    expect(text).toContain("It would lose first place if the price weight rises above 65.4%");
    expect(text).toContain("292900/4479%");
    expect(text).toContain("How often each came first among the weightings tried");
    expect(text).not.toMatch(/undefined|\{|\}/);
  });

  it("has a chart picture per section and one for the chance of winning, each with alternative text", () => {
    const zip = new PizZip(bytes);
    const media = Object.keys(zip.files).filter((f) => f.startsWith("word/media/"));
    expect(media).toHaveLength(5);
    for (const file of media) expect([...zip.file(file)!.asUint8Array().slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]); // PNG
    const xml = part(bytes, "word/document.xml");
    const descriptions = [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]!);
    expect(descriptions).toHaveLength(5);
    expect(descriptions[3]).toContain("as the price weight goes from 0% to 100%");
    expect(descriptions[3]).toContain("65.4%");
    // The XML escapes the apostrophes; Word reads them back as they were.
    expect(descriptions[4]).toMatch(/^Bar chart of how often each bidder came first among the weightings tried: Riverside Disabled People&#39;s Voice \d+%/);
    const rels = part(bytes, "word/_rels/document.xml.rels");
    for (const id of [...xml.matchAll(/r:embed="([^"]+)"/g)].map((m) => m[1])) expect(rels).toContain(`Id="${id}"`);
    expect(part(bytes, "[Content_Types].xml")).toContain('Extension="png"');
  });

  it("is accessible: title, language, heading styles in order, table header rows", () => {
    expect(part(bytes, "docProps/core.xml")).toContain("<dc:title>How the proposed weighting affects organisations like ours: Riverside Disabled People&#39;s Voice</dc:title>");
    expect(part(bytes, "docProps/core.xml")).toContain("<dc:language>en-GB</dc:language>");
    const xml = part(bytes, "word/document.xml");
    const headings = [...xml.matchAll(/<w:pStyle w:val="(Title|Heading\d)"\/>/g)].map((m) => m[1]!);
    expect(headings[0]).toBe("Title");
    const level = (h: string) => (h === "Title" ? 0 : Number(h.slice(7)));
    for (let i = 1; i < headings.length; i++) expect(level(headings[i]!) - level(headings[i - 1]!)).toBeLessThanOrEqual(1);
    expect(xml.match(/<w:tblHeader\/>/g)!.length).toBe(xml.match(/<w:tbl>/g)!.length);
  });
});

describe("pictures in templates cannot carry text from the data", () => {
  it("a raw tag on an ordinary field is refused, so a bidder's name can never be inserted as XML", async () => {
    const hostile = editedTemplate(bundledTemplate("whatif-briefing"), (xml) => xml.replace("{basis}", "{@basis}"));
    const made = await makeWhatifBriefing(hostile, briefingInput("B1"), pictureOfSvg);
    expect(made.ok).toBe(false);
    expect(made.problems.map(formatProblem).join("\n")).toContain("{@basis} inserts raw content, which only a chart may be; write {basis} to print it as text");
  });

  it("a template may leave the charts out", async () => {
    const plain = editedTemplate(bundledTemplate("whatif-briefing"), (xml) => xml.replace("{@chance.picture}", "").replace("{@picture}", ""));
    const made = await makeWhatifBriefing(plain, briefingInput("B1"), pictureOfSvg);
    expect(made.ok).toBe(true);
    if (made.ok) expect(Object.keys(new PizZip(made.value).files).filter((f) => f.startsWith("word/media/"))).toHaveLength(0);
  });
});

describe("chances in words", () => {
  it("rounds to whole percent, never hides a chance that happened, and absorbs floating-point sums", async () => {
    const { formatChance } = await import("../../src/language/uk-format.js");
    expect([0, 0.004, 0.26, 0.996, 1, 0.1 + 0.2 + 0.7 - 1e-12].map((p) => formatChance(p))).toEqual(["0%", "less than 1%", "26%", "more than 99%", "100%", "100%"]);
    // The terminal and the page show a decimal place, with the same care at the ends.
    expect([0, 0.0004, 0.0006, 0.2649, 0.9994, 0.9996, 1].map((p) => formatChance(p, 1))).toEqual(["0%", "less than 0.1%", "0.1%", "26.5%", "99.9%", "more than 99.9%", "100%"]);
  });
});

describe("a bid that can only tie for first", () => {
  it("is never said to come first: equal totals at exactly 0% quality are a tie, not a win", async () => {
    const { exact } = await import("../../src/arithmetic/exact.js");
    const { sweepWeight, firstPlaceInterval } = await import("../../src/sensitivity/weight-sweep.js");
    // A scores 1 (as a share) on both sections; B scores 1 on price and 1/2 on quality. With quality at q%,
    // A = 100 and B = (100 − q) + q/2 = 100 − q/2: equal only at q = 0, and A ahead at every other weight.
    const problem = {
      weights: new Map([["price", exact(60)], ["quality", exact(40)]] as const),
      bids: [
        { bidId: "A", bidder: "Alpha Care Ltd", shares: new Map([["price", exact(1)], ["quality", exact(1)]] as const) },
        { bidId: "B", bidder: "Gamma Trust", shares: new Map([["price", exact(1)], ["quality", exact("1/2")]] as const) },
      ],
    };
    const sweeps = (["price", "quality"] as const).map((s) => sweepWeight(problem, s));
    const quality = sweeps[1]!;
    expect(firstPlaceInterval(quality, "B")).toEqual({ from: exact(0), to: exact(0) });
    const { smaa } = await import("../../src/sensitivity/smaa.js");
    const { seededRandom } = await import("../../src/sensitivity/random.js");
    const chance = smaa({ criteria: ["price", "quality"], bids: problem.bids.map((b) => ({ id: b.bidId, values: [1, b.bidId === "A" ? 1 : 0.5] })), samples: 1000, random: seededRandom(1) });
    const data = whatifBriefingData({ ...briefingInput("B1"), title: "Tie test", organisationId: "B", problem, sweeps, smaa: chance, improvements: { criteria: [], price: undefined } });
    const text = JSON.stringify(data);
    expect(data.sections[1]!.summary).toBe("Gamma Trust could at best tie for first place, and only with quality weighted at exactly 0% (other weights in proportion); at every other quality weight another bid scores more.");
    expect(text).not.toContain("or less");
    expect(text).not.toMatch(/Gamma Trust comes first|It would come first/);
  });
});
