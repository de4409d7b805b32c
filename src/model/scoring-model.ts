import { z } from "zod";
import { Id, Money, NonEmptyText, Percent, Weight } from "./common.js";
import { Measure } from "./measure.js";

export const Scale = z.strictObject({
  title: NonEmptyText.describe("The scale's name, as shown on score sheets"),
  /** Allowed scores, lowest first, e.g. [0, 1, 2, 3, 4, 5] or [0, 25, 50, 75, 100]. */
  values: z.array(z.number().nonnegative()).min(2).describe("Allowed scores, lowest first, e.g. [0, 1, 2, 3, 4, 5] or [0, 25, 50, 75, 100]"),
  /** What each score means, keyed by the score, e.g. "0": "No response". */
  descriptors: z.record(z.string(), NonEmptyText).default({}).describe("What each score means, keyed by the score, e.g. \"0\": \"No response\""),
  /**
   * How a score becomes a share of the criterion's points. On a 1–5 scale, score ÷ top gives the lowest
   * mark 20% of the points; some buyers publish (score − lowest) ÷ (top − lowest) so it earns none.
   */
  normalise: z
    .enum(["from-zero", "from-lowest"])
    .default("from-zero")
    .describe("How a score becomes points: from-zero (score ÷ top score, so on a 1–5 scale a 1 earns 20% of the points) or from-lowest ((score − lowest) ÷ (top − lowest), so the lowest score earns none)"),
});
export type Scale = z.infer<typeof Scale>;

export const CombinationMethod = z.enum(["consensus", "mean", "median"]);
export type CombinationMethod = z.infer<typeof CombinationMethod>;

export const Combination = z.strictObject({
  method: CombinationMethod.describe("How evaluators' scores are combined: consensus (agreed at moderation; the mean within tolerance), mean or median"),
  /** Largest spread (highest − lowest evaluator score, in scale points) accepted without moderation. */
  tolerance: z.number().nonnegative().optional().meta({ examples: [1.5] }).describe("Largest spread between evaluators' scores accepted without moderation, in points of the section's scale; a criterion on its own scale gets the same share of its own range (default: 30% of the scale's range)"),
});
export type Combination = z.infer<typeof Combination>;

export const Criterion = z.strictObject({
  id: Id.describe("The criterion's id, e.g. Q1; bids and score sheets refer to it"),
  title: NonEmptyText.describe("The criterion's short title"),
  question: z.string().optional().describe("The question bidders answer, in full"),
  /** Share of the section: a percentage, or points of the total the section states in criteriaWeightsOutOf. */
  weight: Weight.describe("Share of the section: in percent (the section's criteria add up to 100), or in points of the total the section gives as criteriaWeightsOutOf (e.g. 60, 40 and 30 of 130)"),
  scale: Id.optional().describe("The id of a scale defined under scales, when this criterion is marked on its own scale rather than the section's (e.g. one criterion out of 10 in a section marked 0–5)"),
  measure: Measure.optional().describe(
    "For a quantitative criterion that is not price (response hours, delivery days, a performance figure): how each bid's figure earns points, by interpolation between a stated best and worst figure or against the best offer. Such a criterion is not scored by evaluators; each bid states its figure under figures",
  ),
  /** A combined score below this excludes the bid. */
  minimumScore: z.number().nonnegative().optional().describe("A combined score below this excludes the bid"),
  justificationRequired: z.boolean().default(true).describe("Every score must have a justification (default true)"),
  wordLimit: z.int().positive().optional().meta({ examples: [500] }).describe("Word limit for the answer; used by the proportionality review"),
});
export type Criterion = z.infer<typeof Criterion>;

