import { titleOfKey } from "../model/sections.js";
import type { TenderResult } from "../scoring/result.js";
import { explainExclusion } from "./explain.js";
import { awardCell, awardFigure, bandSentence, tiedOn } from "./award-value.js";
import { lotHeading } from "./lot-award.js";
import { formatMoney, formatPercent, formatPoints, formatScore } from "../language/uk-format.js";

export const ROUNDING_NOTE = "Points are shown rounded to 2 decimal places; every total is calculated exactly from unrounded scores.";

/** The ranked table as cells: the one home of its columns, drawn as text in the terminal and as HTML in the app. */
export interface ResultsTableCells {
  headers: string[];
  rows: string[][];
  /** Columns of figures, aligned to the right. */
  numeric: Set<number>;
}

export function resultsTableCells(result: TenderResult): ResultsTableCells {
  const hasPrice = result.price !== undefined;
  // Under an award-on-value method price earns no points: the total is the quality score, and the figure the award rests on has its own column.
  const figure = awardFigure(result);
  const onValue = figure !== undefined;
  // Under a discount method the discount is what each bidder offered and what was scored.
  const discount = result.price?.base !== undefined;
  // The known sections in their usual order, then any further ones (e.g. Fair work practices) as the model gives them.
  const sections = [...new Set(result.bids.flatMap((b) => b.sections.map((s) => s.section)))];
  const headers = [
    "Rank",
    "Bidder",
    ...(discount ? ["Discount"] : []),
    ...(hasPrice ? ["Whole-life price"] : []),
    ...(hasPrice && !onValue ? [`Price (${formatPoints(result.price!.maxPoints, 0)})`] : []),
    ...sections.map((k) => {
      const s = result.bids[0]?.sections.find((x) => x.section === k);
      return `${titleOfKey(k, s?.title)} (${s ? formatPoints(s.weight, 0) : "?"})`;
    }),
    onValue ? "Quality total" : "Total (100)",
    ...(figure ? [figure.header] : []),
    "Status",
  ];
  const rows = result.bids.map((bid) => [
    bid.rank === null ? "–" : `${bid.rank}${bid.tiedWith.length > 0 ? "=" : ""}`,
    bid.bidder,
    ...(discount ? [bid.price?.discountPercent !== undefined ? formatPercent(bid.price.discountPercent, 4) : "–"] : []),
    ...(hasPrice ? [bid.price ? formatMoney(bid.price.wholeLifeCost) : "–"] : []),
    ...(hasPrice && !onValue ? [bid.price?.points ? formatPoints(bid.price.points) : "–"] : []),
    ...sections.map((k) => {
      const s = bid.sections.find((x) => x.section === k);
      return s ? formatPoints(s.points) : "–";
    }),
    bid.status === "excluded" ? "–" : formatPoints(bid.total), // no total beside the ranked ones, as in the report
    ...(figure ? [awardCell(figure, bid)] : []),
    bid.status === "excluded" ? "excluded" : bid.provisional ? "provisional" : "ranked",
  ]);
  const numeric = new Set(headers.map((h, i) => (i === 0 || h === "Bidder" || h === "Status" ? -1 : i)));
  return { headers, rows, numeric };
}

/** Exclusions, ties, moderation and moderated scores, explained in sentences below the table. */
export function resultsNotes(result: TenderResult): string[] {
  const out: string[] = [];
  const excluded = result.bids.filter((b) => b.status === "excluded");
  if (excluded.length > 0) {
    out.push("Excluded:");
    for (const b of excluded) out.push(`  ${b.bidder}: ${b.exclusions.map(explainExclusion).join("; ")}`);
  }
  for (const tie of result.ties) {
    const names = tie.bidIds.map((id) => result.bids.find((b) => b.bidId === id)!.bidder).join(" and ");
    const what = tiedOn(result, tie.bidIds);
    out.push(tie.brokenBy ? `Tie: ${names} had ${what}; separated by the rule "${tie.brokenBy}".` : `Tie: ${names} have ${what} and share a rank (no tie-break rule separates them).`);
  }
  if (result.moderationNeeded.length > 0) {
    out.push(`Moderation needed (${result.moderationNeeded.length}): the results marked provisional may change.`);
    for (const m of result.moderationNeeded) {
      const bidder = result.bids.find((b) => b.bidId === m.bidId)!.bidder;
      out.push(`  ${bidder}, ${m.criterionId}: scores differ by ${formatScore(m.spread)} (tolerance ${formatScore(m.tolerance)})`);
    }
  }
  const moderated = result.bids.flatMap((b) => b.sections.flatMap((s) => s.criteria.filter((c) => c.moderation).map((c) => ({ b, c }))));
  if (moderated.length > 0) {
    out.push("Moderated scores used:");
    for (const { b, c } of moderated) out.push(`  ${b.bidder}, ${c.criterionId}: agreed ${formatScore(c.combined)} (${c.moderation!.reason})`);
  }
  out.push(ROUNDING_NOTE);
  return out;
}

/** A plain-text ranked table for the terminal, with exclusions, ties and moderation explained below it. */
export function renderResultsTable(result: TenderResult): string {
  const { headers, rows, numeric } = resultsTableCells(result);
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();

  const out: string[] = [];
  out.push(`${result.tender.title} (${result.tender.reference})`);
  if (result.lot !== undefined) out.push(lotHeading(result.lot));
  out.push(`Scoring model: ${result.model.title}, version ${result.model.version}`);
  if (result.price) out.push(`Price method: ${result.price.description.name}: ${result.price.description.formula}`);
  if (result.band) out.push(bandSentence(result));
  out.push("");
  out.push(line(headers));
  out.push(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) out.push(line(row));
  out.push("");
  out.push(...resultsNotes(result));
  return `${out.join("\n")}\n`;
}
