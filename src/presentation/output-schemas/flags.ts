import { z } from "zod";
import type { Exact } from "../../arithmetic/exact.js";
import type { FlagArgsByCode, FlagCode } from "../../problems/problem.js";
import { ExactJson } from "./common.js";

/** A value as `toJsonValue` writes it: every exact number becomes `{ value, exact }`. */
export type JsonOf<T> = T extends Exact ? z.output<typeof ExactJson> : T extends readonly (infer U)[] ? JsonOf<U>[] : T extends object ? { [K in keyof T]: JsonOf<T[K]> } : T;

const bidId = (what: string) => z.string().describe(`${what}: the bid's id in the bids file (use it, not the name, to find the bid)`);
const bidder = (what: string) => z.string().describe(`${what}: the bidder's name, for people`);
const percent = (what: string) => z.number().describe(`${what}, in percent`);
const exactPercent = (what: string) => ExactJson.describe(`${what}, in percent`);
const pounds = (what: string) => ExactJson.describe(`${what}, in pounds`);
const named = z.strictObject({ id: z.string().describe("The id in the scoring model"), title: z.string().describe("The title in the scoring model") });

const ValueBasis = z
  .strictObject({
    stated: pounds("The estimated value the specification states for the initial term"),
    years: z.int().describe("Years of the initial term"),
    extensionYears: z.int().describe("Optional extension years added at the same yearly rate"),
    includesVat: z.boolean().describe("Whether the stated value includes VAT"),
    vatRatePercent: z.number().describe("The VAT rate used to compare with thresholds that include VAT, in percent"),
  })
  .describe("What the contract value is made of, from the specification");

/**
 * Every review flag's `args`, by code. The type check below holds each to the flag's own arguments in
 * src/problems/problem.ts, so a new flag cannot ship without its published shape. Bids are named by id
 * (`bidId`, `…BidId`), with the bidder's name beside it for people.
 */
export const flagArgs = {
  "review.token-weight": z.strictObject({
    section: z.string().describe("The section's key, or the section the criterion is in"),
    sectionTitle: z.string().describe("The section's title"),
    criterion: named.exactOptional().describe("The criterion, when the flag is about one criterion rather than the whole section"),
    swing: ExactJson.describe("Points between the lowest and highest score on its scale"),
    step: ExactJson.describe("Points one scale step is worth on the heaviest criterion"),
    heaviest: named.describe("The heaviest criterion"),
    outcome: z
      .strictObject({
        overtaken: z
          .strictObject({
            aheadBidId: bidId("The bid it put ahead"),
            ahead: bidder("The bid it put ahead"),
            behindBidId: bidId("The bid that would otherwise have been ahead"),
            behind: bidder("The bid that would otherwise have been ahead"),
          })
          .exactOptional()
          .describe("The first pair of bids whose order it decided; absent when it decided no place"),
      })
      .exactOptional()
      .describe("With scored bids: what re-ranking without it showed; absent without bids"),
  }),
  "review.price-weight-above-policy": z.strictObject({ weight: percent("Price's weight"), maximum: percent("The policy's maximum"), careAndSupport: z.boolean().describe("Whether the service is care and support") }),
  "review.price-above-quality": z.strictObject({ price: percent("Price's weight"), quality: percent("Quality's weight") }),
  "review.social-value-missing": z.strictObject({}),
  "review.social-value-token": z.strictObject({ weight: exactPercent("Social value's weight"), token: percent("The token share") }),
  "review.social-value-below-minimum": z.strictObject({
    weight: exactPercent("Social value's weight"),
    minimum: percent("The policy's minimum"),
    of: z.enum(["total-score", "quality-score"]).describe("Whether the share is of the total score or, under price per quality point, of the quality score"),
  }),
  "review.social-value-hard-to-evidence": z.strictObject({ criterion: z.string().describe("The criterion's id"), terms: z.array(z.string()).describe("The measures found in it that are hard to evidence") }),
  "review.no-user-panel": z.strictObject({}),
  "review.user-panel-too-light": z.strictObject({ weight: percent("The user panel's weight"), minimum: percent("The policy's minimum") }),
  "review.price-heavy-without-quality-threshold": z.strictObject({ weight: percent("Price's weight"), trigger: percent("The weight from which a quality threshold is expected") }),
  "review.relative-price-scoring": z.strictObject({
    method: z.enum(["proportional", "deviation-from-lowest", "discount-ratio", "discount-bilinear"]).describe("The price method, each bid's points depending on the other bids: on the lowest price, or on the highest (and mean) discount"),
  }),
  "review.interpolation-price-scoring": z.strictObject({}),
  "review.tendering-period-below-statutory-minimum": z.strictObject({
    days: z.int().describe("Days from publication to the deadline"),
    minimum: z.int().describe("The statutory minimum, in days"),
    procedure: z.string().describe("The procedure"),
  }),
  "review.tendering-period-short": z.strictObject({ days: z.int().describe("Days from publication to the deadline"), recommended: z.int().describe("The days the policy recommends") }),
  "review.words-disproportionate": z.strictObject({
    words: z.int().describe("Words of answers asked for"),
    allowance: ExactJson.describe("Words proportionate to the contract's value"),
    annualValue: pounds("The contract's value a year"),
    includesVat: z.boolean().describe("Whether the value includes VAT"),
  }),
  "review.regime": z.strictObject({
    value: pounds("The estimated value compared with the threshold"),
    basis: ValueBasis,
    threshold: pounds("The threshold"),
    regime: z.enum(["light-touch", "central-government", "sub-central"]).describe("Which threshold"),
    above: z.boolean().describe("Whether the value is at or above it"),
  }),
  "review.consider-lots": z.strictObject({ value: pounds("The estimated value"), basis: ValueBasis }),
  "review.consider-reserved-contract": z.strictObject({ minimum: percent("The workforce share a supported employment provider must have") }),
  "review.below-threshold-reservation": z.strictObject({
    problem: z.enum(["value-above-threshold", "no-area-or-sme", "sme-without-area"]).describe("What is wrong with the reservation"),
    value: pounds("The estimated value"),
    basis: ValueBasis,
    threshold: pounds("The threshold"),
  }),
  "review.approval-route": z.strictObject({ value: pounds("The estimated value"), basis: ValueBasis, approver: z.string().describe("Who approves it under the policy's scheme of delegation") }),
  "review.effective-weight": z.strictObject({
    section: z.string().describe("The section's key"),
    sectionTitle: z.string().describe("The section's title"),
    effective: exactPercent("Its share of the differences between bids' totals"),
    nominal: exactPercent("Its published weight"),
    factor: z.number().describe("How far apart the two may be before the flag is raised (a ratio)"),
    direction: z.enum(["more", "less"]).describe("Whether it decides more or less than its published weight"),
  }),
  "review.rank-reversal": z.strictObject({
    bidId: bidId("The bid whose withdrawal reverses the order"),
    bidder: bidder("The bid whose withdrawal reverses the order"),
    firstBidId: bidId("The bid now ahead of the pair"),
    firstBidder: bidder("The bid now ahead of the pair"),
    secondBidId: bidId("The bid now behind in the pair"),
    secondBidder: bidder("The bid now behind in the pair"),
  }),
  "review.abnormally-low-price": z.strictObject({
    bidId: bidId("The bid"),
    bidder: bidder("The bid"),
    price: pounds("Its whole-life price"),
    average: pounds("The average of all prices excluding the highest"),
    nextLowest: pounds("The next lowest price"),
    belowAverage: exactPercent("How far below the average it is"),
    belowNext: exactPercent("How far below the next lowest it is"),
  }),
  "review.moderation-share-high": z.strictObject({
    share: exactPercent("The share of answers needing moderation"),
    maximum: percent("The policy's maximum"),
    count: z.int().describe("Answers needing moderation"),
    total: z.int().describe("Answers in all"),
  }),
  "review.evaluator-outlier": z.strictObject({
    evaluator: z.string().describe("The evaluator's id"),
    offset: exactPercent("Their mean distance from the other evaluators, as a share of the scale's range"),
    direction: z.enum(["above", "below"]).describe("Whether they score above or below the others"),
    limit: exactPercent("The policy's limit"),
  }),
  "review.weak-justification": z.strictObject({
    bidId: bidId("The bid"),
    bidder: bidder("The bid"),
    criterion: z.string().describe("The criterion's id"),
    evaluator: z.string().describe("The evaluator's id"),
    reason: z.enum(["empty", "too-short", "repeats-criterion"]).describe("What is weak about it"),
    words: z.int().describe("The justification's length in words"),
    overlapPercent: percent("How much of it repeats the criterion or descriptor"),
  }),
  "review.reserved-eligibility": z.strictObject({ bidId: bidId("The bid"), bidder: bidder("The bid"), declared: percent("The workforce share it declares"), minimum: percent("The share the reservation requires") }),
  "review.reserved-eligibility-undeclared": z.strictObject({ bidId: bidId("The bid"), bidder: bidder("The bid"), minimum: percent("The share the reservation requires") }),
  "review.user-panel-identity": z.strictObject({ member: z.string().describe("The user-panel member id that looks like a name") }),
} satisfies Record<FlagCode, z.ZodType>;

