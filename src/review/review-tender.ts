import type { TenderBids } from "../model/bids.js";
import type { ScoringModel } from "../model/scoring-model.js";
import type { TenderSpecification } from "../model/specification.js";
import { validateTender } from "../scoring/validate-tender.js";
import { hasErrors, type Problem } from "../problems/problem.js";
import type { TenderResult } from "../scoring/result.js";
import { checkAbnormallyLowPrices, checkEffectiveWeights, checkRankReversal } from "./checks/outcome.js";
import { checkEvaluatorOffsets, checkJustifications, checkModerationShare, checkReservedEligibility, checkUserPanelIdentities } from "./checks/panel.js";
import { checkBelowThresholdReservation, checkRegimeLotsAndApproval, checkReservedContract, checkTenderingPeriod, checkWordsAsked } from "./checks/process.js";
import { checkPriceWeight, checkSocialValue, checkTokenWeights, checkUserPanel, withOutcome } from "./checks/weighting.js";
import type { FlagSeverity, ReviewFlag } from "../problems/problem.js";
import type { ReviewPolicy } from "./policy.js";

export interface ReviewInput {
  /**
   * Without a specification only the model is reviewed: the checks that need the kind of service, the
   * dates or the contract's value (the price weight's limit, the tendering period, words asked, reserved
   * contracts, the regime, lots and approval) are left out, and `reviewedWithoutSpecification` lists them.
   */
  specification?: TenderSpecification | undefined;
  model: ScoringModel;
  policy: ReviewPolicy;
  /**
   * With scored bids the review also checks what the arithmetic did to the outcome. It takes the result
   * it is given rather than scoring again, so the figures it reports are the ones the report prints.
   */
  scored?: { bids: TenderBids; result: TenderResult } | undefined;
}

export interface Review {
  /** Validation problems; when any is an error, the review could not run and flags is empty. */
  problems: Problem[];
  flags: ReviewFlag[];
}

const severityOrder: Record<FlagSeverity, number> = { error: 0, warning: 1, advice: 2 };

/**
 * The weighting review: what in the scoring model and the process is disproportionate, and, with bids,
 * where the arithmetic of the model rather than the quality of the bids decided the outcome. Pure.
 */
export function reviewTender(input: ReviewInput): Review {
  const { specification, model, policy, scored } = input;
  // Scored bids were validated when they were scored; the model and process alone are checked here.
  const problems = scored === undefined ? validateTender({ specification, model }) : [];
  if (hasErrors(problems)) return { problems, flags: [] };

  const flags: ReviewFlag[] = [
    ...checkPriceWeight(specification, model, policy),
    ...checkSocialValue(model, policy),
    ...checkUserPanel(model, policy),
    // With scored bids, whether a light criterion actually decided an order is re-ranked, not assumed.
    ...(scored === undefined ? checkTokenWeights(model, policy) : withOutcome(checkTokenWeights(model, policy), scored.result)),
    ...(specification === undefined
      ? []
      : [
          ...checkTenderingPeriod(specification, policy),
          ...checkWordsAsked(specification, model, policy),
          ...checkReservedContract(specification, policy),
          ...checkBelowThresholdReservation(specification, policy),
          ...checkRegimeLotsAndApproval(specification, policy),
        ]),
  ];
  if (scored !== undefined && specification !== undefined) {
    const { bids, result } = scored;
    flags.push(...checkUserPanelIdentities(bids, policy), ...checkReservedEligibility(specification, bids, policy), ...checkJustifications(model, bids, policy));
    const bidIndex = new Map(bids.bids.map((b, i) => [b.id, i]));
    flags.push(
      ...checkEffectiveWeights(result, policy),
      ...checkRankReversal({ specification, model, bids }, result, policy),
      ...checkAbnormallyLowPrices(result, bidIndex, policy),
      ...checkModerationShare(result, policy),
      ...checkEvaluatorOffsets(model, result, policy),
    );
  }
  // Stable sort keeps each check's own order within a severity.
  flags.sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
  return { problems, flags };
}

/** What a review without a specification leaves out, in the words `review --model` prints. */
export const reviewedWithoutSpecification = [
  "the price weight's limit for the kind of service",
  "the tendering period",
  "the words asked for",
  "reserved contracts",
  "the procurement regime, lots and approval",
] as const;

/** The exit code an approval workflow asks for: fail on errors, or on warnings too. */
export function failsReview(flags: readonly ReviewFlag[], failOn: "error" | "warning" | "never"): boolean {
  if (failOn === "never") return false;
  return flags.some((f) => f.severity === "error" || (failOn === "warning" && f.severity === "warning"));
}
