import type { Problem } from "../../problems/problem.js";
import { stringifyJson } from "../../presentation/json.js";
import { validateOutput } from "../../workflows/json-output.js";
import { readFileOnDisk } from "../../node/files.js";
import { validateModel, validateTender } from "../../workflows/tender.js";
import { getExitCode } from "../exit-code.js";
import { UsageError, type CliIo } from "../io.js";
import { reportProblems } from "../report-problems.js";
import type { ArgsOf, specs } from "../specs.js";
import { readTender, shownAs } from "../tender-input.js";

export async function run(args: ArgsOf<typeof specs.validate>, io: CliIo) {
  // With no folder, only the files named are read: a bids.yaml lying in the current folder is not the
  // user's question when they ask about one model.
  const named = args.folder === undefined && (args.spec !== undefined || args.model !== undefined || args.bids !== undefined);
  if (named && args.model !== undefined && args.spec === undefined && args.bids === undefined) {
    const file = await readFileOnDisk(args.model, { cwd: io.cwd });
    const checked = await validateModel(file);
    return report(io, args.json, checked.ok, [file.shownAs], shownAs(checked.problems, [file]));
  }
  if (named && (args.spec === undefined || args.model === undefined)) {
    throw new UsageError(`name the ${args.spec === undefined ? "specification (--spec)" : "scoring model (--model)"} too, or give the tender's folder`);
  }
  const tender = await readTender(io, { ...args, folder: args.folder ?? "." }, { withoutBids: named && args.bids === undefined });
  const checked = await validateTender(tender.files, { stage: "auto" });
  return report(io, args.json, checked.ok, tender.paths, tender.shown(checked.problems), checked.stage);
}

function report(io: CliIo, json: boolean, ok: boolean, files: string[], problems: Problem[], stage?: string) {
  if (json) {
    io.stdout(stringifyJson(validateOutput({ ok, files, stage, problems })));
  } else {
    // Advice (what is still to come) is information for the next step; reportProblems puts it on stdout.
    reportProblems(io, problems);
    if (ok) io.stdout(`Valid: ${files.join(", ")}`);
  }
  return getExitCode(problems);
}
