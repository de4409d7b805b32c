import { BankHolidays } from "../model/bank-holidays.js";
import { TenderBids } from "../model/bids.js";
import { EqualityFindings } from "../model/equality-findings.js";
import type { ReferencedFile } from "../model/field-reference.js";
import { modelInputSchemas, renderJsonSchemas } from "../model/json-schema.js";
import { ScoringModel } from "../model/scoring-model.js";
import { TenderSpecification } from "../model/specification.js";
import { WhatifProfiles } from "../model/whatif-profiles.js";
import { ReviewPolicy } from "./policy.js";

/**
 * JSON Schemas for every input file, the review policy included. The wiring lives here, above the model,
 * because the policy is the review's: the model layer renders whatever schemas it is given.
 */
export function inputJsonSchemas(): Record<string, string> {
  const { "equality-findings.schema.json": equality, "whatif-profiles.schema.json": whatif, ...tender } = modelInputSchemas;
  // Same order as ever (the tender's own files, the policy, then the rest), so `schema --out` lists them alike.
  return renderJsonSchemas({ ...tender, "review-policy.schema.json": ReviewPolicy, "equality-findings.schema.json": equality, "whatif-profiles.schema.json": whatif, "bank-holidays.schema.json": BankHolidays });
}

/** The input files in the order docs/fields.md lists them: the tender's own files first. */
export function inputFileReference(examples: Partial<Record<"specification" | "model" | "bids" | "findings" | "profiles" | "policy" | "holidays", unknown>> = {}): ReferencedFile[] {
  return [
    { file: "specification.yaml", title: "Tender specification", schema: TenderSpecification, example: examples.specification },
    { file: "scoring-model.yaml", title: "Scoring model", schema: ScoringModel, example: examples.model },
    { file: "bids.yaml", title: "Bids", schema: TenderBids, example: examples.bids },
    { file: "equality-findings.yaml", title: "Equality findings", schema: EqualityFindings, example: examples.findings },
    { file: "whatif-profiles.yaml", title: "What-if profiles", schema: WhatifProfiles, example: examples.profiles },
    { file: "policies/uk-default.yaml", title: "Review policy", schema: ReviewPolicy, example: examples.policy },
    { file: "policies/uk-bank-holidays.yaml", title: "Bank holidays", schema: BankHolidays, example: examples.holidays },
  ];
}
