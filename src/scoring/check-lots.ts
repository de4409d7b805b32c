import { checkScoringModel } from "../model/check-model.js";
import { checkLotWeights, lotModel, type Lot } from "../model/lots.js";
import type { ScoringModel } from "../model/scoring-model.js";
import { hasErrors, type Problem } from "../problems/problem.js";
import { checkAwardOnValue } from "./check-award-on-value.js";

const modelRules = (model: ScoringModel) => [...checkScoringModel(model), ...checkAwardOnValue(model)];

/**
 * A lot's own weights are checked as weights (checkLotWeights), then as the model they make: a rule the
 * model keeps but the lot's model breaks (e.g. price must carry no weight under an award-on-value method)
 * is the lot's problem, and points at the lot's weight in the specification.
 */
export function checkLotModels(lots: readonly Lot[], model: ScoringModel): Problem[] {
  const problems = checkLotWeights(lots, model);
  if (hasErrors(problems)) return problems;
  const key = (p: Problem) => JSON.stringify([p.code, p.location.path]);
  const already = new Set(modelRules(model).map(key));
  lots.forEach((lot, i) => {
    if (lot.weights === undefined) return;
    for (const p of modelRules(lotModel(model, lot))) {
      const path = p.location.path;
      if (already.has(key(p)) || p.location.document !== "model" || path?.length !== 3 || path[0] !== "sections" || path[2] !== "weight") continue;
      problems.push({ ...p, location: { document: "specification", path: ["lots", i, "weights", path[1]!] } });
    }
  });
  return problems;
}
