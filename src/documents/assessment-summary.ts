import { z } from "zod";
import type { Exact } from "../arithmetic/exact.js";
import type { ScoringModel } from "../model/scoring-model.js";
import type { StandstillPeriod } from "../model/standstill.js";
import type { TenderSpecification } from "../model/specification.js";
import { explainExclusion } from "../presentation/explain.js";
import { formatDate, formatMoney, formatOrdinal, formatPoints, formatScore } from "../language/uk-format.js";
import type { BidResult, CriterionResult, TenderResult } from "../scoring/result.js";
import { standstillStatement } from "./standstill-statement.js";
import { CriterionFields, ROUNDING_STATEMENT, TenderFields, criterionFields, flagOf, tenderFields, text } from "./common-data.js";

const CriterionScore = CriterionFields.extend({
  score: text("The bidder's combined score on the scale, e.g. 4.33"),
  points: text("Points earned out of those available, e.g. 11.70 of 13.50"),
  explanation: text("Why: the evaluators' justifications, by reference to the tender, and any moderation"),
  winnerScore: text("The winning bid's score"),
  winnerPoints: text("The winning bid's points"),
  winnerExplanation: text("Why the winning bid scored as it did"),
});

export const AssessmentSummaryData = z.object({
  documentTitle: text("Document title, e.g. Assessment summary: <bidder> – <tender>"),
  tender: TenderFields,
  issuedOn: text("Date the summary is issued"),
  standstill: z.object({
    workingDays: text("Standstill period in working days; it starts when the contract award notice is published"),
    statement: text("What the letter says of the standstill period: its length and rule, and with a planned award notice date, when it ends"),
  }),
  bidder: z.object({
    name: text("Bidder's name"),
    rank: text("Rank, e.g. 2nd of 5, or 'excluded'"),
    total: text("Total points out of 100"),
    status: text("Ranked, provisional or excluded"),
    exclusion: text("Why the bid was excluded, or empty"),
  }),
  isWinner: flagOf("This bidder is the (or a joint) winner"),
  isUnsuccessful: flagOf("This bidder did not win"),
  isExcluded: flagOf("This bid was excluded"),
  winner: z.object({ name: text("Winning supplier's name"), total: text("Winning bid's total points") }),
  includeWinnerDetails: flagOf("Whether the winner's own scores and explanations are included"),
  howAssessed: z.array(z.object({ text: text("How one section's answers were assessed: who scored them, on what scale, how scores were combined") })).describe("How each section was assessed"),
  criteria: z.array(CriterionScore).describe("Each award criterion with this bid's score and explanation"),
  sections: z.array(z.object({ title: text("Section"), points: text("This bid's points"), available: text("Points available"), winnerPoints: text("The winning bid's points") })).describe("Section subtotals"),
  hasPrice: flagOf("Whether price is scored"),
  price: z.object({
    method: text("Price method and formula in words"),
    wholeLifeCost: text("This bid's whole-life price"),
    points: text("This bid's price points, or – if not scored"),
    available: text("Maximum price points"),
    winnerWholeLifeCost: text("Winning bid's whole-life price"),
    winnerPoints: text("Winning bid's price points"),
  }),
  whyNotWinner: z.array(z.object({ text: text("A difference between this bid and the winning bid") })).describe("Why the bid did not win"),
  rounding: text("Statement of how numbers are rounded"),
});
export type AssessmentSummaryData = z.infer<typeof AssessmentSummaryData>;

export interface AssessmentSummaryOptions {
  /** Include the winner's own scores and explanations (Scotland requires it; England's guidance does not). */
  includeWinnerDetails: boolean;
  /** ISO date printed on the summaries. */
  issuedOn: string;
  /** The standstill period counted from the planned award notice date, when one is given. */
  standstill?: StandstillPeriod | undefined;
}

function explanation(c: CriterionResult | undefined): string {
  if (!c) return "–";
  const reasons = c.evaluatorScores.map((e) => e.justification.trim()).filter((j) => j !== "");
  const unique = [...new Set(reasons)];
  const moderated = c.moderation ? `The panel agreed a score of ${formatScore(c.moderation.score)}: ${c.moderation.reason} ` : "";
  return `${moderated}${unique.join(" ")}`.trim() || "No justification was recorded.";
}

function criterionOf(bid: BidResult | undefined, id: string): CriterionResult | undefined {
  return bid?.sections.flatMap((s) => s.criteria).find((c) => c.criterionId === id);
}

const pointsText = (points: Exact | undefined) => (points === undefined ? "–" : formatPoints(points));
const pointsOf = (c: CriterionResult | undefined) => (c ? `${formatPoints(c.points)} of ${formatPoints(c.availablePoints)}` : "–");

/** The assessment summary for one bidder (Procurement Act 2023 s.50; Procurement Regulations 2024 reg. 31). */
const combinedBy = { consensus: "agreed by consensus at moderation (the mean where evaluators were within tolerance)", mean: "combined as the mean", median: "combined as the median" };

function howAssessed(model: ScoringModel, result: TenderResult): { text: string }[] {
  const example = result.bids[0];
  const lines = (example?.sections ?? []).map((s) => {
    const section = model.sections[s.section]!;
    const scorers = s.criteria[0]?.evaluatorScores.length ?? 0;
    const who = s.section === "userPanel" ? `${scorers} members of a user panel of people who use services` : `${scorers} evaluator${scorers === 1 ? "" : "s"}, each on their own`;
    const method = section.combination?.method ?? model.combination.method;
    return { text: `${s.title}: each answer was scored by ${who}, on the ${model.scales[section.scale]!.title}; the scores were ${combinedBy[method]}.` };
  });
  if (result.price) lines.push({ text: `Price: ${result.price.description.name.toLowerCase()}; ${result.price.description.formula}.` });
  return lines;
}

