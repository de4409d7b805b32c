import { titleOfKey } from "../model/sections.js";
import type { Exclusion } from "../scoring/result.js";
import { formatMoney, formatPercent, formatScore } from "../language/uk-format.js";

/** Why a bid was excluded, in plain English, naming the rule. */
export function explainExclusion(exclusion: Exclusion): string {
  switch (exclusion.rule) {
    case "gate-failed":
      return `failed the pass/fail requirement "${exclusion.gateTitle}"`;
    case "disregarded-abnormally-low":
      return "was disregarded as abnormally low after its price was investigated (Procurement Act 2023 s.19)";
    case "below-criterion-minimum":
      return `scored ${formatScore(exclusion.score)} on ${exclusion.criterionId} (${exclusion.criterionTitle}), below the minimum of ${formatScore(exclusion.minimum)}`;
    case "below-section-minimum":
      return `scored ${formatPercent(exclusion.percent)} of the ${titleOfKey(exclusion.section, exclusion.sectionTitle).toLowerCase()} points, below the minimum of ${formatPercent(exclusion.minimumPercent)}`;
    case "not-scored":
      return `has no score from any evaluator for ${exclusion.criterionId} (${exclusion.criterionTitle}), so it cannot be ranked until it is scored`;
    case "workforce-share-undeclared":
      return `has not declared the share of its workforce who are disabled or disadvantaged (the contract is reserved for organisations where it is at least ${formatPercent(exclusion.minimumPercent)}), so it cannot be ranked until it does`;
    case "above-budget":
      return `whole-life price ${formatMoney(exclusion.wholeLifeCost)} is above the budget ceiling of ${formatMoney(exclusion.budget)}`;
  }
}
