import { exact, type Exact } from "../arithmetic/exact.js";
import type { ScoringModel } from "../model/scoring-model.js";
import type { TenderResult } from "../scoring/result.js";

export interface CriterionImprovement {
  criterionId: string;
  title: string;
  current: Exact;
  /** The lowest score on the scale that would put the bid strictly first, if any would. */
  needed?: Exact;
  /** Points the bid is behind the leader (or ahead of the runner-up, when it leads). */
  gap: Exact;
}

/**
 * Where to invest effort: for each criterion, the smallest improvement in the bid's own combined score
 * that would make it first under the current weights, all else equal. Each criterion's points are
 * score ÷ top of scale × points available, so the score needed is solved directly and rounded up to the
 * next score on the scale. Price is not included: under relative price methods a lower price also
 * changes the other bids' price points.
 */
export function improvementsToWin(model: ScoringModel, result: TenderResult, bidId: string): CriterionImprovement[] {
  const ranked = result.bids.filter((b) => b.rank !== null);
  const bid = ranked.find((b) => b.bidId === bidId);
  if (bid === undefined) return [];
  const best = ranked.filter((b) => b.bidId !== bidId).reduce<typeof bid | undefined>((top, b) => (top === undefined || b.total.compare(top.total) > 0 ? b : top), undefined);
  if (best === undefined) return [];
  const gap = best.total.sub(bid.total);
  return bid.sections.flatMap((section) => {
    const scale = model.scales[model.sections[section.section]!.scale]!;
    return section.criteria.map((c) => {
      const improvement: CriterionImprovement = { criterionId: c.criterionId, title: c.title, current: c.combined, gap };
      if (gap.compare(0) < 0) return improvement; // already first, by `gap` points
      // points gained = (s' − s) ÷ max × available > gap  ⇔  s' > s + gap × max ÷ available
      const threshold = c.combined.add(gap.mul(c.scaleMax).div(c.availablePoints));
      const needed = scale.values.map((v) => exact(v)).find((v) => v.compare(threshold) > 0);
      if (needed !== undefined) improvement.needed = needed;
      return improvement;
    });
  });
}
