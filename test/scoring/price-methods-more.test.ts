import { describe, expect, it } from "vitest";
import { exact } from "../../src/arithmetic/exact.js";
import { formatProblem } from "../../src/problems/format.js";
import { describePriceMethod, scorePrices } from "../../src/scoring/price-methods.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { aTender } from "../builders.js";

const points = (scoring: ReturnType<typeof scorePrices>) => Object.fromEntries(scoring.points.map((p) => [p.bidId, p.points.toFraction()]));
const priced = (prices: Record<string, number>) => Object.entries(prices).map(([bidId, p]) => ({ bidId, wholeLifeCost: exact(p) }));

/*
 * The logarithmic relative formula, as the Negometrix/Mercell suite publishes it (support.negometrix.com,
 * Solutions › Formulas › "The log formula", article 9000092065): price points = WP × (1 − log(Pi ÷ Pbest) ÷ log A).
 * The page works two points itself: "Pi = Pbest … 1 − log 1 / log A = 1 − 0 = 1 = 100%: this offer
 * receives all price points, regardless of A", and "If A is 2, then a quote that is twice as expensive as
 * the quote with the lowest price will receive zero price points". T. H. Chen, "An economic approach to
 * public procurement", Journal of Public Procurement 8(3) pp. 407–430 (2008), is named as the formula's
 * origin; we could not read its text here, so the figures below come from the suite's page and by hand.
 */
describe("logarithmic relative formula (log formula)", () => {
  it("the suite's own two points: the lowest price earns all the points whatever A is, and with A = 2 a price twice the lowest earns none", () => {
    for (const coefficient of [1.5, 2, 3]) {
      // log(100,000 ÷ 100,000) = log 1 = 0, so points = 40 × (1 − 0) = 40.
      expect(points(scorePrices({ type: "logarithmic", multiple: coefficient }, exact(40), priced({ A: 100000, B: 150000 }))).A).toBe("40");
    }
    // A = 2: log(200,000 ÷ 100,000) ÷ log 2 = log 2 ÷ log 2 = 1, so points = 40 × (1 − 1) = 0.
    expect(points(scorePrices({ type: "logarithmic", multiple: 2 }, exact(40), priced({ A: 100000, B: 200000 })))).toEqual({ A: "40", B: "0" });
  });

  it("hand-worked, A = 4: twice the lowest earns half (log 2 ÷ log 4 = 1/2), four times earns none, eight times none rather than −20", () => {
    // B: 40 × (1 − 1/2) = 20. C: log 4 ÷ log 4 = 1 → 0. D: log 8 ÷ log 4 = 3/2 → 40 × (1 − 3/2) = −20, shown as 0.
    const scoring = scorePrices({ type: "logarithmic", multiple: 4 }, exact(40), priced({ A: 100000, B: 200000, C: 400000, D: 800000 }));
    expect(points(scoring)).toEqual({ A: "40", B: "20", C: "0", D: "0" });
  });

  it("a logarithm that is not a fraction is fixed to 12 decimal places, and the documents say so", () => {
    // A = 2, B at 1.5 × the lowest: log 1.5 ÷ log 2 = 0.405465108108164… ÷ 0.693147180559945… = 0.584962500721156…,
    // to 12 places 0.584962500721; points = 40 × (1 − 0.584962500721) = 40 × 0.415037499279 = 16.60149997116.
    const scoring = scorePrices({ type: "logarithmic", multiple: 2 }, exact(40), priced({ A: 100000, B: 150000 }));
    expect(points(scoring).B).toBe(exact("16.60149997116").toFraction());
    expect(describePriceMethod({ type: "logarithmic", multiple: 2 }).formula).toContain("worked out to 12 decimal places");
    expect(describePriceMethod({ type: "logarithmic", multiple: 2 }).formula).toContain("a price 2 times the lowest or more earns none");
  });

  it("the gap between two bids does not depend on the lowest price (the suite's reason for the formula), exactly", () => {
    // A = 16. With the lowest at £100,000: B £200,000 → 40 × (1 − log16 2) = 40 × 3/4 = 30; C £400,000 → 40 × (1 − 1/2) = 20; gap 10.
    // With the lowest at £50,000: B → 40 × (1 − log16 4) = 20; C → 40 × (1 − log16 8) = 40 × 1/4 = 10; gap 10 again.
    const method = { type: "logarithmic" as const, multiple: 16 };
    expect(points(scorePrices(method, exact(40), priced({ A: 100000, B: 200000, C: 400000 })))).toEqual({ A: "40", B: "30", C: "20" });
    expect(points(scorePrices(method, exact(40), priced({ Z: 50000, B: 200000, C: 400000 })))).toEqual({ Z: "40", B: "20", C: "10" });
  });

  it("a £0 price is an error, as for the other methods that divide by the price", () => {
    const scoring = scorePrices({ type: "logarithmic", multiple: 2 }, exact(40), priced({ A: 0, B: 100 }));
    expect(scoring.problems.map((p) => p.code)).toEqual(["bids.zero-price"]);
  });
});

