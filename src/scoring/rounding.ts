import { exact, type Exact } from "../arithmetic/exact.js";
import type { ScoringModel } from "../model/scoring-model.js";

export type RoundingRule = NonNullable<ScoringModel["rounding"]>;

const HALF = exact("1/2");

/**
 * Points rounded half up to a multiple of the step, exactly: floor(points ÷ step + ½) × step. Points are
 * never negative, so half up and Excel's ROUND (half away from zero) agree, and the results workbook's
 * formulas give the same figures.
 */
export function roundToStep(points: Exact, step: number): Exact {
  const s = exact(step);
  return points.div(s).add(HALF).floor().mul(s);
}

/** The same rule as a spreadsheet formula around `expression`. */
export function roundingFormula(expression: string, step: number): string {
  return `ROUND((${expression})/${step},0)*${step}`;
}
