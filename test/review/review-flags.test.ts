import { describe, expect, it } from "vitest";
import { flagMessage, formatProblem } from "../../src/problems/format.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { aTender } from "../builders.js";
import { effectiveWeights } from "../../src/review/checks/outcome.js";
import { aPassingModel, aPriceQualityModel, bidsFor, codesOf, defaultPolicy, review, section } from "./helpers.js";

const cleanBids = bidsFor([
  { id: "A", price: 100000, scores: { Q1: [4], Q2: [4], Q3: [4], SV1: [4], U1: [4] } },
  { id: "B", price: 110000, scores: { Q1: [3], Q2: [4], Q3: [3], SV1: [3], U1: [3] } },
  { id: "C", price: 105000, scores: { Q1: [3], Q2: [3], Q3: [3], SV1: [3], U1: [3] } },
]);

describe("a model and process that pass the default policy", () => {
  it("raises no error or warning, before or with bids", () => {
    expect(review(aPassingModel()).flags.filter((f) => f.severity !== "advice")).toEqual([]);
    expect(review(aPassingModel(), { bids: cleanBids }).flags.filter((f) => f.severity !== "advice").map(flagMessage)).toEqual([]);
  });
});

describe("each flag: the smallest model that triggers it, and one that does not", () => {
  it("review.price-weight-above-policy: care and support allows 30%", () => {
    const model = aPassingModel({ price: { weight: 35, method: { type: "budget-ceiling", budget: 1e6 } }, quality: section(40, { Q1: 40, Q2: 30, Q3: 30 }, { minimumPercent: 40 }) });
    expect(codesOf(review(model, { spec: { serviceKind: "care-and-support" } }))).toContain("review.price-weight-above-policy");
    expect(codesOf(review(model, { spec: { serviceKind: "other" } }))).not.toContain("review.price-weight-above-policy");
  });

  it("review.price-above-quality", () => {
    const heavy = aPassingModel({ price: { weight: 45, method: { type: "budget-ceiling", budget: 1e6 } }, quality: section(30, { Q1: 40, Q2: 30, Q3: 30 }, { minimumPercent: 40 }) });
    expect(codesOf(review(heavy))).toContain("review.price-above-quality");
    expect(codesOf(review(aPassingModel()))).not.toContain("review.price-above-quality");
  });

  it("review.price-heavy-without-quality-threshold", () => {
    const price = { weight: 40, method: { type: "budget-ceiling", budget: 1e6 } };
    expect(codesOf(review(aPassingModel({ price, quality: section(35, { Q1: 40, Q2: 30, Q3: 30 }) })))).toContain("review.price-heavy-without-quality-threshold");
    expect(codesOf(review(aPassingModel({ price, quality: section(35, { Q1: 40, Q2: 30, Q3: 30 }, { minimumPercent: 40 }) })))).not.toContain(
      "review.price-heavy-without-quality-threshold",
    );
  });

  it("review.relative-price-scoring and review.interpolation-price-scoring (advice)", () => {
    const withMethod = (type: string) => aPassingModel({ price: { weight: 25, method: { type } } });
    expect(review(withMethod("proportional")).flags.find((f) => f.code === "review.relative-price-scoring")?.severity).toBe("advice");
    expect(codesOf(review(withMethod("linear-interpolation")))).toContain("review.interpolation-price-scoring");
    expect(codesOf(review(aPassingModel()))).not.toContain("review.relative-price-scoring");
  });

  /*
   * The discount methods are relative methods too: Ci = Ra ÷ Rmax measures each discount against the
   * highest, and ANAC's bilinear formula against the mean and the highest, so one bid's points depend on
   * the others' discounts. Consip's e-procurement platform classes its formulas by exactly this
   * "interdipendenza tra i punteggi" (wiki.acquistinretepa.it, "Formule della Piattaforma"; e.g.
   * "Lineare tra i Valori Minimo e Massimo Interdipendente").
   */
  it("review.relative-price-scoring names what the discount methods measure against", () => {
    const withMethod = (method: object) => aPassingModel({ price: { weight: 25, method } });
    const message = (method: object) => review(withMethod(method)).flags.filter((f) => f.code === "review.relative-price-scoring").map(flagMessage);
    expect(message({ type: "discount-ratio", base: 200000 })).toEqual([
      "price is scored as a discount relative to the highest discount offered (discount ÷ highest discount): a third bid's discount changes everyone's price points and can reverse the order of two others",
    ]);
    expect(message({ type: "discount-bilinear", base: 200000, coefficient: 0.85 })).toEqual([
      "price is scored as a discount against the mean and the highest discount of all the bids (the ANAC bilinear formula): every bid's discount moves the mean, so a third bid changes everyone's price points and can reverse the order of two others",
    ]);
    expect(message({ type: "deviation-from-lowest" })[0]).toContain("how far it is above the lowest bid");
    expect(review(withMethod({ type: "discount-ratio", base: 200000 })).flags.find((f) => f.code === "review.relative-price-scoring")?.args).toEqual({ method: "discount-ratio" });
  });

  it("what the flag says is true of the discount ratio: a third bid reverses the order of two others", () => {
    // Price 40 points (discount ÷ highest discount), quality 60 points on a 0–5 scale (60 × score/5).
    // A: discount 10%, quality 5/5 → 60; B: discount 20%, quality 4/5 → 48.
    // Without C, Rmax = 20: A 40 × 10/20 = 20, total 80; B 40 × 20/20 = 40, total 88. B first.
    // With C (discount 40%, quality 0/5 → 0), Rmax = 40: A 40 × 10/40 = 10, total 70;
    // B 40 × 20/40 = 20, total 68; C 40 × 40/40 = 40, total 40. A first.
    const tender = (...bids: { id: string; discount: number; q: number }[]) => {
      const outcome = scoreTender(
        aTender()
          .withPrice(40, { type: "discount-ratio", base: 100000 })
          .withQuality(60, { Q1: 100 })
          .withBids(...bids.map((b) => ({ id: b.id, price: { discountPercent: b.discount }, scores: { Q1: [b.q] } })))
          .build(),
      );
      if (!outcome.ok) throw new Error(outcome.problems.map(formatProblem).join("\n"));
      return Object.fromEntries(outcome.value.bids.map((b) => [b.bidId, [b.total.toFraction(), b.rank]]));
    };
    expect(tender({ id: "A", discount: 10, q: 5 }, { id: "B", discount: 20, q: 4 })).toEqual({ A: ["80", 2], B: ["88", 1] });
    expect(tender({ id: "A", discount: 10, q: 5 }, { id: "B", discount: 20, q: 4 }, { id: "C", discount: 40, q: 0 })).toEqual({ A: ["70", 1], B: ["68", 2], C: ["40", 3] });
  });

  it("review.social-value-missing / -token / -below-minimum, with the actual figure", () => {
    const without = aPassingModel({ socialValue: undefined, quality: section(65, { Q1: 40, Q2: 30, Q3: 30 }, { minimumPercent: 40 }) });
    expect(codesOf(review(without))).toContain("review.social-value-missing");
    const token = aPassingModel({ socialValue: section(5, { SV1: 100 }), quality: section(60, { Q1: 40, Q2: 30, Q3: 30 }, { minimumPercent: 40 }) });
    expect(review(token).flags.filter((f) => f.code === "review.social-value-token").map(flagMessage)).toEqual([
      'social value carries 5%, the token "added value" share (5% or less) that is too small to reward what local and user-led organisations add',
    ]);
    const low = aPassingModel({ socialValue: section(8, { SV1: 100 }), quality: section(57, { Q1: 40, Q2: 30, Q3: 30 }, { minimumPercent: 40 }) });
    expect(review(low).flags.filter((f) => f.code === "review.social-value-below-minimum").map(flagMessage)).toEqual([
      "social value carries 8% of the total score, below the minimum of 10%",
    ]);
    expect(codesOf(review(aPassingModel())).filter((c) => c.startsWith("review.social-value"))).toEqual([]);
  });

  it("review.social-value-below-minimum under price per quality point is measured against the quality score", () => {
    // Price has weight 0, so the scored sections add up to 100 and social value's weight is its share of the quality score.
    const ppqp = (sv: number) =>
      aPassingModel({
        price: { weight: 0, method: { type: "price-per-quality-point" } },
        quality: section(90 - sv, { Q1: 40, Q2: 30, Q3: 30 }, { minimumPercent: 40 }),
        socialValue: section(sv, { SV1: 100 }),
      });
    expect(codesOf(review(ppqp(10)))).not.toContain("review.social-value-below-minimum");
    expect(review(ppqp(8)).flags.filter((f) => f.code === "review.social-value-below-minimum").map(flagMessage)).toEqual([
      "social value carries 8% of the quality score, below the minimum of 10%",
    ]);
  });

  it("review.social-value-hard-to-evidence", () => {
    const monetised = aPassingModel({ socialValue: { ...section(15, { SV1: 100 }), criteria: [{ id: "SV1", title: "Monetised value of employee volunteering hours", weight: 100 }] } });
    expect(codesOf(review(monetised))).toContain("review.social-value-hard-to-evidence");
    expect(codesOf(review(aPassingModel()))).not.toContain("review.social-value-hard-to-evidence");
  });

  it("review.no-user-panel and review.user-panel-too-light", () => {
    const none = aPassingModel({ userPanel: undefined, quality: section(60, { Q1: 40, Q2: 30, Q3: 30 }, { minimumPercent: 40 }) });
    expect(codesOf(review(none))).toContain("review.no-user-panel");
    const light = aPassingModel({ userPanel: section(4, { U1: 100 }), quality: section(56, { Q1: 40, Q2: 30, Q3: 30 }, { minimumPercent: 40 }) });
    expect(review(light).flags.find((f) => f.code === "review.user-panel-too-light")?.severity).toBe("advice");
    expect(codesOf(review(aPassingModel())).filter((c) => c.includes("user-panel"))).toEqual([]);
  });

  it("review.token-weight: a 2-point criterion against a 20-point one on a 0–5 scale (one step = 4 points)", () => {
    // Quality 50: Q1 40% = 20 points, one step = 20 ÷ 5 = 4 points. Q3 4% = 2 points in all: < 4.
    const model = aPassingModel({ quality: section(50, { Q1: 40, Q2: 56, Q3: 4 }, { minimumPercent: 40 }) });
    const flags = review(model).flags.filter((f) => f.code === "review.token-weight");
    expect(flags.map(flagMessage)).toEqual([
      "Criterion Q3 (Criterion Q3) can move a bid's total by at most 2 points, less than one scale step (5.6 points) on Q2 (Criterion Q2), so it carries little weight beside it",
    ]);
    expect(codesOf(review(aPassingModel()))).not.toContain("review.token-weight");
  });

  it("review.token-weight with bids: re-ranking without the light criterion says whether it decided an order", () => {
    // Q3 is worth 2 points in all, less than one step (5.6 points) on Q2. But marks are averaged: B's extra
    // mark from one of three evaluators on Q1 is worth 4 ÷ 3 ≈ 1.33 points, so A's 2 points on Q3 put it
    // first. Without Q3, B ranks above A: the light criterion decided the winner.
    const model = aPassingModel({ quality: section(50, { Q1: 40, Q2: 56, Q3: 4 }, { minimumPercent: 40 }) });
    const same = { Q2: [3, 3, 3], SV1: [3, 3, 3], U1: [3] };
    const bids = bidsFor(
      [
        { id: "A", price: 500000, scores: { ...same, Q1: [3, 3, 3], Q3: [5, 5, 5] } },
        { id: "B", price: 500000, scores: { ...same, Q1: [3, 3, 4], Q3: [0, 0, 0] } },
      ],
      { evaluators: 3 },
    );
    const decided = review(model, { bids }).flags.filter((f) => f.code === "review.token-weight");
    expect(decided.map(flagMessage)).toEqual([
      "Criterion Q3 (Criterion Q3) can move a bid's total by at most 2 points, less than one scale step (5.6 points) on Q2 (Criterion Q2), so it carries little weight beside it; with these bids it did decide an order: without it, Bidder B would rank above Bidder A",
    ]);
    expect(decided[0]!.args).toMatchObject({ outcome: { overtaken: { aheadBidId: "A", behindBidId: "B" } } });
    // The same criterion, marked alike for both bids, decides nothing.
    const alike = bidsFor(
      [
        { id: "A", price: 500000, scores: { ...same, Q1: [3, 3, 3], Q3: [2, 2, 2] } },
        { id: "B", price: 500000, scores: { ...same, Q1: [3, 3, 4], Q3: [2, 2, 2] } },
      ],
      { evaluators: 3 },
    );
    expect(review(model, { bids: alike }).flags.filter((f) => f.code === "review.token-weight").map(flagMessage)[0]).toMatch(/; with these bids it decided no place in the ranking$/);
  });

  it("review.tendering-period-below-statutory-minimum (error) and review.tendering-period-short", () => {
    const at = (deadline: string, procedure: "open" | "light-touch" = "open") => review(aPassingModel(), { spec: { procedure, dates: { published: "2026-01-05", submissionDeadline: deadline } } });
    expect(at("2026-01-25").flags.find((f) => f.code === "review.tendering-period-below-statutory-minimum")).toMatchObject({ severity: "error", args: { days: 20, minimum: 25 } });
    expect(codesOf(at("2026-01-25", "light-touch"))).toContain("review.tendering-period-short");
    expect(codesOf(at("2026-01-25", "light-touch"))).not.toContain("review.tendering-period-below-statutory-minimum");
    expect(codesOf(at("2026-02-04")).filter((c) => c.startsWith("review.tendering"))).toEqual([]); // 30 days
  });

  it("review.words-disproportionate: £150k a year allows 5,000 + 1,500 × 1.5 = 7,250 words", () => {
    const withWords = (words: number) =>
      aPassingModel({ quality: { ...section(50, { Q1: 40, Q2: 30, Q3: 30 }, { minimumPercent: 40 }), criteria: ["Q1", "Q2", "Q3"].map((id, i) => ({ id, title: id, weight: [40, 30, 30][i], wordLimit: words })) } });
    expect(review(withWords(2500)).flags.filter((f) => f.code === "review.words-disproportionate").map(flagMessage)).toEqual([
      "the tender asks for up to 7,500 words of answers, more than the 7,250 words proportionate to a contract worth £150,000 a year (including VAT)",
    ]);
    expect(codesOf(review(withWords(2400)))).not.toContain("review.words-disproportionate");
  });

  it("review.regime, review.consider-lots and review.approval-route (advice)", () => {
    // £150,000 ex-VAT → £180,000 inc. VAT: below the £207,720 sub-central threshold.
    const below = review(aPassingModel(), { spec: { contract: { estimatedValue: 150000, includesVat: false, years: 1, extensionYears: 0 } } });
    expect(below.flags.filter((f) => f.code === "review.regime").map(flagMessage)).toEqual([
      "the estimated value £180,000 (the estimated £150,000 for the whole 1-year term, excluding VAT, with VAT at 20% added) is below the sub-central authority threshold of £207,720",
    ]);
    // The value says exactly what it includes: no "extensions" for a contract without any, and how they were counted when there are.
    const withExtensions = review(aPassingModel(), { spec: { contract: { estimatedValue: 1000000, includesVat: true, years: 3, extensionYears: 2 } } });
    expect(withExtensions.flags.filter((f) => f.code === "review.regime").map(flagMessage)).toEqual([
      "the estimated value £1,666,666.67 (the estimated £1,000,000 for the initial 3 years, including VAT, with the 2 optional extension years counted at the same yearly rate) is at or above the sub-central authority threshold of £207,720",
    ]);
    const plain = review(aPassingModel(), { spec: { contract: { estimatedValue: 300000, includesVat: true, years: 2, extensionYears: 0 } } });
    expect(plain.flags.filter((f) => f.code === "review.approval-route").map(flagMessage)).toEqual([
      "under the scheme of delegation in the review policy, a contract worth £300,000 (the estimated value of the whole 2-year term, including VAT) is approved by: Senior Leadership Team acting as the commissioning board (check it against your authority's own)",
    ]);
    expect(codesOf(below)).not.toContain("review.consider-lots");
    expect(below.flags.find((f) => f.code === "review.approval-route")?.args).toMatchObject({ approver: "Senior Leadership Team acting as the commissioning board" });
    const above = review(aPassingModel(), { spec: { contract: { estimatedValue: 300000, years: 1, extensionYears: 0 } } });
    expect(codesOf(above)).toContain("review.consider-lots");
    const withLots = review(aPassingModel(), { spec: { contract: { estimatedValue: 300000, years: 1, extensionYears: 0 }, lots: [{ id: "L1", title: "North" }] } });
    expect(codesOf(withLots)).not.toContain("review.consider-lots");
  });

  it("review.consider-reserved-contract (advice)", () => {
    const disabled = { serviceUsers: { description: "Disabled adults in the borough.", involvement: "Panel." } };
    expect(codesOf(review(aPassingModel(), { spec: disabled }))).toContain("review.consider-reserved-contract");
    expect(codesOf(review(aPassingModel(), { spec: { ...disabled, procedure: "reserved" } }))).not.toContain("review.consider-reserved-contract");
    expect(codesOf(review(aPassingModel()))).not.toContain("review.consider-reserved-contract");
  });
});

