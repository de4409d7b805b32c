import { z } from "zod";
import { counted, formatOrdinal, formatPoints } from "../language/uk-format.js";
import type { Lot, LotAward } from "../model/lots.js";
import { lotAwardOutcome, lotAwardRule, lotHeading } from "../presentation/lot-award.js";
import type { LotAwardResult } from "../scoring/lots.js";
import type { TenderResult } from "../scoring/result.js";
import { text } from "./common-data.js";

/** One lot of a tender in lots, as the documents get it: the lot, how it was awarded, and the published rule. */
export interface LotInDocument extends Lot {
  award: LotAwardResult;
  rule: LotAward;
}

export const LotFields = z.object({
  heading: text("The lot the document is for, e.g. Lot L2: South Riverside (estimated value £400,000); empty for a tender not in lots"),
  name: text("The lot without the word Lot, for a labelled line, e.g. L2: South Riverside (estimated value £400,000)"),
  rule: text("The published rule for awarding the lots, in words: the limit on lots per bidder and which lots a bidder keeps"),
  award: text("How this lot is awarded under that rule, in words (in an assessment summary, written for the bidder it is addressed to)"),
});
export type LotFields = z.infer<typeof LotFields>;

const none: LotFields = { heading: "", name: "", rule: "", award: "" };

const named = (lot: Lot) => ({ heading: lotHeading(lot), name: lotHeading(lot).replace(/^Lot /, "") });

/** The evaluation report's words for its lot: the award as the panel sees it, bidders named. */
export function reportLotFields(lot: LotInDocument | undefined, result: TenderResult): LotFields {
  if (lot === undefined) return none;
  const bidderOf = (id: string) => result.bids.find((b) => b.bidId === id)?.bidder ?? id;
  return { ...named(lot), rule: lotAwardRule(lot.rule), award: lotAwardOutcome(lot.award, bidderOf) };
}

/**
 * The recommendation of a lot's evaluation report, when the lot goes to a bid not ranked first (its bidder
 * ranked first was passed over under the limit on lots per bidder); undefined otherwise, for the usual one.
 */
export function lotRecommendation(lot: LotInDocument | undefined, result: TenderResult): string | undefined {
  if (lot === undefined || lot.award.status !== "awarded" || lot.award.rank === 1) return undefined;
  const ranked = result.bids.filter((b) => b.rank !== null).length;
  const awarded = result.bids.find((b) => b.bidId === (lot.award as { bidId: string }).bidId)!;
  const above = lot.award.passedOver.length === 1 ? "the tender ranked above it is from a bidder" : "the tenders ranked above it are from bidders";
  return `The evaluation panel recommends awarding lot ${lot.id} to ${awarded.bidder}, ranked ${formatOrdinal(lot.award.rank)} of the ${counted(ranked, "tender")} ranked with ${formatPoints(awarded.total)} points out of 100: ${above} already awarded the most lots one bidder may be awarded, so under the published rule for awarding the lots this lot goes to the highest-ranked tender from a bidder that has not been (see "Award of the lot").`;
}

/**
 * An assessment summary's words for its lot, written for the bidder it is addressed to: other bidders are
 * never named, except the supplier the lot is to be awarded to, whom the summary names anyway.
 */
export function summaryLotFields(lot: LotInDocument | undefined, bidId: string): LotFields {
  if (lot === undefined) return none;
  const award = lot.award;
  const limit = lot.rule.maxLotsPerBidder;
  const base = { ...named(lot), rule: lotAwardRule(lot.rule) };
  if (award.status !== "awarded" || limit === undefined) {
    const words =
      award.status === "tied"
        ? "The tenders ranked first in this lot are tied after every tie-break rule, so the lot is not yet awarded: the tie will be settled by the procedure the tender documents set out."
        : award.status === "not-awarded"
          ? "This lot is not to be awarded: no tender for it can be awarded under the published rules."
          : "";
    return { ...base, award: words };
  }
  const most = counted(limit, "lot");
  const mine = award.passedOver.find((p) => p.bidId === bidId);
  if (mine !== undefined) {
    return {
      ...base,
      award: `Your tender ranked ${formatOrdinal(mine.rank)} in this lot. We intend to award you ${mine.heldLots.length === 1 ? "lot" : "lots"} ${mine.heldLots.join(", ")}, and one bidder may be awarded at most ${most}, so under the published rule for awarding the lots this lot goes to the highest-ranked tender from a bidder that does not already hold ${limit === 1 ? "a lot" : most}.`,
    };
  }
  if (award.passedOver.length === 0) return { ...base, award: "" };
  const ahead = `${award.passedOver.length === 1 ? "The tender ranked above it is" : "The tenders ranked above it are"} from ${award.passedOver.length === 1 ? "a bidder" : "bidders"} we intend to award the most lots one bidder may be awarded (${most})`;
  return {
    ...base,
    award:
      award.bidId === bidId
        ? `Your tender ranked ${formatOrdinal(award.rank)} in this lot. ${ahead}, so under the published rule for awarding the lots this lot goes to your tender.`
        : `The tender this lot is to be awarded to ranked ${formatOrdinal(award.rank)} in this lot. ${ahead}, so under the published rule for awarding the lots the lot goes to the highest-ranked tender from a bidder that does not already hold ${limit === 1 ? "a lot" : most}.`,
  };
}
