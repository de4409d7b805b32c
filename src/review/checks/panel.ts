import { HUNDRED, ZERO, exact, mean, type Exact } from "../../arithmetic/exact.js";
import type { TenderBids } from "../../model/bids.js";
import { scaleRange, criterionScale } from "../../model/weights.js";
import type { ScoringModel } from "../../model/scoring-model.js";
import { scoredSection, scoredSections } from "../../model/sections.js";
import type { TenderSpecification } from "../../model/specification.js";
import type { TenderResult } from "../../scoring/result.js";
import { flag, type ReviewFlag } from "../../problems/problem.js";
import type { ReviewPolicy } from "../policy.js";

/** The share of answers on which evaluators differed beyond tolerance (whether or not since moderated). */
export function checkModerationShare(result: TenderResult, policy: ReviewPolicy): ReviewFlag[] {
  const answers = result.bids.flatMap((b) => b.sections.flatMap((s) => s.criteria)).filter((c) => c.evaluatorScores.length > 1);
  if (answers.length === 0) return [];
  const disputed = answers.filter((c) => c.spread.compare(c.tolerance) > 0).length;
  const share = exact(disputed).div(answers.length).mul(HUNDRED);
  if (share.compare(exact(policy.moderation.maxSharePercentNeedingModeration)) <= 0) return [];
  return [
    flag("review.moderation-share-high", "warning", { document: "bids", path: ["moderation"] }, {
      share,
      maximum: policy.moderation.maxSharePercentNeedingModeration,
      count: disputed,
      total: answers.length,
    }, policy.moderation.source),
  ];
}

/**
 * An evaluator consistently above or below the others: the mean, over every answer they scored, of
 * their score minus the mean of the other evaluators' scores, as a share of the scale's range.
 * User-panel members are not judged this way: they inform the decision and are not accountable for it.
 */
export function checkEvaluatorOffsets(model: ScoringModel, result: TenderResult, policy: ReviewPolicy): ReviewFlag[] {
  const offsets = new Map<string, Exact[]>();
  for (const bid of result.bids) {
    for (const section of bid.sections) {
      if (section.kind === "user-panel") continue;
      const sectionModel = scoredSection(model, section.section)!;
      for (const c of section.criteria) {
        const scale = criterionScale(model, sectionModel, sectionModel.criteria.find((m) => m.id === c.criterionId)!)!;
        const [low, high] = scaleRange(scale);
        const range = exact(high - low);
        if (c.evaluatorScores.length < 2 || range.equals(0)) continue;
        for (const e of c.evaluatorScores) {
          const others = c.evaluatorScores.filter((o) => o !== e).map((o) => o.score);
          const list = offsets.get(e.evaluatorId) ?? [];
          list.push(e.score.sub(mean(others)).div(range));
          offsets.set(e.evaluatorId, list);
        }
      }
    }
  }
  const limit = exact(policy.moderation.evaluatorOffsetPercentOfScale);
  const flags: ReviewFlag[] = [];
  for (const [evaluator, list] of offsets) {
    const offset = mean(list).mul(HUNDRED);
    if (offset.abs().compare(limit) >= 0) {
      flags.push(
        flag("review.evaluator-outlier", "warning", { document: "bids", path: ["panel", "evaluators"] }, {
          evaluator,
          offset: offset.abs(),
          direction: offset.compare(ZERO) > 0 ? "above" : "below",
          limit,
        }, policy.moderation.source),
      );
    }
  }
  return flags;
}

