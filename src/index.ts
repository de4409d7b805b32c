export * from "./arithmetic/exact.js";
export * from "./problems/problem.js";
export {
  findingMessage,
  formatFinding,
  findingCodes,
  formatProblem,
  formatLocation,
  formatPath,
  problemMessage,
  problemCodes,
  flagMessage,
  formatFlag,
  flagCodes,
} from "./problems/format.js";
export { findingToJson, flagToJson, problemToJson, stringifyJson, toJsonValue } from "./presentation/json.js";
export { outputSchemas, outputJsonSchemas, OUTPUT_SCHEMA_VERSION, ResultsOutput, ReviewOutput, WhatifOutput, ValidateOutput, WrittenOutput, FailedOutput, TemplateFieldsOutput, TemplateCheckOutput, type OutputKind } from "./presentation/output-schemas/index.js";
export * from "./model/specification.js";
export * from "./model/scoring-model.js";
export * from "./model/bids.js";
export { parseSpecification, parseScoringModel, parseBids, type Parsed } from "./model/parse.js";
export { locateProblems, type SourceDocument } from "./model/parse-document.js";
export { checkScoringModel } from "./model/check-model.js";
export { checkBids } from "./model/check-bids.js";
// The pure steps under the workflows, on data already parsed. They are named for what they do so that the
// workflows below can have the names a user looks for first (scoreTender, validateTender, on the files).
export { scoreTender as scoreBids, type TenderInput, type ScoreOptions as ScoreBidsOptions } from "./scoring/score-tender.js";
export { priceMethods, describePriceMethod, wholeLifeCost, scorePrices } from "./scoring/price-methods.js";
export { compilePriceFormula, evaluatePriceFormula, priceFormulaVariables } from "./scoring/price-formula.js";
export { combineScores } from "./scoring/combine.js";
export { rankBids } from "./scoring/rank.js";
export type * from "./scoring/result.js";
export { validateTender as checkTenderRules } from "./scoring/validate-tender.js";
export { checkPriceFormula } from "./scoring/check-price-formula.js";
export { modelHash } from "./model/model-hash.js";
export { inputJsonSchemas } from "./review/json-schema.js";
export { renderJsonSchemas, modelInputSchemas } from "./model/json-schema.js";
export { EqualityFindings, protectedCharacteristics } from "./model/equality-findings.js";
export { BankHolidays, parseBankHolidays } from "./model/bank-holidays.js";
export { isWorkingDay, standstillPeriod, MINIMUM_STANDSTILL_WORKING_DAYS, type StandstillPeriod } from "./model/standstill.js";

// The journeys, one function per step a user takes: file contents in, results and every problem out
// (scoreTender, validateTender, reviewWeighting, evaluationReport, …). Reading them from disk is in
// "tender-eval/node".
export * from "./workflows/index.js";

// Weighting review
export { ReviewPolicy } from "./review/policy.js";
export { parseReviewPolicy } from "./review/parse-policy.js";
export { reviewTender, failsReview, type Review, type ReviewInput } from "./review/review-tender.js";
export { effectiveWeights } from "./review/checks/outcome.js";

// Word documents (docxtemplater is loaded only when a document is made)
export { makeEvaluationReport, makeAssessmentSummaries, makeEqualityAssessment } from "./documents/make-documents.js";
export { renderDocx, inspectTemplate, type DocumentTemplate } from "./documents/render-docx.js";
export { documentKinds, type DocumentKind } from "./documents/document-kinds.js";

// Spreadsheets (exceljs is loaded only when a workbook is read or written)
export { makeScoreSheets } from "./spreadsheets/score-sheets.js";
export { readWorkbook, type WorkbookContent, type ReadContext } from "./spreadsheets/read-workbook.js";
export { assembleBids } from "./spreadsheets/assemble-bids.js";
export { makeResultsWorkbook } from "./spreadsheets/results-workbook.js";
export { makeModerationSheet } from "./spreadsheets/moderation-sheet.js";

// Sensitivity (what-if) analysis
export { sweepWeight, totalAt, type WeightSweep } from "./sensitivity/weight-sweep.js";
export { smaa, type SmaaInput, type SmaaResult } from "./sensitivity/smaa.js";
export { seededRandom } from "./sensitivity/random.js";
