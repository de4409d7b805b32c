import { exact } from "../arithmetic/exact.js";
import { counted, formatMoney, formatOrdinal } from "../language/uk-format.js";
import type { Lot, LotAward } from "../model/lots.js";
import type { LotAwardResult } from "../scoring/lots.js";

/** "Lot L1: North (estimated value £250,000)": a lot as every sheet and document names it. */
export function lotHeading(lot: Lot): string {
  return `Lot ${lot.id}: ${lot.title}${lot.estimatedValue !== undefined ? ` (estimated value ${formatMoney(exact(lot.estimatedValue))})` : ""}`;
}

/** The published award rule for lots, in words, as the documents and the terminal state it. */
export function lotAwardRule(rule: LotAward): string {
  const bidFor = rule.maxLotsBidPerBidder === undefined ? "" : ` A bidder may bid for at most ${counted(rule.maxLotsBidPerBidder, "lot")}.`;
  if (rule.maxLotsPerBidder === undefined) {
    return `Each lot is scored and ranked on its own, and awarded to its most advantageous tender: the bid ranked first in that lot. There is no limit on the number of lots one bidder may be awarded.${bidFor}`;
  }
  const order =
    rule.order === "highest-value"
      ? "one at a time, from the highest estimated value down"
      : "one at a time, in the order the lots are listed";
  return `Each lot is scored and ranked on its own. One bidder may be awarded at most ${counted(rule.maxLotsPerBidder, "lot")}. The lots are awarded ${order}: each goes to its highest-ranked bid whose bidder does not already hold ${rule.maxLotsPerBidder === 1 ? "a lot" : `${rule.maxLotsPerBidder} lots`}; a bid from a bidder that does is passed over, and the lot goes to the next-ranked bid.${bidFor}`;
}

/** How one lot was awarded, in words, naming bidders (for the panel and the report; not for a bidder's own letter). */
export function lotAwardOutcome(award: LotAwardResult, bidderOf: (bidId: string) => string): string {
  const passed = award.passedOver.map((p) => `${p.bidder} (ranked ${formatOrdinal(p.rank)}) was passed over, having already been awarded lot${p.heldLots.length === 1 ? "" : "s"} ${p.heldLots.join(", ")}`);
  const passedText = passed.length > 0 ? ` ${passed.join("; ")}.` : "";
  switch (award.status) {
    case "awarded":
      return `Awarded to ${award.bidder} (bid ${award.bidId}, ranked ${formatOrdinal(award.rank)}).${passedText}${award.provisional ? " Provisional: it may change once scores awaiting moderation are agreed, or once an earlier lot's award is settled." : ""}`;
    case "tied":
      return `Not awarded: ${award.bidIds.map(bidderOf).join(" and ")} share first place after every tie-break rule; the tie must be settled by the procedure the tender documents publish.${passedText}`;
    case "not-awarded":
      return award.reason === "no-bids"
        ? "Not awarded: no bid was made for this lot."
        : award.reason === "no-ranked-bid"
          ? "Not awarded: no bid for this lot could be ranked."
          : `Not awarded: every ranked bidder already holds the most lots it may be awarded.${passedText}`;
  }
}

/** A lot scored on its own, as the terminal and the results workbook close it: its award, then the rule. */
export function lotAwardLines(lot: { id: string; award: LotAwardResult; rule: LotAward }, bidderOf: (bidId: string) => string): [string, string] {
  return [`Award of lot ${lot.id}: ${lotAwardOutcome(lot.award, bidderOf)}`, `How the lots are awarded: ${lotAwardRule(lot.rule)}`];
}