/*
 * Prices offered as a percentage discount on a base price (Italy). The linear ratio Ci = Ra/Rmax is
 * published, for example, by the Stazione Unica Appaltante of the Province of Brindisi in its tender
 * notices (sua.provincia.brindisi.it, gara 40983: "Ci = Ra/Rmax dove: Ci = coefficiente attribuito al
 * concorrente esaminato; Ra = ribasso percentuale dell'offerta del concorrente esaminato; Rmax = ribasso
 * percentuale più elevato tra quelli in gara"); the notice gives no figures, so the example is by hand.
 */
describe("discount ratio (Ci = Ra ÷ Rmax)", () => {
  it("hand-worked: base £200,000, discounts 10%, 20%, 25%, maximum 30 points → 12, 24, 30", () => {
    // Prices: 200,000 × 90/100 = 180,000; × 80/100 = 160,000; × 75/100 = 150,000. Rmax = 25.
    // A: 30 × 10/25 = 12. B: 30 × 20/25 = 24. C: 30 × 25/25 = 30.
    const outcome = scoreTender(
      aTender()
        .withPrice(30, { type: "discount-ratio", base: 200000 })
        .withQuality(70, { Q1: 100 })
        .withBids({ id: "A", price: { discountPercent: 10 }, scores: { Q1: [3] } }, { id: "B", price: { discountPercent: 20 }, scores: { Q1: [3] } }, { id: "C", price: { discountPercent: 25 }, scores: { Q1: [3] } })
        .build(),
    );
    if (!outcome.ok) throw new Error(outcome.problems.map(formatProblem).join("\n"));
    const byId = Object.fromEntries(outcome.value.bids.map((b) => [b.bidId, b.price!]));
    expect(Object.fromEntries(Object.entries(byId).map(([id, p]) => [id, p.points!.toFraction()]))).toEqual({ A: "12", B: "24", C: "30" });
    expect(Object.fromEntries(Object.entries(byId).map(([id, p]) => [id, p.wholeLifeCost.toFraction()]))).toEqual({ A: "180000", B: "160000", C: "150000" });
    expect(byId.A!.basis).toBe("discount");
    expect(byId.A!.discountPercent!.toFraction()).toBe("10");
    expect(outcome.value.price!.description.formula).toContain("base price of £200,000");
  });

  it("no discount offered at all is an error, not invented points (the formula divides by the highest discount)", () => {
    const scoring = scorePrices({ type: "discount-ratio", base: 1000 }, exact(30), priced({ A: 1000, B: 1000 }));
    expect(scoring.points).toEqual([]);
    expect(scoring.problems.map((p) => [p.code, formatProblem(p)])).toEqual([["bids.no-discount", expect.stringContaining("A, B")]]);
  });

  it("a bid that gives prices under a discount method, or a discount under a price method, is a located error", () => {
    const discountModel = scoreTender(
      aTender().withPrice(30, { type: "discount-ratio", base: 1000 }).withQuality(70, { Q1: 100 }).withBids({ id: "A", price: 900, scores: { Q1: [3] } }).build(),
    );
    expect(discountModel.ok).toBe(false);
    if (!discountModel.ok) {
      const p = discountModel.problems.find((x) => x.code === "bids.price-form-mismatch")!;
      expect(p.location).toMatchObject({ document: "bids", path: ["bids", 0, "price"] });
      expect(formatProblem(p)).toContain("give discountPercent");
    }
    const priceModel = scoreTender(aTender().withBids({ id: "A", price: { discountPercent: 5 }, scores: { Q1: [3], Q2: [3] } }).build());
    expect(priceModel.ok).toBe(false);
    if (!priceModel.ok) expect(priceModel.problems.map((x) => x.code)).toContain("bids.price-form-mismatch");
    // A discount beside a price, under a method that scores prices, is refused too rather than silently ignored.
    const both = scoreTender(aTender().withBids({ id: "A", price: { years: [900], discountPercent: 5 }, scores: { Q1: [3], Q2: [3] } }).build());
    expect(both.ok ? [] : both.problems.map((x) => x.code)).toContain("bids.price-form-mismatch");
  });
});

