import { z } from "zod";
import { Id, IsoDate, Money, NonEmptyText } from "./common.js";

export const EvaluatorScore = z.strictObject({
  score: z.number().describe("The evaluator's score, a value on the section's scale"),
  justification: z.string().default("").describe("Why the evaluator gave this score, with evidence from the bid"),
});
export type EvaluatorScore = z.infer<typeof EvaluatorScore>;

/**
 * A price is given in one of three forms: a price for each year, one whole-life total (with or without
 * the yearly breakdown), or, under a discount method, a percentage discount on the model's base price.
 * check-bids says which form the price method needs.
 */
export const PriceSchedule = z.strictObject({
  /** Price for each contract year, in pounds, year 1 first. */
  years: z.array(Money).min(1).optional().describe("Price for each contract year, in pounds, year 1 first (or give total)"),
  /** Price for each optional extension year. */
  extensionYears: z.array(Money).default([]).describe("Price for each optional extension year, in pounds"),
  total: Money.optional().describe("The whole-life price as one total, in pounds, over the years the model scores; with years as well, it must equal their sum"),
  discountPercent: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe("Under a discount method (discount-ratio, discount-bilinear): the discount offered on the base price, in percent, e.g. 12.5; given instead of prices"),
});
export type PriceSchedule = z.infer<typeof PriceSchedule>;

export const Bid = z.strictObject({
  id: Id.describe("The bid's id, e.g. B1; score sheets refer to it"),
  bidder: NonEmptyText.describe("The bidding organisation's name"),
  lot: Id.optional().describe("For a tender in lots: the id of the lot this bid is for. A bidder bidding for several lots makes one bid for each, with its own id, price and scores, under the same bidder name"),
  organisationType: z.string().optional().describe('The kind of organisation, e.g. "Deaf and Disabled People\'s Organisation", "national provider"; used in reports and monitoring'),
  // Procurement Regulations 2024 reg. 31(2)(a)–(c): every assessment summary names the winning supplier with these.
  postalAddress: NonEmptyText.optional().describe("The supplier's contact postal address, as the assessment summaries state it (Procurement Regulations 2024 reg. 31(2)(b))"),
  email: NonEmptyText.optional().describe("The supplier's contact email address, as the assessment summaries state it (reg. 31(2)(b))"),
  uniqueIdentifier: NonEmptyText.optional().describe("The supplier's unique identifier from its Central Digital Platform registration (reg. 31(2)(c))"),
  disregarded: z
    .enum(["abnormally-low"])
    .optional()
    .describe("abnormally-low when the tender was disregarded as abnormally low after investigation (Procurement Act 2023 s.19): it is then not assessed or ranked"),
  price: PriceSchedule.optional().describe("The bid's price schedule (or from the returned price schedule)"),
  disadvantagedWorkforcePercent: z.number().min(0).max(100).optional().describe("For a reserved contract: the declared share of the workforce who are disabled or disadvantaged, in percent"),
  gates: z.record(Id, z.enum(["pass", "fail"])).default({}).describe("pass or fail for each gate of the scoring model"),
  /** criterion id → evaluator id → score and justification. */
  scores: z
    .record(Id, z.record(Id, EvaluatorScore).describe("One criterion's scores, by evaluator id"))
    .default({})
    .describe("Scores by criterion id, then evaluator id (or from the returned score sheets)"),
  figures: z
    .record(Id, z.number())
    .optional()
    .describe("The bid's figure for each quantitative criterion (one with a measure in the scoring model), by criterion id, e.g. K1: 4 for a response within 4 hours"),
  /** One explanation per criterion, agreed by the panel and written for the bidder: the assessment summary's "why". */
  feedback: z
    .record(Id, NonEmptyText)
    .default({})
    .describe("The panel's agreed feedback to the bidder, by criterion id: one explanation of the score by reference to the tender, written for the bidder (no evaluator ids, individual scores or internal notes); the assessment summaries quote it (or from the moderation sheet's Feedback to the bidder column)"),
});
export type Bid = z.infer<typeof Bid>;

/**
 * An evaluator's declaration of interests before scoring (Procurement Act 2023 ss.81–83: conflicts of
 * interest must be identified and mitigated). Ticked and dated on the score sheet, or recorded here.
 */
export const Declaration = z.strictObject({
  evaluator: Id.describe("The evaluator's id, e.g. E1"),
  declared: z.boolean().describe("true once the evaluator has signed the declaration of interests and confidentiality"),
  date: IsoDate.optional().describe("The date the declaration was made, YYYY-MM-DD"),
  interest: NonEmptyText.optional().describe("Any interest the evaluator declared (leave out if none), e.g. a former employee of one bidder"),
  handling: NonEmptyText.optional().describe("How a declared interest was handled, e.g. did not score bid B2"),
});
export type Declaration = z.infer<typeof Declaration>;

export const Panel = z.strictObject({
  evaluators: z
    .array(
      z.strictObject({
        id: Id.describe("The evaluator's id, e.g. E1"),
        role: NonEmptyText.describe("The evaluator's role; outputs show roles, not names"),
        // Ids rather than an enum, so a further section (e.g. fairWork) can be listed; checkBids says when one is not the model's.
        sections: z
          .array(Id)
          .default(["quality", "socialValue"])
          .describe("The sections this evaluator scores, by their keys in the scoring model: quality and socialValue unless listed, and any further section (e.g. [quality, socialValue, fairWork]); not userPanel, whose members are listed under userPanel"),
        criteria: z
          .array(Id)
          .optional()
          .describe("Only these criteria of those sections, e.g. [Q3] for a specialist assessor of safeguarding (without it, every criterion of the sections)"),
      }),
    )
    .min(1)
    .describe("The evaluators, who score the quality and social value sections"),
  /** Service users who score the user-panel section. Ids only: their identities never appear in outputs. */
  userPanel: z.array(z.strictObject({ id: Id.describe("The member's anonymous id, e.g. P1") })).default([]).describe("User-panel members, by anonymous id only (e.g. P1): their identities never appear in outputs"),
  declarations: z.array(Declaration).default([]).describe("Each evaluator's declaration of interests (or from the returned score sheets)"),
});
export type Panel = z.infer<typeof Panel>;

export const ModeratedScore = z.strictObject({
  bid: Id.describe("The bid's id"),
  criterion: Id.describe("The criterion's id"),
  score: z.number().describe("The score the panel agreed"),
  /** A fair summary of the panel's discussion: courts have asked to see it. */
  reason: NonEmptyText.describe("A fair summary of the panel's discussion"),
});
export type ModeratedScore = z.infer<typeof ModeratedScore>;

export const TenderBids = z
  .strictObject({
    panel: Panel.describe("Who scores: the evaluators and the user panel"),
    bids: z.array(Bid).min(1).describe("The bids received"),
    moderation: z.array(ModeratedScore).default([]).describe("Scores agreed at moderation, which replace the evaluators' combined score"),
  })
  .describe("tender-eval bids: the panel, each bid's price schedule and evaluators' scores, agreed moderated scores");

export type TenderBids = z.infer<typeof TenderBids>;
export type TenderBidsInput = z.input<typeof TenderBids>;
