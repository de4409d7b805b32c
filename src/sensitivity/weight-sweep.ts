import { HUNDRED, ZERO, type Exact } from "../arithmetic/exact.js";
import type { SectionKey } from "../model/scoring-model.js";
import type { TenderResult } from "../scoring/result.js";

/**
 * One-at-a-time weight sensitivity ("weight sweep"): one section's weight w moves from 0 to 100 and the
 * other sections keep their proportions, scaled by (100 − w) ÷ (100 − w₀). Each bid's total is then a
 * straight line in w, total(w) = intercept + slope × w, so the weights at which two bids swap places are
 * solved exactly rather than sampled.
 */
export interface BidLine {
  bidId: string;
  bidder: string;
  /** Total at w = 0. */
  intercept: Exact;
  /** Change in total per percentage point of the swept weight. */
  slope: Exact;
}

export interface BreakEven {
  /** The weight (percent) at which the two bids' totals are equal. */
  weight: Exact;
  /** Above this weight `above` leads; below it `below` does. */
  above: string;
  below: string;
}

export interface WeightSweep {
  section: SectionKey;
  currentWeight: Exact;
  lines: BidLine[];
  breakEvens: BreakEven[];
  /**
   * The bids first at the current weight (several when they are tied: joint leaders), each with the interval
   * of the swept weight within which it stays first or joint first.
   */
  leaders: { bidId: string; from: Exact; to: Exact }[];
  /** Every bid's own first-place interval over 0–100% (first or joint first), or null where it never is. */
  firstPlace: { bidId: string; interval: { from: Exact; to: Exact } | null }[];
  /** The ranking between one break-even point and the next, from 0% to 100%. */
  segments: RankSegment[];
}

export interface RankSegment {
  from: Exact;
  to: Exact;
  /** Bids from first to last within the segment, with their ranks (equal lines share a rank). */
  ranking: { bidId: string; rank: number }[];
}

/**
 * What a weighting analysis needs: the section weights, and each bid's share of each section's points
 * (points ÷ weight, 0 to 1). It comes from a scored tender or from an organisation's rough profiles.
 */
export interface WeightingProblem {
  weights: Map<SectionKey, Exact>;
  /** Further sections' own titles, by key (the known keys are named by their usual titles). */
  titles?: Map<SectionKey, string>;
  bids: {
    bidId: string;
    bidder: string;
    /** Shares used for the exact sweeps (the middle of a range where a score is uncertain). */
    shares: Map<SectionKey, Exact>;
    /** Where a score is uncertain: the lowest and highest share it allows. */
    ranges?: Map<SectionKey, [Exact, Exact]>;
  }[];
}

/** The weighting problem of a scored tender: its ranked bids (excluded bids cannot win at any weight). */
export function problemFromResult(result: TenderResult): WeightingProblem {
  const weights = new Map<SectionKey, Exact>();
  const titles = new Map<SectionKey, string>();
  for (const s of result.bids[0]?.sections ?? []) {
    weights.set(s.section, s.weight);
    titles.set(s.section, s.title);
  }
  const pricePoints = result.price && result.rankingBasis === "total-points" ? result.price.maxPoints : undefined;
  if (pricePoints !== undefined) weights.set("price", pricePoints);
  const bids = result.bids
    .filter((b) => b.rank !== null)
    .map((bid) => {
      const shares = new Map<SectionKey, Exact>();
      for (const s of bid.sections) shares.set(s.section, s.weight.equals(0) ? ZERO : s.points.div(s.weight));
      if (pricePoints !== undefined && !pricePoints.equals(0)) shares.set("price", (bid.price?.points ?? ZERO).div(pricePoints));
      return { bidId: bid.bidId, bidder: bid.bidder, shares };
    });
  return { weights, titles, bids };
}

export function sweepWeight(input: TenderResult | WeightingProblem, section: SectionKey): WeightSweep {
  const problem = "weights" in input ? input : problemFromResult(input);
  const weights = problem.weights;
  const current = weights.get(section);
  if (current === undefined) throw new RangeError(`the model has no ${section} section to sweep`);
  const others = HUNDRED.sub(current);
  const lines: BidLine[] = problem.bids
    .map((bid) => {
      const share = bid.shares;
      let rest = ZERO;
      for (const [key, w] of weights) if (key !== section) rest = rest.add(w.mul(share.get(key) ?? ZERO));
      // total(w) = w × share + (100 − w) × rest ÷ (100 − w₀) = rest×100/(100−w₀) + w × (share − rest/(100−w₀))
      const perPoint = others.equals(0) ? ZERO : rest.div(others);
      return { bidId: bid.bidId, bidder: bid.bidder, intercept: perPoint.mul(HUNDRED), slope: (share.get(section) ?? ZERO).sub(perPoint) };
    });
  const breakEvens: BreakEven[] = [];
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i]!;
      const b = lines[j]!;
      const slopeGap = a.slope.sub(b.slope);
      if (slopeGap.equals(0)) continue; // parallel: one always leads, or they are always tied
      const weight = b.intercept.sub(a.intercept).div(slopeGap);
      // A crossing at 0% or 100% is a tie at an extreme, not a change of order within the range.
      if (weight.compare(0) <= 0 || weight.compare(100) >= 0) continue;
      const aSteeper = slopeGap.compare(0) > 0;
      breakEvens.push({ weight, above: aSteeper ? a.bidId : b.bidId, below: aSteeper ? b.bidId : a.bidId });
    }
  }
  breakEvens.sort((x, y) => x.weight.compare(y.weight) || (x.above < y.above ? -1 : 1));
  const firstPlace = lines.map((l) => ({ bidId: l.bidId, interval: firstPlaceIn(lines, l) ?? null }));
  // The first-place region of a line is one interval, so a leader's contains the current weight.
  const leaders = firstPlace.flatMap((f) => (f.interval !== null && f.interval.from.compare(current) <= 0 && f.interval.to.compare(current) >= 0 ? [{ bidId: f.bidId, ...f.interval }] : []));
  return { section, currentWeight: current, lines, breakEvens, leaders, firstPlace, segments: segments(lines, breakEvens) };
}

