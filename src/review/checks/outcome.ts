import { HUNDRED, ZERO, exact, mean, type Exact } from "../../arithmetic/exact.js";
import type { TenderBids } from "../../model/bids.js";
import type { SectionKey } from "../../model/scoring-model.js";
import { titleOfKey } from "../../model/sections.js";
import type { TenderResult } from "../../scoring/result.js";
import { scoreTender, type TenderInput } from "../../scoring/score-tender.js";
import { flag, type ReviewFlag } from "../../problems/problem.js";
import type { ReviewPolicy } from "../policy.js";

export interface EffectiveWeight {
  section: SectionKey;
  /** Price, Quality, Social value, User panel, or a further section's own title. */
  title: string;
  nominal: Exact;
  /** Percent of the differences between ranked bids' totals that this section accounts for. */
  effective: Exact;
}

/**
 * Effective weight: each section's share of the differences between bids. For every pair of ranked bids
 * take the absolute difference in the section's points; a section's effective weight is its sum of those
 * differences over the sum for all sections. A section on which every bid scores the same has effective
 * weight 0, however heavy its published weight.
 */
export function effectiveWeights(result: TenderResult): EffectiveWeight[] {
  // Under an award-on-value method (fictional price, guide value, price per quality point) the award figure
  // decides, not the points total: a section's share of the differences between totals would be a share of
  // something that decides nothing, and quality would always show as 100%.
  if (result.rankingBasis !== "total-points") return [];
  const ranked = result.bids.filter((b) => b.rank !== null);
  const points = new Map<SectionKey, { nominal: Exact; title: string; values: Exact[] }>();
  for (const bid of ranked) {
    for (const s of bid.sections) {
      const entry = points.get(s.section) ?? { nominal: s.weight, title: titleOfKey(s.section, s.title), values: [] };
      entry.values.push(s.points);
      points.set(s.section, entry);
    }
    if (result.price) {
      const entry = points.get("price") ?? { nominal: result.price.maxPoints, title: titleOfKey("price"), values: [] };
      entry.values.push(bid.price?.points ?? ZERO);
      points.set("price", entry);
    }
  }
  const spread = new Map<SectionKey, Exact>();
  for (const [section, { values }] of points) {
    let total = ZERO;
    for (let i = 0; i < values.length; i++) for (let j = i + 1; j < values.length; j++) total = total.add(values[i]!.sub(values[j]!).abs());
    spread.set(section, total);
  }
  const all = [...spread.values()].reduce((a, b) => a.add(b), ZERO);
  return [...points].map(([section, { nominal, title }]) => ({
    section,
    title,
    nominal,
    effective: all.equals(0) ? ZERO : spread.get(section)!.div(all).mul(HUNDRED),
  }));
}

export function checkEffectiveWeights(result: TenderResult, policy: ReviewPolicy): ReviewFlag[] {
  const factor = exact(policy.effectiveWeight.factor);
  const flags: ReviewFlag[] = [];
  for (const w of effectiveWeights(result)) {
    if (w.nominal.equals(0)) continue;
    const direction = w.effective.compare(w.nominal.mul(factor)) > 0 ? "more" : w.effective.mul(factor).compare(w.nominal) < 0 ? "less" : undefined;
    if (direction === undefined) continue;
    // Price deciding more than published, or quality, social value or the user panel deciding less, is
    // what lets the cheapest bid win over the better service: a warning. The other two directions are
    // worth knowing but do not tilt the award that way.
    const tilts = (w.section === "price") === (direction === "more");
    flags.push(
      flag("review.effective-weight", tilts ? "warning" : "advice", { document: "model", path: ["sections", w.section, "weight"] }, {
        section: w.section,
        sectionTitle: w.title,
        effective: w.effective,
        nominal: w.nominal,
        factor: policy.effectiveWeight.factor,
        direction,
      }, policy.effectiveWeight.source),
    );
  }
  return flags;
}

/** Re-score with each ranked bid withdrawn; flag every pair of the others whose order flips. */
export function checkRankReversal(input: TenderInput, result: TenderResult, policy: ReviewPolicy): ReviewFlag[] {
  const ranked = result.bids.filter((b) => b.rank !== null);
  if (ranked.length < 3 || ranked.length > policy.rankReversal.maxBids) return [];
  const originalRank = new Map(ranked.map((b) => [b.bidId, b.rank!]));
  const name = new Map(result.bids.map((b) => [b.bidId, b.bidder]));
  const flags: ReviewFlag[] = [];
  for (const withdrawn of ranked) {
    const bids: TenderBids = {
      ...input.bids,
      bids: input.bids.bids.filter((b) => b.id !== withdrawn.bidId),
      moderation: input.bids.moderation.filter((m) => m.bid !== withdrawn.bidId),
    };
    const outcome = scoreTender({ ...input, bids });
    if (!outcome.ok) continue;
    const newRank = new Map(outcome.value.bids.filter((b) => b.rank !== null).map((b) => [b.bidId, b.rank!]));
    const remaining = ranked.filter((b) => b.bidId !== withdrawn.bidId && newRank.has(b.bidId));
    for (const a of remaining) {
      for (const b of remaining) {
        if (originalRank.get(a.bidId)! < originalRank.get(b.bidId)! && newRank.get(a.bidId)! > newRank.get(b.bidId)!) {
          flags.push(
            flag("review.rank-reversal", "warning", { document: "bids" }, {
              bidId: withdrawn.bidId,
              bidder: name.get(withdrawn.bidId)!,
              firstBidId: a.bidId,
              firstBidder: name.get(a.bidId)!,
              secondBidId: b.bidId,
              secondBidder: name.get(b.bidId)!,
            }, policy.rankReversal.source),
          );
        }
      }
    }
  }
  return flags;
}

/**
 * Scotland's abnormally-low-tender test: more than X% below the average of all prices excluding the
 * highest, and more than Y% below the lowest other price. Only tenders still in contention are compared
 * (and flagged): a tender excluded at a gate or a minimum score is no longer a price the others compete
 * with, and its price must not set the average or the "next lowest".
 */
export function checkAbnormallyLowPrices(result: TenderResult, bidIndex: ReadonlyMap<string, number>, policy: ReviewPolicy): ReviewFlag[] {
  const priced = result.bids.filter((b) => b.price !== undefined && b.status === "ranked");
  if (priced.length < 3) return [];
  const prices = priced.map((b) => b.price!.wholeLifeCost).sort((a, b) => a.compare(b));
  const average = mean(prices.slice(0, -1));
  const { belowAverageExcludingHighestPercent: pctAverage, belowNextLowestPercent: pctNext } = policy.abnormallyLowPrice;
  const flags: ReviewFlag[] = [];
  for (const bid of priced) {
    const price = bid.price!.wholeLifeCost;
    const others = priced.filter((b) => b !== bid).map((b) => b.price!.wholeLifeCost);
    const nextLowest = others.reduce((a, b) => (b.compare(a) < 0 ? b : a));
    const belowAverage = average.sub(price).div(average).mul(HUNDRED);
    const belowNext = nextLowest.sub(price).div(nextLowest).mul(HUNDRED);
    if (belowAverage.compare(exact(pctAverage)) > 0 && belowNext.compare(exact(pctNext)) > 0) {
      flags.push(
        flag("review.abnormally-low-price", "warning", { document: "bids", path: ["bids", bidIndex.get(bid.bidId)!, "price"] }, {
          bidId: bid.bidId,
          bidder: bid.bidder,
          price,
          average,
          nextLowest,
          belowAverage,
          belowNext,
        }, policy.abnormallyLowPrice.source),
      );
    }
  }
  return flags;
}
