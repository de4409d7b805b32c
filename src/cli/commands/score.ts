import type { CommandModule } from "yargs";
import { stringifyJson } from "../../presentation/json.js";
import { renderResultsTable } from "../../presentation/results-table.js";
import { scoreTender } from "../../scoring/score-tender.js";
import type { TenderResult } from "../../scoring/result.js";
import { ExitCode, getExitCode } from "../exit-code.js";
import { writeOutputs, type CliIo, type OutputFile } from "../io.js";
import { loadTender, resolveTenderFiles, withFileLocations, type InputRecord, type LoadedTender } from "../load-tender.js";
import type { TenderBids } from "../../model/bids.js";
import { problemsJson, reportProblems } from "../report-problems.js";
import { TOOL_VERSION } from "../version.js";
import type { CommandRunner } from "../main.js";
import { tenderOptions, type TenderArgs } from "./shared.js";
import type { Problem } from "../../problems/problem.js";
import { ROUNDING_STATEMENT } from "../../documents/common-data.js";
import { modelHash } from "../../model/model-hash.js";
import { makeModerationSheet } from "../../spreadsheets/moderation-sheet.js";
import { makeResultsWorkbook } from "../../spreadsheets/results-workbook.js";
import { readSheetsFolder } from "../read-sheets-folder.js";

export function scoreCommand(run: CommandRunner): CommandModule {
  return {
    command: "score [folder]",
    describe: "Score a tender's bids: combined scores, weighted points, exclusions, ranked results",
    builder: (y) =>
      tenderOptions(y)
        .option("out", { type: "string", default: "results.json", describe: "Where to write the results as JSON" })
        .option("force", { type: "boolean", default: false, describe: "Replace the output file if it exists" })
        .option("sheets", { type: "string", describe: "Folder of completed score sheets (and price schedules, moderation sheet) to read the scores from" })
        .option("allow-incomplete", { type: "boolean", default: false, describe: "Score even though some scores are missing; the results say what was missing" })
        .option("xlsx", { type: "string", describe: "Also write the results workbook here (default with --sheets: results.xlsx)" })
        .option("moderation-sheet", { type: "string", default: "moderation.xlsx", describe: "Where to write the moderation sheet when answers need moderation (with --sheets)" })
        .example("$0 score examples/community-advocacy --out results.json", "Score the bundled example tender")
        .example("$0 score my-tender --sheets returned-sheets --xlsx results.xlsx", "Score from completed score sheets"),
    handler: run(async (args, io) => score(io, args as never)),
  };
}

export interface ScoreArgs extends TenderArgs {
  out: string;
  force: boolean;
  sheets?: string;
  allowIncomplete?: boolean;
  xlsx?: string;
  moderationSheet?: string;
}

export interface ScoredTender {
  result: TenderResult;
  problems: Problem[];
  inputs: InputRecord[];
  tender: LoadedTender & { bids: TenderBids };
}

/** Load and score a tender; report problems and return undefined if it cannot be scored. */
export async function loadAndScore(io: CliIo, args: Omit<ScoreArgs, "out" | "force" | "xlsx" | "moderationSheet">): Promise<ScoredTender | ExitCode> {
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
  let bids = loaded.value.bids!;
  const sheetProblems: Problem[] = [];
  if (args.sheets !== undefined) {
    const fromSheets = await readSheetsFolder(io, args.sheets, { ...loaded.value, bids, allowIncomplete: args.allowIncomplete ?? false });
    if (!fromSheets.ok) {
      reportFailure(io, args.json, fromSheets.problems);
      return ExitCode.invalidInput;
    }
    bids = fromSheets.value.bids;
    sheetProblems.push(...fromSheets.problems);
    loaded.value.inputs.push(...fromSheets.value.inputs);
  }
  const scored = scoreTender({ specification: loaded.value.specification, model: loaded.value.model, bids }, { allowIncomplete: args.allowIncomplete ?? false });
  const problems = [...sheetProblems, ...withFileLocations(scored.problems, loaded.value)];
  if (!scored.ok) {
    reportFailure(io, args.json, problems);
    return ExitCode.invalidInput;
  }
  return { result: scored.value, problems, inputs: loaded.value.inputs, tender: { ...loaded.value, bids } };
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
  const outputs: OutputFile[] = [{ path: args.out, bytes: json }];
  const xlsx = args.xlsx ?? (args.sheets !== undefined ? "results.xlsx" : undefined);
  if (xlsx !== undefined) outputs.push({ path: xlsx, bytes: await makeResultsWorkbook(scored.result, { roundingNote: ROUNDING_STATEMENT, inputs: scored.inputs }) });
  const needsModerationSheet = args.sheets !== undefined && scored.result.moderationNeeded.length > 0;
  if (needsModerationSheet) {
    outputs.push({ path: args.moderationSheet ?? "moderation.xlsx", bytes: await makeModerationSheet({ ...scored.tender, modelHash: modelHash(scored.tender.model) }, scored.result) });
  }
  const written = await writeOutputs(io, outputs, args.force);
  if (args.json) {
    io.stdout(json);
  } else {
    io.stdout(renderResultsTable(scored.result));
    reportProblems(io, scored.problems);
    io.stdout(`Results written to ${written.join(", ")}`);
    if (needsModerationSheet) {
      io.stdout(`${scored.result.moderationNeeded.length} answers need moderation: the panel should agree scores in ${args.moderationSheet ?? "moderation.xlsx"}, give a reason for each, put it in ${args.sheets} and score again.`);
    }
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
