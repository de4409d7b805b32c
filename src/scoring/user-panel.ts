import type { Exact } from "../arithmetic/exact.js";
import type { TenderResult } from "./result.js";

/**
 * The result as it may be published: for the user panel's section, the panel's combined score for each
 * criterion and how many members gave one, never a member's id beside their own score or words. User-panel
 * members inform the decision but are not accountable for it, and they are often few and known locally:
 * an id beside a score is one step from a name. Their individual scores go only into the restricted record.
 */
export function withUserPanelCombined(result: TenderResult): TenderResult {
  return {
    ...result,
    bids: result.bids.map((bid) => ({
      ...bid,
      sections: bid.sections.map((section) =>
        section.kind !== "user-panel"
          ? section
          : {
              ...section,
              // Already combined (panelMembers set) stays as it is, so this can be applied more than once.
              criteria: section.criteria.map(({ evaluatorScores, ...criterion }) => ({ ...criterion, evaluatorScores: [], panelMembers: criterion.panelMembers ?? evaluatorScores.length })),
            },
      ),
    })),
  };
}

/** One member's score for one answer: the content of the restricted record. */
export interface UserPanelScore {
  bidId: string;
  bidder: string;
  criterionId: string;
  criterion: string;
  memberId: string;
  score: Exact;
  words: string;
  combined: Exact;
}

/** Every user-panel member's own score and words, for the restricted record only. */
export function userPanelScores(result: TenderResult): UserPanelScore[] {
  return result.bids.flatMap((bid) =>
    bid.sections
      .filter((s) => s.kind === "user-panel")
      .flatMap((s) =>
        s.criteria.flatMap((c) =>
          c.evaluatorScores.map((e) => ({
            bidId: bid.bidId,
            bidder: bid.bidder,
            criterionId: c.criterionId,
            criterion: c.title,
            memberId: e.evaluatorId,
            score: e.score,
            words: e.justification,
            combined: c.combined,
          })),
        ),
      ),
  );
}
