import { z } from "zod";
import { ZERO, sum, type Exact } from "../arithmetic/exact.js";
import type { Bid, TenderBids } from "../model/bids.js";
import type { ScoringModel } from "../model/scoring-model.js";
import { scoredSection, scoredSections } from "../model/sections.js";
import { criterionScale } from "../model/weights.js";
import type { StandstillPeriod } from "../model/standstill.js";
import { problem, type Problem } from "../problems/problem.js";
import type { TenderSpecification } from "../model/specification.js";
import { explainExclusion } from "../presentation/explain.js";
import { awardFigure, awardRuleSentence, awardSentence } from "../presentation/award-value.js";
import { counted, formatDate, formatMoney, formatOrdinal, formatPercent, formatPoints, formatScore, plural } from "../language/uk-format.js";
import { describeMeasure } from "../scoring/measured.js";
import { isAssessed, needsFeedback } from "../scoring/assessed.js";
import type { BidResult, CriterionResult, Exclusion, TenderResult } from "../scoring/result.js";
import { LotFields, summaryLotFields, type LotInDocument } from "./lot-fields.js";
import { standstillStatement } from "./standstill-statement.js";
import { CriterionFields, roundingStatement, TenderFields, criterionFields, flagOf, tenderFields, text } from "./common-data.js";

const CriterionScore = CriterionFields.extend({
  score: text("The tender's score on the scale for this criterion, e.g. 4 (or 2.67 where scores were combined as a mean)"),
  descriptor: text("What that score means on the scale, from the scoring model's descriptors"),
  points: text("Points earned out of those available, e.g. 11.70 of 13.50"),
  explanation: text("The panel's agreed feedback to the bidder for this criterion: the explanation of the score by reference to the tender"),
});

const ScoreRow = z.object({
  item: text("A section, Price or Total"),
  points: text("Points scored"),
  available: text("Points available"),
  winnerPoints: text("The most advantageous tender's points (shown only with the comparison)"),
});

const Supplier = z.object({
  name: text("Supplier's name"),
  postalAddress: text("Supplier's contact postal address"),
  email: text("Supplier's contact email address"),
  uniqueIdentifier: text("Supplier's unique identifier (Central Digital Platform)"),
});

