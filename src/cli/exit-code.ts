import { hasErrors, type Problem } from "../problems/problem.js";

/** 3: the weighting review found flags at or above --fail-on (for approval workflows). */
export const ExitCode = { success: 0, invalidInput: 1, usage: 2, reviewFailed: 3 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** 0 when there is nothing wrong, 1 when an input has an error (warnings alone do not fail). */
export function getExitCode(problems: readonly Problem[]): ExitCode {
  return hasErrors(problems) ? ExitCode.invalidInput : ExitCode.success;
}
