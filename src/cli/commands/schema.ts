import { join } from "node:path";
import { FIELD_REFERENCE_COMMAND, fieldReferenceMarkdown } from "../../node/field-reference.js";
import { outputJsonSchemas } from "../../presentation/output-schemas/index.js";
import { renderOutputReference } from "../../presentation/output-schemas/reference.js";
import { inputJsonSchemas } from "../../review/json-schema.js";
import { writeOutputs, type CliIo } from "../io.js";
import { done } from "../report-problems.js";
import type { ArgsOf, specs } from "../specs.js";

export async function run(args: ArgsOf<typeof specs.schema>, io: CliIo) {
  const files = Object.entries({ ...inputJsonSchemas(), ...outputJsonSchemas() }).map(([name, text]) => ({ path: join(args.out, name), bytes: text }));
  // The field reference is written with the schemas, from the same zod schemas, so the two never disagree.
  if (args.fields !== undefined) files.push({ path: args.fields, bytes: await fieldReferenceMarkdown() });
  if (args.outputs !== undefined) files.push({ path: args.outputs, bytes: renderOutputReference(FIELD_REFERENCE_COMMAND) });
  const written = await writeOutputs(io, files, args.force);
  return done(io, args.json, written, [], () => io.stdout(`Wrote ${written.join(", ")}`));
}
