import { describe, expect, it } from "vitest";
import { exact } from "../../src/arithmetic/exact.js";
import { roundingStatement } from "../../src/documents/common-data.js";
import { ScoringModel, type ScoringModelInput } from "../../src/model/scoring-model.js";
import { roundToStep } from "../../src/scoring/rounding.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { aSpecification, aTender } from "../builders.js";

/**
 * A published rounding rule. Worked example: Brodies LLP, "A new approach to evaluating price submissions
 * in tenders" (on the Scottish Government's Graduated Price Mechanism, 2024): tenders of £1m (lowest),
 * £1.2m and £2m, price scored as lowest ÷ price × 100; B receives 83% and C 50% of the price score, the
 * article rounding to the nearest whole number. (£1m ÷ £1.2m × 100 = 83.33…, which rounds to 83.)
 */
describe("a scoring model's rounding rule", () => {
  const withRounding = (rounding: ScoringModelInput["rounding"]) => {
    const builder = aTender()
      .withPrice(100, { type: "proportional" })
      .withQuality(0, { Q1: 100 })
      .withBids({ id: "A", price: 1_000_000, scores: { Q1: [3] } }, { id: "B", price: 1_200_000, scores: { Q1: [3] } }, { id: "C", price: 2_000_000, scores: { Q1: [3] } });
    const built = builder.build();
    return { ...built, specification: aSpecification({ contract: { ...built.specification.contract, years: 1 } }), model: ScoringModel.parse({ ...builder.modelInput(), ...(rounding ? { rounding } : {}) }) };
  };

  it("rounds price points to whole marks as the published example does", () => {
    const scored = scoreTender(withRounding({ step: 1 }));
    if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
    const points = Object.fromEntries(scored.value.bids.map((b) => [b.bidId, b.price!.points!.toFraction()]));
    expect(points).toEqual({ A: "100", B: "83", C: "50" });
    const b = scored.value.bids.find((x) => x.bidId === "B")!;
    expect(b.price!.unroundedPoints!.toFraction()).toBe("250/3"); // 83.33…, kept to explain the 83
    expect(scored.value.bids.find((x) => x.bidId === "A")!.price!.unroundedPoints).toBeUndefined();
  });

  it("keeps points exact without a rule", () => {
    const scored = scoreTender(withRounding(undefined));
    if (!scored.ok) throw new Error("not scored");
    expect(scored.value.bids.find((x) => x.bidId === "B")!.price!.points!.toFraction()).toBe("250/3");
  });

  it("rounds half up at any step", () => {
    expect(roundToStep(exact("83.5"), 1).toFraction()).toBe("84");
    expect(roundToStep(exact("83.49"), 1).toFraction()).toBe("83");
    expect(roundToStep(exact("12.345"), 0.01).toFraction()).toBe(exact("12.35").toFraction());
    expect(roundToStep(exact("7.25"), 0.5).toFraction()).toBe("15/2");
    expect(roundToStep(exact("7.24"), 0.5).toFraction()).toBe("7");
  });

  it("is a live formula in the results workbook, so the workbook gives the same figures", async () => {
    const { makeResultsWorkbook } = await import("../../src/spreadsheets/results-workbook.js");
    const { default: PizZip } = await import("pizzip");
    const scored = scoreTender(withRounding({ step: 1 }));
    if (!scored.ok) throw new Error("not scored");
    const bytes = await makeResultsWorkbook(scored.value, { roundingNote: roundingStatement(scored.value.rounding), inputs: [], date: "2026-11-23" });
    const zip = new PizZip(bytes);
    const sheets = Object.keys(zip.files).filter((n) => n.startsWith("xl/worksheets/sheet")).map((n) => zip.file(n)!.asText());
    expect(sheets.join("")).toMatch(/<f>ROUND\(\(\$B\$\d+\*\$B\$\d+\/[A-Z]+\d+\)\/1,0\)\*1<\/f><v>83<\/v>/);
  });

  it("is stated in words wherever points are shown", () => {
    expect(roundingStatement({ step: 1, of: "criterion" })).toBe(
      "Under the scoring model's rounding rule, each criterion's points and the price points are rounded half up to whole points, and each total is the sum of those rounded figures. Other figures are shown rounded to 2 decimal places.",
    );
    expect(roundingStatement({ step: 0.01, of: "section" })).toContain("each section's points (price included) are rounded half up to 2 decimal places");
    expect(roundingStatement(undefined)).toContain("Points are shown rounded to 2 decimal places");
  });
});
