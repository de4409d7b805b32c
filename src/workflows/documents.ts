import { makeAssessmentSummaries, makeEqualityAssessment, makeEvaluationReport } from "../documents/make-documents.js";
import type { DocumentTemplate } from "../documents/render-docx.js";
import { EqualityFindings, type EqualityStage } from "../model/equality-findings.js";
import { parseSpecification } from "../model/parse.js";
import type { TenderSpecification } from "../model/specification.js";
import { modelHash } from "../model/model-hash.js";
import { parseInputDocument } from "../model/parse-document.js";
import { problem, type Outcome, type Problem } from "../problems/problem.js";
import type { ReviewPolicy } from "../review/policy.js";
import { TOOL_VERSION } from "../version.js";
import { textOf, type NamedFile } from "./files.js";
import { reviewWeighting, type WeightingReview } from "./review.js";
import { awardStandstill, type StandstillOptions } from "./standstill.js";
import { loadTender, locate, nothingScored, scoreTender, type ScoreOptions, type ScoredTender, type TenderFiles } from "./tender.js";

/** Where the documents' date comes from: the caller's clock or a fixed date (for reproducible documents). */
export interface DocumentOptions {
  template: DocumentTemplate;
  /** ISO date (YYYY-MM-DD) printed on the document. */
  date: string;
}

/** The evaluation report of a scored tender, with its weighting review made from the same result. */
export function evaluationReport(scored: ScoredTender, policy: ReviewPolicy, options: DocumentOptions): Outcome<{ bytes: Uint8Array; review: WeightingReview }> {
  const { tender, result } = scored;
  const review = reviewWeighting({ tender, scored, policy });
  const report = makeEvaluationReport(options.template, {
    specification: tender.specification,
    model: tender.model,
    bids: tender.bids,
    result,
    review: { policyTitle: review.policy.title, flags: review.flags },
    audit: { inputs: scored.inputs, modelHash: modelHash(tender.model), toolVersion: TOOL_VERSION, generatedOn: options.date },
    lot: scored.lot,
  });
  return report.ok ? { ok: true, value: { bytes: report.value, review }, problems: scored.problems } : report;
}

export interface AssessmentSummary {
  fileName: string;
  bidId: string;
  bidder: string;
  bytes: Uint8Array;
}

/**
 * One assessment summary per bidder; none at all while any is incomplete (feedback, supplier details, the
 * contact, where the award criteria are published), with every gap listed at once. With `awardNoticeDate`
 * (and the bank-holiday list to count with) each states when the standstill period ends; without, its
 * rule and length only.
 */
export function assessmentSummaries(
  scored: ScoredTender,
  options: DocumentOptions & { comparison?: boolean | undefined } & Omit<StandstillOptions, "date">,
): Outcome<AssessmentSummary[]> {
  const { tender, result } = scored;
  const standstill = awardStandstill(tender, options);
  if (!standstill.ok) return standstill;
  const made = makeAssessmentSummaries(
    options.template,
    { specification: tender.specification, model: tender.model, result, bids: tender.bids, lot: scored.lot },
    { includeComparison: options.comparison ?? true, issuedOn: options.date, standstill: standstill.value },
  );
  if (!made.ok) return { ok: false, problems: locate(made.problems, tender) };
  const ids = new Map(result.bids.map((b) => [b.bidder, b.bidId]));
  return { ok: true, value: made.value.map((d) => ({ ...d, bidId: ids.get(d.bidder) ?? "" })), problems: [...scored.problems, ...standstill.problems] };
}

/** Parse an Equality Assessment findings file; none given means every section is left as a prompt. */
export function loadFindings(file: NamedFile | undefined): Outcome<EqualityFindings> {
  if (file === undefined) return { ok: true, value: EqualityFindings.parse({}), problems: [] };
  const text = textOf(file);
  if (!text.ok) return { ok: false, problems: [text.problem] };
  const parsed = parseInputDocument(EqualityFindings, text.text, "findings", file.name);
  return parsed.ok ? { ok: true, value: parsed.value.data, problems: [] } : parsed;
}

