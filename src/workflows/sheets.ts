import { roundingStatement } from "../documents/common-data.js";
import { modelHash } from "../model/model-hash.js";
import { parseScoringModel } from "../model/parse.js";
import { sectionsOfKind } from "../model/sections.js";
import { problem, type Outcome, type Problem } from "../problems/problem.js";
import { isAssessed, needsFeedback } from "../scoring/assessed.js";
import type { DocumentTemplate } from "../documents/render-docx.js";
import { makeResultsWorkbook } from "../spreadsheets/results-workbook.js";
import type { GeneratedWorkbook } from "../spreadsheets/score-sheets.js";
import { lotAwardLines } from "../presentation/lot-award.js";
import { textOf, type NamedFile } from "./files.js";
import type { ParallelRuntime } from "./runtime.js";
import type { ScoredTender, TenderFiles } from "./tender.js";
import { validateTender } from "./tender.js";

// The writers of the other workbooks and documents (score sheets, the moderation sheet, Word forms, what-if
// profiles) are imported when asked for: scoring writes only the results workbook, and loading the rest
// (the Word stack among them) cost every score run about 0.2 s of CPU and 10 MB before any work.

/** The workbooks' date (YYYY-MM-DD), from the caller's clock or fixed: the same inputs and date give the same bytes. */
export interface WorkbookDate {
  date: string;
}

/**
 * Blank score sheets for a tender whose bids are in but not yet scored: one workbook per evaluator and
 * user-panel member, and a price schedule per bid. The bids file needs the panel and the bidders only.
 */
export async function blankScoreSheets(files: TenderFiles, options: WorkbookDate & { userPanelForm?: DocumentTemplate | undefined }): Promise<Outcome<GeneratedWorkbook[]>> {
  const checked = await validateTender({ ...files, sheets: undefined }, { stage: "before-scoring" });
  if (!checked.ok || checked.tender === undefined) return { ok: false, problems: checked.problems };
  const { specification, model, bids } = checked.tender;
  if (bids === undefined) return { ok: false, problems: [problem("input.no-bids", { document: "bids" }, {})] };
  const { makeScoreSheets } = await import("../spreadsheets/score-sheets.js");
  const workbooks = await makeScoreSheets({ specification, model, bids, modelHash: modelHash(model), date: options.date });
  // Beside each user-panel sheet, the same questions as a large-print Word form, for a member who prefers one.
  const forms: GeneratedWorkbook[] = [];
  const problems: Problem[] = [];
  if (options.userPanelForm !== undefined && sectionsOfKind(model, "user-panel").length > 0) {
    const { makeUserPanelForm } = await import("../documents/make-documents.js");
    for (const member of bids.panel.userPanel) {
      const made = makeUserPanelForm(options.userPanelForm, { specification, model, bids, memberId: member.id, date: options.date });
      if (made === undefined) continue;
      if (made.ok) forms.push({ fileName: `user-panel-form-${member.id.replace(/[^A-Za-z0-9_-]/g, "_")}.docx`, purpose: `user-panel member ${member.id}: the same questions as a large-print Word form`, bytes: made.value });
      else problems.push(...made.problems);
    }
  }
  if (problems.length > 0) return { ok: false, problems: [...checked.problems, ...problems] };
  return { ok: true, value: [...workbooks, ...forms], problems: checked.problems };
}

/**
 * The results workbook: ranked results with live formulas, for the panel and the audit file. Packed with
 * the runtime's deflater when it has one (Node's zlib in the CLI), otherwise fflate (as the browser page
 * does): the zips' bytes then differ, their unpacked parts do not.
 */
export function resultsWorkbook(scored: ScoredTender, options: WorkbookDate & { runtime?: ParallelRuntime | undefined }): Promise<Uint8Array> {
  const bidderOf = (id: string) => scored.result.bids.find((b) => b.bidId === id)?.bidder ?? id;
  const lotAward = scored.lot === undefined ? undefined : lotAwardLines(scored.lot, bidderOf);
  return makeResultsWorkbook(scored.result, { roundingNote: roundingStatement(scored.result.rounding), inputs: scored.inputs, date: options.date, lotAward, deflater: options.runtime?.deflater });
}

/**
 * Answers of assessed tenders with no feedback to the bidder yet: the assessment summaries need every one,
 * except a criterion scored from a figure, which the figure and the published formula explain (the
 * summaries and the moderation sheet ask for none there either).
 */
export function feedbackToWrite(scored: ScoredTender): number {
  const feedback = new Map(scored.tender.bids.bids.map((b) => [b.id, b.feedback]));
  return scored.result.bids
    .filter(isAssessed)
    .reduce((n, bid) => n + bid.sections.flatMap((s) => s.criteria).filter((c) => needsFeedback(c) && feedback.get(bid.bidId)?.[c.criterionId] === undefined).length, 0);
}

/**
 * The moderation sheet, while the panel has work in it: scores that differ by more than the tolerance (or
 * that decide an exclusion) to agree, or feedback to the bidder still to write.
 */
export async function moderationSheet(scored: ScoredTender, options: WorkbookDate): Promise<Uint8Array | undefined> {
  if (scored.result.moderationNeeded.length === 0 && feedbackToWrite(scored) === 0) return undefined;
  const { makeModerationSheet } = await import("../spreadsheets/moderation-sheet.js");
  return makeModerationSheet({ ...scored.tender, modelHash: modelHash(scored.tender.model), date: options.date }, scored.result);
}

/**
 * The restricted record of the user panel's individual scores, only when asked for: the one output where a
 * member's id stands beside their own score. Undefined when the tender has no user-panel scores.
 */
export async function restrictedRecord(scored: ScoredTender, options: WorkbookDate): Promise<Uint8Array | undefined> {
  const { makeRestrictedRecord } = await import("../spreadsheets/restricted-record.js");
  return makeRestrictedRecord({ specification: scored.tender.specification, date: options.date }, scored.result);
}

/** A sheet to fill in with expected scores and competitor profiles, blank or filled from existing profiles. */
export async function profilesSheet(files: { model: NamedFile; from?: NamedFile | undefined }, options: WorkbookDate): Promise<Outcome<Uint8Array>> {
  const text = textOf(files.model);
  const model = text.ok ? parseScoringModel(text.text, files.model.name) : { ok: false as const, problems: [text.problem] };
  const from = files.from === undefined ? undefined : await (await import("./whatif.js")).loadProfiles(files.from);
  if (!model.ok || (from !== undefined && !from.ok)) return { ok: false, problems: [...(model.ok ? [] : model.problems), ...(from && !from.ok ? from.problems : [])] };
  const { makeProfilesSheet } = await import("../spreadsheets/profiles-sheet.js");
  return { ok: true, value: await makeProfilesSheet(model.value.data, from?.ok ? from.value.data : undefined, options), problems: [] };
}
