import { HUNDRED, exact, type Exact } from "../arithmetic/exact.js";
import type { Combination, Scale } from "./scoring-model.js";

/**
 * The figures every layer must agree on: what a criterion is worth, a scale's range and the moderation
 * tolerance. Scoring, the review, the what-if analysis and the documents all take them from here, so the
 * points a report prints are the points the score used. (Once a tender is scored, documents read
 * `CriterionResult.availablePoints` from the result, which scoring computed with these.)
 */

/** A criterion's weight within its section as a share of the section (0 to 1): weight ÷ 100. */
export function shareOfSection(criterion: { weight: number }): Exact {
  return exact(criterion.weight).div(HUNDRED);
}

/** Points out of 100 a criterion is worth: section weight × criterion weight ÷ 100. */
export function availablePoints(section: { weight: number }, criterion: { weight: number }): Exact {
  return exact(section.weight).mul(shareOfSection(criterion));
}

/** The lowest and highest score on a scale. */
export function scaleRange(scale: Pick<Scale, "values">): [number, number] {
  return [Math.min(...scale.values), Math.max(...scale.values)];
}

/** The score that earns no points: 0, or the scale's lowest score when the scale is normalised from its lowest. */
export function noPointsAt(scale: Pick<Scale, "values" | "normalise">): number {
  return scale.normalise === "from-lowest" ? scaleRange(scale)[0] : 0;
}

/** Scale points between the score that earns nothing and the top score: what the whole of a criterion's points spans. */
export function pointsSpan(scale: Pick<Scale, "values" | "normalise">): Exact {
  return exact(scaleRange(scale)[1] - noPointsAt(scale));
}

/** A score's share of its criterion's points (0 to 1): (score − the no-points score) ÷ (top − the no-points score). */
export function scoreShare(scale: Pick<Scale, "values" | "normalise">, score: Exact): Exact {
  const span = pointsSpan(scale);
  return span.equals(0) ? exact(0) : score.sub(exact(noPointsAt(scale))).div(span);
}

/** Default moderation tolerance: a spread of 30% of the scale's range (tools in this field use 20–40%). */
export const DEFAULT_TOLERANCE_SHARE = exact("0.3");

/** The largest spread between evaluators' scores accepted without moderation, in scale points. */
export function moderationTolerance(scale: Pick<Scale, "values">, combination: Combination): Exact {
  const [low, high] = scaleRange(scale);
  return combination.tolerance !== undefined ? exact(combination.tolerance) : exact(high - low).mul(DEFAULT_TOLERANCE_SHARE);
}
