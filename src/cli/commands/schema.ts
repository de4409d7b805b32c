import { join } from "node:path";
import { inputJsonSchemas } from "../../review/json-schema.js";
import { writeOutputs, type CliIo } from "../io.js";
import { done } from "../report-problems.js";
import type { ArgsOf, specs } from "../specs.js";

export async function run(args: ArgsOf<typeof specs.schema>, io: CliIo) {
  const files = Object.entries(inputJsonSchemas()).map(([name, text]) => ({ path: join(args.out, name), bytes: text }));
  const written = await writeOutputs(io, files, args.force);
  return done(io, args.json, written, [], () => io.stdout(`Wrote ${written.join(", ")}`));
}