/** Between consecutive break-even points no two lines cross, so the ranking at the middle holds throughout. */
function segments(lines: BidLine[], breakEvens: BreakEven[]): RankSegment[] {
  const cuts = [ZERO, ...breakEvens.map((b) => b.weight), HUNDRED].filter((w, i, all) => i === 0 || !w.equals(all[i - 1]!));
  const out: RankSegment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const middle = cuts[i]!.add(cuts[i + 1]!).div(2);
    const totals = lines.map((l) => ({ bidId: l.bidId, total: totalAt(l, middle) })).sort((a, b) => b.total.compare(a.total) || (a.bidId < b.bidId ? -1 : 1));
    const ranking = totals.map((t) => ({ bidId: t.bidId, rank: 1 + totals.filter((o) => o.total.compare(t.total) > 0).length }));
    out.push({ from: cuts[i]!, to: cuts[i + 1]!, ranking });
  }
  return out;
}

export function totalAt(line: BidLine, weight: Exact): Exact {
  return line.intercept.add(line.slope.mul(weight));
}

/**
 * The weights (percent) of the swept section at which `bidId` is first or joint first, or undefined if
 * there are none. Where one line is at or above every other is an intersection of half-lines, so it is
 * a single interval, solved exactly.
 */
export function firstPlaceInterval(sweep: WeightSweep, bidId: string): { from: Exact; to: Exact } | undefined {
  const own = sweep.lines.find((l) => l.bidId === bidId);
  return own === undefined ? undefined : firstPlaceIn(sweep.lines, own);
}

function firstPlaceIn(lines: readonly BidLine[], own: BidLine): { from: Exact; to: Exact } | undefined {
  let from = ZERO;
  let to = HUNDRED;
  for (const other of lines) {
    if (other === own) continue;
    // own − other = interceptGap + slopeGap × w, which must be ≥ 0.
    const interceptGap = own.intercept.sub(other.intercept);
    const slopeGap = own.slope.sub(other.slope);
    if (slopeGap.equals(0)) {
      if (interceptGap.compare(0) < 0) return undefined;
      continue;
    }
    const crossing = interceptGap.neg().div(slopeGap);
    if (slopeGap.compare(0) > 0) {
      if (crossing.compare(from) > 0) from = crossing;
    } else if (crossing.compare(to) < 0) {
      to = crossing;
    }
  }
  return from.compare(to) > 0 ? undefined : { from, to };
}

/** Each bid's total at the problem's weights, ranked (equal totals share a rank). */
export function standingsAt(problem: WeightingProblem): { bidId: string; bidder: string; total: Exact; rank: number; tied: boolean }[] {
  const totals = problem.bids.map((b) => {
    let total = ZERO;
    for (const [k, w] of problem.weights) total = total.add(w.mul(b.shares.get(k) ?? ZERO));
    return { bidId: b.bidId, bidder: b.bidder, total };
  });
  return totals
    .map((t) => ({ ...t, rank: 1 + totals.filter((o) => o.total.compare(t.total) > 0).length, tied: totals.filter((o) => o.total.equals(t.total)).length > 1 }))
    .sort((a, b) => a.rank - b.rank || a.bidder.localeCompare(b.bidder));
}

/**
 * The weights with one section's set to `weight` (percent) and the others keeping their proportions to
 * each other, so they still add up to 100: the same rule as the sweeps. Exact.
 */
export function withWeight(weights: ReadonlyMap<SectionKey, Exact>, section: SectionKey, weight: Exact): Map<SectionKey, Exact> {
  const old = weights.get(section) ?? ZERO;
  const othersBefore = HUNDRED.sub(old);
  const othersAfter = HUNDRED.sub(weight);
  const count = weights.size - 1;
  const out = new Map<SectionKey, Exact>();
  for (const [k, w] of weights) {
    if (k === section) out.set(k, weight);
    // With every other weight at 0 there are no proportions to keep: the rest is shared equally.
    else out.set(k, othersBefore.equals(0) ? othersAfter.div(count) : w.mul(othersAfter).div(othersBefore));
  }
  return out;
}
