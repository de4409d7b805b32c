import { z } from "zod";
import { PriceMethod, ScoringModel, SectionKind, TieBreakRule } from "../../model/scoring-model.js";
import type { TenderResult } from "../../scoring/result.js";
import { ExactJson, header, ProblemsJson, WeightUnits } from "./common.js";
import type { JsonOf } from "./flags.js";

const percent = (what: string) => ExactJson.describe(`${what}, in percent`);
const points = (what: string) => ExactJson.describe(`${what}, in points of the total (out of 100)`);
const pounds = (what: string) => ExactJson.describe(`${what}, in pounds`);
const unrounded = ExactJson.exactOptional().describe("The exact points before the scoring model's rounding rule, present only where the rule changed them");
const section = z.string().describe("The section's key in the scoring model: quality, socialValue, userPanel or a further section's id, e.g. fairWork");

const CriterionJson = z.strictObject({
  criterionId: z.string().describe("The criterion's id in the scoring model"),
  title: z.string().describe("The criterion's title"),
  weightInSection: percent("The criterion's weight within its section"),
  availablePoints: points("The points the criterion is worth: section weight × weight in section ÷ 100"),
  scaleMax: ExactJson.describe("The top of the criterion's scale"),
  noPointsAt: ExactJson.describe("The score that earns no points: 0, or the scale's lowest when the scale is normalised from its lowest"),
  evaluatorScores: z
    .array(
      z.strictObject({
        evaluatorId: z.string().describe("The evaluator's id in the bids file"),
        score: ExactJson.describe("The evaluator's score"),
        justification: z.string().describe("The evaluator's reason for the score"),
      }),
    )
    .describe("Each evaluator's score and reason; always empty for the user panel's criteria (their combined score only is published)"),
  panelMembers: z.int().exactOptional().describe("User panel only: how many members' scores make up the combined score"),
  combined: ExactJson.describe("The combined score the points come from"),
  basis: z.enum(["moderated", "mean", "median"]).describe("How the combined score was reached: moderated (agreed by the panel), mean or median"),
  combinationMethod: z.enum(["consensus", "mean", "median"]).describe("The scoring model's combination method for the section"),
  spread: ExactJson.describe("Highest minus lowest evaluator score"),
  tolerance: ExactJson.describe("The spread above which the panel must moderate"),
  needsModeration: z.boolean().describe("Whether the panel must still agree a score"),
  moderationCause: z.enum(["scores-differ", "decides-exclusion"]).exactOptional().describe("While moderation is needed: why (the scores differ beyond the tolerance, or the score would exclude the bid)"),
  moderation: z
    .strictObject({ score: ExactJson.describe("The agreed score"), reason: z.string().describe("The panel's reason for it") })
    .exactOptional()
    .describe("The score the panel agreed at moderation, if it did"),
  points: points("The criterion's points: (combined − noPointsAt) ÷ (scaleMax − noPointsAt) × availablePoints, rounded if the model's rounding rule is of criteria"),
  unroundedPoints: unrounded,
});

const SectionJson = z.strictObject({
  section,
  kind: SectionKind.describe("What the section is: quality, social-value, user-panel (scored by the user panel) or other; the known keys have theirs implicitly"),
  title: z.string().describe("The section's title (its own, or the usual one: Quality, Social value, User panel)"),
  weight: percent("The section's weight"),
  points: points("The section's points"),
  unroundedPoints: unrounded,
  percentOfSection: percent("The section's points as a share of its weight, for section thresholds"),
  criteria: z.array(CriterionJson).describe("The section's criteria, in the scoring model's order"),
});

const PriceJson = z.strictObject({
  basis: z.enum(["years", "total", "discount"]).describe("What was scored: the sum of the yearly prices, one whole-life total, or a discount on the base price"),
  years: z.array(pounds("A year's price")).describe("The price of each year of the initial term, in pounds (empty when the bid gave only a total or a discount)"),
  extensionYears: z.array(pounds("A year's price")).describe("The price of each optional extension year, in pounds"),
  includesExtensionYears: z.boolean().describe("Whether the whole-life price counts the extension years"),
  wholeLifeCost: pounds("The whole-life price that is scored"),
  points: points("The price points").exactOptional().describe("The price points, in points of the total; absent when the bid was excluded before price was scored, or under price per quality point"),
  unroundedPoints: unrounded,
  variables: z.record(z.string(), ExactJson).describe("The figures the price method used for this bid, by the name the formula gives them (price, lowest, maxPoints, …)"),
  pricePerQualityPoint: pounds("Under price per quality point: the price divided by the quality score").exactOptional(),
  discountPercent: percent("Under a discount method: the discount offered on the base price").exactOptional(),
  awardValue: ExactJson.exactOptional().describe("Under an award-on-value method, the figure the award rests on: pounds per quality point, guide value (quality points per pound) or fictional price (pounds); absent for a bid not ranked"),
  withinBand: z.boolean().exactOptional().describe("Extended guide value only: whether the bid's guide value is within the band below the best"),
  deductions: z.record(z.string(), ExactJson).exactOptional().describe("Fictional price only: the sum deducted from the price for each criterion, in pounds, by criterion id"),
});

