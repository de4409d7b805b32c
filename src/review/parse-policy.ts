import { parseInputDocument } from "../model/parse-document.js";
import type { Parsed } from "../model/parse.js";
import type { Outcome } from "../problems/problem.js";
import { ReviewPolicy } from "./policy.js";

/** Parse a review policy (YAML or JSON), e.g. `policies/uk-default.yaml`. */
export function parseReviewPolicy(text: string, file = "policy.yaml"): Outcome<Parsed<ReviewPolicy>> {
  return parseInputDocument(ReviewPolicy, text, "policy", file);
}
