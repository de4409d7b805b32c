import type { TenderBids } from "../model/bids.js";
import { checkBids, type CheckOptions } from "../model/check-bids.js";
import { checkScoringModel } from "../model/check-model.js";
import { checkLots } from "../model/lots.js";
import type { ScoringModel } from "../model/scoring-model.js";
import type { TenderSpecification } from "../model/specification.js";
import type { Problem } from "../problems/problem.js";
import { checkPriceFormula } from "./check-price-formula.js";
import { checkAwardOnValue } from "./check-award-on-value.js";
import { checkLotModels } from "./check-lots.js";

/**
 * Every rule beyond the schemas: the model on its own (including whether its price formula compiles, which
 * is why this lives in scoring, not model), and the bids against the model and specification. Scoring runs
 * exactly these checks, so `validate` says no more and no less than `score` would.
 */
export function validateTender(
  input: { specification?: (Pick<TenderSpecification, "contract"> & Partial<Pick<TenderSpecification, "lots" | "lotAward">>) | undefined; model: ScoringModel; bids?: TenderBids | undefined },
  options: CheckOptions = {},
): Problem[] {
  const problems = [...checkScoringModel(input.model), ...checkPriceFormula(input.model), ...checkAwardOnValue(input.model)];
  // The bids are checked against the specification (price years, lots), so only with one.
  if (input.bids !== undefined && input.specification !== undefined) problems.push(...checkBids(input.specification, input.model, input.bids, options));
  // Only with the lots as the specification has them: a specification too broken to read them says nothing of lots.
  if (input.specification?.lots !== undefined) problems.push(...checkLots(input.specification, input.bids), ...checkLotModels(input.specification.lots, input.model));
  return problems;
}
