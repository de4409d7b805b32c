import { roundForDisplay } from "../arithmetic/exact.js";
import type { TenderResult } from "../scoring/result.js";
import { userPanelScores } from "../scoring/user-panel.js";
import { newWorkbook, workbookBytes, type SheetContext } from "./score-sheets.js";
import { lotHeading } from "../presentation/lot-award.js";
import { fitHeight, protect, tableSheet, titleGuidanceAndHeader } from "./sheet-style.js";

export const RESTRICTED_MARKING = "RESTRICTED: user panel's individual scores. Not for publication, for bidders, or for the evaluation report.";

const plain = (n: Parameters<typeof roundForDisplay>[0]) => roundForDisplay(n, 2).replace(/\.?0+$/, "");

/**
 * The restricted record: each user-panel member's own score and words for each answer, kept by the
 * procurement officer for audit. Every other output gives the panel's combined score only, so this is the
 * one place a member's id stands beside their score; it is marked as restricted in its title, its sheet
 * name, its properties and the header and footer of every printed page. Undefined when there is no user panel.
 */
export async function makeRestrictedRecord(context: Pick<SheetContext, "specification" | "date">, result: TenderResult): Promise<Uint8Array | undefined> {
  const rows = userPanelScores(result);
  if (rows.length === 0) return undefined;
  // In a tender in lots there is one record per lot, named in its title and guidance.
  const lot = result.lot === undefined ? "" : ` – ${lotHeading(result.lot)}`;
  const workbook = await newWorkbook(context, `RESTRICTED: user panel's individual scores – ${context.specification.title}${lot}`);
  const sheet = workbook.addWorksheet("RESTRICTED user panel", tableSheet(3));
  sheet.headerFooter = { oddHeader: `&L&B${RESTRICTED_MARKING.replace(/&/g, "&&")}`, oddFooter: "&LRESTRICTED&RPage &P of &N" };
  titleGuidanceAndHeader(
    sheet,
    RESTRICTED_MARKING,
    `${context.specification.title} (${context.specification.reference})${lot}. User-panel members inform the decision but are not accountable for it; keep this record with the procurement file and disclose it only as the law requires.`,
    ["Bid ID", "Bidder", "Criterion", "Member", "Score", "Their words", "Panel's combined score"],
    [9, 30, 34, 10, 8, 60, 14],
  );
  sheet.getRow(1).height = 36;
  sheet.getRow(1).alignment = { wrapText: true, vertical: "middle" };
  sheet.getCell("A1").font = { bold: true, size: 14, color: { argb: "FFC00000" } };
  for (const r of rows) {
    const row = sheet.addRow([r.bidId, r.bidder, `${r.criterionId} ${r.criterion}`, r.memberId, Number(plain(r.score)), r.words, Number(roundForDisplay(r.combined, 2))]);
    row.alignment = { wrapText: true, vertical: "top" };
    fitHeight(row, sheet);
  }
  await protect(sheet);
  return workbookBytes(workbook, context);
}
