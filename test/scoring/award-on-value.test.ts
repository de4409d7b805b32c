import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/problems/format.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import type { TenderResult } from "../../src/scoring/result.js";
import { renderResultsTable } from "../../src/presentation/results-table.js";
import { effectiveWeights } from "../../src/review/checks/outcome.js";
import { aTender } from "../builders.js";

function scored(builder: ReturnType<typeof aTender>): TenderResult {
  const outcome = scoreTender(builder.build());
  if (!outcome.ok) throw new Error(outcome.problems.map(formatProblem).join("\n"));
  return outcome.value;
}
const byId = (result: TenderResult) => Object.fromEntries(result.bids.map((b) => [b.bidId, b]));
const ranks = (result: TenderResult) => Object.fromEntries(result.bids.map((b) => [b.bidId, b.rank]));

/*
 * Fictional price, "award on value" ("gunnen op waarde"), as published by the Negometrix (now Mercell)
 * e-tendering suite: support.negometrix.com, solutions article 9000123966 "Award on value" (Dutch:
 * "Gunnen op waarde"), section "An example". Fictional score = Pi − Qi: "The total registration price of
 * Provider A is € 80,000. Sub-award criterion 2.1.4. has been assigned a total value of € 2,500:
 * A) Fully satisfactory (100%) (€ 2,500); B) Partially satisfactory (60%) (€ 1,500); C) Not satisfactory
 * (0%) (€ 0) ... If the contracting authority assesses that the answer is partially satisfactory (B),
 * € 1,500 is deducted from the total bid price. € 80,000 − € 1,500 = € 78,500." The offer with the lowest
 * fictional score wins.
 *
 * Here the three levels are a scale of 0, 60 and 100 (per cent of the criterion's value, score ÷ top),
 * the criterion's value is £2,500, and bid P is the publication's Provider A, assessed B.
 */
describe("fictional price (award on value), pinned by the Negometrix/Mercell worked example", () => {
  const tender = () =>
    aTender()
      .withScale([0, 60, 100])
      .withPrice(0, { type: "fictional-price", values: { Q1: 2500 } })
      .withQuality(100, { Q1: 100 });

  it("€80,000 with the criterion partially satisfied (60% of €2,500) is a fictional price of €78,500", () => {
    const result = scored(tender().withBids({ id: "P", price: 80000, scores: { Q1: [60] } }));
    const p = byId(result).P!.price!;
    // deduction = 2,500 × 60/100 = 1,500; fictional price = 80,000 − 1,500 = 78,500
    expect(p.deductions!.Q1!.toFraction()).toBe("1500");
    expect(p.awardValue!.toFraction()).toBe("78500");
    expect(p.points).toBeUndefined();
    expect(result.rankingBasis).toBe("fictional-price");
  });

  it("is not given effective weights: the fictional price decides, so quality would always show 100% of a points difference that decides nothing", () => {
    const result = scored(tender().withBids({ id: "P", price: 80000, scores: { Q1: [60] } }, { id: "Q", price: 79000, scores: { Q1: [0] } }));
    expect(effectiveWeights(result)).toEqual([]);
  });

  it("the lowest fictional price wins, not the lowest price", () => {
    // P: 80,000 − 2,500 × 60/100 = 78,500.  Q: 79,000 − 2,500 × 0/100 = 79,000.  R: 80,800 − 2,500 × 100/100 = 78,300.
    const result = scored(
      tender().withBids(
        { id: "P", price: 80000, scores: { Q1: [60] } },
        { id: "Q", price: 79000, scores: { Q1: [0] } },
        { id: "R", price: 80800, scores: { Q1: [100] } },
      ),
    );
    expect(Object.fromEntries(result.bids.map((b) => [b.bidId, b.price!.awardValue!.toFraction()]))).toEqual({ P: "78500", Q: "79000", R: "78300" });
    expect(ranks(result)).toEqual({ R: 1, P: 2, Q: 3 });
    expect(result.winners).toEqual(["R"]);
  });

  it("averaged marks deduct the same share of the value as they earn of the points", () => {
    // Two evaluators give 60 and 100: mean 80, so 2,500 × 80/100 = 2,000 off 80,000 = 78,000.
    const result = scored(tender().withEvaluators(2).withBids({ id: "P", price: 80000, scores: { Q1: [60, 100] } }));
    expect(byId(result).P!.price!.awardValue!.toFraction()).toBe("78000");
  });

  it("equal fictional prices are a tie, separated by the model's tie-break rules and named as such", () => {
    // P: 80,000 − 2,500 × 60/100 = 78,500.  Q: 78,500 − 2,500 × 0/100 = 78,500.  Higher quality: P.
    const result = scored(tender().withTieBreak(["highest-quality"]).withBids({ id: "P", price: 80000, scores: { Q1: [60] } }, { id: "Q", price: 78500, scores: { Q1: [0] } }));
    expect(ranks(result)).toEqual({ P: 1, Q: 2 });
    expect(result.ties).toEqual([{ bidIds: ["P", "Q"], brokenBy: "highest-quality" }]);
    expect(renderResultsTable(result)).toContain('Tie: Bidder P and Bidder Q had equal fictional prices; separated by the rule "highest-quality".');
  });

  it("the terminal table shows each bid's fictional price", () => {
    const result = scored(tender().withBids({ id: "P", price: 80000, scores: { Q1: [60] } }, { id: "Q", price: 79000, scores: { Q1: [0] } }));
    const table = renderResultsTable(result);
    expect(table).toContain("Fictional price");
    expect(table).toContain("£78,500");
    expect(table).toContain("the lowest fictional price wins");
  });

  it("refuses a criterion without a value, a value for no criterion, and a price weight", () => {
    const outcome = scoreTender(
      aTender()
        .withPrice(10, { type: "fictional-price", values: { Q1: 2500, Q9: 100 } })
        .withQuality(90, { Q1: 50, Q2: 50 })
        .withBids({ id: "P", price: 1, scores: { Q1: [3], Q2: [3] } })
        .build(),
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.problems.map(formatProblem)).toEqual([
      "model: sections.price.weight: under the Fictional price (award on value) price earns no points (the award rule itself weighs price against quality), so the price section must have weight 0, not 10",
      "model: sections.price.method.values: the fictional price needs a value in pounds for every scored criterion, and Q2 has none: add it under values",
      'model: sections.price.method.values.Q9: values names the criterion "Q9", which the model does not have (criteria: Q1, Q2)',
    ]);
  });
});

