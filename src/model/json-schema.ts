import { z } from "zod";
import { TenderBids } from "./bids.js";
import { ScoringModel } from "./scoring-model.js";
import { TenderSpecification } from "./specification.js";
import { ReviewPolicy } from "../review/policy.js";
import { EqualityFindings } from "./equality-findings.js";
import { WhatifProfiles } from "./whatif-profiles.js";

/** JSON Schemas generated from the zod schemas, so editors can validate and autocomplete input files. */
export function inputJsonSchemas(): Record<string, string> {
  const render = (schema: z.ZodType, id: string) =>
    `${JSON.stringify({ $id: id, ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) }, null, 2)}\n`;
  return {
    "tender-specification.schema.json": render(TenderSpecification, "tender-specification.schema.json"),
    "scoring-model.schema.json": render(ScoringModel, "scoring-model.schema.json"),
    "tender-bids.schema.json": render(TenderBids, "tender-bids.schema.json"),
    "review-policy.schema.json": render(ReviewPolicy, "review-policy.schema.json"),
    "equality-findings.schema.json": render(EqualityFindings, "equality-findings.schema.json"),
    "whatif-profiles.schema.json": render(WhatifProfiles, "whatif-profiles.schema.json"),
  };
}
