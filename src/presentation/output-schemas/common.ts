import { z } from "zod";
import { OUTPUT_SCHEMA_VERSION, weightUnits, type OutputKind } from "./header.js";

export { OUTPUT_SCHEMA_VERSION, headerOf, weightUnits, type OutputKind } from "./header.js";

/**
 * An exact number as JSON: the decimal for reading, the fraction for checking. One definition, referenced
 * from every schema (`$defs.exact`), so the published schemas say it once.
 */
export const ExactJson = z
  .strictObject({
    value: z.number().describe("The number as a decimal (a JavaScript double: may be rounded in its last digits)"),
    exact: z
      .string()
      .regex(/^-?\d+(\/\d+)?$/)
      .describe('The number exactly, as a whole number or a fraction in lowest terms, e.g. "45" or "3226963/36540"'),
  })
  .meta({ id: "exact", description: "An exact number: `value` is its decimal, `exact` the fraction it is" });

/** The header every output starts with, so a program can tell what it has and which shape. */
export function header<K extends OutputKind>(kind: K) {
  return {
    kind: z.literal(kind).describe(`What this document is: always "${kind}"`),
    schemaVersion: z.literal(OUTPUT_SCHEMA_VERSION).describe("The version of this shape; it changes only when a field is removed, renamed or changes meaning or unit"),
  };
}

/**
 * Weights are in percent everywhere in one document (sections' weights, weights within a section, the
 * swept weights, the chance-of-winning samples' typical weights, review flags' weights): 45 means 45%.
 * The document says so in `units`, so a program never guesses between 0.45 and 45.
 */
export const WeightUnits = z
  .strictObject({
    weights: z.literal(weightUnits.weights).describe("Every weight and share of a score in this document is in percent: 45 means 45%, never 0.45"),
    money: z.literal(weightUnits.money).describe("Every price and value of money in this document is in pounds sterling"),
  })
  .describe("The units of this document's figures");

/** Where a finding points, as separate fields beside the sentence (`where`) that joins them. */
const findingFields = {
  code: z.string().describe("The finding's stable code, e.g. bids.score-not-on-scale; each is explained in docs/problems.md or docs/flags.md"),
  severity: z.enum(["error", "warning", "advice"]).describe("error (stops the work), warning (to check) or advice (to consider)"),
  message: z.string().describe("The finding in English, as the terminal prints it"),
  where: z.string().describe("Where it points, in words: the file, then the sheet and cell or the field path and line; empty when it points at nothing in particular"),
  file: z.string().exactOptional().describe("The file it points into, as it was named on the command line"),
  sheet: z.string().exactOptional().describe("In a workbook: the sheet"),
  cell: z.string().exactOptional().describe("In a workbook: the cell, e.g. E7"),
  path: z.string().exactOptional().describe("In a YAML or JSON file: the field's path, e.g. sections.quality.criteria[2].weight"),
  line: z.int().exactOptional().describe("In a YAML or JSON file: the line the field is on"),
  option: z.string().exactOptional().describe("A command-line option the finding is about, e.g. --bid"),
};

/**
 * A problem with the inputs. Its `args` are the raw figures and ids behind the message; each code's are
 * listed with it in docs/problems.md, and exact numbers are `exact` objects.
 */
export const ProblemJson = z
  .strictObject({
    ...findingFields,
    args: z.record(z.string(), z.unknown()).describe("The figures and ids behind the message, by name (see the code in docs/problems.md); bids are named by their id"),
  })
  .meta({ id: "problem", description: "A problem found in the inputs, located in its file" });

export const ProblemsJson = z.array(ProblemJson);
