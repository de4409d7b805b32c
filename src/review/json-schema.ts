import { modelInputSchemas, renderJsonSchemas } from "../model/json-schema.js";
import { ReviewPolicy } from "./policy.js";

/**
 * JSON Schemas for every input file, the review policy included. The wiring lives here, above the model,
 * because the policy is the review's: the model layer renders whatever schemas it is given.
 */
export function inputJsonSchemas(): Record<string, string> {
  const { "equality-findings.schema.json": equality, "whatif-profiles.schema.json": whatif, ...tender } = modelInputSchemas;
  // Same order as ever (the tender's own files, the policy, then the rest), so `schema --out` lists them alike.
  return renderJsonSchemas({ ...tender, "review-policy.schema.json": ReviewPolicy, "equality-findings.schema.json": equality, "whatif-profiles.schema.json": whatif });
}