export const ScoredSection = z.strictObject({
  title: NonEmptyText.optional().describe("The section's title, if not the usual one"),
  /** Share of the total score: a percentage, or points of the model's sectionWeightsOutOf. */
  weight: Weight.describe("Share of the total score: in percent (the sections add up to 100), or in points of the total the model gives as sectionWeightsOutOf"),
  scale: Id.describe("The id of a scale defined under scales: the scale of every criterion that does not name its own"),
  criteriaWeightsOutOf: Weight.positive()
    .optional()
    .describe("What the criteria's weights add up to, when they are points rather than percentages (e.g. 130 for 60, 40 and 30); each criterion's share is its weight ÷ this total, exactly (default 100)"),
  /** The bid is excluded if it earns less than this share of the section's available points. */
  minimumPercent: Percent.optional().describe("A bid earning less than this share of the section's points is excluded"),
  combination: Combination.optional().describe("How this section's scores are combined, if not as the model's combination says"),
  criteria: z.array(Criterion).min(1).describe("The section's criteria (questions)"),
});
export type ScoredSection = z.infer<typeof ScoredSection>;

export const PriceMethod = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("proportional") }),
  z.strictObject({ type: z.literal("linear-interpolation") }),
  z.strictObject({ type: z.literal("deviation-from-lowest") }),
  z.strictObject({ type: z.literal("budget-ceiling"), budget: Money.positive().describe("The budget in pounds: a price above it is excluded") }),
  z.strictObject({ type: z.literal("price-per-quality-point") }),
  // Award on value (src/scoring/award-on-value.ts): price earns no points; the award rule itself weighs price against quality.
  z.strictObject({ type: z.literal("guide-value") }),
  z.strictObject({
    type: z.literal("extended-guide-value"),
    bandPercent: z.number().positive().max(50).meta({ examples: [5] }).describe("With extended-guide-value: the fluctuation band, in percent below the best guide value; bids within it are compared on decidedBy"),
    decidedBy: z.enum(["highest-quality", "lowest-price"]).describe("With extended-guide-value: what decides between the bids within the band: highest-quality (the highest quality score) or lowest-price (the lowest whole-life price)"),
  }),
  z.strictObject({
    type: z.literal("fictional-price"),
    values: z
      .record(Id, Money.positive())
      .meta({ examples: [{ Q1: 50000, Q2: 30000 }] })
      .describe("With fictional-price: for every scored criterion, by id, the sum in pounds deducted from the price for its top score; a lower score deducts the same share of it as it earns of the criterion's points"),
  }),
  z.strictObject({
    type: z.literal("logarithmic"),
    multiple: z
      .number()
      .gt(1)
      .max(100)
      .meta({ examples: [2] })
      .describe("With the logarithmic formula: A, the multiple of the lowest price that earns no price points, e.g. 2 (a price twice the lowest or more earns none); 1.5, 2 or 3 in practice"),
  }),
  z.strictObject({
    type: z.literal("discount-ratio"),
    base: Money.positive().describe("With a discount method: the base price in pounds on which bidders offer a percentage discount; a bid's whole-life price is the base less its discount"),
  }),
  z.strictObject({
    type: z.literal("discount-bilinear"),
    base: Money.positive().describe("With a discount method: the base price in pounds on which bidders offer a percentage discount; a bid's whole-life price is the base less its discount"),
    coefficient: z
      .number()
      .gt(0)
      .lt(1)
      .meta({ examples: [0.85] })
      .describe("With the bilinear formula: X, the share of the points earned by a discount equal to the mean discount, e.g. 0.80, 0.85 or 0.90"),
  }),
  z.strictObject({
    type: z.literal("custom"),
    formula: z.string().trim().min(1).max(500).describe("With a custom method: the formula for price points (see README, Price methods)"),
    description: NonEmptyText.describe("With a custom method: the formula in words, for the evaluation report and bidders"),
    budget: Money.positive().optional().describe("The budget in pounds: a price above it is excluded"),
  }),
]);
export type PriceMethod = z.infer<typeof PriceMethod>;
export type PriceMethodType = PriceMethod["type"];