/*
 * The UfAB guide-value methods (Unterlage für Ausschreibung und Bewertung von IT-Leistungen, Beschaffungsamt
 * des BMI). No worked example with figures from the UfAB itself or a buyer could be read here (see
 * docs/award-on-value.md), so these examples are computed by hand from the published rules:
 * - simple guide value ("einfache Richtwertmethode"): Z = L : P, L the quality points achieved, P the price,
 *   highest Z wins (VK Lüneburg, 5 September 2023, VgK-20/2023, quoting UfAB III, as reported by
 *   Vergabeblog.de, 22 January 2024, no. 55542);
 * - extended guide value ("erweiterte Richtwertmethode"): the bid with the highest Z leads; a band (in
 *   per cent) below its Z is stated in advance, and among the bids within it a stated deciding criterion
 *   (e.g. best price, greatest performance) picks the winner (Müller-Wrede (ed.), VgV/UVgO commentary,
 *   5th ed., Ferber on § 58 VgV, paras 31–33; the band is "a corridor that deviates by a percentage
 *   downwards from the leading bid's figure", arriba help, "Erweiterte Richtwertmethode").
 *
 * Three bids, one criterion on 0–5, quality section 100%:
 *   A: £100,000, score 3 → L = 60;  Z = 60/100,000 = 3/5,000   (600 points per £1m)
 *   B: £125,000, score 5 → L = 100; Z = 100/125,000 = 1/1,250  (800 points per £1m)
 *   C: £90,000,  score 4 → L = 80;  Z = 80/90,000 = 1/1,125    (888.89 points per £1m)
 */
const three = [
  { id: "A", price: 100000, scores: { Q1: [3] } },
  { id: "B", price: 125000, scores: { Q1: [5] } },
  { id: "C", price: 90000, scores: { Q1: [4] } },
];

describe("simple guide value (UfAB), computed by hand", () => {
  it("ranks by quality score ÷ price, highest first", () => {
    const result = scored(aTender().withPrice(0, { type: "guide-value" }).withQuality(100, { Q1: 100 }).withBids(...three));
    expect(Object.fromEntries(result.bids.map((b) => [b.bidId, b.price!.awardValue!.toFraction()]))).toEqual({ A: "3/5000", B: "1/1250", C: "1/1125" });
    expect(ranks(result)).toEqual({ C: 1, B: 2, A: 3 });
    expect(result.band).toBeUndefined();
    const table = renderResultsTable(result);
    expect(table).toContain("Guide value (points per £1m)");
    expect(table).toContain("888.89");
  });

  it("a £0 price is an error naming the bid, since the guide value divides by it", () => {
    const outcome = scoreTender(aTender().withPrice(0, { type: "guide-value" }).withQuality(100, { Q1: 100 }).withBids({ id: "A", price: 0, scores: { Q1: [3] } }).build());
    expect(outcome.ok).toBe(false);
    expect(outcome.problems.map((p) => p.code)).toEqual(["bids.zero-price"]);
  });
});

