import { problemsJson, stringifyJson } from "../../presentation/json.js";
import { validateTender } from "../../workflows/tender.js";
import { getExitCode } from "../exit-code.js";
import type { CliIo } from "../io.js";
import { reportProblems } from "../report-problems.js";
import type { ArgsOf, specs } from "../specs.js";
import { readTender } from "../tender-input.js";

export async function run(args: ArgsOf<typeof specs.validate>, io: CliIo) {
  const tender = await readTender(io, args);
  const checked = await validateTender(tender.files);
  const problems = tender.shown(checked.problems);
  const files = tender.paths;
  if (args.json) {
    io.stdout(stringifyJson({ ok: checked.ok, files, problems: problemsJson(problems) }));
  } else {
    reportProblems(io, problems);
    if (checked.ok) io.stdout(`Valid: ${files.join(", ")}`);
  }
  return getExitCode(problems);
}