/*
 * ANAC's bilinear formula (Linee guida ANAC n. 2, "Offerta economicamente più vantaggiosa"): with Ra the
 * bid's discount, Rsoglia the mean discount and X a published coefficient,
 *   Ci = X × Ra ÷ Rsoglia                                   for Ra ≤ Rsoglia
 *   Ci = X + (1 − X) × (Ra − Rsoglia) ÷ (Rmax − Rsoglia)     for Ra > Rsoglia.
 * We could not retrieve the guideline's own text or a published worked example here: the formula is as
 * the issue states it, and the figures below are worked by hand.
 */
describe("bilinear formula on the discount (ANAC guideline no. 2)", () => {
  it("hand-worked: X = 0.85, discounts 10, 20, 30, 24 (mean 21), maximum 30 points", () => {
    // Rsoglia = (10 + 20 + 30 + 24) ÷ 4 = 84/4 = 21; Rmax = 30.
    // A (10 ≤ 21): 30 × 0.85 × 10/21 = 30 × 17/20 × 10/21 = 5100/420 = 85/7.
    // B (20 ≤ 21): 30 × 17/20 × 20/21 = 10200/420 = 170/7.
    // D (24 > 21): 30 × (17/20 + 3/20 × (24 − 21)/(30 − 21)) = 30 × (17/20 + 3/20 × 1/3) = 30 × 18/20 = 27.
    // C (30 > 21): 30 × (17/20 + 3/20 × 9/9) = 30.
    const base = 500000;
    const prices = { A: 450000, B: 400000, C: 350000, D: 380000 }; // base × (100 − discount) ÷ 100
    const scoring = scorePrices({ type: "discount-bilinear", base, coefficient: 0.85 }, exact(30), priced(prices));
    expect(points(scoring)).toEqual({ A: "85/7", B: "170/7", C: "30", D: "27" });
    expect(scoring.field!.meanDiscount!.toFraction()).toBe("21");
    expect(scoring.field!.highestDiscount!.toFraction()).toBe("30");
  });

  it("when every discount is the same, each earns X of the points (Ra = Rsoglia), not all of them", () => {
    // Discounts 10, 10: Rsoglia = 10, so Ci = 0.9 × 10/10 = 0.9 → 30 × 0.9 = 27.
    const scoring = scorePrices({ type: "discount-bilinear", base: 1000, coefficient: 0.9 }, exact(30), priced({ A: 900, B: 900 }));
    expect(points(scoring)).toEqual({ A: "27", B: "27" });
  });

  it("states X, the base and both branches in words", () => {
    const formula = describePriceMethod({ type: "discount-bilinear", base: 500000, coefficient: 0.85 }).formula;
    expect(formula).toContain("£500,000");
    expect(formula).toContain("0.85 × bid's discount ÷ mean discount");
    expect(formula).toContain("(0.85 + (1 − 0.85) ×");
  });
});

describe("a whole-life price given as one total", () => {
  const tender = (...prices: ({ total?: number; years?: number[] } | number)[]) =>
    aTender()
      .withPrice(40, { type: "proportional" })
      .withQuality(60, { Q1: 100 })
      .withBids(...prices.map((price, i) => ({ id: `B${i + 1}`, price, scores: { Q1: [3] } })));

  it("is scored as given, without a yearly breakdown, beside a bid that gives years", () => {
    // B1 one total of £100,000; B2 a year price of £125,000: 40 × 100,000/125,000 = 32.
    const outcome = scoreTender(tender({ total: 100000 }, 125000).build());
    if (!outcome.ok) throw new Error(outcome.problems.map(formatProblem).join("\n"));
    const [b1, b2] = outcome.value.bids.map((b) => b.price!);
    expect([b1!.basis, b1!.wholeLifeCost.toFraction(), b1!.years, b1!.points!.toFraction()]).toEqual(["total", "100000", [], "40"]);
    expect([b2!.basis, b2!.points!.toFraction()]).toEqual(["years", "32"]);
  });

  it("with a breakdown as well, the total must equal the years' sum", () => {
    expect(scoreTender(tender({ total: 100000, years: [100000] }, 125000).build()).ok).toBe(true);
    const outcome = scoreTender(tender({ total: 100000, years: [99000] }, 125000).build());
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      const p = outcome.problems.find((x) => x.code === "bids.price-total-mismatch")!;
      expect(p.location).toMatchObject({ document: "bids", path: ["bids", 0, "price", "total"] });
      expect(formatProblem(p)).toContain("£100,000");
      expect(formatProblem(p)).toContain("£99,000");
    }
  });

  it("a price schedule with neither years nor a total is a located error", () => {
    const outcome = scoreTender(tender({}, 125000).build());
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.map((x) => x.code)).toContain("bids.price-form-mismatch");
  });
});
