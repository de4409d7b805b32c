import type { TenderBids } from "../model/bids.js";
import { problem, type Outcome, type Problem } from "../problems/problem.js";
import type { WorkbookContent } from "./read-workbook.js";

/**
 * Put what the returned workbooks hold into the tender's bids: evaluators' scores and justifications,
 * prices from returned price schedules, and agreed scores and feedback to the bidder from the moderation sheet
 * (which replace any in the bids file for the same answer). Pure: `base` is not changed. What the workbooks
 * change is copied, and the rest is shared with `base` rather than cloned (cloning a framework's 2,000
 * bids took longer than putting 180,000 scores into them), so neither is to be changed afterwards.
 */
export function assembleBids(base: TenderBids, contents: readonly WorkbookContent[]): Outcome<TenderBids> {
  const problems: Problem[] = [];
  const bids: TenderBids = { ...base, panel: { ...base.panel }, moderation: [...base.moderation], bids: base.bids.map((b) => ({ ...b })) };
  const byId = new Map(bids.bids.map((b) => [b.id, b]));
  // The bids whose scores, and whose feedback, have been copied from `base`'s to be written to.
  const ownScores = new Set<object>();
  const ownFeedback = new Set<object>();
  const source = new Map<string, string>();
  for (const content of contents) {
    if (content.kind === "scores") {
      for (const evaluator of content.evaluators) {
        const other = source.get(evaluator);
        if (other !== undefined) problems.push(problem("sheets.duplicate-workbook", { file: content.file }, { evaluator, other }));
        else source.set(evaluator, content.file);
      }
      if (content.declaration !== undefined && source.get(content.declaration.evaluator) === content.file) {
        bids.panel.declarations = [...bids.panel.declarations.filter((d) => d.evaluator !== content.declaration!.evaluator), content.declaration];
      }
      // Whether this workbook is where each evaluator's scores are taken from, looked up once per evaluator rather than per score.
      const fromHere = new Map(content.evaluators.map((e) => [e, source.get(e) === content.file]));
      let lastEvaluator: string | undefined;
      let lastFromHere = false;
      for (const entry of content.entries) {
        if (entry.evaluatorId !== lastEvaluator) {
          lastEvaluator = entry.evaluatorId;
          lastFromHere = fromHere.get(lastEvaluator) ?? source.get(lastEvaluator) === content.file;
        }
        if (!lastFromHere) continue;
        const bid = byId.get(entry.bidId)!;
        if (!ownScores.has(bid)) {
          bid.scores = Object.fromEntries(Object.entries(bid.scores).map(([criterion, byEvaluator]) => [criterion, { ...byEvaluator }]));
          ownScores.add(bid);
        }
        (bid.scores[entry.criterionId] ??= {})[entry.evaluatorId] = { score: entry.score, justification: entry.justification };
      }
    } else if (content.kind === "price") {
      byId.get(content.bidId)!.price = {
        ...(content.years.length > 0 ? { years: content.years } : {}),
        extensionYears: content.extensionYears,
        ...(content.total !== undefined ? { total: content.total } : {}),
        ...(content.discountPercent !== undefined ? { discountPercent: content.discountPercent } : {}),
      };
    } else {
      for (const agreed of content.agreed) {
        bids.moderation = bids.moderation.filter((m) => !(m.bid === agreed.bidId && m.criterion === agreed.criterionId));
        bids.moderation.push({ bid: agreed.bidId, criterion: agreed.criterionId, score: agreed.score, reason: agreed.reason });
      }
      // The panel's feedback in the sheet replaces any in the bids file for the same answer.
      for (const written of content.feedback) {
        const bid = byId.get(written.bidId)!;
        if (!ownFeedback.has(bid)) {
          bid.feedback = { ...bid.feedback };
          ownFeedback.add(bid);
        }
        bid.feedback[written.criterionId] = written.text;
      }
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: bids, problems: [] };
}
