import { z } from "zod";
import { toExactText, type Exact } from "../arithmetic/exact.js";
import { titleOfKey } from "../model/sections.js";
import { formatChance, formatDate, formatMoney, formatOrdinal, formatPercent, formatPoints, formatScore } from "../language/uk-format.js";
import type { CriterionImprovement, PriceImprovement } from "../sensitivity/improvement.js";
import type { SmaaResult } from "../sensitivity/smaa.js";
import { firstPlaceInterval, standingsAt, type WeightSweep, type WeightingProblem } from "../sensitivity/weight-sweep.js";
import type { WeightingAsk } from "../sensitivity/weighting-asks.js";
import { describeWeights, type WeightRange } from "../sensitivity/weight-ranges.js";
import { flagOf, text } from "./common-data.js";

const Picture = text("A chart, as a picture: use it as a raw tag, {@picture}, alone in its own paragraph");
const Sentence = z.object({ text: text("One sentence in plain English") });

export const WhatifBriefingData = z.object({
  documentTitle: text("How the proposed weighting affects organisations like ours"),
  organisation: text("The organisation the briefing is written for"),
  tenderLabel: text("What tenderTitle names: 'Tender' for a scored tender, 'Proposed scoring model' for expected scores and profiles, where no tender exists yet"),
  tenderTitle: text("The tender or proposed scoring model"),
  preparedOn: text("Date the briefing was prepared, e.g. 22 November 2026"),
  basis: text("What the figures are based on: a scored tender, or expected scores and rough competitor profiles"),
  inBrief: z.array(Sentence).describe("The key figures, a sentence each"),
  weights: z.array(z.object({ section: text("Section"), weight: text("Proposed weight, e.g. 30%") })).describe("The proposed weighting"),
  standings: z
    .array(z.object({ rank: text("Rank at the proposed weights, e.g. 1 or 2="), bidder: text("Bidder or profile"), total: text("Total out of 100 at the proposed weights (1 decimal place)") }))
    .describe("Every bid's total and rank at the proposed weights"),
  sections: z
    .array(
      z.object({
        title: text("Section, e.g. Price"),
        currentWeight: text("Proposed weight, e.g. 30%"),
        summary: text("When the organisation comes first as this weight moves, in plain English"),
        picture: Picture,
        pictureCaption: text("What the chart shows"),
        hasCrossings: flagOf("Whether any bid overtakes or is overtaken by the organisation as this weight moves"),
        crossings: z
          .array(z.object({ weight: text("Break-even weight, rounded to 0.1%"), change: text("Who overtakes whom") }))
          .describe("Break-even weights at which the organisation changes places with another bid"),
        otherCrossings: text("How many crossings between other bids the chart also marks"),
      }),
    )
    .describe("How each section's weight changes the result"),
  chance: z.object({
    intro: text("What the chance of coming first means and how it was estimated"),
    picture: Picture,
    pictureCaption: text("What the chart shows"),
    hasTopPlaces: flagOf("Whether there are enough bids for 'in the top two' or 'in the top three' to say more than 'first' (three bids or more)"),
    topHeading: text("The heading of the top places column: 'Top two' with three bids, 'Top three' with more"),
    rows: z
      .array(z.object({ bidder: text("Bidder or profile"), first: text("How often it came first among the weightings tried"), topPlaces: text("How often it came in the top two (three bids) or top three (more bids); empty with two bids"), typicalWeights: text("Average weights when it comes first, or 'not first in any sample'") }))
      .describe("Chance of each rank, per bid"),
  }),
  hasImprovements: flagOf("Whether improvements to the organisation's own scores were worked out (a scored tender only)"),
  improvementsIntro: text("What the improvements table shows"),
  improvements: z
    .array(z.object({ what: text("Criterion or price"), now: text("The current score or price"), needed: text("What would make the organisation first, all else equal") }))
    .describe("Smallest improvement per criterion that would put the organisation first"),
  method: z.array(Sentence).describe("How the figures were worked out, including rounding"),
});
export type WhatifBriefingData = z.infer<typeof WhatifBriefingData>;

