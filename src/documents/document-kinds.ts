import type { z } from "zod";
import { AssessmentSummaryData } from "./assessment-summary.js";
import { EqualityAssessmentData } from "./equality-assessment.js";
import { EvaluationReportData } from "./evaluation-report.js";
import { UserPanelFormData } from "./user-panel-form.js";
import { WhatifBriefingData } from "./whatif-briefing.js";

/** The documents tender-eval writes: the data each template is given (its contract) and the bundled template. */
export const documentKinds = {
  "evaluation-report": { schema: EvaluationReportData, template: "evaluation-report.docx", title: "Evaluation report" },
  "assessment-summary": { schema: AssessmentSummaryData, template: "assessment-summary.docx", title: "Assessment summary (one per bidder)" },
  "equality-assessment": { schema: EqualityAssessmentData, template: "equality-assessment.docx", title: "Equality Assessment" },
  "whatif-briefing": { schema: WhatifBriefingData, template: "whatif-briefing.docx", title: "What-if briefing: how the proposed weighting affects organisations like ours" },
  "user-panel-form": { schema: UserPanelFormData, template: "user-panel-form.docx", title: "User panel form (one per member): the user-panel score sheet as a large-print Word form" },
} as const satisfies Record<string, { schema: z.ZodType; template: string; title: string }>;

export type DocumentKind = keyof typeof documentKinds;
export const documentKindNames = Object.keys(documentKinds) as DocumentKind[];
