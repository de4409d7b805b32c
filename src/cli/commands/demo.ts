import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CommandModule } from "yargs";
import { stringifyJson } from "../../presentation/json.js";
import { renderResultsTable } from "../../presentation/results-table.js";
import { ExitCode } from "../exit-code.js";
import { writeOutputs } from "../io.js";
import type { CommandRunner } from "../main.js";
import { reportProblems } from "../report-problems.js";
import { loadAndScore, resultsDocument } from "./score.js";

export const bundledExample = fileURLToPath(new URL("../../../examples/community-advocacy", import.meta.url));

export function demoCommand(run: CommandRunner): CommandModule {
  return {
    command: "demo",
    describe: "Run the whole flow on the bundled example tender and write everything into one folder",
    builder: (y) =>
      y
        .option("out", { type: "string", default: "demo-output", describe: "Folder to write the outputs into" })
        .option("force", { type: "boolean", default: false, describe: "Replace outputs that already exist" })
        .example("$0 demo --out demo-output", "Score the bundled advocacy-service tender"),
    handler: run(async (args, io) => {
      const a = args as unknown as { out: string; force: boolean };
      io.stdout(`Example tender: ${bundledExample}`);
      io.stdout("1. Validating and scoring the specification, scoring model and bids…");
      const scored = await loadAndScore(io, { folder: bundledExample, json: false });
      if (typeof scored === "number") return scored;
      const table = renderResultsTable(scored.result);
      io.stdout(table);
      reportProblems(io, scored.problems);
      const written = await writeOutputs(
        io,
        [
          { path: join(a.out, "results.json"), bytes: stringifyJson(resultsDocument(scored)) },
          { path: join(a.out, "results.txt"), bytes: table },
        ],
        a.force,
      );
      io.stdout(`2. Wrote ${written.join(", ")}`);
      return ExitCode.success;
    }),
  };
}