export const PriceSection = z.strictObject({
  title: NonEmptyText.optional().describe("The section's title, if not Price"),
  weight: Weight.describe(
    "Share of the total score: in percent, or in points of the model's sectionWeightsOutOf (0 under price per quality point, guide value, extended guide value and fictional price)",
  ),
  method: PriceMethod.describe(
    "How price is scored: proportional, linear-interpolation, deviation-from-lowest, budget-ceiling, logarithmic, discount-ratio, discount-bilinear, price-per-quality-point, guide-value, extended-guide-value, fictional-price or custom",
  ),
  /** Whole-life cost includes the optional extension years. */
  includeExtensionYears: z.boolean().default(false).describe("Whole-life price includes the optional extension years"),
  vatBasis: z
    .enum(["excluding-vat", "including-vat"])
    // Optional rather than defaulted: a default would change every model's hash and so turn every score sheet already sent out of date.
    .optional()
    .describe("How bidders enter their prices: excluding-vat (the default, so that bidders who are and are not VAT-registered are compared alike) or including-vat; the price schedule says which"),
  // Optional rather than defaulted, as vatBasis: a default would change every model's hash.
  priceSchedule: z
    .enum(["yearly", "total"])
    .optional()
    .describe("How the price schedule asks for the price: yearly (the default: a price for each year, the whole-life price being their sum) or total (one whole-life total, with no yearly breakdown); the bids file accepts either. Not used by the discount methods, whose schedule asks for a discount"),
  priceCovers: NonEmptyText.optional().describe(
    "What each year's price must cover, as the price schedule tells bidders, e.g. all staff, management, training, premises, travel, equipment and overheads (default: everything needed to deliver the service as specified)",
  ),
});
export type PriceSection = z.infer<typeof PriceSection>;

export const ScoredSectionKey = z.enum(["quality", "socialValue", "userPanel"]);
/** The three scored sections every model has always been able to name; each has an implicit kind and title. */
export type KnownSectionKey = z.infer<typeof ScoredSectionKey>;
/**
 * A scored section's key in `sections`: one of the known three, or the id of a further section (e.g.
 * fairWork). Strings, so that further sections flow through scoring, the review and the what-if alike.
 */
export type ScoredSectionKey = string;
export type SectionKey = ScoredSectionKey;

/**
 * What a scored section is, for the review's rules: the user-panel share, quality against price and the
 * social value weight each add up every section of their kind. A user-panel section is scored by the user panel.
 */
export const SectionKind = z.enum(["quality", "social-value", "user-panel", "other"]);
export type SectionKind = z.infer<typeof SectionKind>;

/** A scored section beyond the known three: the same fields, with a title and a kind it must state. */
export const FurtherSection = ScoredSection.extend({
  title: NonEmptyText.describe("The section's title, as documents, score sheets and the results show it, e.g. Fair work practices"),
  kind: SectionKind.describe(
    "What the section is, for the review and for who scores it: quality, social-value, user-panel (scored by the user panel, whose anonymity rules apply) or other",
  ),
}).describe("A further scored section, under an id of your choosing (e.g. fairWork): the fields of a scored section, with a title and a kind");
export type FurtherSection = z.infer<typeof FurtherSection>;

/**
 * Validated as a FurtherSection, but typed as any section: TypeScript would otherwise check the known keys
 * (price, quality, …) against the further sections' shape whenever a model is written as an object literal.
 * Code reaches further sections through scoredSections (sections.ts), which narrows on `kind`.
 */
const FurtherSectionEntry = FurtherSection as unknown as z.ZodType<
  FurtherSection | ScoredSection | PriceSection | undefined,
  z.input<typeof FurtherSection> | z.input<typeof ScoredSection> | z.input<typeof PriceSection> | undefined
>;

export const KnownTieBreakRule = z.enum([
  "highest-quality",
  "highest-social-value",
  "highest-user-panel",
  "lowest-price",
]);
export type KnownTieBreakRule = z.infer<typeof KnownTieBreakRule>;
/** "highest-" and a further section's id (highest-fairWork): the higher points in that section win. */
export const SectionTieBreakRule = z
  .templateLiteral(["highest-", z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/)])
  .describe("highest- followed by a further section's id, e.g. highest-fairWork: the higher points in that section");
