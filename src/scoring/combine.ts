import { exact, max, mean, median, min, type Exact } from "../arithmetic/exact.js";
import type { CombinationMethod } from "../model/scoring-model.js";

/** measured: a quantitative criterion, whose "combined" figure is the one the bid offered (no evaluators). */
export type CombinedBasis = "moderated" | "mean" | "median" | "measured";

export interface CombinedScore {
  combined: Exact;
  basis: CombinedBasis;
  /** Highest minus lowest evaluator score. */
  spread: Exact;
  /** Evaluators differ beyond the tolerance and no agreed score is recorded yet. */
  needsModeration: boolean;
}

/**
 * Combine evaluators' scores for one answer.
 * - An agreed (moderated) score, when recorded, always wins: that is what moderation is for.
 * - consensus: within tolerance the mean stands in for the consensus; beyond it the panel must meet,
 *   and the mean is used provisionally so the rest of the tender can still be seen.
 * - mean / median: the statistic, with disagreement beyond tolerance still flagged for moderation.
 */
export function combineScores(
  scores: readonly Exact[],
  method: CombinationMethod,
  tolerance: Exact,
  agreed: number | undefined,
): CombinedScore {
  const spread = max(scores).sub(min(scores));
  if (agreed !== undefined) return { combined: exact(agreed), basis: "moderated", spread, needsModeration: false };
  const needsModeration = spread.compare(tolerance) > 0;
  if (method === "median") return { combined: median(scores), basis: "median", spread, needsModeration };
  return { combined: mean(scores), basis: "mean", spread, needsModeration };
}
