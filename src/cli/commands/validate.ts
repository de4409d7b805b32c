import type { CommandModule } from "yargs";
import { validateTender } from "../../scoring/validate-tender.js";
import { stringifyJson } from "../../presentation/json.js";
import { getExitCode } from "../exit-code.js";
import type { CliIo } from "../io.js";
import { loadTender, resolveTenderFiles, withFileLocations } from "../load-tender.js";
import { problemsJson, reportProblems } from "../report-problems.js";
import { tenderOptions, type TenderArgs } from "./shared.js";
import type { CommandRunner } from "../main.js";

export function validateCommand(run: CommandRunner): CommandModule {
  return {
    command: "validate [folder]",
    describe: "Check a tender's specification, scoring model and (if present) bids, listing every problem",
    builder: (y) =>
      tenderOptions(y).example("$0 validate examples/community-advocacy", "Check the bundled example tender"),
    handler: run(async (args, io) => validate(io, args as never)),
  };
}

async function validate(io: CliIo, args: TenderArgs) {
  const files = await resolveTenderFiles(io, args.folder, args);
  const loaded = await loadTender(io, files);
  const problems = loaded.ok ? withFileLocations(validateTender(loaded.value), loaded.value) : loaded.problems;
  const checked = [files.specification, files.model, ...(files.bids ? [files.bids] : [])];
  if (args.json) {
    io.stdout(stringifyJson({ ok: getExitCode(problems) === 0, files: checked, problems: problemsJson(problems) }));
  } else {
    reportProblems(io, problems);
    if (getExitCode(problems) === 0) io.stdout(`Valid: ${checked.join(", ")}`);
  }
  return getExitCode(problems);
}