const Exclusion = z.discriminatedUnion("rule", [
  z.strictObject({ rule: z.literal("gate-failed").describe("It failed a pass/fail gate"), gateId: z.string().describe("The gate's id"), gateTitle: z.string().describe("The gate's title") }),
  z.strictObject({ rule: z.literal("disregarded-abnormally-low").describe("The bids file records it as disregarded after an abnormally-low-price investigation (Procurement Act 2023 s.19)") }),
  z.strictObject({
    rule: z.literal("below-criterion-minimum").describe("A criterion's combined score is below its minimum"),
    criterionId: z.string().describe("The criterion's id"),
    criterionTitle: z.string().describe("The criterion's title"),
    score: ExactJson.describe("The combined score"),
    minimum: ExactJson.describe("The criterion's minimum score"),
  }),
  z.strictObject({
    rule: z.literal("below-section-minimum").describe("A section's points are below its minimum share"),
    section,
    sectionTitle: z.string().describe("The section's title"),
    percent: percent("Its points as a share of the section's weight"),
    minimumPercent: percent("The minimum share: of the section's weight (below-section-minimum), or of the workforce (workforce-share-undeclared)"),
  }),
  z.strictObject({ rule: z.literal("above-budget").describe("Its whole-life price is above the budget"), wholeLifeCost: pounds("Its whole-life price"), budget: pounds("The budget") }),
  z.strictObject({ rule: z.literal("not-scored").describe("No evaluator scored an answer (only with --allow-incomplete)"), criterionId: z.string().describe("The criterion's id"), criterionTitle: z.string().describe("The criterion's title") }),
  z.strictObject({ rule: z.literal("workforce-share-undeclared").describe("A reserved contract: it has not declared its share of disabled or disadvantaged workers"), minimumPercent: percent("The minimum share: of the section's weight (below-section-minimum), or of the workforce (workforce-share-undeclared)") }),
]);

const BidJson = z.strictObject({
  bidId: z.string().describe("The bid's id in the bids file: the key to use for the bid everywhere"),
  bidder: z.string().describe("The bidder's name, for people"),
  organisationType: z.string().exactOptional().describe("The kind of organisation, as the bids file gives it"),
  status: z.enum(["ranked", "excluded"]).describe("ranked, or excluded (see exclusions)"),
  exclusions: z.array(Exclusion).describe("Why the bid is excluded; empty when it is ranked"),
  provisional: z.boolean().describe("Some of its scores still await moderation, so its total and rank may change"),
  sections: z.array(SectionJson).describe("Its scored sections (price is under price)"),
  price: PriceJson.exactOptional().describe("Its price and price points, when the model has a price section"),
  total: points("The bid's total").describe("Its total points out of 100 (under price per quality point: the quality score out of 100)"),
  rank: z.int().nullable().describe("Its rank, 1 first; null when excluded"),
  tiedWith: z.array(z.string()).describe("The ids of other bids sharing its rank after every tie-break rule"),
});

export const LotJson = z
  .strictObject({
    id: z.string().describe("The lot's id in the specification, e.g. L1"),
    title: z.string().describe("The lot's title"),
    estimatedValue: z.number().exactOptional().describe("The lot's estimated value in pounds, when the specification gives it"),
    weights: z.record(z.string(), z.number()).exactOptional().describe("The lot's own section weights, by section key, when the specification gives them in place of the scoring model's"),
  })
  .describe("A lot of the tender, as the specification lists it");

