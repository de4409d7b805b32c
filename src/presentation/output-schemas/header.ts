/**
 * The version of every JSON output's shape. Fields may be added without changing it (a program should
 * ignore fields it does not know); removing or renaming a field, or changing what one means or its unit,
 * raises it. docs/json-output.md lists the rules.
 *
 * This file loads no zod: every command writes the header, and only `schema` and the tests need the schemas.
 */
export const OUTPUT_SCHEMA_VERSION = 1;

/** The outputs that have a published shape, by the `kind` each declares. */
export type OutputKind = "results" | "lots-results" | "review" | "whatif" | "validate" | "failed" | "written" | "template-fields" | "template-check";

/** The first two fields of every output: what it is, and which shape. */
export const headerOf = <K extends OutputKind>(kind: K) => ({ kind, schemaVersion: OUTPUT_SCHEMA_VERSION }) as const;

/** One unit per document: weights in percent (45 means 45%), money in pounds. */
export const weightUnits = { weights: "percent", money: "pounds" } as const;
