import type { Problem } from "../problems/problem.js";
import type { TenderBids } from "./bids.js";
import { checkBids, type CheckOptions } from "./check-bids.js";
import { checkScoringModel } from "./check-model.js";
import type { ScoringModel } from "./scoring-model.js";
import type { TenderSpecification } from "./specification.js";

/** Every rule beyond the schemas: the model on its own, and the bids against the model and specification. */
export function validateTender(input: { specification: TenderSpecification; model: ScoringModel; bids?: TenderBids | undefined }, options: CheckOptions = {}): Problem[] {
  const problems = checkScoringModel(input.model);
  if (input.bids !== undefined) problems.push(...checkBids(input.specification, input.model, input.bids, options));
  return problems;
}
