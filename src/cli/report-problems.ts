import { formatProblem } from "../problems/format.js";
import type { Problem } from "../problems/problem.js";
import { problemToJson } from "../presentation/json.js";
import type { CliIo } from "./io.js";

/** Errors first, then warnings, each on its own line, with a count. */
export function reportProblems(io: CliIo, problems: readonly Problem[]): void {
  const errors = problems.filter((p) => p.severity === "error");
  const warnings = problems.filter((p) => p.severity === "warning");
  if (errors.length > 0) {
    io.stderr(`${errors.length} error${errors.length === 1 ? "" : "s"}:`);
    for (const p of errors) io.stderr(`  ✗ ${formatProblem(p)}`);
  }
  if (warnings.length > 0) {
    io.stderr(`${warnings.length} warning${warnings.length === 1 ? "" : "s"}:`);
    for (const p of warnings) io.stderr(`  ! ${formatProblem(p)}`);
  }
}

export function problemsJson(problems: readonly Problem[]) {
  return problems.map(problemToJson);
}
