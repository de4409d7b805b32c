import { roundForDisplay } from "../arithmetic/exact.js";
import type { TenderResult } from "../scoring/result.js";
import { withUserPanelCombined } from "../scoring/user-panel.js";
import { FORMAT, writeMetadata } from "./metadata.js";
import { newWorkbook, workbookBytes, type SheetContext } from "./score-sheets.js";
import { INPUT_FILL, THIN, fitHeight, protect, tableSheet, titleAndHeader } from "./sheet-style.js";

/**
 * The moderation sheet: one row per answer where evaluators differ beyond the tolerance, with a drop-down
 * for the agreed score and a column for the reason. Returned with the score sheets, its agreed scores are used.
 */
export async function makeModerationSheet(context: SheetContext, scored: TenderResult): Promise<Uint8Array> {
  // The user panel's rows give the panel's combined score, never a member's id beside their own score.
  const result = withUserPanelCombined(scored);
  const workbook = await newWorkbook(context, `Moderation sheet: ${context.specification.title}`);
  const sheet = workbook.addWorksheet("Moderation", tableSheet(2));
  titleAndHeader(sheet, `Moderation – ${context.specification.title} (${context.specification.reference})`, ["Bid ID", "Bidder", "Criterion ID", "Criterion", "Evaluators' scores", "Difference", "Agreed score", "Reason"], [9, 30, 12, 34, 22, 12, 12, 70]);
  for (const bid of result.bids) {
    for (const section of bid.sections) {
      const scale = context.model.scales[context.model.sections[section.section]!.scale]!;
      for (const c of section.criteria) {
        if (!c.needsModeration) continue;
        const row = sheet.addRow([
          bid.bidId,
          bid.bidder,
          c.criterionId,
          c.title,
          c.panelMembers !== undefined
            ? `User panel (${c.panelMembers} members): combined ${roundForDisplay(c.combined, 2).replace(/\.?0+$/, "")}`
            : c.evaluatorScores.map((e) => `${e.evaluatorId}: ${roundForDisplay(e.score, 2).replace(/\.?0+$/, "")}`).join(", "),
          `${roundForDisplay(c.spread, 2).replace(/\.?0+$/, "")} (tolerance ${roundForDisplay(c.tolerance, 2).replace(/\.?0+$/, "")})${c.moderationCause === "decides-exclusion" ? "; the combined score is below the minimum and would exclude the bid" : ""}`,
          null,
          null,
        ]);
        row.alignment = { vertical: "top", wrapText: true };
        fitHeight(row, sheet);
        for (const input of [row.getCell(7), row.getCell(8)]) {
          input.protection = { locked: false };
          input.fill = INPUT_FILL;
          input.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
        }
        row.getCell(7).dataValidation = { type: "list", allowBlank: true, formulae: [`"${scale.values.join(",")}"`], showErrorMessage: true, errorTitle: "Score not on the scale", error: `Choose one of: ${scale.values.join(", ")}` };
        row.getCell(8).note = "Record a fair summary of the panel's discussion: why this score was agreed.";
      }
    }
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
