import { problemsJson } from "../presentation/json.js";
import { headerOf, weightUnits } from "../presentation/output-schemas/header.js";
import { withUserPanelCombined } from "../scoring/user-panel.js";
import { TOOL_VERSION } from "../version.js";
import type { ScoredTender } from "./tender.js";

/** The results as JSON for programs: exact values with their decimals, the inputs used, and every warning. */
export function resultsDocument(scored: ScoredTender) {
  return {
    ...headerOf("results"),
    tool: { name: "tender-eval", version: TOOL_VERSION },
    units: weightUnits,
    roundingNote:
      scored.result.rounding === undefined
        ? "Every number is exact: 'exact' is the fraction, 'value' its decimal. Nothing is rounded here."
        : `Every number is exact: 'exact' is the fraction, 'value' its decimal. Points follow the scoring model's rounding rule (${scored.result.rounding.of === "criterion" ? "each criterion's points and the price points" : "each section's points and the price points"} rounded half up to a step of ${scored.result.rounding.step}); where rounding changed a figure, 'unroundedPoints' is the exact figure before it.`,
    inputs: scored.inputs,
    warnings: problemsJson(scored.problems),
    // The user panel's combined scores only: its members' own scores are in the restricted record, if asked for.
    result: withUserPanelCombined(scored.result),
  };
}
