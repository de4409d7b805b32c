import type { BidResult, Exclusion } from "./result.js";

/**
 * Tenders set aside before being assessed against the award criteria: failed a pass/fail gate, disregarded
 * as abnormally low, or not scored. Procurement Act 2023 s.50(5): only assessed tenders are owed an
 * assessment summary, and only they need the panel's feedback.
 */
const NOT_ASSESSED: ReadonlySet<Exclusion["rule"]> = new Set(["gate-failed", "disregarded-abnormally-low", "not-scored"]);

export const isAssessed = (bid: BidResult): boolean => !bid.exclusions.some((e) => NOT_ASSESSED.has(e.rule));
