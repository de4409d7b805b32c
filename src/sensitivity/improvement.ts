import { ZERO, exact, type Exact } from "../arithmetic/exact.js";
import { scoredSection } from "../model/sections.js";
import { scorePrices } from "../scoring/price-methods.js";
import type { ScoringModel } from "../model/scoring-model.js";
import { criterionScale, pointsSpan } from "../model/weights.js";
import type { CriterionResult, TenderResult } from "../scoring/result.js";

export interface CriterionImprovement {
  criterionId: string;
  title: string;
  current: Exact;
  /** The lowest score on the scale that would put the bid strictly first, if any would. */
  needed?: Exact;
  /** Points the bid is behind the leader (or ahead of the runner-up, when it leads). */
  gap: Exact;
  /**
   * A criterion scored from a figure (`current` is the figure offered): its unit, and, where the published
   * bounds allow it to be solved, the figure the bid would have to beat to come first (`beat`), or that even
   * the best figure would not be enough (`beat` absent, `solved` true). Against the best offer, moving one
   * figure moves every bid's points, so it is not solved (`solved` false).
   */
  figure?: { unit: string; best: Exact; solved: boolean; beat?: Exact };
}

/**
 * Where to invest effort: for each criterion, the smallest improvement in the bid's own combined score
 * that would make it first under the current weights, all else equal. Each criterion's points are
 * the score's share of the scale (see scoreShare) × points available, so the score needed is solved directly and rounded up to the
 * next score on the scale. Price is handled by `priceToWin`, as a lower price also moves the other
 * bids' price points under relative methods.
 */
export function improvementsToWin(model: ScoringModel, result: TenderResult, bidId: string): CriterionImprovement[] {
  const ranked = result.bids.filter((b) => b.rank !== null);
  const bid = ranked.find((b) => b.bidId === bidId);
  if (bid === undefined) return [];
  const best = ranked.filter((b) => b.bidId !== bidId).reduce<typeof bid | undefined>((top, b) => (top === undefined || b.total.compare(top.total) > 0 ? b : top), undefined);
  if (best === undefined) return [];
  const gap = best.total.sub(bid.total);
  return bid.sections.flatMap((section) => {
    const sectionModel = scoredSection(model, section.section)!;
    return section.criteria.map((c) => {
      // A quantitative criterion has no scale of marks to climb: its figure is the bid's offer.
      if (c.measure !== undefined) return figureImprovement(c, gap);
      const scale = criterionScale(model, sectionModel, sectionModel.criteria.find((m) => m.id === c.criterionId)!)!;
      const improvement: CriterionImprovement = { criterionId: c.criterionId, title: c.title, current: c.combined, gap };
      if (gap.compare(0) < 0) return improvement; // already first, by `gap` points
      const needed = neededScore(c.combined, gap, pointsSpan(scale), c.availablePoints, scale.values);
      if (needed !== undefined) improvement.needed = needed;
      return improvement;
    });
  });
}

/**
 * The lowest score on the scale that gains more than `gap` points on a criterion worth `available`
 * points, where the whole of those points spans `span` scale points (the top score, or top − lowest
 * when the scale is normalised from its lowest): points gained = (s′ − s) ÷ span × available > gap, so
 * s′ > s + gap × span ÷ available, rounded up to the next score on the scale.
 */
export function neededScore(current: Exact, gap: Exact, span: Exact, available: Exact, scale: readonly number[]): Exact | undefined {
  if (available.equals(0)) return undefined;
  const threshold = current.add(gap.mul(span).div(available));
  return scale.map((v) => exact(v)).find((v) => v.compare(threshold) > 0);
}

/**
 * The highest whole-pound price below `current` at which `firstAt` holds, by halving the interval: under
 * the price methods here a lower own price never helps a competitor, so `firstAt` only turns true going
 * down. The price returned always satisfies `firstAt`; only for a commissioner's own formula that
 * behaves otherwise might a higher winning price be missed. Undefined when even £1 is not enough.
 */
export function highestWinningPrice(current: Exact, firstAt: (price: Exact) => boolean): Exact | undefined {
  let good = 1;
  let bad = Math.ceil(current.valueOf());
  if (bad <= good || !firstAt(exact(good))) return undefined;
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    if (firstAt(exact(mid))) good = mid;
    else bad = mid;
  }
  return exact(good);
}

export interface PriceImprovement {
  current: Exact;
  /** The highest whole-pound whole-life price at which the bid would be strictly first, if any is. */
  needed?: Exact;
  alreadyFirst: boolean;
}

/**
 * The highest whole-life price, to the pound, at which the bid would come first with every other figure
 * as it is. The other bids' price points are worked out again at each price tried, with the model's own
 * method, because under relative methods (lowest price ÷ price, and the like) a lower price also lowers
 * theirs. Price per quality point is not a points method and is not covered.
 */
export function priceToWin(model: ScoringModel, result: TenderResult, bidId: string): PriceImprovement | undefined {
  const section = model.sections.price;
  if (section === undefined || result.price === undefined || result.rankingBasis !== "total-points") return undefined;
  const ranked = result.bids.filter((b) => b.rank !== null && b.price !== undefined);
  const own = ranked.find((b) => b.bidId === bidId);
  if (own === undefined || ranked.length < 2) return undefined;
  const maxPoints = result.price.maxPoints;
  const withoutPrice = new Map(ranked.map((b) => [b.bidId, b.total.sub(b.price?.points ?? ZERO)]));
  const firstAt = (cost: Exact): boolean => {
    const scored = scorePrices(section.method, maxPoints, ranked.map((b) => ({ bidId: b.bidId, wholeLifeCost: b.bidId === bidId ? cost : b.price!.wholeLifeCost })));
    if (scored.problems.some((p) => p.severity === "error") || scored.aboveBudget.some((b) => b.bidId === bidId)) return false;
    const total = (id: string) => withoutPrice.get(id)!.add(scored.points.find((p) => p.bidId === id)?.points ?? ZERO);
    const mine = total(bidId);
    return ranked.every((b) => b.bidId === bidId || total(b.bidId).compare(mine) < 0);
  };
  const current = own.price!.wholeLifeCost;
  if (firstAt(current)) return { current, alreadyFirst: true };
  const needed = highestWinningPrice(current, firstAt);
  return needed === undefined ? { current, alreadyFirst: false } : { current, needed, alreadyFirst: false };
}

/**
 * Interpolation between published bounds: points = available × share, share = (figure − worst) ÷ (best −
 * worst), clamped. Coming first needs share > current share + gap ÷ available; the figure at that share is
 * the one to beat. Exact.
 */
function figureImprovement(c: CriterionResult, gap: Exact): CriterionImprovement {
  const m = c.measure!;
  const improvement: CriterionImprovement = { criterionId: c.criterionId, title: c.title, current: c.combined, gap, figure: { unit: m.unit, best: m.best, solved: false } };
  if (gap.compare(0) < 0 || m.method !== "interpolation" || m.worst === undefined || c.availablePoints.equals(0)) return improvement;
  const share = m.share.add(gap.div(c.availablePoints));
  improvement.figure!.solved = true;
  if (share.compare(1) < 0) improvement.figure!.beat = m.worst.add(share.mul(m.best.sub(m.worst)));
  return improvement;
}
