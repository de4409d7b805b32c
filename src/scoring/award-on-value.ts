import { HUNDRED, ONE, exact, max, sum, type Exact } from "../arithmetic/exact.js";
import type { PriceMethod, TieBreakRule } from "../model/scoring-model.js";
import { problem, type Problem } from "../problems/problem.js";
import { rankBids, type Rankable, type Ranking } from "./rank.js";
import type { BidResult } from "./result.js";

/**
 * Award on value: methods where price earns no points and the award rule itself sets price against
 * quality, so the winner is not "the highest total". Price per quality point (Bid Evaluation Guidance
 * Note), the UfAB guide-value methods (Germany) and the fictional price of award on value (the
 * Netherlands' Best Value Procurement, "gunnen op waarde").
 */
export type AwardOnValueMethod = Extract<PriceMethod, { type: "price-per-quality-point" | "guide-value" | "extended-guide-value" | "fictional-price" }>;
export type AwardOnValueType = AwardOnValueMethod["type"];

const awardOnValueTypes: ReadonlySet<PriceMethod["type"]> = new Set<AwardOnValueType>(["price-per-quality-point", "guide-value", "extended-guide-value", "fictional-price"]);

/**
 * A guide value is a few quality points per pound, so it is shown per £1 million of whole-life price
 * (as German buyers publish it multiplied by 1,000,000 "for readability"); the exact figure is kept.
 */
export const GUIDE_VALUE_SCALE = 1_000_000;
export const GUIDE_VALUE_UNIT = "£1 million of whole-life price";

export function isAwardOnValue(method: PriceMethod | undefined): method is AwardOnValueMethod {
  return method !== undefined && awardOnValueTypes.has(method.type);
}

/** Whether the lower figure is the better one: a price per point or a fictional price, not a guide value. */
export function lowerValueWins(type: AwardOnValueType): boolean {
  return type === "price-per-quality-point" || type === "fictional-price";
}

export interface AwardValue {
  bidId: string;
  /** The figure the award rests on: £ per quality point, guide value Z (quality points per pound), or fictional price in pounds. */
  value: Exact;
  /** The variables the value was worked out from, e.g. price and qualityScore. */
  variables: Record<string, Exact>;
  /** Fictional price only: the sum deducted for each criterion, by criterion id. */
  deductions?: Record<string, Exact>;
}

export interface AwardValues {
  values: AwardValue[];
  problems: Problem[];
}

/**
 * Each contender's value under the method. The quality score is the bid's total (price earns no points
 * under these methods, so the total is the quality points out of 100).
 */
export function awardValues(method: AwardOnValueMethod, contenders: readonly BidResult[], methodName: string): AwardValues {
  const values: AwardValue[] = [];
  const problems: Problem[] = [];
  for (const r of contenders) {
    const price = r.price!.wholeLifeCost;
    const qualityScore = r.total;
    switch (method.type) {
      case "price-per-quality-point":
        if (qualityScore.equals(0)) problems.push(problem("price.zero-quality", { document: "bids" }, { bid: r.bidId }));
        else values.push({ bidId: r.bidId, value: price.div(qualityScore), variables: { price, qualityScore } });
        break;
      case "guide-value":
      case "extended-guide-value":
        // UfAB: Z = L ÷ P, quality (Leistung) points over price.
        if (price.equals(0)) problems.push(problem("bids.zero-price", { document: "bids" }, { bid: r.bidId, method: methodName }));
        else values.push({ bidId: r.bidId, value: qualityScore.div(price), variables: { price, qualityScore } });
        break;
      case "fictional-price": {
        const deductions: Record<string, Exact> = {};
        for (const c of r.sections.flatMap((s) => s.criteria)) {
          const worth = method.values[c.criterionId];
          if (worth === undefined) continue; // the model check refuses a criterion without a value
          const share = c.combined.sub(c.noPointsAt).div(c.scaleMax.sub(c.noPointsAt));
          deductions[c.criterionId] = exact(worth).mul(share);
        }
        const deducted = sum(Object.values(deductions));
        values.push({ bidId: r.bidId, value: price.sub(deducted), variables: { price, deducted }, deductions });
        break;
      }
    }
  }
  return { values, problems };
}

export interface Band {
  /** The band, in percent below the best guide value. */
  percent: Exact;
  /** The best (highest) guide value. */
  best: Exact;
  /** best × (1 − percent ÷ 100): a guide value at or above this is within the band. */
  lowerBound: Exact;
  decidedBy: "highest-quality" | "lowest-price";
  /** The bids within the band, in rank order. */
  bidIds: string[];
}

export interface ValueRanking extends Ranking {
  band?: Band;
}

export interface ValueContender {
  bidId: string;
  bidder: string;
  value: Exact;
  qualityScore: Exact;
  price: Exact;
  tieBreakValues: Rankable["tieBreakValues"];
}

/**
 * Rank on the method's value. Under the extended guide-value method (UfAB) the bid with the highest
 * guide value leads; every bid whose guide value is within the band below it is compared on the stated
 * deciding criterion instead, and those bids rank first, in that order; the rest follow by guide value.
 * Equal figures are separated by the model's tie-break rules, as for totals.
 */
export function rankOnValue(method: AwardOnValueMethod, contenders: readonly ValueContender[], tieBreak: readonly TieBreakRule[]): ValueRanking {
  const byValue = (list: readonly ValueContender[]) =>
    rankBids(list.map((c) => ({ bidId: c.bidId, bidder: c.bidder, primary: c.value, tieBreakValues: c.tieBreakValues })), lowerValueWins(method.type), tieBreak);
  if (method.type !== "extended-guide-value" || contenders.length === 0) return byValue(contenders);

  const percent = exact(method.bandPercent);
  const best = max(contenders.map((c) => c.value));
  const lowerBound = best.mul(ONE.sub(percent.div(HUNDRED)));
  const inBand = contenders.filter((c) => c.value.compare(lowerBound) >= 0);
  const outside = contenders.filter((c) => c.value.compare(lowerBound) < 0);
  const decider = method.decidedBy === "highest-quality" ? (c: ValueContender) => c.qualityScore : (c: ValueContender) => c.price;
  const first = rankBids(
    inBand.map((c) => ({ bidId: c.bidId, bidder: c.bidder, primary: decider(c), tieBreakValues: c.tieBreakValues })),
    method.decidedBy === "lowest-price",
    tieBreak,
  );
  const rest = byValue(outside);
  const offset = inBand.length;
  return {
    order: [...first.order, ...rest.order.map((e) => ({ ...e, rank: e.rank + offset }))],
    ties: [...first.ties, ...rest.ties],
    band: { percent, best, lowerBound, decidedBy: method.decidedBy, bidIds: first.order.map((e) => e.bidId) },
  };
}