const stopWords = new Set("the a an and or of to in for on with by is are be it its this that as at from their they them will would has have was were not no".split(" "));
const words = (text: string) => text.toLowerCase().match(/[a-z0-9£%']+/g) ?? [];
const contentWords = (text: string) => words(text).filter((w) => w.length > 2 && !stopWords.has(w));

/**
 * Justifications that cannot defend a score: empty, very short, or mostly the criterion's or the scale
 * descriptor's own words (Woods Building Services v Milton Keynes Council [2015] EWHC 2011 (TCC)).
 */
export function checkJustifications(model: ScoringModel, tenderBids: TenderBids, policy: ReviewPolicy): ReviewFlag[] {
  const flags: ReviewFlag[] = [];
  // The evaluators' sections, not the user panel's: members give their words, not justifications to defend.
  const sections = scoredSections(model).flatMap((s) => (s.kind === "user-panel" ? [] : [s.section]));
  tenderBids.bids.forEach((bid, b) => {
    for (const section of sections) {
      for (const criterion of section.criteria) {
        const scale = criterionScale(model, section, criterion)!;
        for (const [evaluator, given] of Object.entries(bid.scores[criterion.id] ?? {})) {
          const text = given.justification.trim();
          const count = words(text).length;
          let reason: "empty" | "too-short" | "repeats-criterion" | undefined;
          let share = 0;
          if (count === 0) reason = "empty";
          else if (count < policy.justifications.minimumWords) reason = "too-short";
          else {
            const reference = new Set(contentWords(`${criterion.title} ${criterion.question ?? ""} ${scale.descriptors[String(given.score)] ?? ""}`));
            const own = contentWords(text);
            const repeated = own.filter((w) => reference.has(w)).length;
            share = own.length === 0 ? 0 : (repeated * 100) / own.length;
            if (share >= policy.justifications.maxOverlapPercent) reason = "repeats-criterion";
          }
          if (reason !== undefined) {
            flags.push(
              flag("review.weak-justification", "warning", { document: "bids", path: ["bids", b, "scores", criterion.id, evaluator, "justification"] }, {
                bidId: bid.id,
                bidder: bid.bidder,
                criterion: criterion.id,
                evaluator,
                reason,
                words: count,
                overlapPercent: share,
              }, policy.justifications.source),
            );
          }
        }
      }
    }
  });
  return flags;
}

export function checkReservedEligibility(spec: TenderSpecification, tenderBids: TenderBids, policy: ReviewPolicy): ReviewFlag[] {
  // Only a reservation for supported employment providers (s.32) turns on the workforce share.
  if (spec.procedure !== "reserved" || (spec.reservation?.basis ?? "supported-employment") !== "supported-employment") return [];
  const minimum = spec.reservation?.minimumWorkforcePercent ?? policy.reservedContracts.minimumWorkforcePercent;
  return tenderBids.bids.flatMap((bid, b): ReviewFlag[] => {
    const at = { document: "bids" as const, path: ["bids", b, "disadvantagedWorkforcePercent"] };
    if (bid.disadvantagedWorkforcePercent === undefined) {
      return [flag("review.reserved-eligibility-undeclared", "warning", at, { bidId: bid.id, bidder: bid.bidder, minimum }, policy.reservedContracts.source)];
    }
    if (bid.disadvantagedWorkforcePercent < minimum) {
      return [
        flag("review.reserved-eligibility", "error", at, {
          bidId: bid.id,
          bidder: bid.bidder,
          declared: bid.disadvantagedWorkforcePercent,
          minimum,
        }, policy.reservedContracts.source),
      ];
    }
    return [];
  });
}

/** "Jane Smith", "jane.smith", "J_Smith": ids should be anonymous codes such as P1. */
const looksLikeName = /^[A-Za-z][a-z]+[ ._-]+[A-Za-z][a-z]+$/;

export function checkUserPanelIdentities(tenderBids: TenderBids, policy: ReviewPolicy): ReviewFlag[] {
  return tenderBids.panel.userPanel.flatMap((m, i) =>
    looksLikeName.test(m.id)
      ? [flag("review.user-panel-identity", "error", { document: "bids" as const, path: ["panel", "userPanel", i, "id"] }, { member: m.id }, policy.userPanel.source)]
      : [],
  );
}