describe("with bids", () => {
  it("effective weight, worked by hand", () => {
    // Price 40 (proportional), quality 60 (Q1 only). A: £200, 5/5; B: £125, 4/5; C: £100, 3/5.
    // Quality points 60, 48, 36 → pairwise differences 12 + 24 + 12 = 48.
    // Price points 40×100/200 = 20, 40×100/125 = 32, 40 → differences 12 + 20 + 8 = 40.
    // Effective: price 40/88 = 500/11 % ≈ 45.5%, quality 600/11 % ≈ 54.5%; 45.5 < 1.5 × 40: no flag.
    const outcome = review(
      aPriceQualityModel(40),
      { bids: bidsFor([{ id: "A", price: 200, scores: { Q1: [5] } }, { id: "B", price: 125, scores: { Q1: [4] } }, { id: "C", price: 100, scores: { Q1: [3] } }]) },
    );
    const weights = Object.fromEntries(effectiveWeights(outcome.result!).map((w) => [w.section, w.effective.toFraction()]));
    expect(weights).toEqual({ quality: "600/11", price: "500/11" });
    expect(codesOf(outcome)).not.toContain("review.effective-weight");
  });

  it("review.effective-weight in both directions when quality does not separate the bids", () => {
    // All bids score 3/5: quality differences 0, so price makes 100% of the differences (> 1.5 × 40 = 60).
    const outcome = review(
      aPriceQualityModel(40),
      { bids: bidsFor([{ id: "A", price: 200, scores: { Q1: [3] } }, { id: "B", price: 125, scores: { Q1: [3] } }, { id: "C", price: 100, scores: { Q1: [3] } }]) },
    );
    const flags = outcome.flags.filter((f) => f.code === "review.effective-weight");
    expect(flags.map(flagMessage)).toEqual([
      "quality decides only 0% of the differences between bids' totals, against its published weight of 60% (less than its published weight divided by 1.5): it counts for far less in the outcome than the model publishes, because the bids score alike on it",
      "price decides 100% of the differences between bids' totals, against its published weight of 40% (more than 1.5 times): the arithmetic of the price method, not the bids' quality, is deciding the outcome",
    ]);
    expect(flags.map((f) => f.severity)).toEqual(["warning", "warning"]);
  });

  it("review.rank-reversal, worked by hand", () => {
    // Price 50 (lowest ÷ price), quality 50 (Q1). A: £100, 5/5; B: £75, 4/5; C: £50, 1/5.
    // With C: A = 50 + 50×50/100 = 75; B = 40 + 50×50/75 = 73.33; C = 10 + 50 = 60. A before B.
    // Without C the lowest is £75: A = 50 + 50×75/100 = 87.5; B = 40 + 50 = 90. B before A.
    const model = aPriceQualityModel(50);
    const outcome = review(model, { bids: bidsFor([{ id: "A", price: 100, scores: { Q1: [5] } }, { id: "B", price: 75, scores: { Q1: [4] } }, { id: "C", price: 50, scores: { Q1: [1] } }]) });
    expect(outcome.result!.bids.map((b) => [b.bidId, b.total.toFraction()])).toEqual([["A", "75"], ["B", "220/3"], ["C", "60"]]);
    expect(outcome.flags.filter((f) => f.code === "review.rank-reversal").map(flagMessage)).toEqual([
      "withdrawing Bidder C would reverse the order of Bidder A and Bidder B: their ranking depends on a third bid's price",
    ]);
    const stable = review(model, { bids: bidsFor([{ id: "A", price: 100, scores: { Q1: [5] } }, { id: "B", price: 75, scores: { Q1: [2] } }, { id: "C", price: 50, scores: { Q1: [1] } }]) });
    expect(codesOf(stable)).not.toContain("review.rank-reversal");
  });

  it("review.abnormally-low-price: Scotland's test", () => {
    // D £70,000; prices without the highest: 70, 100, 100 → average 90; 70 is 22.2% below it and 30% below £100.
    const lines = (d: number) =>
      ["A", "B", "C", "D"].map((id) => ({ id, price: id === "D" ? d : 100000, scores: { Q1: [3], Q2: [3], Q3: [3], SV1: [3], U1: [3] } }));
    const low = review(aPassingModel(), { bids: bidsFor(lines(70000)) });
    expect(low.flags.filter((f) => f.code === "review.abnormally-low-price").map(flagMessage)).toEqual([
      "Bidder D's price £70,000 is 22.2% below the average of all prices excluding the highest (£90,000) and 30% below the next lowest (£100,000): investigate before award and give the bidder the chance to show it can deliver",
    ]);
    // D £80,000: average of 80, 100, 100 = 93,333.33; 14.3% below: not abnormally low.
    expect(codesOf(review(aPassingModel(), { bids: bidsFor(lines(80000)) }))).not.toContain("review.abnormally-low-price");
  });

  it("review.below-threshold-reservation: below the threshold only, reserving something, and for central government SMEs only with an area", () => {
    const reserved = (reservation: object, contract = { estimatedValue: 150000, includesVat: true, years: 1, extensionYears: 0 }, authorityType: "central-government" | "sub-central" = "sub-central") =>
      review(aPassingModel(), { spec: { procedure: "reserved", reservation: { basis: "below-threshold", ...reservation }, contract, authorityType } as never }).flags.filter((f) => f.code === "review.below-threshold-reservation");
    // A council's £150,000 (including VAT) below the £207,720 sub-central threshold, reserved to local suppliers or to SMEs and VCSEs alone.
    expect(reserved({ area: "Surrey" })).toEqual([]);
    expect(reserved({ smallAndVoluntaryOnly: true })).toEqual([]);
    const above = reserved({ area: "Surrey" }, { estimatedValue: 250000, includesVat: true, years: 1, extensionYears: 0 });
    expect(above.map((f) => [f.severity, flagMessage(f)])).toEqual([
      ["error", "the contract is reserved as a below-threshold contract, but its estimated value £250,000 (the estimated value of the whole 1-year term, including VAT) is at or above the threshold of £207,720: only contracts below the threshold may be reserved to suppliers in an area or to SMEs and VCSEs"],
    ]);
    expect(reserved({}).map((f) => f.args.problem)).toEqual(["no-area-or-sme"]);
    // Central government: £130,000 is below its £135,018 threshold, but PPN 005 allows the SME and VCSE reservation only with a location one.
    const central = reserved({ smallAndVoluntaryOnly: true }, { estimatedValue: 130000, includesVat: true, years: 1, extensionYears: 0 }, "central-government");
    expect(central.map((f) => [f.severity, f.args.problem])).toEqual([["warning", "sme-without-area"]]);
  });

  it("review.abnormally-low-price compares only tenders still in contention", () => {
    // As above, with E at £60,000 excluded (quality 0 of 5, below the section minimum of 40%). Counting E
    // would make the average 82.5 and D's next lowest £60,000, hiding D; E itself is no longer competing.
    const scores = (q: number) => ({ Q1: [q], Q2: [q], Q3: [q], SV1: [3], U1: [3] });
    const bids = bidsFor([
      ...["A", "B", "C"].map((id) => ({ id, price: 100000, scores: scores(3) })),
      { id: "D", price: 70000, scores: scores(3) },
      { id: "E", price: 60000, scores: scores(0) },
    ]);
    const outcome = review(aPassingModel(), { bids });
    expect(outcome.result!.bids.find((b) => b.bidId === "E")!.status).toBe("excluded");
    expect(outcome.flags.filter((f) => f.code === "review.abnormally-low-price").map(flagMessage)).toEqual([
      "Bidder D's price £70,000 is 22.2% below the average of all prices excluding the highest (£90,000) and 30% below the next lowest (£100,000): investigate before award and give the bidder the chance to show it can deliver",
    ]);
  });

  it("review.moderation-share-high and review.evaluator-outlier", () => {
    // E3 scores 2 points below E1 and E2 on every answer: spread 2 > 1.5 on all 5... (user panel excluded from offsets).
    const scores = (a: number, b: number, c: number) => ({ Q1: [a, b, c], Q2: [a, b, c], Q3: [a, b, c], SV1: [a, b, c], U1: [4] });
    const skewed = review(aPassingModel(), {
      bids: bidsFor([{ id: "A", price: 100000, scores: scores(4, 4, 2) }, { id: "B", price: 100000, scores: scores(5, 5, 3) }, { id: "C", price: 100000, scores: scores(3, 3, 1) }], { evaluators: 3 }),
    });
    expect(codesOf(skewed)).toContain("review.moderation-share-high");
    // E3's offset: 2 − 4 = −2 on each answer → −2 ÷ 5 = −40% of the scale; E1 and E2: (4 − 3) ÷ 5 = +20%.
    expect(skewed.flags.filter((f) => f.code === "review.evaluator-outlier").map((f) => [f.args.evaluator, f.args.offset.toFraction(), f.args.direction])).toEqual([
      ["E1", "20", "above"],
      ["E2", "20", "above"],
      ["E3", "40", "below"],
    ]);
    expect(skewed.flags.filter((f) => f.code === "review.evaluator-outlier").map(flagMessage)[2]).toBe(
      "evaluator E3 scores on average 40% of the scale below the other evaluators (limit 20%)",
    );
    const agreeing = review(aPassingModel(), { bids: bidsFor([{ id: "A", price: 100000, scores: scores(4, 4, 3) }, { id: "B", price: 100000, scores: scores(3, 4, 3) }, { id: "C", price: 100000, scores: scores(3, 3, 3) }], { evaluators: 3 }) });
    expect(codesOf(agreeing).filter((c) => c === "review.moderation-share-high" || c === "review.evaluator-outlier")).toEqual([]);
  });

  it("review.weak-justification: short, or paraphrasing the criterion", () => {
    const line = (justification: string) => bidsFor([{ id: "A", price: 100000, scores: { Q1: [3], Q2: [3], Q3: [3], SV1: [3], U1: [3] }, justification }, { id: "B", price: 100000, scores: { Q1: [3], Q2: [3], Q3: [3], SV1: [3], U1: [3] } }]);
    const short = review(aPassingModel(), { bids: line("Good answer.") });
    expect(short.flags.filter((f) => f.code === "review.weak-justification").map(flagMessage)[0]).toBe(
      "the justification E1 gave Bidder A for Q1 is only 2 words long; it may not defend the score if challenged",
    );
    const parrot = review(aPassingModel(), { bids: line("The criterion Q1 criterion criterion Q1 criterion criterion Q1 criterion.") });
    expect(parrot.flags.filter((f) => f.code === "review.weak-justification").map((f) => f.args.reason)[0]).toBe("repeats-criterion");
    expect(parrot.flags.filter((f) => f.code === "review.weak-justification").map(flagMessage)[0]).toMatch(/ mostly repeats the criterion or the scale descriptor \(\d+% of its words\); /);
    expect(codesOf(review(aPassingModel(), { bids: cleanBids }))).not.toContain("review.weak-justification");
  });

  it("review.reserved-eligibility (error) and review.reserved-eligibility-undeclared", () => {
    const lines = [
      { id: "A", price: 100000, workforce: 45, scores: { Q1: [3], Q2: [3], Q3: [3], SV1: [3], U1: [3] } },
      { id: "B", price: 100000, workforce: 20, scores: { Q1: [3], Q2: [3], Q3: [3], SV1: [3], U1: [3] } },
      { id: "C", price: 100000, scores: { Q1: [3], Q2: [3], Q3: [3], SV1: [3], U1: [3] } },
    ];
    const outcome = review(aPassingModel(), { spec: { procedure: "reserved" }, bids: bidsFor(lines) });
    expect(outcome.flags.filter((f) => f.code.startsWith("review.reserved-eligibility")).map((f) => [f.code, f.severity, (f.args as { bidder: string }).bidder])).toEqual([
      ["review.reserved-eligibility", "error", "Bidder B"],
      ["review.reserved-eligibility-undeclared", "warning", "Bidder C"],
    ]);
    expect(codesOf(review(aPassingModel(), { bids: bidsFor(lines) })).filter((c) => c.startsWith("review.reserved-eligibility"))).toEqual([]);
  });

  it("review.user-panel-identity (error)", () => {
    const named = bidsFor([{ id: "A", price: 100000, scores: { Q1: [3], Q2: [3], Q3: [3], SV1: [3], U1: [3] } }], { userPanel: ["jane.smith"] });
    expect(review(aPassingModel(), { bids: named }).flags.find((f) => f.code === "review.user-panel-identity")).toMatchObject({ severity: "error", args: { member: "jane.smith" } });
    expect(codesOf(review(aPassingModel(), { bids: cleanBids }))).not.toContain("review.user-panel-identity");
  });
});

describe("the policy", () => {
  it("an authority's own policy changes the thresholds", () => {
    const strict = { ...defaultPolicy(), socialValue: { ...defaultPolicy().socialValue, minimumPercent: 20 } };
    expect(codesOf(review(aPassingModel(), { policy: strict }))).toContain("review.social-value-below-minimum");
  });
});
