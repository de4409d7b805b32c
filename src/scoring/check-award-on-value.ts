import type { ScoringModel } from "../model/scoring-model.js";
import { scoredSections } from "../model/sections.js";
import { problem, type Problem } from "../problems/problem.js";
import { isAwardOnValue } from "./award-on-value.js";
import { priceMethods } from "./price-methods.js";

/**
 * A model awarding on value (guide value, fictional price) gives price no points, needs a quality score,
 * and under fictional price states a value for every scored criterion and for nothing else. Price per
 * quality point keeps its own older codes (check-model.ts).
 */
export function checkAwardOnValue(model: ScoringModel): Problem[] {
  const price = model.sections.price;
  if (!isAwardOnValue(price?.method) || price.method.type === "price-per-quality-point") return [];
  const method = price.method;
  const name = priceMethods[method.type].name;
  const problems: Problem[] = [];
  const at = (...path: (string | number)[]) => ({ document: "model" as const, path });
  if (price.weight !== 0) problems.push(problem("model.price-weight-with-award-on-value", at("sections", "price", "weight"), { weight: String(price.weight), method: name }));
  const criteria = scoredSections(model).flatMap((s) => s.section.criteria.map((c) => c.id));
  if (criteria.length === 0) problems.push(problem("model.no-quality-for-award-on-value", at("sections"), { method: name }));
  if (method.type === "fictional-price") {
    for (const id of criteria) {
      if (method.values[id] === undefined) problems.push(problem("model.fictional-price-value-missing", at("sections", "price", "method", "values"), { criterion: id }));
    }
    for (const id of Object.keys(method.values)) {
      if (!criteria.includes(id)) problems.push(problem("model.fictional-price-unknown-criterion", at("sections", "price", "method", "values", id), { criterion: id, known: criteria.join(", ") }));
    }
  }
  return problems;
}