/*
 * Simple guide value, pinned by a published worked example: Thomas Ferber, "Die einfache Richtwertmethode
 * als Bewertungsmethode im Vergabeverfahren", Fachverlag Ferber blog, 29 May 2016
 * (fachverlag-ferber.blogspot.com/2016/05/die-einfache-richtwertmethode-als.html), describing the UfAB VI
 * (version 1.0, 30 April 2016, pp. 157–158): "Kennzahl = Leistungspunkte / Angebotspreis ... Das Angebot
 * mit der höchsten Kennzahl gewinnt. Beispiel: Angebot 1: 60 Leistungspunkte; Angebotspreis = 65.000 Euro;
 * Angebot 2: 75 Leistungspunkte; Angebotspreis = 74.000 Euro; Angebot 3: 100 Leistungspunkte;
 * Angebotspreis = 100.000 Euro ... weder das Angebot mit dem niedrigsten Angebotspreis, noch das Angebot
 * mit der höchsten Leistungspunktzahl [gewinnt]. Angebot 2 hat ... die höchste Kennzahl."
 *
 * The publication names the winner and the order follows from its figures; the guide values are worked
 * out here by hand (euros entered as pounds; the arithmetic does not care):
 *   Z1 = 60 ÷ 65,000  = 12/13,000 = 3/3,250  (≈ 0.000923)
 *   Z2 = 75 ÷ 74,000  = 3/2,960    (≈ 0.001014)
 *   Z3 = 100 ÷ 100,000 = 1/1,000
 *   Z2 > Z3 since 3 × 1,000 = 3,000 > 2,960 = 1 × 2,960; Z3 > Z1 since 1 × 3,250 = 3,250 > 3,000 = 3 × 1,000.
 * So: Angebot 2 first, Angebot 3 second, Angebot 1 (the cheapest) last.
 * The performance points are a quality score out of 100: one criterion on a scale of 0, 60, 75 and 100,
 * so a mark of 60 is 60 points (score ÷ top × 100).
 */
describe("simple guide value (UfAB), pinned by the Fachverlag Ferber example of the UfAB VI method", () => {
  it("Angebot 2 (75 points, 74,000) wins, neither the cheapest nor the best", () => {
    const result = scored(
      aTender()
        .withScale([0, 60, 75, 100])
        .withPrice(0, { type: "guide-value" })
        .withQuality(100, { Q1: 100 })
        .withBids({ id: "A1", price: 65000, scores: { Q1: [60] } }, { id: "A2", price: 74000, scores: { Q1: [75] } }, { id: "A3", price: 100000, scores: { Q1: [100] } }),
    );
    expect(Object.fromEntries(result.bids.map((b) => [b.bidId, b.total.toFraction()]))).toEqual({ A1: "60", A2: "75", A3: "100" });
    expect(Object.fromEntries(result.bids.map((b) => [b.bidId, b.price!.awardValue!.toFraction()]))).toEqual({ A1: "3/3250", A2: "3/2960", A3: "1/1000" });
    expect(ranks(result)).toEqual({ A2: 1, A3: 2, A1: 3 });
  });
});

describe("extended guide value (UfAB) with its fluctuation band, computed by hand", () => {
  const extended = (bandPercent: number, decidedBy: "highest-quality" | "lowest-price") =>
    scored(aTender().withPrice(0, { type: "extended-guide-value", bandPercent, decidedBy }).withQuality(100, { Q1: 100 }).withBids(...three));

  it("within a 15% band the higher quality score wins although its guide value is lower", () => {
    // best Z = 1/1,125 (C); lower bound = 1/1,125 × (1 − 15/100) = 85/112,500 = 17/22,500 (755.56 per £1m).
    // B: 1/1,250 = 18/22,500 ≥ 17/22,500, within; A: 3/5,000 = 13.5/22,500 < 17/22,500, outside.
    // Within the band, highest quality: B (100) before C (80); then A by guide value.
    const result = extended(15, "highest-quality");
    expect(result.band!.lowerBound.toFraction()).toBe("17/22500");
    expect(result.band!.bidIds).toEqual(["B", "C"]);
    expect(ranks(result)).toEqual({ B: 1, C: 2, A: 3 });
    expect(byId(result).A!.price!.withinBand).toBe(false);
    expect(byId(result).B!.price!.withinBand).toBe(true);
    expect(renderResultsTable(result)).toContain(
      "The highest guide value was 888.89 quality points per £1 million of whole-life price; the band of 15% below it reached down to 755.56; Bidder B and Bidder C were within it, and the highest quality score decided between them.",
    );
  });

  it("within the same band, the lowest price decides when the model says so", () => {
    // B £125,000 and C £90,000 within the band: C first.
    expect(ranks(extended(15, "lowest-price"))).toEqual({ C: 1, B: 2, A: 3 });
  });

  it("a narrower band leaves the best guide value alone in it", () => {
    // lower bound = 1/1,125 × 95/100 = 19/22,500 (844.44 per £1m); B's 18/22,500 is below it.
    const result = extended(5, "highest-quality");
    expect(result.band!.lowerBound.toFraction()).toBe("19/22500");
    expect(result.band!.bidIds).toEqual(["C"]);
    expect(ranks(result)).toEqual({ C: 1, B: 2, A: 3 });
  });

  it("a bid exactly on the band's lower bound is within it", () => {
    // C's Z = 1/1,125; B's Z = 1/1,250 = 1/1,125 × 9/10, so a 10% band has B exactly on its bound.
    const result = extended(10, "highest-quality");
    expect(result.band!.lowerBound.toFraction()).toBe("1/1250");
    expect(result.band!.bidIds).toEqual(["B", "C"]);
  });
});