export interface WhatifBriefingInput {
  title: string;
  /** The bid (or profile) the briefing is written for. */
  organisationId: string;
  basis: "tender" | "profiles";
  problem: WeightingProblem;
  sweeps: readonly WeightSweep[];
  smaa: SmaaResult;
  seed: number;
  /** Limits on section weights (percent) used for the chance of winning, if any. */
  weightRanges?: readonly WeightRange[];
  uncertainScores: boolean;
  /** What weighting to ask for, and how often the organisation came first among weightings within it. */
  askFor?: { asks: readonly WeightingAsk[]; firstShare: number; samples: number };
  /** Where to invest effort (a scored tender with the organisation's bid only). */
  improvements?: { criteria: readonly CriterionImprovement[]; price: PriceImprovement | undefined };
  today: string;
}

/** A chart the briefing shows: its id in the data, and what to draw. */
export type BriefingChart = { id: string; kind: "weight"; sweep: WeightSweep } | { id: string; kind: "chance" };

const weightText = (w: Exact) => formatPercent(w, 1);
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
const totalText = (t: Exact) => formatPoints(t, 1);

/**
 * What to ask the commissioner for, in a trustee's words: "What to ask for: price at 27% or less and user
 * panel at 14% or more. With both, X would come first in about 92 of every 100 weightings tried."
 */
