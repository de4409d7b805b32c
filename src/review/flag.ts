/**
 * Review flags are findings (src/problems/problem.ts): the same shape as input problems, with the rule
 * or guidance they apply as `source`, and their English from the one formatter (src/problems/format.ts).
 * These re-exports keep the review's long-standing import path working.
 */
export { flag, type FlagArgsByCode, type FlagCode, type FlagSeverity, type ReviewFlag } from "../problems/problem.js";
export { flagCodes, flagMessage, formatFlag } from "../problems/format.js";
