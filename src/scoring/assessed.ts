import type { BidResult, CriterionResult, Exclusion } from "./result.js";

/**
 * Tenders set aside before being assessed against the award criteria: failed a pass/fail gate, disregarded
 * as abnormally low, or not scored. Procurement Act 2023 s.50(5): only assessed tenders are owed an
 * assessment summary, and only they need the panel's feedback.
 */
const NOT_ASSESSED: ReadonlySet<Exclusion["rule"]> = new Set(["gate-failed", "disregarded-abnormally-low", "not-scored"]);

export const isAssessed = (bid: BidResult): boolean => !bid.exclusions.some((e) => NOT_ASSESSED.has(e.rule));

/**
 * Whether an answer needs the panel's written feedback to the bidder: every criterion marked by evaluators.
 * A criterion scored from a figure is explained by the figure the tender offered and the published formula,
 * so the summaries, the moderation sheet and the count of feedback still to write all leave it out.
 */
export const needsFeedback = (criterion: Pick<CriterionResult, "measure">): boolean => criterion.measure === undefined;
