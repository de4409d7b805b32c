import type { LotsResult } from "../scoring/lots.js";
import { lotAwardOutcome, lotAwardRule, lotHeading } from "./lot-award.js";
import { renderResultsTable } from "./results-table.js";

/** A tender in lots for the terminal: each lot's ranked table with its award, then the award of every lot under the rule. */
export function renderLotsResults(result: LotsResult): string {
  const out: string[] = [];
  for (const { lot, result: lotResult, award } of result.lots) {
    const bidderOf = (id: string) => lotResult?.bids.find((b) => b.bidId === id)?.bidder ?? id;
    if (lotResult === undefined) out.push(`${result.tender.title} (${result.tender.reference})`, lotHeading(lot), "");
    else out.push(renderResultsTable(lotResult).trimEnd());
    out.push(`Award of lot ${lot.id}: ${lotAwardOutcome(award, bidderOf)}`, "");
  }
  out.push("Award of the lots:", `  ${lotAwardRule(result.rule)}`);
  if (result.rule.maxLotsPerBidder !== undefined) out.push(`  Award order: ${result.awardOrder.join(", ")}.`);
  for (const { lot, award } of result.lots) {
    out.push(`  ${lot.id} (${lot.title}): ${award.status === "awarded" ? `${award.bidder}${award.provisional ? " (provisional)" : ""}` : award.status === "tied" ? "not awarded (tie)" : "not awarded"}`);
  }
  return `${out.join("\n")}\n`;
}
