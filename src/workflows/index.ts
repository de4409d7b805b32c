// The journeys, one function per step a user takes: file contents in, results and every problem out.
// Nothing here touches a file system, the clock, the console or a thread: callers give the files, the
// date and the runtime (worker threads in the CLI, Web Workers in a browser, a loop in tests).
export { bytesOf, decodeText, inputRecord, type InputRecord, type NamedFile } from "./files.js";
export { inThreadRuntime, runTask, type ParallelRuntime, type ParallelTask, type TaskResult } from "./runtime.js";
export { isReturnedWorkbook, readReturnedSheets } from "./returned-sheets.js";
export { sortTenderFiles, tenderFileNames, type SortedTenderFiles, type TenderFileKind } from "./tender-files.js";
export { lotsResultsDocument, scoreLoadedLots, scoreTenderLots, scoreTenderOrLots, type LotOfTender, type ScoredLots } from "./lots.js";
export { loadTender, locate, scoreLoadedTender, scoreTender, validateModel, validateTender, type LoadedTender, type ScoreOptions, type ScoredTender, type TenderFiles } from "./tender.js";
export { reviewOutput, validateOutput, whatifOutput } from "./json-output.js";
export { loadPolicy, reviewModelFile, reviewTenderFiles, reviewWeighting, type WeightingReview } from "./review.js";
export { describeReadyMadeModel, starterFileNames, starterTender, type ReadyMadeModel, type StarterOptions } from "./starter.js";
export { assessmentSummaries, equalityAssessment, evaluationReport, loadFindings, type AssessmentSummary, type DocumentOptions } from "./documents.js";
export { awardStandstill, loadBankHolidays, type StandstillOptions } from "./standstill.js";
export { loadProfiles, whatifBriefing, whatifForProfiles, whatifForTender, whatifPage, type Whatif, type WhatifOptions } from "./whatif.js";
export { blankScoreSheets, feedbackToWrite, moderationSheet, profilesSheet, restrictedRecord, resultsWorkbook } from "./sheets.js";
export { resultsDocument } from "./results-document.js";
