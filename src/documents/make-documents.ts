import type { TenderBids } from "../model/bids.js";
import type { ScoringModel } from "../model/scoring-model.js";
import type { TenderSpecification } from "../model/specification.js";
import type { Outcome, Problem } from "../problems/problem.js";
import type { ReviewFlag } from "../problems/problem.js";
import type { TenderResult } from "../scoring/result.js";
import { AssessmentSummaryData, assessmentSummaryData, safeFileName, summariesProblems, type AssessmentSummaryInput, type AssessmentSummaryOptions } from "./assessment-summary.js";
import { EqualityAssessmentData, equalityAssessmentData } from "./equality-assessment.js";
import { EvaluationReportData, evaluationReportData, type Audit } from "./evaluation-report.js";
import type { LotInDocument } from "./lot-fields.js";
import { compileTemplate, renderDocx, type DocumentTemplate } from "./render-docx.js";
import { chanceChartSvg, weightChartSvg } from "../presentation/weight-chart.js";
import type { DocxPicture, DrawPicture } from "./docx-pictures.js";
import { UserPanelFormData, userPanelFormData } from "./user-panel-form.js";
import { WhatifBriefingData, briefingCharts, whatifBriefingData, type WhatifBriefingInput } from "./whatif-briefing.js";
import { formatChance } from "../language/uk-format.js";

/** The evaluation report, from the bundled template or an authority's own. */
export function makeEvaluationReport(
  template: DocumentTemplate,
  input: { specification: TenderSpecification; model: ScoringModel; bids: TenderBids; result: TenderResult; review?: { policyTitle: string; flags: ReviewFlag[] }; audit: Audit; lot?: LotInDocument | undefined },
): Outcome<Uint8Array> {
  const data = evaluationReportData(input);
  return renderDocx(template, EvaluationReportData, data, { title: data.documentTitle, creator: input.specification.authority, date: input.audit.generatedOn });
}

/** One assessment summary per bid, with a file name safe whatever the bidder's name contains. */
export function makeAssessmentSummaries(
  template: DocumentTemplate,
  input: AssessmentSummaryInput,
  options: AssessmentSummaryOptions,
): Outcome<{ fileName: string; bidder: string; bytes: Uint8Array }[]> {
  // Compile and check the template once, so a bad tag is reported once rather than once per bidder (and a
  // framework's thousand letters parse it once); and every missing feedback or supplier detail at once,
  // before any letter is written.
  const compiled = compileTemplate(template, AssessmentSummaryData);
  const missing = summariesProblems(input);
  if (!compiled.ok || missing.length > 0) return { ok: false, problems: [...(compiled.ok ? [] : compiled.problems), ...missing] };
  const documents: { fileName: string; bidder: string; bytes: Uint8Array }[] = [];
  const problems: Problem[] = [];
  for (const bid of input.result.bids) {
    const data = assessmentSummaryData({ ...input, bidId: bid.bidId }, options);
    const rendered = compiled.value.render(data, { title: data.documentTitle, creator: input.specification.authority, date: options.issuedOn });
    if (rendered.ok) documents.push({ fileName: safeFileName(bid.bidId, bid.bidder), bidder: bid.bidder, bytes: rendered.value });
    else problems.push(...rendered.problems);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: documents, problems: [] };
}

export function makeEqualityAssessment(
  template: DocumentTemplate,
  input: Parameters<typeof equalityAssessmentData>[0],
): Outcome<Uint8Array> {
  const data = equalityAssessmentData(input);
  return renderDocx(template, EqualityAssessmentData, data, { title: data.documentTitle, creator: input.specification.authority, date: input.findings.date ?? input.today });
}

/** The what-if briefing for one organisation, with its charts drawn as pictures (with alt text). */
export async function makeWhatifBriefing(template: DocumentTemplate, input: WhatifBriefingInput, drawPicture: DrawPicture): Promise<Outcome<Uint8Array>> {
  const data = whatifBriefingData(input);
  const names = new Map(input.problem.bids.map((b) => [b.bidId, b.bidder]));
  const highlight = { highlight: input.organisationId, titles: input.problem.titles };
  const pictures: DocxPicture[] = await Promise.all(briefingCharts(input.sweeps).map(async (chart) => {
    const drawn =
      chart.kind === "weight"
        ? weightChartSvg(chart.sweep, names, highlight)
        : chanceChartSvg(
            input.problem.bids.map((b, i) => {
              const first = input.smaa.rankAcceptability[i]![0]!;
              return { bidId: b.bidId, bidder: b.bidder, first, label: formatChance(first) };
            }),
            highlight,
          );
    return { id: chart.id, ...(await drawPicture(drawn.svg)), description: drawn.description };
  }));
  // The briefing is the organisation's own, for its talks with the commissioner: it is by that organisation.
  return renderDocx(template, WhatifBriefingData, data, { title: `${data.documentTitle}: ${data.organisation}`, creator: data.organisation, date: input.today, pictures });
}

/** The user panel's large-print Word form for one member, or undefined when the model has no user panel. */
export function makeUserPanelForm(
  template: DocumentTemplate,
  input: { specification: TenderSpecification; model: ScoringModel; bids: TenderBids; memberId: string; date: string },
): Outcome<Uint8Array> | undefined {
  const data = userPanelFormData(input);
  if (data === undefined) return undefined;
  return renderDocx(template, UserPanelFormData, data, { title: `${data.documentTitle} (${input.memberId})`, creator: input.specification.authority, date: input.date });
}
