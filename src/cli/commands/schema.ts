import { join } from "node:path";
import type { CommandModule } from "yargs";
import { inputJsonSchemas } from "../../review/json-schema.js";
import { ExitCode } from "../exit-code.js";
import { writeOutputs } from "../io.js";
import type { CommandRunner } from "../main.js";

export function schemaCommand(run: CommandRunner): CommandModule {
  return {
    command: "schema",
    describe: "Write JSON Schemas for the specification, scoring model and bids files",
    builder: (y) =>
      y
        .option("out", { type: "string", default: "schemas", describe: "Folder to write the schemas into" })
        .option("force", { type: "boolean", default: false, describe: "Replace existing schema files" })
        .example("$0 schema --out schemas", "Write the three schemas for editor autocompletion"),
    handler: run(async (args, io) => {
      const a = args as unknown as { out: string; force: boolean };
      const files = Object.entries(inputJsonSchemas()).map(([name, text]) => ({ path: join(a.out, name), bytes: text }));
      const written = await writeOutputs(io, files, a.force);
      io.stdout(`Wrote ${written.join(", ")}`);
      return ExitCode.success;
    }),
  };
}
