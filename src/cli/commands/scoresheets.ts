import { join } from "node:path";
import type { CommandModule } from "yargs";
import { modelHash } from "../../model/model-hash.js";
import { makeScoreSheets } from "../../spreadsheets/score-sheets.js";
import { ExitCode } from "../exit-code.js";
import { writeOutputs } from "../io.js";
import { loadTender, resolveTenderFiles } from "../load-tender.js";
import type { CommandRunner } from "../main.js";
import { reportProblems } from "../report-problems.js";
import { tenderOptions, type TenderArgs } from "./shared.js";
import { validateTender } from "../../scoring/validate-tender.js";

export function scoresheetsCommand(run: CommandRunner): CommandModule {
  return {
    command: "scoresheets [folder]",
    describe: "Generate score sheets: one workbook per evaluator and user-panel member, and a price schedule per bid",
    builder: (y) =>
      tenderOptions(y)
        .option("out-dir", { type: "string", default: "score-sheets", describe: "Folder to write the workbooks into" })
        .option("force", { type: "boolean", default: false, describe: "Replace workbooks that already exist" })
        .example("$0 scoresheets examples/community-advocacy --out-dir sheets", "One score sheet per evaluator for the example"),
    handler: run(async (args, io) => {
      const a = args as unknown as TenderArgs & { outDir: string; force: boolean };
      const files = await resolveTenderFiles(io, a.folder, a);
      const loaded = await loadTender(io, files);
      if (!loaded.ok || loaded.value.bids === undefined) {
        reportProblems(io, loaded.ok ? [] : loaded.problems);
        if (loaded.ok) io.stderr("Score sheets need the panel and the bids: give a bids file (its scores may be empty).");
        return ExitCode.invalidInput;
      }
      // Scores and prices are not needed yet (they come back in the sheets): only the model and the panel and bids must be valid.
      const problems = validateTender({ ...loaded.value }, { allowIncomplete: true }).filter((p) => p.severity === "error" && p.code !== "bids.missing-price");
      if (problems.length > 0) {
        reportProblems(io, problems);
        return ExitCode.invalidInput;
      }
      const workbooks = await makeScoreSheets({ specification: loaded.value.specification, model: loaded.value.model, bids: loaded.value.bids, modelHash: modelHash(loaded.value.model) });
      await writeOutputs(io, workbooks.map((w) => ({ path: join(a.outDir, w.fileName), bytes: w.bytes })), a.force);
      io.stdout(`Wrote ${workbooks.length} workbooks to ${a.outDir}:`);
      for (const w of workbooks) io.stdout(`  ${w.fileName}  (${w.purpose})`);
      io.stdout(`Send each evaluator their own sheet. When they come back, put them in one folder and run: tender-eval score ${a.folder} --sheets <folder>`);
      return ExitCode.success;
    }),
  };
}