function askSentence(askFor: NonNullable<WhatifBriefingInput["askFor"]>, orgName: string, within: string, titleOf: (key: string) => string): string {
  const words = askFor.asks.map((a) => `${titleOf(a.section).toLowerCase()} at ${a.weight}% ${a.side === "at most" ? "or less" : "or more"}`);
  const list = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} and ${words.at(-1)!}`;
  const keep = askFor.asks.every((a) => a.alreadyMet);
  const lead = keep ? `What to ask the commissioner to keep: ${list}.` : `What to ask for: ${list}.`;
  const withIt = words.length === 1 ? "With it" : words.length === 2 ? "With both" : "With all of them";
  const share = askFor.firstShare === 0 ? "none of the" : inEvery100(askFor.firstShare);
  return `${lead} ${withIt}, ${orgName} would come first in ${share} weightings tried${within}.`;
}

/** "about 92 of every 100": a count of weightings a trustee can picture, never "0" or "100" for what happened in some. */
function inEvery100(share: number): string {
  const n = Math.round(share * 100);
  if (n < 1) return "fewer than 1 in every 100";
  if (n >= 100 && share < 1) return "more than 99 of every 100";
  return n === 100 ? "all" : `about ${n} of every 100`;
}


/**
 * The figures of a what-if analysis, written for one organisation to take to a pre-tender consultation:
 * where it stands at the proposed weights, at which weights it would win or lose, its chance of winning
 * when the weights are uncertain, and where effort would count. The charts are named by id here; the
 * caller draws them (see `briefingCharts`).
 */
export function whatifBriefingData(input: WhatifBriefingInput): WhatifBriefingData {
  const { problem, organisationId: org } = input;
  const names = new Map(problem.bids.map((b) => [b.bidId, b.bidder]));
  // Known sections by their usual titles; further ones (e.g. Fair work practices) by their own.
  const titleOf = (key: string) => titleOfKey(key, problem.titles?.get(key));
  const orgName = names.get(org);
  if (orgName === undefined) throw new RangeError(`no bid or profile "${org}" in the analysis`);
  const name = (id: string) => names.get(id) ?? id;
  const standings = standingsAt(problem);
  const own = standings.find((s) => s.bidId === org)!;
  const others = standings.filter((s) => s.bidId !== org);
  const bestOther = others[0];
  const orgIndex = problem.bids.findIndex((b) => b.bidId === org);
  const firstChance = input.smaa.rankAcceptability[orgIndex]![0]!;
  const count = standings.length;

  const inBrief: string[] = [];
  const rankWords = `${own.tied ? "joint " : ""}${formatOrdinal(own.rank)} of ${count}`;
  inBrief.push(`At the proposed weights, ${orgName} scores ${totalText(own.total)} out of 100 and comes ${rankWords}.`);
  if (bestOther !== undefined) {
    const gap = own.total.sub(bestOther.total);
    if (gap.compare(0) > 0) inBrief.push(`It leads ${bestOther.bidder}, the next highest, by ${totalText(gap)} points.`);
    else if (gap.equals(0)) inBrief.push(`It is level with ${bestOther.bidder}.`);
    else inBrief.push(`${bestOther.bidder} leads with ${totalText(bestOther.total)}, ${totalText(gap.neg())} points ahead.`);
  }

  const sections = input.sweeps.map((sweep) => {
    const title = titleOf(sweep.section);
    const lower = title.toLowerCase();
    const interval = firstPlaceInterval(sweep, org);
    const current = sweep.currentWeight;
    const involving = sweep.breakEvens.filter((b) => b.above === org || b.below === org);
    let summary: string;
    // First or joint first at one weight alone is a tie with the leader there, never a win: say so.
    const tieOnly = interval !== undefined && interval.from.equals(interval.to);
    if (interval === undefined) {
      summary = `Whatever weight is given to ${lower} (with the other weights in proportion), ${orgName} would not come first.`;
    } else if (tieOnly) {
      summary = `${orgName} could at best tie for first place, and only with ${lower} weighted at exactly ${weightText(interval.from)} (other weights in proportion); at every other ${lower} weight another bid scores more.`;
    } else if (interval.from.equals(0) && interval.to.equals(100)) {
      summary = `${orgName} comes first at every ${lower} weight from 0% to 100%.`;
    } else {
      const range = interval.from.equals(0)
        ? `up to ${weightText(interval.to)}`
        : interval.to.equals(100)
          ? `at ${weightText(interval.from)} or more`
          : `between ${weightText(interval.from)} and ${weightText(interval.to)}`;
      const inside = current.compare(interval.from) >= 0 && current.compare(interval.to) <= 0;
      // Who takes first place beyond each end: above the top end a steeper line overtakes; below the
      // bottom end the organisation is the steeper line, so the other bid leads there.
      const edge = (at: Exact, side: "above" | "below") => {
        const b = involving.find((x) => x.weight.equals(at) && (side === "above" ? x.below === org : x.above === org));
        return b ? name(side === "above" ? b.above : b.below) : undefined;
      };
      const parts = [`${orgName} comes first when ${lower} is weighted ${range}; the proposed ${weightText(current)} is ${inside ? "inside" : "outside"} that range.`];
      if (!interval.to.equals(100)) {
        const winner = edge(interval.to, "above");
        parts.push(`Above ${weightText(interval.to)}${winner ? `, ${winner} would score more.` : ", another bid would score more."}`);
      }
      if (!interval.from.equals(0)) {
        const winner = edge(interval.from, "below");
        parts.push(`Below ${weightText(interval.from)}${winner ? `, ${winner} would score more.` : ", another bid would score more."}`);
      }
      summary = parts.join(" ");
    }
    if (interval !== undefined && !tieOnly && (interval.from.compare(0) > 0 || interval.to.compare(100) < 0)) {
      if (current.compare(interval.from) >= 0 && current.compare(interval.to) <= 0) {
        const limits = [interval.from.compare(0) > 0 ? `falls below ${weightText(interval.from)}` : "", interval.to.compare(100) < 0 ? `rises above ${weightText(interval.to)}` : ""].filter(Boolean);
        inBrief.push(`It would lose first place if the ${lower} weight ${limits.join(" or ")} (other weights in proportion).`);
      } else {
        inBrief.push(`It would come first if ${lower} were weighted ${interval.from.equals(0) ? `at ${weightText(interval.to)} or less` : interval.to.equals(100) ? `at ${weightText(interval.from)} or more` : `between ${weightText(interval.from)} and ${weightText(interval.to)}`} (other weights in proportion).`);
      }
    }
    return {
      title,
      currentWeight: weightText(current),
      summary,
      picture: `chart-${sweep.section}`,
      pictureCaption: `Each bid's total as the ${lower} weight goes from 0% to 100%, the other weights keeping their proportions. ${orgName}'s line is the thick one; circles mark where two bids change places; the dashed line is the proposed weight.`,
      hasCrossings: involving.length > 0,
      crossings: involving.map((b) => ({
        weight: weightText(b.weight),
        change: b.above === org ? `${orgName} overtakes ${name(b.below)} as the ${lower} weight rises` : `${name(b.above)} overtakes ${orgName} as the ${lower} weight rises`,
      })),
      otherCrossings:
        sweep.breakEvens.length === involving.length
          ? "The chart marks no other crossings."
          : `The chart also marks ${plural(sweep.breakEvens.length - involving.length, "point")} where two other bids change places.`,
    };
  });

  const ranges = input.weightRanges ?? [];
  const within = ranges.length > 0 ? ` within the limits (${ranges.map((r) => `${titleOf(r.section).toLowerCase()} ${r.low}% to ${r.high}%`).join(", ")})` : "";
  inBrief.push(
    firstChance === 0
      ? `${orgName} came first in none of the ${input.smaa.samples.toLocaleString("en-GB")} weightings tried${within}.`
      : `${orgName} would come first in ${inEvery100(firstChance)} weightings tried${within}. That is not its chance of winning the contract: it shows how much the result depends on the weights chosen.`,
  );
  if (input.askFor !== undefined) inBrief.push(askSentence(input.askFor, orgName, within, titleOf));
  const improvements = input.improvements ? improvementRows(input.improvements.criteria, input.improvements.price) : [];
  const price = input.improvements?.price;
  if (price?.needed && !price.alreadyFirst) {
    inBrief.push(`All else equal, a whole-life price of ${formatMoney(price.needed)} or less (now ${formatMoney(price.current)}) would put ${orgName} first.`);
  }

  const sectionOrder = [...problem.weights.keys()];
  // "In the top three" of three bids is every bid, always: say top two there, and nothing with two bids.
  const topPlaces = Math.min(3, problem.bids.length - 1);
  const rows = problem.bids.map((b, i) => {
    const row = input.smaa.rankAcceptability[i]!;
    const central = input.smaa.centralWeights[i];
    return {
      bidder: b.bidder,
      first: formatChance(row[0]!),
      topPlaces: topPlaces >= 2 ? formatChance(Math.min(1, row.slice(0, topPlaces).reduce((a, v) => a + v, 0))) : "",
      typicalWeights: central ? describeWeights(central, sectionOrder, problem.titles) : "not first in any sample",
    };
  });

  const basis =
    input.basis === "tender"
      ? "The figures use the bids as scored: each bid's share of the points available in each section stays as it is, and only the weights change."
      : `The figures use ${orgName}'s own expected scores and price and rough profiles of likely competitors, scored under the proposed model; they show what the weighting does, not what the real bids will score.`;
  const method = [
    "When one section's weight moves, the other sections keep their proportions to each other, so the weights still add up to 100%.",
    "Each bid's total is then a straight line in that weight, so the weights at which two bids change places (break-even points) were solved exactly, not estimated. The exact values are in the tables.",
    `How often each bid came first is an estimate, not a chance of winning the contract: ${input.smaa.samples.toLocaleString("en-GB")} weightings were drawn at random${within}, every weighting equally likely (SMAA-2), and each bid's share of first places counted. Anyone can repeat it exactly with seed ${input.seed}.`,
    ...(input.basis === "profiles"
      ? ["Competitors' prices given relative to yours (such as 15% cheaper) were turned into pounds at your expected price; in the price that would put you first, they stay at those pounds while yours changes."]
      : []),
    ...(input.uncertainScores ? ["Where a score was given as a range, the break-even points use the middle of the range, and each weighting tried draws the score at random within it."] : []),
    "Totals are shown to 1 decimal place, weights to 0.1 of a percentage point and chances to the nearest whole percent. Every figure was calculated from unrounded values; rounding is for display only.",
    ...input.sweeps.flatMap((sweep) => {
      const own = sweep.breakEvens.filter((b) => b.above === org || b.below === org);
      return own.length === 0 ? [] : [`The break-even weights for ${titleOf(sweep.section).toLowerCase()}, exactly: ${own.map((b) => `${toExactText(b.weight)}%`).join(", ")}.`];
    }),
  ];

  return {
    documentTitle: "How the proposed weighting affects organisations like ours",
    organisation: orgName,
    tenderLabel: input.basis === "tender" ? "Tender" : "Proposed scoring model",
    tenderTitle: input.title,
    preparedOn: formatDate(input.today),
    basis,
    inBrief: inBrief.map((t) => ({ text: t })),
    weights: sectionOrder.map((k) => ({ section: titleOf(k), weight: weightText(problem.weights.get(k)!) })),
    standings: standings.map((s) => ({ rank: `${s.rank}${s.tied ? "=" : ""}`, bidder: s.bidder, total: totalText(s.total) })),
    sections,
    chance: {
      intro: `How often each bid would come first if nobody knew the final weights and every weighting${within} were equally likely. A bid that can never come first, whatever the weights, has no chance at all; a high chance means the result does not hang on one particular choice of weights.`,
      picture: "chart-chance",
      pictureCaption: `How often each came first among ${input.smaa.samples.toLocaleString("en-GB")} weightings tried. ${orgName}'s bar is dark blue.`,
      hasTopPlaces: topPlaces >= 2,
      topHeading: topPlaces === 3 ? "Top three" : "Top two",
      rows,
    },
    hasImprovements: improvements.length > 0,
    improvementsIntro: `The smallest change to ${orgName}'s own result on each criterion that would put it first at the proposed weights, everything else staying the same.`,
    improvements,
    method: method.map((t) => ({ text: t })),
  };
}