/** Each schema's output is exactly the flag's arguments as JSON, both ways (a compile-time check). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Mismatched = { [K in FlagCode]: Same<z.output<(typeof flagArgs)[K]>, JsonOf<FlagArgsByCode[K]>> extends true ? never : K }[FlagCode];
// If this line fails to compile, the named flag's schema above and its arguments in problem.ts differ.
export const flagArgsMatch: [Mismatched] extends [never] ? true : Mismatched = true;

const flagFields = {
  severity: z.enum(["error", "warning", "advice"]).describe("error (fails the review by default), warning or advice"),
  message: z.string().describe("The flag in English, as the terminal prints it"),
  where: z.string().describe("Where it points, in words; empty when it is about the tender as a whole"),
  file: z.string().exactOptional().describe("The file it points into"),
  path: z.string().exactOptional().describe("The field's path in that file"),
  line: z.int().exactOptional().describe("The line the field is on"),
  sheet: z.string().exactOptional().describe("In a workbook: the sheet"),
  cell: z.string().exactOptional().describe("In a workbook: the cell"),
  option: z.string().exactOptional().describe("A command-line option it is about"),
  bidIds: z.array(z.string()).describe("Every bid the flag is about, by id, in the order its args name them; empty when it is about the model or process"),
  source: z.string().describe("The rule or guidance behind the flag"),
  docs: z.string().describe("Where the flag is explained, e.g. docs/flags.md#reviewtoken-weight"),
};

/** A review flag: one form per code, so a program reading `args` knows exactly what each holds. */
export const FlagJson = z
  .discriminatedUnion(
    "code",
    (Object.keys(flagArgs) as FlagCode[]).map((code) =>
      z.strictObject({ code: z.literal(code).describe("The flag's stable code"), ...flagFields, args: flagArgs[code].describe("The figures and ids behind the message") }),
    ) as unknown as [z.ZodObject, ...z.ZodObject[]],
  )
  .meta({ id: "flag", description: "A weighting-review flag, with the figures behind it and the rule or guidance it applies" });
