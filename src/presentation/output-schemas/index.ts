import { z } from "zod";
import type { OutputKind } from "./common.js";
import { ResultsOutput } from "./results.js";
import { LotsResultsOutput } from "./lots.js";
import { ReviewOutput } from "./review.js";
import { ValidateOutput } from "./validate.js";
import { WhatifOutput } from "./whatif.js";
import { TemplateCheckOutput, TemplateFieldsOutput } from "./templates.js";
import { FailedOutput, WrittenOutput } from "./written.js";

export { OUTPUT_SCHEMA_VERSION, headerOf, weightUnits, type OutputKind } from "./common.js";
export { ResultsOutput, LotsResultsOutput, ReviewOutput, ValidateOutput, WhatifOutput, FailedOutput, WrittenOutput, TemplateFieldsOutput, TemplateCheckOutput };

/** Every JSON output with a published shape, by its `kind`: the one source of schemas/output-*.schema.json and docs/json-output.md. */
export const outputSchemas = {
  results: ResultsOutput,
  "lots-results": LotsResultsOutput,
  review: ReviewOutput,
  whatif: WhatifOutput,
  validate: ValidateOutput,
  written: WrittenOutput,
  failed: FailedOutput,
  "template-fields": TemplateFieldsOutput,
  "template-check": TemplateCheckOutput,
} satisfies Record<OutputKind, z.ZodType>;

export const outputSchemaFile = (kind: OutputKind) => `output-${kind}.schema.json`;

/**
 * JSON Schemas of the outputs, as programs read them (`io: "output"`): every object lists its fields and
 * allows no others, and the shared parts (exact numbers, problems, flags) are defined once under `$defs`.
 */
export function outputJsonSchemas(): Record<string, string> {
  return Object.fromEntries(
    (Object.entries(outputSchemas) as [OutputKind, z.ZodType][]).map(([kind, schema]) => {
      const file = outputSchemaFile(kind);
      return [file, `${JSON.stringify({ $id: file, ...z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) }, null, 2)}\n`];
    }),
  );
}