export const AssessmentSummaryData = z.object({
  documentTitle: text("Document title, e.g. Assessment summary: <bidder> – <tender>"),
  tender: TenderFields,
  isLot: flagOf("Whether the summary is for one lot of a tender in lots"),
  hasLotAward: flagOf("Whether there is something to say of how the lot is awarded under the published rule"),
  lot: LotFields,
  issuedOn: text("Date the summary is issued"),
  legalBasis: text("The law the summary is given under, e.g. section 50 of the Procurement Act 2023 and regulation 31 of the Procurement Regulations 2024"),
  standstill: z.object({
    workingDays: text("Standstill period in working days; it starts when the contract award notice is published"),
    statement: text("What the letter says of the standstill period: its length and rule, and with a planned award notice date, when it ends"),
  }),
  contact: z.object({ name: text("Who to contact with questions"), details: text("Their email address (and telephone number)") }),
  awardCriteriaLocation: text("Where the award criteria and assessment methodology can be read in full"),
  bidder: Supplier.extend({
    rank: text("Rank, e.g. 2nd of 5 assessed tenders, 'not ranked' or 'not assessed'"),
    total: text("Total points out of 100"),
    status: text("Ranked, provisional, not ranked or not assessed"),
    exclusion: text("Why the tender was not ranked or not assessed, or empty"),
  }),
  tenders: text("How many tenders were received, assessed and ranked, and what happened to those that were not"),
  isWinner: flagOf("This bidder is the (or a joint) winner"),
  isUnsuccessful: flagOf("This bidder did not win"),
  isRanked: flagOf("This tender was ranked"),
  isExcluded: flagOf("This tender was not ranked (excluded), whether or not it was assessed"),
  isAssessed: flagOf("This tender was assessed against the award criteria (Procurement Act 2023 s.50(5))"),
  isNotAssessed: flagOf("This tender was not assessed: it failed a pass/fail requirement or was disregarded"),
  winner: Supplier.extend({
    total: text("The most advantageous tender's total points"),
    standing: text("Why that tender is the one to be awarded, with the figure that decided it (its points, or its award figure under an award-on-value method, or the rule for awarding lots)"),
  }),
  showMostAdvantageous: flagOf("Whether the summary has a section on the most advantageous tender's assessment (every assessed tender's summary but the winner's own)"),
  includeComparison: flagOf("Whether the side-by-side comparison with the most advantageous tender is included"),
  howAssessed: z.array(z.object({ text: text("How one section's answers were assessed: who scored them, on what scale, how scores were combined") })).describe("How each section was assessed"),
  awardCriteria: z.array(CriterionFields).describe("Every award criterion, its relative importance and the scores available"),
  criteria: z.array(CriterionScore).describe("Each award criterion with this tender's score, descriptor and explanation"),
  scoreRows: z.array(ScoreRow).describe("This tender's sections, price and total"),
  winnerCriteria: z.array(CriterionScore).describe("Each award criterion with the most advantageous tender's score, descriptor and explanation"),
  winnerScoreRows: z.array(ScoreRow).describe("The most advantageous tender's sections, price and total"),
  hasPrice: flagOf("Whether price is scored"),
  price: z.object({
    method: text("Price method and formula in words"),
    available: text("Maximum price points"),
    yours: text("This tender's whole-life price, what it covers, and its price points"),
    winner: text("The most advantageous tender's whole-life price, what it covers, and its price points"),
  }),
  hasAwardValue: flagOf("Whether the award rests on a figure other than the points total (price per quality point, guide value, fictional price)"),
  award: z.object({
    rule: text("What decides the award under an award-on-value method, in words"),
    yours: text("This tender's award figure and how it was reached"),
    winner: text("The most advantageous tender's award figure and how it was reached"),
  }),
  whyNotWinner: z.array(z.object({ text: text("A difference between this tender and the most advantageous tender") })).describe("Why the tender did not win (the comparison)"),
  rounding: text("Statement of how numbers are rounded"),
});
export type AssessmentSummaryData = z.infer<typeof AssessmentSummaryData>;

export interface AssessmentSummaryOptions {
  /**
   * Include the side-by-side comparison with the most advantageous tender. Leaving it out is allowed (the
   * Cabinet Office guidance on assessment summaries, paragraph 5); the most advantageous tender's own
   * assessment is always included (Procurement Act 2023 s.50(4)(b)).
   */
  includeComparison: boolean;
  /** ISO date printed on the summaries. */
  issuedOn: string;
  /** The standstill period counted from the planned award notice date, when one is given. */
  standstill?: StandstillPeriod | undefined;
}

/** The supplier details an assessment summary states (Procurement Regulations 2024 reg. 31(2)(a)–(c)). */
type SupplierDetails = Pick<Bid, "postalAddress" | "email" | "uniqueIdentifier">;

export interface AssessmentSummaryInput {
  specification: TenderSpecification;
  model: ScoringModel;
  result: TenderResult;
  /** Each bid's supplier details and the panel's feedback, from the bids file. */
  bids: TenderBids;
  /** For one lot of a tender in lots. */
  lot?: LotInDocument | undefined;
}


const reasonWords: Record<Exclusion["rule"], string> = {
  "gate-failed": "did not pass a pass/fail requirement",
  "disregarded-abnormally-low": "was disregarded as abnormally low (Procurement Act 2023 s.19)",
  "not-scored": "was not fully scored",
  "below-criterion-minimum": "did not reach a minimum score",
  "below-section-minimum": "did not reach a minimum score",
  "above-budget": "was priced above the budget",
  "workforce-share-undeclared": "had not declared the share of its workforce who are disabled or disadvantaged, which this reserved contract requires",
};


