import { z } from "zod";
import { LotAward } from "../../model/lots.js";
import type { LotAwardResult, PassedOver } from "../../scoring/lots.js";
import { header } from "./common.js";
import type { JsonOf } from "./flags.js";
import { LotJson, ResultJson, ResultsOutput } from "./results.js";

const PassedOverJson = z
  .strictObject({
    bidId: z.string().describe("The bid passed over: its id in the bids file"),
    bidder: z.string().describe("Its bidder's name, for people"),
    rank: z.int().describe("Its rank in the lot (ahead of the bid the lot went to)"),
    heldLots: z.array(z.string()).describe("The lots its bidder had been awarded when this lot's turn came, in award order: as many as the limit allows"),
  })
  .describe("A bid ranked ahead of the one the lot went to, whose bidder already held the most lots it may be awarded");

const passedOver = z.array(PassedOverJson).describe("The bids passed over under the limit on lots per bidder, best-ranked first (empty without a limit)");

const LotAwardJson = z
  .discriminatedUnion("status", [
    z.strictObject({
      status: z.literal("awarded"),
      bidId: z.string().describe("The bid the lot is awarded to: its id in the bids file"),
      bidder: z.string().describe("Its bidder's name, for people"),
      rank: z.int().describe("Its rank in the lot: above 1 when bids ranked ahead of it were passed over"),
      passedOver,
      provisional: z.boolean().describe("Whether the award may still change: scores in the lot await moderation, or, under a limit on lots per bidder, a lot awarded before it is tied or provisional"),
    }),
    z.strictObject({
      status: z.literal("tied"),
      bidIds: z.array(z.string()).describe("The bids sharing first place after every tie-break rule (and after passing over bidders at the limit): the lot is not awarded until the tie is settled"),
      passedOver,
    }),
    z.strictObject({
      status: z.literal("not-awarded"),
      reason: z
        .enum(["no-bids", "no-ranked-bid", "every-bidder-at-limit"])
        .describe("Why: nobody bid for the lot, no bid could be ranked (all excluded), or every ranked bidder already holds the most lots it may be awarded"),
      passedOver,
    }),
  ])
  .describe("How the lot is awarded under the published rule: status awarded, tied or not-awarded");

const LotEntryJson = z
  .strictObject({
    lot: LotJson,
    award: LotAwardJson,
    result: ResultJson.exactOptional().describe("The lot scored and ranked among its own bids, as score gives the results of a tender not in lots; absent when nobody bid for the lot"),
  })
  .describe("One lot: the lot, its award, and its results");

// The award's published shape is exactly the scoring result's (a compile-time check, both ways).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const lotAwardShapeMatches: Same<z.output<typeof LotAwardJson>, JsonOf<LotAwardResult>> = true;
export const passedOverShapeMatches: Same<z.output<typeof PassedOverJson>, JsonOf<PassedOver>> = true;

export const LotsResultsOutput = z
  .strictObject({
    ...header("lots-results"),
    tool: ResultsOutput.shape.tool,
    units: ResultsOutput.shape.units,
    roundingNote: ResultsOutput.shape.roundingNote.exactOptional().describe("How the numbers are rounded, in words; absent when nobody bid for any lot"),
    inputs: ResultsOutput.shape.inputs,
    warnings: ResultsOutput.shape.warnings,
    award: z
      .strictObject({
        rule: LotAward.describe("The published rule the lots were awarded under, as the specification gives it (order defaults to lot-order)"),
        awardOrder: z.array(z.string()).describe("The lot ids in the order the lots were awarded under the rule"),
      })
      .describe("The rule for awarding the lots, and the order it awarded them in"),
    lots: z.array(LotEntryJson).describe("Every lot, in the order the specification lists them"),
  })
  .describe("results.json for a tender in lots, written by tender-eval score (and printed by score --json): each lot's results and award, and the rule");