export const TieBreakRule = z.union([KnownTieBreakRule, SectionTieBreakRule]);
export type TieBreakRule = z.infer<typeof TieBreakRule>;

export const ScoringModel = z
  .strictObject({
    id: Id.describe("The model's id; score sheets record it"),
    title: NonEmptyText.describe("The model's title"),
    version: z.union([z.string(), z.number()]).transform(String).describe("The model's version: change it when the model changes after score sheets went out"),
    description: z.string().optional().describe("What the model is for, in a sentence or two"),
    scales: z.record(Id, Scale).describe("The scoring scales, each under an id the sections refer to"),
    sections: z
      .strictObject({
        price: PriceSection.optional().describe("The price section"),
        quality: ScoredSection.optional().describe("The quality section, scored by evaluators"),
        socialValue: ScoredSection.optional().describe("The social value section, scored by evaluators"),
        userPanel: ScoredSection.optional().describe("The section scored by the user panel (people who use the service)"),
      })
      // Further scored sections under any other id (e.g. fairWork), each with its title and kind. The known
      // keys keep their schema, so every existing model parses, and hashes, as before.
      .catchall(FurtherSectionEntry)
      .describe(
        "The sections and their weights, which add up to 100 (or to sectionWeightsOutOf): price, quality, socialValue and userPanel, and further scored sections under an id of your choosing (letters and digits, starting with a letter, e.g. fairWork), each with a title and a kind",
      ),
    sectionWeightsOutOf: Weight.positive()
      .optional()
      .describe("What the sections' weights add up to, when they are points rather than percentages (e.g. 130); each section's share of the total score is its weight ÷ this total, exactly (default 100)"),
    gates: z
      .array(
        z.strictObject({
          id: Id.describe("The gate's id; bids record pass or fail under it"),
          title: NonEmptyText.describe("The gate's title, e.g. Insurance"),
          description: z.string().optional().describe("What a bid must show to pass"),
        }),
      )
      .default([])
      .describe("Pass/fail requirements: a bid that fails one is excluded"),
    combination: Combination.default({ method: "consensus" }).describe("How evaluators' scores are combined in every section, unless a section says otherwise"),
    /**
     * A rounding rule the buyer publishes as part of the award method (whole marks, two decimal places),
     * as some UK and Scottish buyers do. It changes the points, so it is part of the model and stated in
     * every document; without it points stay exact and are rounded only for display.
     */
    rounding: z
      .strictObject({
        step: z.number().positive().describe("The step points are rounded to, half up: 1 for whole marks, 0.01 for two decimal places, 0.5 for half marks"),
        of: z
          .enum(["criterion", "section"])
          .default("criterion")
          .describe("What is rounded: each criterion's points and the price points (criterion), or each section's points and the price points (section); the total is the sum of the rounded figures"),
      })
      .optional()
      .describe("A published rule for rounding points (half up, to a step); without it points are exact and rounded only for display"),
    /** Applied in order to bids with equal totals; bids still equal share the rank. */
    tieBreak: z
      .array(TieBreakRule)
      .default([])
      .describe("Rules applied in order to equal totals: the higher points in a section (a further section's too), or the lower price; bids still equal share the rank"),
  })
  .describe("tender-eval scoring model: sections, weights, scales, thresholds and the price method");

export type ScoringModel = z.infer<typeof ScoringModel>;
export type ScoringModelInput = z.input<typeof ScoringModel>;

/** The three known scored-section keys only; a model's own sections (further ones too) come from scoredSections (sections.ts). */
export const scoredSectionKeys: readonly KnownSectionKey[] = ScoredSectionKey.options;

export const sectionTitles: Record<KnownSectionKey | "price", string> = {
  price: "Price",
  quality: "Quality",
  socialValue: "Social value",
  userPanel: "User panel",
};
