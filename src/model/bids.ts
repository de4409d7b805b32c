import { z } from "zod";
import { Id, Money, NonEmptyText } from "./common.js";
import { ScoredSectionKey } from "./scoring-model.js";

export const EvaluatorScore = z.strictObject({
  score: z.number(),
  justification: z.string().default(""),
});
export type EvaluatorScore = z.infer<typeof EvaluatorScore>;

export const PriceSchedule = z.strictObject({
  /** Price for each contract year, in pounds, year 1 first. */
  years: z.array(Money).min(1).describe("Price for each contract year, in pounds, year 1 first"),
  /** Price for each optional extension year. */
  extensionYears: z.array(Money).default([]).describe("Price for each optional extension year, in pounds"),
});
export type PriceSchedule = z.infer<typeof PriceSchedule>;

export const Bid = z.strictObject({
  id: Id,
  bidder: NonEmptyText,
  /** e.g. "Deaf and Disabled People's Organisation", "national provider". Used in reports and monitoring. */
  organisationType: z.string().optional(),
  price: PriceSchedule.optional(),
  /** Declared share of the workforce who are disabled or disadvantaged, for reserved contracts. */
  disadvantagedWorkforcePercent: z.number().min(0).max(100).optional(),
  gates: z.record(Id, z.enum(["pass", "fail"])).default({}).describe("pass or fail for each gate of the scoring model"),
  /** criterion id → evaluator id → score and justification. */
  scores: z.record(Id, z.record(Id, EvaluatorScore)).default({}).describe("criterion id → evaluator id → score and justification"),
});
export type Bid = z.infer<typeof Bid>;

export const Panel = z.strictObject({
  evaluators: z
    .array(
      z.strictObject({
        id: Id,
        /** Role, not name: outputs show roles. */
        role: NonEmptyText.describe("The evaluator's role; outputs show roles, not names"),
        /** Sections this evaluator scores; default quality and social value. */
        sections: z.array(ScoredSectionKey.exclude(["userPanel"])).default(["quality", "socialValue"]),
      }),
    )
    .min(1),
  /** Service users who score the user-panel section. Ids only: their identities never appear in outputs. */
  userPanel: z.array(z.strictObject({ id: Id })).default([]).describe("User-panel members, by anonymous id only (e.g. P1): their identities never appear in outputs"),
});
export type Panel = z.infer<typeof Panel>;

export const ModeratedScore = z.strictObject({
  bid: Id,
  criterion: Id,
  score: z.number(),
  /** A fair summary of the panel's discussion: courts have asked to see it. */
  reason: NonEmptyText.describe("A fair summary of the panel's discussion"),
});
export type ModeratedScore = z.infer<typeof ModeratedScore>;

export const TenderBids = z
  .strictObject({
    panel: Panel,
    bids: z.array(Bid).min(1),
    moderation: z.array(ModeratedScore).default([]),
  })
  .describe("tender-eval bids: the panel, each bid's price schedule and evaluators' scores, agreed moderated scores");

export type TenderBids = z.infer<typeof TenderBids>;
export type TenderBidsInput = z.input<typeof TenderBids>;