/**
 * The Equality Assessment at any stage of commissioning, pre-filled from the specification, the findings so
 * far and the weighting review. The specification and findings are enough (needs analysis, or
 * decommissioning, before any scoring model exists); with a scoring model the review covers the model and
 * the process, and with bids (or returned sheets) that can be scored, the outcome too. Bids that cannot be
 * scored yet do not stop the assessment, which then reviews the model and the process and says so.
 */
export async function equalityAssessment(
  files: Omit<TenderFiles, "model"> & { model?: NamedFile | undefined; findings?: NamedFile | undefined },
  policy: ReviewPolicy,
  options: DocumentOptions & ScoreOptions & { stage?: EqualityStage | undefined },
): Promise<Outcome<{ bytes: Uint8Array; review?: WeightingReview }>> {
  const findings = loadFindings(files.findings);
  if (files.model === undefined) {
    const spec = loadSpecification(files.specification);
    if (!spec.ok || !findings.ok) return { ok: false, problems: [...(spec.ok ? [] : spec.problems), ...(findings.ok ? [] : findings.problems)] };
    const made = makeEqualityAssessment(options.template, { specification: spec.value, findings: findings.value, reviewScope: "not-run", stage: options.stage, today: options.date });
    return made.ok ? { ok: true, value: { bytes: made.value }, problems: [] } : made;
  }
  const tenderFiles: TenderFiles = { ...files, model: files.model };
  const loaded = await loadTender(tenderFiles);
  if (!loaded.ok || !findings.ok) return { ok: false, problems: [...(loaded.ok ? [] : loaded.problems), ...(findings.ok ? [] : findings.problems)] };
  const notes: Problem[] = [];
  let scored: ScoredTender | undefined;
  // An assessment dated before bids were due cannot rest on scored bids, whatever the folder now holds:
  // a published assessment must state only what could be known on its date.
  const assessedOn = findings.value.date ?? options.date;
  const beforeBidsWereDue = assessedOn < loaded.value.specification.dates.submissionDeadline;
  if (loaded.value.bids !== undefined && (beforeBidsWereDue || (files.sheets === undefined && nothingScored(loaded.value.bids)))) {
    // Before the score sheets come back (e.g. an assessment at procurement stage), the review covers the model and process.
    notes.push(problem("tender.not-scored-yet", { document: "bids" }, {}, "advice"));
  } else if (loaded.value.bids !== undefined) {
    const outcome = await scoreTender(tenderFiles, options);
    if (outcome.ok) scored = outcome.value;
    else notes.push(problem("equality.bids-not-used", { document: "bids" }, { problems: outcome.problems.filter((p) => p.severity === "error").length }, "warning"));
  }
  const review = reviewWeighting({ tender: loaded.value, scored, policy });
  if (review.problems.some((p) => p.severity === "error")) return { ok: false, problems: review.problems };
  const made = makeEqualityAssessment(options.template, {
    specification: loaded.value.specification,
    findings: findings.value,
    reviewFlags: review.flags,
    reviewScope: scored !== undefined ? "with-scored-bids" : "model-and-process",
    stage: options.stage,
    today: options.date,
  });
  const located = locate(notes, loaded.value);
  return made.ok ? { ok: true, value: { bytes: made.value, review }, problems: [...located, ...(scored?.problems ?? [])] } : made;
}

/** A specification on its own: the Equality Assessment before there is a scoring model. */
function loadSpecification(file: NamedFile): Outcome<TenderSpecification> {
  const text = textOf(file);
  if (!text.ok) return { ok: false, problems: [text.problem] };
  const parsed = parseSpecification(text.text, file.name);
  return parsed.ok ? { ok: true, value: parsed.value.data, problems: parsed.problems } : parsed;
}
