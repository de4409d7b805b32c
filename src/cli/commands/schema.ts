import { join } from "node:path";
import { fieldReferenceMarkdown } from "../../node/field-reference.js";
import { inputJsonSchemas } from "../../review/json-schema.js";
import { writeOutputs, type CliIo } from "../io.js";
import { done } from "../report-problems.js";
import type { ArgsOf, specs } from "../specs.js";

export async function run(args: ArgsOf<typeof specs.schema>, io: CliIo) {
  const files = Object.entries(inputJsonSchemas()).map(([name, text]) => ({ path: join(args.out, name), bytes: text }));
  // The field reference is written with the schemas, from the same zod schemas, so the two never disagree.
  if (args.fields !== undefined) files.push({ path: args.fields, bytes: await fieldReferenceMarkdown() });
  const written = await writeOutputs(io, files, args.force);
  return done(io, args.json, written, [], () => io.stdout(`Wrote ${written.join(", ")}`));
}