/** "1 did not pass a pass/fail requirement and 2 did not reach a minimum score", from each tender's first reason. */
function reasons(bids: readonly BidResult[]): string {
  const counts = new Map<string, number>();
  for (const b of bids) {
    const words = reasonWords[b.exclusions[0]!.rule];
    counts.set(words, (counts.get(words) ?? 0) + 1);
  }
  const parts = [...counts].map(([words, n]) => `${n} ${words}`);
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** What happened to every tender, in counts only: other bidders are never named. */
function tendersSentence(result: TenderResult): string {
  const received = result.bids.length;
  const assessed = result.bids.filter(isAssessed);
  const ranked = assessed.filter((b) => b.rank !== null);
  const unranked = assessed.filter((b) => b.rank === null);
  const notAssessed = result.bids.filter((b) => !isAssessed(b));
  const out = [`We received ${counted(received, "tender")}.`];
  const all = assessed.length === received ? (received === 1 ? "It was" : received === 2 ? "Both were" : `All ${received} were`) : `${assessed.length} ${assessed.length === 1 ? "was" : "were"}`;
  out.push(
    unranked.length === 0
      ? `${all} assessed against the award criteria and ranked.`
      : `${all} assessed against the award criteria; ${ranked.length} ${ranked.length === 1 ? "was" : "were"} ranked, and ${
          unranked.length === 1 ? `1 was not ranked because it ${reasons(unranked).replace(/^1 /, "")}` : `${unranked.length} were not ranked: ${reasons(unranked)}`
        }.`,
  );
  if (notAssessed.length > 0) {
    out.push(
      notAssessed.length === 1
        ? `1 tender was not assessed: it ${reasons(notAssessed).replace(/^1 /, "")}.`
        : `${notAssessed.length} tenders were not assessed: ${reasons(notAssessed)}.`,
    );
  }
  return out.join(" ");
}

function criterionOf(bid: BidResult | undefined, id: string): CriterionResult | undefined {
  return bid?.sections.flatMap((s) => s.criteria).find((c) => c.criterionId === id);
}

const NO_DESCRIPTOR = "The scoring model gives no description for this score.";

/** The descriptor of a score on its scale; a combined score between two points names both. */
function descriptorOf(model: ScoringModel, criterionId: string, score: Exact): string {
  const section = scoredSections(model).map((s) => s.section).find((s) => s.criteria.some((c) => c.id === criterionId));
  const scale = section ? criterionScale(model, section, section.criteria.find((c) => c.id === criterionId)!) : undefined;
  if (!scale) return NO_DESCRIPTOR;
  const describe = (v: number) => scale.descriptors[String(v)];
  const onScale = scale.values.find((v) => score.equals(v));
  if (onScale !== undefined) return describe(onScale) ?? NO_DESCRIPTOR;
  const below = scale.values.filter((v) => score.compare(v) > 0).at(-1);
  const above = scale.values.find((v) => score.compare(v) < 0);
  if (below === undefined || above === undefined || !describe(below) || !describe(above)) return NO_DESCRIPTOR;
  return `Between ${below} (${describe(below)}) and ${above} (${describe(above)})`;
}

/** What a quantitative criterion's figure earned, against the figure that earns all the points. */
function measuredDescriptor(c: CriterionResult): string {
  const m = c.measure!;
  const best = `${formatScore(m.best)} ${m.unit}`;
  const share = formatPercent(m.share.mul(100));
  return m.method === "interpolation"
    ? `Not marked on a scale: the figure earns ${share} of the points (${best} earns all of them and ${formatScore(m.worst!)} ${m.unit} none, in a straight line between).`
    : `Not marked on a scale: the figure earns ${share} of the points, against the best figure offered (${best}).`;
}

const pointsOf = (c: CriterionResult) => `${formatPoints(c.points)} of ${formatPoints(c.availablePoints)}`;

const combinedBy = { consensus: "agreed by consensus at moderation (the mean where evaluators were within tolerance)", mean: "combined as the mean", median: "combined as the median" };

function howAssessed(model: ScoringModel, result: TenderResult): { text: string }[] {
  const example = result.bids[0];
  const lines = (example?.sections ?? []).map((s) => {
    const section = scoredSection(model, s.section)!;
    const scorers = s.criteria.find((c) => c.measure === undefined)?.evaluatorScores.length ?? 0;
    const measured = section.criteria.filter((c) => c.measure !== undefined);
    const byFigure = measured.map((c) => `${c.id} ${c.title} was scored from the figure each tender offered: ${describeMeasure(c.measure!).formula}`).join("; ");
    if (measured.length === section.criteria.length) return { text: `${s.title}: ${byFigure}.` };
    const who = s.kind === "user-panel" ? `${scorers} members of a user panel of people who use services` : `${scorers} evaluator${scorers === 1 ? "" : "s"}, each on their own`;
    const method = section.combination?.method ?? model.combination.method;
    const scales = [...new Set(section.criteria.filter((c) => c.measure === undefined).map((c) => criterionScale(model, section, c)!.title))].map((t) => `the ${t}`);
    return { text: `${s.title}: each answer was scored by ${who}, on ${scales.join(" or ")}${scales.length > 1 ? " as each criterion states" : ""}; the scores were ${combinedBy[method]}${measured.length > 0 ? `. ${byFigure}` : ""}.` };
  });
  // Under an award-on-value method price earns no points: the method is the award rule, not "at most 0 points".
  // Only the name's first letter is lowered: the rest names sources ("ANAC guideline no. 2", "Bid Evaluation Guidance Note").
  const name = result.price ? result.price.description.name.charAt(0).toLowerCase() + result.price.description.name.slice(1) : "";
  if (result.price && awardFigure(result) !== undefined) lines.push({ text: `Award: ${result.price.description.name}; ${result.price.description.formula}.` });
  else if (result.price) lines.push({ text: `Price: ${name}; ${result.price.description.formula}; at most ${formatPoints(result.price.maxPoints, 0)} points.` });
  return lines;
}

const legalBasis: Record<TenderSpecification["regime"], string> = {
  "procurement-act-2023": "section 50 of the Procurement Act 2023 and regulation 31 of the Procurement Regulations 2024",
  // Not built: summariesProblems refuses these before any data is made.
  "procurement-act-2023-wales": "",
  "public-contracts-scotland-2015": "",
};

function supplierOf(bid: BidResult, details: SupplierDetails | undefined): z.infer<typeof Supplier> {
  return { name: bid.bidder, postalAddress: details?.postalAddress ?? "", email: details?.email ?? "", uniqueIdentifier: details?.uniqueIdentifier ?? "" };
}

function criterionScores(model: ScoringModel, result: TenderResult, bid: BidResult, feedback: Readonly<Record<string, string>>, fields = criterionFields(model, result)) {
  return fields.flatMap((c) => {
    const mine = criterionOf(bid, c.id);
    if (!mine) return [];
    if (mine.measure !== undefined) {
      const figure = `${formatScore(mine.combined)} ${mine.measure.unit}`;
      return [{ ...c, score: figure, descriptor: measuredDescriptor(mine), points: pointsOf(mine), explanation: feedback[c.id] ?? `The tender offered ${figure}.` }];
    }
    return [{ ...c, score: formatScore(mine.combined), descriptor: descriptorOf(model, c.id, mine.combined), points: pointsOf(mine), explanation: feedback[c.id] ?? "" }];
  });
}

function scoreRows(bid: BidResult, winner: BidResult | undefined, result: TenderResult, comparison: boolean): z.infer<typeof ScoreRow>[] {
  const theirs = (points: Exact | undefined) => (comparison && points !== undefined ? formatPoints(points) : "");
  const rows = bid.sections.map((s) => ({
    item: s.title,
    points: formatPoints(s.points),
    available: formatPoints(s.weight),
    winnerPoints: theirs(winner?.sections.find((w) => w.section === s.section)?.points),
  }));
  if (result.price && awardFigure(result) === undefined) {
    // A tender excluded before price scoring has no price points: say so rather than print a dash.
    rows.push({ item: "Price", points: bid.price?.points !== undefined ? formatPoints(bid.price.points) : "Not scored", available: formatPoints(result.price.maxPoints), winnerPoints: theirs(winner?.price?.points) });
  }
  // A tender not ranked has no total, as in the evaluation report: its sections' points are its assessment.
  rows.push({ item: "Total", points: bid.status === "excluded" ? "Not ranked" : formatPoints(bid.total), available: formatPoints(sum([...bid.sections.map((s) => s.weight), result.price?.maxPoints ?? ZERO])), winnerPoints: theirs(winner?.total) });
  return rows;
}

/** "Your whole-life price, over the 3 contract years and 2 optional extension years, was £1,015,000, earning 25.42 of 30 price points." */
function priceSentence(bid: BidResult, whose: string, result: TenderResult, specification: Pick<TenderSpecification, "contract">): string {
  if (!bid.price || !result.price) return "";
  const years = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
  const span = bid.price.includesExtensionYears && bid.price.extensionYears.length > 0
    ? `${years(bid.price.years.length, "contract year")} and ${years(bid.price.extensionYears.length, "optional extension year")}`
    : years(bid.price.years.length, "contract year");
  // Under an award-on-value method price earns no points: the award sentence says what the price did.
  if (awardFigure(result) !== undefined) return `${whose} whole-life price, over the ${span}, was ${formatMoney(bid.price.wholeLifeCost)}.`;
  const points = bid.price.points !== undefined
    ? `earning ${formatPoints(bid.price.points)} of ${formatPoints(result.price.maxPoints, 0)} price points`
    : "which was not scored, because the tender was not ranked";
  // Say which form of the price was scored: a discount on the base, one total, or the yearly prices.
  if (bid.price.basis === "discount" && bid.price.discountPercent !== undefined && result.price.base !== undefined) {
    const scored = bid.price.points !== undefined ? `${points} for the discount` : "which was not scored, because the tender was not ranked";
    return `${whose} tender offered a discount of ${formatPercent(bid.price.discountPercent, 4)} on the base price of ${formatMoney(result.price.base)}, a whole-life price of ${formatMoney(bid.price.wholeLifeCost)}, ${scored}.`;
  }
  if (bid.price.basis === "total") {
    return `${whose} whole-life price, given as one total for the ${scoredSpan(result, specification)}, was ${formatMoney(bid.price.wholeLifeCost)}, ${points}.`;
  }
  return `${whose} whole-life price, over the ${span}, was ${formatMoney(bid.price.wholeLifeCost)}, ${points}.`;
}

/** The years a one-total price covers, from the specification as the result records it. */
function scoredSpan(result: TenderResult, specification: Pick<TenderSpecification, "contract">): string {
  const { years, extensionYears } = specification.contract;
  return result.price?.includesExtensionYears && extensionYears > 0
    ? `${counted(years, "contract year")} and ${counted(extensionYears, "optional extension year")}`
    : counted(years, "contract year");
}

function rankText(bid: BidResult, result: TenderResult): string {
  if (!isAssessed(bid)) return "not assessed";
  if (bid.rank === null) return "not ranked";
  const { assessed, ranked } = shared(result);
  const place = `${formatOrdinal(bid.rank)}${bid.tiedWith.length > 0 ? " (joint)" : ""}`;
  return ranked === assessed.length ? `${place} of ${ranked} assessed ${plural(ranked, "tender")}` : `${place} of ${ranked} ranked ${plural(ranked, "tender")}`;
}

/**
 * Why an assessment summary cannot be written yet, all at once: the regime it would be written under is not
 * built, the specification lacks the contact or where the full award criteria are, a supplier's details are
 * missing (reg. 31(2)(b)–(c)), or the panel has not written the feedback for an assessed tender's criterion.
 */
export function summariesProblems(input: AssessmentSummaryInput): Problem[] {
  const { specification, result, bids } = input;
  if (specification.regime !== "procurement-act-2023") {
    return [problem("summaries.regime-not-built", { document: "specification", path: ["regime"] }, { regime: specification.regime })];
  }
  const problems: Problem[] = [];
  if (specification.awardCriteriaLocation === undefined) problems.push(problem("summaries.award-criteria-location-missing", { document: "specification", path: [] }, {}));
  if (specification.contact === undefined) problems.push(problem("summaries.contact-missing", { document: "specification", path: [] }, {}));
  const index = new Map(bids.bids.map((b, i) => [b.id, i]));
  const panelIdsIn = panelIdFinder(bids);
  // A letter must not state a score the panel has yet to agree.
  for (const m of result.moderationNeeded) {
    const bidder = result.bids.find((b) => b.bidId === m.bidId)!.bidder;
    problems.push(problem("summaries.moderation-pending", { document: "bids", path: ["bids", index.get(m.bidId)!, "scores", m.criterionId] }, { bid: m.bidId, bidder, criterion: m.criterionId }));
  }
  for (const bid of result.bids) {
    const i = index.get(bid.bidId)!;
    const given = bids.bids[i]!;
    const missing = (["postalAddress", "email", "uniqueIdentifier"] as const).filter((k) => given[k] === undefined);
    if (missing.length > 0) problems.push(problem("summaries.supplier-details-missing", { document: "bids", path: ["bids", i] }, { bid: bid.bidId, bidder: bid.bidder, missing }));
    if (!isAssessed(bid)) continue;
    for (const c of bid.sections.flatMap((s) => s.criteria)) {
      if (given.feedback[c.criterionId] === undefined && needsFeedback(c)) {
        problems.push(problem("summaries.feedback-missing", { document: "bids", path: ["bids", i, "feedback"] }, { bid: bid.bidId, bidder: bid.bidder, criterion: c.criterionId }));
      }
      const named = panelIdsIn(given.feedback[c.criterionId]);
      if (named.length > 0) {
        problems.push(problem("summaries.feedback-names-panel", { document: "bids", path: ["bids", i, "feedback", c.criterionId] }, { bid: bid.bidId, bidder: bid.bidder, criterion: c.criterionId, ids: named }));
      }
    }
  }
  return problems;
}

/**
 * Finds the evaluators' and user-panel members' ids a feedback text names as whole words ("E1 gave 5"):
 * feedback is quoted to bidders, so it must be the panel's agreed explanation, never who scored what.
 * One pattern per run, since a framework checks thousands of texts.
 */
function panelIdFinder(bids: TenderBids): (feedback: string | undefined) => string[] {
  const ids = [...bids.panel.evaluators.map((e) => e.id), ...bids.panel.userPanel.map((m) => m.id)];
  if (ids.length === 0) return () => [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![\\p{L}\\p{N}_])`, "gu");
  return (feedback) => (feedback === undefined ? [] : [...new Set(feedback.match(pattern) ?? [])]);
}

/** The assessment summary for one bidder (Procurement Act 2023 s.50; Procurement Regulations 2024 reg. 31). */
/**
 * What every letter of a run shares, worked out once per result rather than once per letter: a framework
 * sends a thousand, and looking each bid up by scanning every bid made the run quadratic.
 */
const sharedByResult = new WeakMap<TenderResult, { byId: Map<string, BidResult>; assessed: BidResult[]; ranked: number; tenders: string }>();
function shared(result: TenderResult) {
  let figures = sharedByResult.get(result);
  if (figures === undefined) {
    const assessed = result.bids.filter(isAssessed);
    figures = { byId: new Map(result.bids.map((b) => [b.bidId, b])), assessed, ranked: assessed.filter((b) => b.rank !== null).length, tenders: tendersSentence(result) };
    sharedByResult.set(result, figures);
  }
  return figures;
}
const detailsByBids = new WeakMap<TenderBids, Map<string, Bid>>();
function detailsOf(bids: TenderBids): Map<string, Bid> {
  let details = detailsByBids.get(bids);
  if (details === undefined) detailsByBids.set(bids, (details = new Map(bids.bids.map((b) => [b.id, b]))));
  return details;
}

/**
 * The fields every letter of a run states alike (the tender, the criteria, how they were assessed, the most
 * advantageous tender's assessment), worked out once for a result with its model, specification and bids:
 * the winner's assessment alone was a third of each letter's data (issue 15). Letters share these objects;
 * nothing that renders them changes them.
 */
interface RunFields {
  model: ScoringModel;
  specification: TenderSpecification;
  bids: TenderBids;
  tender: z.infer<typeof TenderFields>;
  howAssessed: { text: string }[];
  awardCriteria: z.infer<typeof CriterionFields>[];
  winnerCriteria: z.infer<typeof CriterionScore>[];
  winnerScoreRows: z.infer<typeof ScoreRow>[];
  winnerPrice: string;
  winnerAward: string;
  awardRule: string;
  rounding: string;
}
const fieldsByResult = new WeakMap<TenderResult, RunFields>();
function runFields(input: AssessmentSummaryInput, winner: BidResult | undefined, feedbackOf: (id: string) => Readonly<Record<string, string>>): RunFields {
  const { specification, model, result, bids } = input;
  const cached = fieldsByResult.get(result);
  if (cached !== undefined && cached.model === model && cached.specification === specification && cached.bids === bids) return cached;
  const awardCriteria = criterionFields(model, result);
  const fields: RunFields = {
    model,
    specification,
    bids,
    tender: tenderFields(specification),
    howAssessed: howAssessed(model, result),
    awardCriteria,
    winnerCriteria: winner ? criterionScores(model, result, winner, feedbackOf(winner.bidId), awardCriteria) : [],
    winnerScoreRows: winner ? scoreRows(winner, undefined, result, false) : [],
    winnerPrice: winner ? priceSentence(winner, "Its", result, specification) : "",
    winnerAward: winner ? awardSentence(result, winner, "Its") : "",
    awardRule: awardRuleSentence(result),
    rounding: roundingStatement(result.rounding),
  };
  fieldsByResult.set(result, fields);
  return fields;
}

export function assessmentSummaryData(input: AssessmentSummaryInput & { bidId: string }, options: AssessmentSummaryOptions): AssessmentSummaryData {
  const { specification, model, result, bids, bidId } = input;
  const { byId, tenders } = shared(result);
  const bid = byId.get(bidId);
  if (!bid) throw new Error(`no bid ${bidId} in the result`);
  const details = detailsOf(bids);
  const feedbackOf = (id: string) => details.get(id)?.feedback ?? {};
  const winner = result.winners[0] === undefined ? undefined : byId.get(result.winners[0]);
  const run = runFields(input, winner, feedbackOf);
  const isWinner = result.winners.includes(bidId);
  const assessed = isAssessed(bid);
  // An unranked tender's reason is stated on its own (reg. 31(3)(c)); a points comparison would compare a
  // total without price points with one that has them.
  const comparison = options.includeComparison && !isWinner && bid.rank !== null && winner !== undefined;
  const whyNotWinner: { text: string }[] = [];
  if (comparison) {
    const figure = awardFigure(result);
    const mine = bid.price?.awardValue;
    const theirs = winner.price?.awardValue;
    // Under an award-on-value method the figure decided, not the points total: say so first.
    if (figure !== undefined && mine !== undefined && theirs !== undefined) {
      whyNotWinner.push({ text: `Your tender had ${figure.phrase(mine)}; the most advantageous tender had ${figure.phrase(theirs)}.` });
    }
    whyNotWinner.push({ text: `Your total was ${formatPoints(bid.total)} points; the most advantageous tender scored ${formatPoints(winner.total)}.` });
    const diff = (title: string, mine: Exact | undefined, theirs: Exact | undefined) => {
      if (!mine || !theirs) return;
      const gap = theirs.sub(mine);
      if (gap.compare(0) > 0) whyNotWinner.push({ text: `${title}: the most advantageous tender scored ${formatPoints(gap)} points more (${formatPoints(theirs)} against your ${formatPoints(mine)}).` });
      else if (gap.compare(0) < 0) whyNotWinner.push({ text: `${title}: your tender scored ${formatPoints(gap.neg())} points more than the most advantageous tender (${formatPoints(mine)} against ${formatPoints(theirs)}).` });
    };
    for (const s of bid.sections) diff(s.title, s.points, winner.sections.find((w) => w.section === s.section)?.points);
    diff("Price", bid.price?.points, winner.price?.points);
  }
  const contact = specification.contact;
  const lot = summaryLotFields(input.lot, bidId);
  return {
    documentTitle: `Assessment summary: ${bid.bidder} – ${specification.title}${input.lot !== undefined ? ` – Lot ${input.lot.id}: ${input.lot.title}` : ""}`,
    tender: run.tender,
    isLot: input.lot !== undefined,
    hasLotAward: lot.award !== "",
    lot,
    issuedOn: formatDate(options.issuedOn),
    legalBasis: legalBasis[specification.regime],
    standstill: {
      // An end date only when counted from the award notice's date, never from this letter's (see standstill-statement.ts).
      workingDays: String(specification.dates.standstillWorkingDays),
      statement: standstillStatement(specification.dates.standstillWorkingDays, options.standstill),
    },
    contact: { name: contact?.name ?? "", details: contact ? [contact.email, ...(contact.phone ? [`telephone ${contact.phone}`] : [])].join(", ") : "" },
    awardCriteriaLocation: specification.awardCriteriaLocation ?? "",
    bidder: {
      ...supplierOf(bid, details.get(bidId)),
      rank: rankText(bid, result),
      total: formatPoints(bid.total),
      status: !assessed ? "Not assessed" : bid.status === "excluded" ? "Not ranked" : bid.provisional ? "Provisional" : "Ranked",
      exclusion: bid.exclusions.map(explainExclusion).join("; "),
    },
    tenders,
    isWinner,
    isUnsuccessful: !isWinner,
    isRanked: bid.rank !== null,
    isExcluded: bid.status === "excluded",
    isAssessed: assessed,
    isNotAssessed: !assessed,
    winner: winner
      ? { ...supplierOf(winner, details.get(winner.bidId)), name: result.winners.map((id) => byId.get(id)!.bidder).join(" and "), total: formatPoints(winner.total), standing: winnerStanding(result, winner, input.lot) }
      : { name: "None", postalAddress: "", email: "", uniqueIdentifier: "", total: "", standing: "" },
    showMostAdvantageous: !isWinner && assessed && winner !== undefined,
    includeComparison: comparison,
    howAssessed: run.howAssessed,
    awardCriteria: run.awardCriteria,
    criteria: assessed ? criterionScores(model, result, bid, feedbackOf(bidId), run.awardCriteria) : [],
    scoreRows: assessed ? scoreRows(bid, winner, result, comparison) : [],
    winnerCriteria: run.winnerCriteria,
    winnerScoreRows: run.winnerScoreRows,
    hasPrice: result.price !== undefined,
    price: {
      method: result.price ? `${result.price.description.name}: ${result.price.description.formula}` : "Price is not scored",
      available: result.price ? formatPoints(result.price.maxPoints, 0) : "0",
      yours: priceSentence(bid, "Your", result, specification),
      winner: run.winnerPrice,
    },
    hasAwardValue: awardFigure(result) !== undefined,
    award: {
      rule: run.awardRule,
      yours: assessed ? awardSentence(result, bid, "Your") : "",
      winner: run.winnerAward,
    },
    whyNotWinner,
    rounding: run.rounding,
  };
}

/**
 * Why the tender to be awarded is that one, in the words that are true of it. Its points decide only under a
 * points method: under an award-on-value method the award figure does (a newcomer read "the most advantageous
 * tender, with 60.00 points" in a letter to a bidder with 92), and in a lot awarded under a limit on lots per
 * bidder the first-ranked tender may have been passed over.
 */
function winnerStanding(result: TenderResult, winner: BidResult, lot: LotInDocument | undefined): string {
  const points = `${formatPoints(winner.total)} points out of 100`;
  if (lot !== undefined && lot.award.status === "awarded" && lot.award.passedOver.length > 0) {
    return `whose tender ranked ${formatOrdinal(lot.award.rank)} in this lot, with ${points}, and is the highest-ranked tender that may be awarded it under the published rule for awarding the lots (below)`;
  }
  const figure = awardFigure(result);
  const value = winner.price?.awardValue;
  if (figure !== undefined && value !== undefined) return `whose tender is the most advantageous tender: it had ${figure.phrase(value)}, which decides the award under the published method (below), and scored ${points}`;
  return `whose tender is the most advantageous tender, with ${points}`;
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
