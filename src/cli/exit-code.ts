import { hasErrors, type Problem } from "../problems/problem.js";

/**
 * 0 done; 1 an input has an error; 2 the command line is wrong (or would overwrite without --force);
 * 3 the weighting review found flags at or above --fail-on (for approval workflows); 70 a fault in
 * tender-eval itself (EX_SOFTWARE in BSD's sysexits), so a script can tell a bug from bad input.
 */
export const ExitCode = { success: 0, invalidInput: 1, usage: 2, reviewFailed: 3, fault: 70 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** 0 when there is nothing wrong, 1 when an input has an error (warnings alone do not fail). */
export function getExitCode(problems: readonly Problem[]): ExitCode {
  return hasErrors(problems) ? ExitCode.invalidInput : ExitCode.success;
}
