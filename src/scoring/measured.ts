import { ONE, ZERO, exact, type Exact } from "../arithmetic/exact.js";
import type { Measure } from "../model/measure.js";

/**
 * A bid's share (0 to 1) of a quantitative criterion's points from the figure it offers.
 * - interpolation: (figure − worst) ÷ (best − worst), clamped to 0…1, so a figure at or beyond the best
 *   earns all the points and one at or beyond the worst none (either direction: lower is better when
 *   best < worst). As in the German "Leistungskennzahl" scoring: 50 × (AS − ASmin) ÷ (ASmax − ASmin).
 * - best-offer: best ÷ figure when lower is better, figure ÷ best when higher is better, where the best is
 *   the best figure offered (see `bestOffered`); the best offer earns all the points.
 * Exact throughout; the model check refuses best = worst and the bids check a best-offer figure of 0 or less.
 */
export function measuredShare(measure: Measure, figure: Exact, best: Exact): Exact {
  if (measure.method === "interpolation") {
    const share = figure.sub(exact(measure.worst)).div(exact(measure.best).sub(exact(measure.worst)));
    return share.compare(ZERO) < 0 ? ZERO : share.compare(ONE) > 0 ? ONE : share;
  }
  return measure.better === "lower" ? best.div(figure) : figure.div(best);
}

/** The figure that earns all the points: the stated best under interpolation, else the best among those offered. */
export function bestOffered(measure: Measure, figures: readonly Exact[]): Exact | undefined {
  if (measure.method === "interpolation") return exact(measure.best);
  if (figures.length === 0) return undefined;
  return figures.reduce((a, b) => ((measure.better === "lower" ? b.compare(a) < 0 : b.compare(a) > 0) ? b : a));
}

/** The rule in words, for the evaluation report, the assessment summaries and the README. */
export function describeMeasure(measure: Measure): { name: string; formula: string } {
  const unit = measure.unit;
  if (measure.method === "interpolation") {
    const lower = measure.best < measure.worst;
    return {
      name: "Linear interpolation between published bounds",
      // The same share either way; written so neither bracket is negative.
      formula: `points = ${lower ? `(${measure.worst} − figure) ÷ (${measure.worst} − ${measure.best})` : `(figure − ${measure.worst}) ÷ (${measure.best} − ${measure.worst})`} × the criterion's points, in ${unit}; ${lower ? "lower" : "higher"} is better: ${measure.best} ${unit} or ${lower ? "less" : "more"} earns all the points, ${measure.worst} ${unit} or ${lower ? "more" : "less"} earns none`,
    };
  }
  return {
    name: "Relative to the best offer",
    formula:
      measure.better === "lower"
        ? `points = lowest figure offered ÷ the tender's figure × the criterion's points, in ${unit}; lower is better`
        : `points = the tender's figure ÷ highest figure offered × the criterion's points, in ${unit}; higher is better`,
  };
}
