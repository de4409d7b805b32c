import { HUNDRED, exact, type Exact } from "../arithmetic/exact.js";
import { scoredSections } from "./sections.js";
import type { Combination, Criterion, Scale, ScoredSection, ScoringModel } from "./scoring-model.js";

/**
 * The figures every layer must agree on: what a criterion is worth, a scale's range and the moderation
 * tolerance. Scoring, the review, the what-if analysis and the documents all take them from here, so the
 * points a report prints are the points the score used. (Once a tender is scored, documents read
 * `CriterionResult.availablePoints` from the result, which scoring computed with these.)
 */

/** What a section's criteria weights add up to: 100 for percentages, or the points total the section states. */
export function criteriaWeightTotal(section: Pick<ScoredSection, "criteriaWeightsOutOf">): Exact {
  return exact(section.criteriaWeightsOutOf ?? 100);
}

/** What the sections' weights add up to: 100 for percentages, or the points total the model states. */
export function sectionWeightTotal(model: Pick<ScoringModel, "sectionWeightsOutOf">): Exact {
  return exact(model.sectionWeightsOutOf ?? 100);
}

/**
 * A criterion's weight within its section as a share of the section (0 to 1): weight ÷ the section's
 * criteria total (100 for percentages; 130 for points 60/40/30 of 130), exactly, never as a float.
 */
export function shareOfSection(section: Pick<ScoredSection, "criteriaWeightsOutOf">, criterion: { weight: number }): Exact {
  return exact(criterion.weight).div(criteriaWeightTotal(section));
}

/** A section's share of the total score, in percent: weight × 100 ÷ the sections' total (100 unless the model gives points). */
export function sectionPercent(model: Pick<ScoringModel, "sectionWeightsOutOf">, section: { weight: number }): Exact {
  return exact(section.weight).mul(HUNDRED).div(sectionWeightTotal(model));
}

/** Points out of 100 a criterion is worth: the section's percent × the criterion's share of the section. */
export function availablePoints(
  model: Pick<ScoringModel, "sectionWeightsOutOf">,
  section: Pick<ScoredSection, "weight" | "criteriaWeightsOutOf">,
  criterion: { weight: number },
): Exact {
  return sectionPercent(model, section).mul(shareOfSection(section, criterion));
}

/** The id of the scale a criterion is marked on: its own, or its section's. */
export function criterionScaleId(section: Pick<ScoredSection, "scale">, criterion: Pick<Criterion, "scale">): string {
  return criterion.scale ?? section.scale;
}

/** The scale a criterion is marked on (its own, or its section's); undefined only in a model that failed validation. */
export function criterionScale(model: Pick<ScoringModel, "scales">, section: Pick<ScoredSection, "scale">, criterion: Pick<Criterion, "scale">): Scale | undefined {
  return model.scales[criterionScaleId(section, criterion)];
}

/** The ids of the scales the model's criteria are marked on (of the sections given, or of every scored section), in the order the criteria come. */
export function scaleIdsInUse(model: Pick<ScoringModel, "sections">, sectionKeys?: readonly string[]): string[] {
  const ids = scoredSections(model)
    .filter((s) => sectionKeys === undefined || sectionKeys.includes(s.key))
    .flatMap(({ section }) => section.criteria.filter((c) => c.measure === undefined).map((c) => criterionScaleId(section, c)));
  return [...new Set(ids)];
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

/**
 * The largest spread between evaluators' scores accepted without moderation, in points of the criterion's
 * scale. A tolerance the model states is in points of the section's scale; a criterion marked on its own
 * scale gets the same share of its own range (1.5 on 0–5 is 3 on 0–10), so one rule reads alike on both.
 */
export function moderationTolerance(scale: Pick<Scale, "values">, combination: Combination, sectionScale: Pick<Scale, "values"> = scale): Exact {
  const [low, high] = scaleRange(scale);
  if (combination.tolerance === undefined) return exact(high - low).mul(DEFAULT_TOLERANCE_SHARE);
  const [sectionLow, sectionHigh] = scaleRange(sectionScale);
  if (sectionScale === scale || sectionHigh === sectionLow) return exact(combination.tolerance);
  return exact(combination.tolerance).mul(exact(high - low)).div(exact(sectionHigh - sectionLow));
}