export function assessmentSummaryData(
  input: { specification: TenderSpecification; model: ScoringModel; result: TenderResult; bidId: string },
  options: AssessmentSummaryOptions,
): AssessmentSummaryData {
  const { specification, model, result, bidId } = input;
  const bid = result.bids.find((b) => b.bidId === bidId);
  if (!bid) throw new Error(`no bid ${bidId} in the result`);
  const winner = result.bids.find((b) => b.bidId === result.winners[0]);
  const isWinner = result.winners.includes(bidId);
  const ranked = result.bids.filter((b) => b.rank !== null).length;
  const showWinner = options.includeWinnerDetails || isWinner;
  const whyNotWinner: { text: string }[] = [];
  if (!isWinner && winner) {
    if (bid.status === "excluded") {
      whyNotWinner.push({ text: `Your bid was excluded: it ${bid.exclusions.map(explainExclusion).join("; ")}.` });
    } else {
      whyNotWinner.push({ text: `Your total was ${formatPoints(bid.total)} points; the winning bid scored ${formatPoints(winner.total)}.` });
      const diff = (title: string, mine: Exact | undefined, theirs: Exact | undefined) => {
        if (!mine || !theirs) return;
        const gap = theirs.sub(mine);
        if (gap.compare(0) > 0) whyNotWinner.push({ text: `${title}: the winning bid scored ${formatPoints(gap)} points more (${formatPoints(theirs)} against your ${formatPoints(mine)}).` });
        else if (gap.compare(0) < 0) whyNotWinner.push({ text: `${title}: your bid scored ${formatPoints(gap.neg())} points more than the winning bid (${formatPoints(mine)} against ${formatPoints(theirs)}).` });
      };
      for (const s of bid.sections) diff(s.title, s.points, winner.sections.find((w) => w.section === s.section)?.points);
      diff("Price", bid.price?.points, winner.price?.points);
    }
  }
  const issuedOn = options.issuedOn;
  return {
    documentTitle: `Assessment summary: ${bid.bidder} – ${specification.title}`,
    tender: tenderFields(specification),
    issuedOn: formatDate(issuedOn),
    standstill: {
      // An end date only when counted from the award notice's date, never from this letter's (see standstill-statement.ts).
      workingDays: String(specification.dates.standstillWorkingDays),
      statement: standstillStatement(specification.dates.standstillWorkingDays, options.standstill),
    },
    bidder: {
      name: bid.bidder,
      rank: bid.rank === null ? "excluded" : `${formatOrdinal(bid.rank)}${bid.tiedWith.length > 0 ? " (joint)" : ""} of ${ranked}`,
      total: formatPoints(bid.total),
      status: bid.status === "excluded" ? "Excluded" : bid.provisional ? "Provisional" : "Ranked",
      exclusion: bid.exclusions.map(explainExclusion).join("; "),
    },
    isWinner,
    isUnsuccessful: !isWinner,
    isExcluded: bid.status === "excluded",
    winner: { name: result.winners.map((id) => result.bids.find((b) => b.bidId === id)!.bidder).join(" and ") || "None", total: winner ? formatPoints(winner.total) : "–" },
    includeWinnerDetails: showWinner && !isWinner,
    howAssessed: howAssessed(model, result),
    criteria: criterionFields(model, result).map((c) => {
      const mine = criterionOf(bid, c.id);
      const theirs = criterionOf(winner, c.id);
      return {
        ...c,
        score: mine ? formatScore(mine.combined) : "–",
        points: pointsOf(mine),
        explanation: explanation(mine),
        winnerScore: showWinner && theirs ? formatScore(theirs.combined) : "–",
        winnerPoints: showWinner ? pointsOf(theirs) : "–",
        winnerExplanation: showWinner ? explanation(theirs) : "–",
      };
    }),
    sections: bid.sections.map((s) => ({
      title: s.title,
      points: formatPoints(s.points),
      available: formatPoints(s.weight),
      winnerPoints: showWinner ? pointsText(winner?.sections.find((w) => w.section === s.section)?.points) : "–",
    })),
    hasPrice: result.price !== undefined,
    price: {
      method: result.price ? `${result.price.description.name}: ${result.price.description.formula}` : "Price is not scored",
      wholeLifeCost: bid.price ? formatMoney(bid.price.wholeLifeCost) : "–",
      points: bid.price?.points !== undefined ? formatPoints(bid.price.points) : "–",
      available: result.price ? formatPoints(result.price.maxPoints, 0) : "0",
      winnerWholeLifeCost: showWinner && winner?.price ? formatMoney(winner.price.wholeLifeCost) : "–",
      winnerPoints: showWinner && winner?.price?.points !== undefined ? formatPoints(winner.price.points) : "–",
    },
    whyNotWinner,
    rounding: ROUNDING_STATEMENT,
  };
}

/** A file name safe on every system, whatever the bidder's name contains. */
export function safeFileName(bidId: string, bidder: string): string {
  const slug = bidder
    .replace(/['’]/g, "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  const id = bidId.replace(/[^A-Za-z0-9_-]/g, "_");
  return `assessment-summary-${id}${slug ? `-${slug}` : ""}.docx`;
}
