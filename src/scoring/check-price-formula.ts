import type { ScoringModel } from "../model/scoring-model.js";
import { problem, type Problem } from "../problems/problem.js";
import { compilePriceFormula, excerpt } from "./price-formula.js";

/**
 * A custom price formula must compile, and may use `budget` only when the method gives one. This check
 * lives with scoring, beside the formula language, so the model layer never imports the scoring engine.
 */
export function checkPriceFormula(model: ScoringModel): Problem[] {
  const method = model.sections.price?.method;
  if (method?.type !== "custom") return [];
  const at = { document: "model" as const, path: ["sections", "price", "method", "formula"] };
  const compiled = compilePriceFormula(method.formula);
  if (!compiled.ok) return [problem("model.formula-invalid", at, { formula: excerpt(method.formula, 120), detail: compiled.detail })];
  if (compiled.formula.variables.has("budget") && method.budget === undefined) {
    return [problem("model.formula-invalid", at, { formula: excerpt(method.formula, 120), detail: "it uses budget, but the method gives no budget" })];
  }
  return [];
}
