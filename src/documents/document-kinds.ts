import type { z } from "zod";
import { AssessmentSummaryData } from "./assessment-summary.js";
import { EqualityAssessmentData } from "./equality-assessment.js";
import { EvaluationReportData } from "./evaluation-report.js";
import { WhatifBriefingData } from "./whatif-briefing.js";

/** The documents tender-eval writes: the data each template is given (its contract) and the bundled template. */
export const documentKinds = {
  "evaluation-report": { schema: EvaluationReportData, template: "evaluation-report.docx", title: "Evaluation report" },
  "assessment-summary": { schema: AssessmentSummaryData, template: "assessment-summary.docx", title: "Assessment summary (one per bidder)" },
  "equality-assessment": { schema: EqualityAssessmentData, template: "equality-assessment.docx", title: "Equality Assessment" },
  "whatif-briefing": { schema: WhatifBriefingData, template: "whatif-briefing.docx", title: "What-if briefing: how the proposed weighting affects organisations like ours" },
} as const satisfies Record<string, { schema: z.ZodType; template: string; title: string }>;

export type DocumentKind = keyof typeof documentKinds;
export const documentKindNames = Object.keys(documentKinds) as DocumentKind[];
