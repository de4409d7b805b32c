import type { CommandModule } from "yargs";
import { stringifyJson } from "../../presentation/json.js";
import { renderResultsTable } from "../../presentation/results-table.js";
import { scoreTender } from "../../scoring/score-tender.js";
import type { TenderResult } from "../../scoring/result.js";
import { ExitCode, getExitCode } from "../exit-code.js";
import { writeOutputs, type CliIo } from "../io.js";
import { loadTender, resolveTenderFiles, withFileLocations, type InputRecord, type LoadedTender } from "../load-tender.js";
import type { TenderBids } from "../../model/bids.js";
import { problemsJson, reportProblems } from "../report-problems.js";
import { TOOL_VERSION } from "../version.js";
import type { CommandRunner } from "../main.js";
import { tenderOptions } from "./shared.js";
import type { Problem } from "../../problems/problem.js";

export function scoreCommand(run: CommandRunner): CommandModule {
  return {
    command: "score [folder]",
    describe: "Score a tender's bids: combined scores, weighted points, exclusions, ranked results",
    builder: (y) =>
      tenderOptions(y)
        .option("out", { type: "string", default: "results.json", describe: "Where to write the results as JSON" })
        .option("force", { type: "boolean", default: false, describe: "Replace the output file if it exists" })
        .example("$0 score examples/community-advocacy --out results.json", "Score the bundled example tender"),
    handler: run(async (args, io) => score(io, args as never)),
  };
}

export interface ScoreArgs {
  folder: string;
  spec?: string;
  model?: string;
  bids?: string;
  json: boolean;
  out: string;
  force: boolean;
}

export interface ScoredTender {
  result: TenderResult;
  problems: Problem[];
  inputs: InputRecord[];
  tender: LoadedTender & { bids: TenderBids };
}

/** Load and score a tender; report problems and return undefined if it cannot be scored. */
export async function loadAndScore(io: CliIo, args: Omit<ScoreArgs, "out" | "force">): Promise<ScoredTender | ExitCode> {
  const files = await resolveTenderFiles(io, args.folder, args);
  if (files.bids === undefined) {
    io.stderr(`${args.folder}: no bids.yaml found; give the bids file with --bids`);
    return ExitCode.invalidInput;
  }
  const loaded = await loadTender(io, files);
  if (!loaded.ok) {
    reportFailure(io, args.json, loaded.problems);
    return ExitCode.invalidInput;
  }
  const scored = scoreTender({ specification: loaded.value.specification, model: loaded.value.model, bids: loaded.value.bids! });
  const problems = withFileLocations(scored.problems, loaded.value);
  if (!scored.ok) {
    reportFailure(io, args.json, problems);
    return ExitCode.invalidInput;
  }
  return { result: scored.value, problems, inputs: loaded.value.inputs, tender: { ...loaded.value, bids: loaded.value.bids! } };
}

export function resultsDocument(scored: Omit<ScoredTender, "tender">) {
  return {
    tool: { name: "tender-eval", version: TOOL_VERSION },
    roundingNote: "Every number is exact: 'exact' is the fraction, 'value' its decimal. Nothing is rounded here.",
    inputs: scored.inputs,
    warnings: problemsJson(scored.problems),
    result: scored.result,
  };
}

async function score(io: CliIo, args: ScoreArgs): Promise<ExitCode> {
  const scored = await loadAndScore(io, args);
  if (typeof scored === "number") return scored;
  const json = stringifyJson(resultsDocument(scored));
  const written = await writeOutputs(io, [{ path: args.out, bytes: json }], args.force);
  if (args.json) {
    io.stdout(json);
  } else {
    io.stdout(renderResultsTable(scored.result));
    reportProblems(io, scored.problems);
    io.stdout(`Results written to ${written.join(", ")}`);
  }
  return getExitCode(scored.problems);
}

function reportFailure(io: CliIo, json: boolean, problems: Problem[]) {
  if (json) io.stdout(stringifyJson({ ok: false, problems: problemsJson(problems) }));
  else {
    reportProblems(io, problems);
    io.stderr("Nothing was scored and no file was written.");
  }
}
