import { z } from "zod";
import { TenderBids } from "./bids.js";
import { EqualityFindings } from "./equality-findings.js";
import { ScoringModel } from "./scoring-model.js";
import { TenderSpecification } from "./specification.js";
import { WhatifProfiles } from "./whatif-profiles.js";

/** The input files the model layer defines, by the name of their schema file. */
export const modelInputSchemas = {
  "tender-specification.schema.json": TenderSpecification,
  "scoring-model.schema.json": ScoringModel,
  "tender-bids.schema.json": TenderBids,
  "equality-findings.schema.json": EqualityFindings,
  "whatif-profiles.schema.json": WhatifProfiles,
} satisfies Record<string, z.ZodType>;

/**
 * JSON Schemas generated from zod schemas, so editors can validate and autocomplete input files. The
 * schemas come in as a parameter: layers above (the review's policy) add their own without the model
 * importing them. The full set is `inputJsonSchemas` in src/review/json-schema.ts.
 */
export function renderJsonSchemas(schemas: Readonly<Record<string, z.ZodType>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => [id, `${JSON.stringify({ $id: id, ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) }, null, 2)}\n`]),
  );
}