/** The charts a briefing names, so the caller can draw them as pictures. */
export function briefingCharts(sweeps: readonly WeightSweep[]): BriefingChart[] {
  return [...sweeps.map((sweep) => ({ id: `chart-${sweep.section}`, sweep, kind: "weight" as const })), { id: "chart-chance", kind: "chance" as const }];
}

/**
 * Improvements as the briefing prints them: the score needed on each criterion, and the price. None
 * when the bid already leads, as there is nothing to gain.
 */
export function improvementRows(
  improvements: readonly CriterionImprovement[],
  price: PriceImprovement | undefined,
): { what: string; now: string; needed: string }[] {
  if (improvements.some((i) => i.gap.compare(0) < 0) || price?.alreadyFirst) return [];
  const rows = improvements.map((i) => {
    const f = i.figure;
    if (f === undefined) {
      return { what: `${i.criterionId} ${i.title}`, now: formatScore(i.current), needed: i.needed ? `a score of ${formatScore(i.needed)}` : "not enough on its own, even at the top of the scale" };
    }
    // Scored from a figure the tender offers, not a mark on a scale.
    const needed = !f.solved
      ? "not worked out: scored against the best offer, so every bid's points would move"
      : f.beat !== undefined
        ? `a figure better than ${formatScore(f.beat)} ${f.unit}`
        : `not enough on its own, even at ${formatScore(f.best)} ${f.unit}`;
    return { what: `${i.criterionId} ${i.title}`, now: `${formatScore(i.current)} ${f.unit}`, needed };
  });
  if (price !== undefined) {
    const cut = price.needed ? price.current.sub(price.needed).div(price.current).mul(100) : undefined;
    rows.push({
      what: "Whole-life price",
      now: formatMoney(price.current),
      needed: price.needed ? `${formatMoney(price.needed)} or less (${formatPercent(cut!, 1)} lower)` : "no price would be enough on its own",
    });
  }
  return rows;
}
