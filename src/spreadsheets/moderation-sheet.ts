import { roundForDisplay, toNumber, type Exact } from "../arithmetic/exact.js";
import { criterionScale } from "../model/weights.js";
import { scoredSection } from "../model/sections.js";
import { lotHeading } from "../presentation/lot-award.js";
import { isAssessed, needsFeedback } from "../scoring/assessed.js";
import type { BidResult, CriterionResult, TenderResult } from "../scoring/result.js";
import { withUserPanelCombined } from "../scoring/user-panel.js";
import { FORMAT, writeMetadata } from "./metadata.js";
import { newWorkbook, workbookBytes, type SheetContext } from "./score-sheets.js";
import { INPUT_FILL, THIN, fitHeight, protect, tableSheet, titleGuidanceAndHeader } from "./sheet-style.js";

const GUIDANCE =
  "How to use this sheet. Rows marked Yes in the Moderation column are answers where the scores differ by more than the tolerance, or where the combined score would exclude the bid: the panel meets, agrees a score (a drop-down of the scale) and records a fair summary of its discussion as the Reason. " +
  "For every row, write the Feedback to the bidder: one explanation of the score by reference to the tender, agreed by the panel and written for the bidder, as it will appear in the assessment summaries. " +
  "Write about the tender (\"The tender sets out …\"): the winning tender's feedback is quoted in every bidder's summary. Never name evaluators or quote individual scores. Put this sheet with the returned score sheets and score again.";

const HEADERS = ["Bid ID", "Bidder", "Criterion ID", "Criterion", "Scores and justifications", "Combined score", "Moderation", "Agreed score", "Reason", "Feedback to the bidder"];
const WIDTHS = [9, 24, 11, 28, 60, 11, 20, 11, 40, 60];
const AGREED = 8;
const REASON = 9;
const FEEDBACK = 10;

const shown = (value: Exact) => roundForDisplay(value, 2).replace(/\.?0+$/, "");

/**
 * What the panel sees of an answer. Evaluators are accountable for their marks, so each is named beside their
 * score and justification. User-panel members never are: the panel's combined score only (their own scores
 * and words are in the restricted record, when one is asked for).
 */
function scoresAndJustifications(c: CriterionResult): string {
  if (c.panelMembers !== undefined) return `User panel (${c.panelMembers} members): combined ${shown(c.combined)}`;
  return c.evaluatorScores.map((e) => `${e.evaluatorId} (${shown(e.score)}): ${e.justification.trim() || "no justification given"}`).join("\n");
}

/**
 * The moderation sheet: one row per answer of every assessed tender, where the panel agrees scores that differ
 * beyond the tolerance (drop-down and reason) and writes the feedback to the bidder that the assessment
 * summaries quote. Rows needing moderation come first. Returned with the score sheets, its agreed scores and
 * feedback are used.
 */
export async function makeModerationSheet(context: SheetContext, scored: TenderResult): Promise<Uint8Array> {
  const result = withUserPanelCombined(scored);
  // In a tender in lots there is one sheet per lot, named in its title.
  const lot = result.lot === undefined ? "" : ` – ${lotHeading(result.lot)}`;
  const workbook = await newWorkbook(context, `Moderation and feedback: ${context.specification.title}${lot}`);
  const sheet = workbook.addWorksheet("Moderation", tableSheet(3));
  titleGuidanceAndHeader(sheet, `Moderation and feedback – ${context.specification.title} (${context.specification.reference})${lot}`, GUIDANCE, HEADERS, WIDTHS);
  sheet.getRow(2).height = 96;
  sheet.getRow(3).alignment = { vertical: "top", wrapText: true };
  const feedback = new Map(context.bids.bids.map((b) => [b.id, b.feedback]));
  // A quantitative criterion's points follow from the bid's figure: nothing to moderate.
  const answers = result.bids.filter(isAssessed).flatMap((bid: BidResult) => bid.sections.flatMap((s) => s.criteria.filter(needsFeedback).map((c) => ({ bid, section: s.section, c }))));
  const ordered = [...answers.filter((a) => a.c.needsModeration), ...answers.filter((a) => !a.c.needsModeration)];
  for (const { bid, section, c } of ordered) {
    const sectionModel = scoredSection(context.model, section)!;
    const scale = criterionScale(context.model, sectionModel, sectionModel.criteria.find((m) => m.id === c.criterionId)!)!;
    const row = sheet.addRow([
      bid.bidId,
      bid.bidder,
      c.criterionId,
      c.title,
      scoresAndJustifications(c),
      shown(c.combined),
      c.needsModeration
        ? c.moderationCause === "decides-exclusion"
          ? "Yes: the combined score is below the minimum and would exclude the bid"
          : `Yes: spread ${shown(c.spread)} (tolerance ${shown(c.tolerance)})`
        : c.moderation
          ? `Agreed ${shown(c.moderation.score)}`
          : "No",
      c.moderation ? toNumber(c.moderation.score) : null,
      c.moderation?.reason ?? null,
      feedback.get(bid.bidId)?.[c.criterionId] ?? null,
    ]);
    row.alignment = { vertical: "top", wrapText: true };
    fitHeight(row, sheet);
    for (const col of [AGREED, REASON, FEEDBACK]) {
      const input = row.getCell(col);
      input.protection = { locked: false };
      input.fill = INPUT_FILL;
      input.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    }
    if (c.needsModeration) row.getCell(7).font = { bold: true };
    row.getCell(AGREED).dataValidation = { type: "list", allowBlank: true, formulae: [`"${scale.values.join(",")}"`], showErrorMessage: true, errorTitle: "Score not on the scale", error: `Choose one of: ${scale.values.join(", ")}` };
    row.getCell(REASON).note = "Record a fair summary of the panel's discussion: why this score was agreed.";
    row.getCell(FEEDBACK).note = "One explanation of the score for the bidder, by reference to the tender. No evaluator names or individual scores.";
  }
  await protect(sheet);
  await writeMetadata(workbook, {
    format: FORMAT,
    kind: "moderation",
    tenderReference: context.specification.reference,
    modelId: context.model.id,
    modelVersion: context.model.version,
    modelHash: context.modelHash,
    bids: context.bids.bids.map((b) => b.id),
  });
  return workbookBytes(workbook, context);
}
