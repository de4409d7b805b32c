import { formatProblem } from "../problems/format.js";
import type { Problem } from "../problems/problem.js";
import { problemsJson, stringifyJson } from "../presentation/json.js";
import { headerOf } from "../presentation/output-schemas/header.js";
import { ExitCode } from "./exit-code.js";
import type { CliIo } from "./io.js";
import { terminalText } from "./terminal.js";

/**
 * Errors first, then warnings, each on its own line, with a count; information (advice) last, on stdout. Messages quote the inputs (bidders'
 * names, file names), so each is made terminal-safe here too, whoever's CliIo it is written to.
 */
export function reportProblems(io: CliIo, problems: readonly Problem[]): void {
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");
  if (errors.length > 0) {
    io.stderr(`${errors.length} error${errors.length === 1 ? "" : "s"}:`);
    for (const p of errors) io.stderr(`  ✗ ${terminalText(formatProblem(p))}`);
  }
  if (warnings.length > 0) {
    io.stderr(`${warnings.length} warning${warnings.length === 1 ? "" : "s"}:`);
    for (const p of warnings) io.stderr(`  ! ${terminalText(formatProblem(p))}`);
  }
  for (const p of problems.filter((x) => x.severity === "advice")) io.stdout(`i ${terminalText(formatProblem(p))}`);
}

/** A command that could not do its work: every problem, in words or as JSON, and exit code 1. */
export function failed(io: CliIo, json: boolean, problems: readonly Problem[]): ExitCode {
  if (json) io.stdout(stringifyJson({ ...headerOf("failed"), ok: false, written: [], problems: problemsJson(problems) }));
  else {
    reportProblems(io, problems);
    io.stderr("Nothing was written.");
  }
  return ExitCode.invalidInput;
}

/** What a command that writes files says when done: the files, and any warnings. */
export function done(io: CliIo, json: boolean, written: readonly string[], problems: readonly Problem[], text: () => void): ExitCode {
  if (json) io.stdout(stringifyJson({ ...headerOf("written"), ok: true, written, problems: problemsJson(problems) }));
  else {
    text();
    reportProblems(io, problems);
  }
  return ExitCode.success;
}