export const ResultJson = z.strictObject({
  tender: z.strictObject({ title: z.string().describe("The tender's title"), reference: z.string().describe("The tender's reference"), authority: z.string().describe("The contracting authority") }).describe("The tender, from the specification"),
  lot: LotJson.exactOptional().describe("For a tender in lots: the lot these results are for (each lot is scored and ranked among its own bids)"),
  model: z.strictObject({ id: z.string().describe("The scoring model's id"), title: z.string().describe("Its title"), version: z.string().describe("Its version") }).describe("The scoring model used"),
  rankingBasis: z
    .enum(["total-points", "price-per-quality-point", "guide-value", "extended-guide-value", "fictional-price"])
    .describe("What the ranking is on: total points (highest first), price per quality point (lowest first), guide value (highest first; the extended method within its band) or fictional price (lowest first)"),
  bids: z.array(BidJson).describe("Every bid, each named by its bidId: ranked bids in rank order (ties by bidder name), then excluded bids"),
  winners: z.array(z.string()).describe("The id of the bid ranked first (several when they are still tied)"),
  ties: z
    .array(
      z.strictObject({
        bidIds: z.array(z.string()).describe("The ids of the bids that had equal totals"),
        brokenBy: TieBreakRule.nullable().describe("The first tie-break rule that separated any of them, or null if they still share a rank"),
      }),
    )
    .describe("Equal totals, and how each was resolved"),
  moderationNeeded: z
    .array(
      z.strictObject({
        bidId: z.string().describe("The bid's id"),
        criterionId: z.string().describe("The criterion's id"),
        spread: ExactJson.describe("Highest minus lowest evaluator score"),
        tolerance: ExactJson.describe("The tolerance it exceeds"),
      }),
    )
    .describe("Answers the panel must still moderate"),
  rounding: ScoringModel.shape.rounding.unwrap().exactOptional().describe("The scoring model's published rule for rounding points, when it has one"),
  band: z
    .strictObject({
      percent: percent("The band below the best guide value"),
      best: ExactJson.describe("The best (highest) guide value"),
      lowerBound: ExactJson.describe("best × (1 − percent ÷ 100): a guide value at or above this is within the band"),
      decidedBy: z.enum(["highest-quality", "lowest-price"]).describe("What decides between the bids within the band"),
      bidIds: z.array(z.string()).describe("The bids within the band, in rank order"),
    })
    .exactOptional()
    .describe("Extended guide value only: the fluctuation band and the bids within it"),
  price: z
    .strictObject({
      method: PriceMethod.describe("The price method, as the scoring model gives it"),
      description: z.strictObject({ name: z.string().describe("The method's name, as guidance names it"), formula: z.string().describe("The formula in words") }).describe("The method in words"),
      maxPoints: points("The price section's weight: the most points price can earn"),
      includesExtensionYears: z.boolean().describe("Whether whole-life prices count the extension years"),
      lowest: pounds("The lowest whole-life price scored").exactOptional(),
      highest: pounds("The highest whole-life price scored").exactOptional(),
      mean: pounds("The mean whole-life price").exactOptional(),
      median: pounds("The median whole-life price").exactOptional(),
      budget: pounds("The budget").exactOptional(),
      base: pounds("Under a discount method: the base price the discounts are offered on").exactOptional(),
      highestDiscount: percent("Under a discount method: the highest discount offered by a bid in contention").exactOptional(),
      meanDiscount: percent("Under a discount method: the mean discount offered by the bids in contention").exactOptional(),
    })
    .exactOptional()
    .describe("How price was scored, when the model has a price section"),
});

// The published shape is exactly the scoring result as JSON (a compile-time check, both ways).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const resultShapeMatches: Same<z.output<typeof ResultJson>, JsonOf<TenderResult>> = true;

export const ResultsOutput = z
  .strictObject({
    ...header("results"),
    tool: z.strictObject({ name: z.literal("tender-eval").describe("Always tender-eval"), version: z.string().describe("The version of tender-eval that wrote it") }).describe("What wrote the results"),
    units: WeightUnits,
    roundingNote: z.string().describe("How the numbers are rounded, in words (exact, or the model's rounding rule)"),
    inputs: z
      .array(z.strictObject({ file: z.string().describe("The input file's name"), sha256: z.string().describe("Its SHA-256 hash, in hexadecimal") }))
      .describe("The files the results were computed from, each with its hash, so an auditor can check they are the ones on file"),
    warnings: ProblemsJson.describe("Problems found while scoring that did not stop it"),
    result: ResultJson.describe("The scored tender"),
  })
  .describe("results.json, written by tender-eval score (and printed by score --json): every bid's scores, points, exclusions and rank");
