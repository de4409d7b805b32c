import type { TenderBids } from "../model/bids.js";
import { modelHash } from "../model/model-hash.js";
import { parseBids, parseScoringModel, parseSpecification } from "../model/parse.js";
import { locateProblems, type SourceDocument } from "../model/parse-document.js";
import type { ScoringModel } from "../model/scoring-model.js";
import type { TenderSpecification } from "../model/specification.js";
import { validateTender as checkTenderRules } from "../scoring/validate-tender.js";
import { hasErrors, problem, type Location, type Outcome, type Problem } from "../problems/problem.js";
import type { TenderResult } from "../scoring/result.js";
import { scoreTender as scoreBids } from "../scoring/score-tender.js";
import { assembleBids } from "../spreadsheets/assemble-bids.js";
import { interpretWorkbook, type WorkbookContent } from "../spreadsheets/read-workbook.js";
import { inputRecord, textOf, type InputRecord, type NamedFile } from "./files.js";
import { inThreadRuntime, type ParallelRuntime } from "./runtime.js";

/**
 * A tender as its files: the specification and scoring model, and the bids file that names the panel and
 * the bidders. Scores, justifications, prices and agreed scores may be in the bids file, in the returned
 * workbooks (score sheets, price schedules, the moderation sheet), or in both: the sheets supply what the
 * bids file lacks, and an agreed score in the moderation sheet replaces one in the bids file.
 */
export interface TenderFiles {
  specification: NamedFile;
  model: NamedFile;
  bids?: NamedFile | undefined;
  sheets?: readonly NamedFile[] | undefined;
}

export interface LoadedTender {
  specification: TenderSpecification;
  model: ScoringModel;
  bids?: TenderBids;
  /** The parsed files, so a problem can be located at its line. */
  sources: SourceDocument[];
  /** Every file read, in order, with its SHA-256: the audit record. */
  inputs: InputRecord[];
}

/** Add the file and line to problems that point into one of the tender's files. */
export function locate<T extends { location: Location }>(problems: readonly T[], tender: { sources: readonly SourceDocument[] }): T[] {
  return locateProblems(problems, tender.sources);
}

/** Parse the tender's text files, collecting every problem from every file at once. Sheets are not read here. */
export async function loadTender(files: TenderFiles): Promise<Outcome<LoadedTender>> {
  const problems: Problem[] = [];
  const given = [files.specification, files.model, ...(files.bids ? [files.bids] : [])];
  const inputs = await Promise.all(given.map(inputRecord));
  const text = (file: NamedFile) => {
    const read = textOf(file);
    if (!read.ok) problems.push(read.problem);
    return read.ok ? read.text : undefined;
  };
  const specText = text(files.specification);
  const modelText = text(files.model);
  const bidsText = files.bids ? text(files.bids) : undefined;
  const spec = specText === undefined ? undefined : parseSpecification(specText, files.specification.name);
  const model = modelText === undefined ? undefined : parseScoringModel(modelText, files.model.name);
  const bids = bidsText === undefined || files.bids === undefined ? undefined : parseBids(bidsText, files.bids.name);
  for (const outcome of [spec, model, bids]) if (outcome && !outcome.ok) problems.push(...outcome.problems);
  if (hasErrors(problems) || !spec?.ok || !model?.ok || (bids !== undefined && !bids.ok)) return { ok: false, problems };
  const loaded: LoadedTender = { specification: spec.value.data, model: model.value.data, sources: [spec.value.source, model.value.source], inputs };
  if (bids?.ok) {
    loaded.bids = bids.value.data;
    loaded.sources.push(bids.value.source);
  }
  return { ok: true, value: loaded, problems };
}

/**
 * Validate: every problem in the tender's files, and the rules between them. `stage: "before-scoring"`
 * is for a tender whose score sheets have not come back yet: its bids file names the panel and bidders,
 * and missing scores, prices and gate results are not problems yet.
 */
export async function validateTender(files: TenderFiles, options: { stage?: "before-scoring" | "scored" } = {}): Promise<{ ok: boolean; problems: Problem[]; tender?: LoadedTender }> {
  const loaded = await loadTender(files);
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  const beforeScoring = options.stage === "before-scoring";
  const rules = checkTenderRules(loaded.value, { allowIncomplete: beforeScoring }).filter((p) => !(beforeScoring && stillToCome.has(p.code)));
  const problems = [...loaded.problems, ...locate(rules, loaded.value)];
  return { ok: !hasErrors(problems), problems, tender: loaded.value };
}

/** What a bids file may lack before the score sheets come back. */
const stillToCome = new Set<Problem["code"]>(["bids.missing-price", "bids.missing-gate-result", "bids.missing-score", "bids.missing-justification"]);

export interface ScoredTender {
  tender: LoadedTender & { bids: TenderBids };
  result: TenderResult;
  /** Every input used, returned workbooks included. */
  inputs: InputRecord[];
  /** Warnings (moderation needed, scores missing with allowIncomplete, …), located. */
  problems: Problem[];
}

export interface ScoreOptions {
  /** Score even though some scores are missing; the results say what was missing. */
  allowIncomplete?: boolean | undefined;
  /** Where parallel work runs (reading many workbooks); this thread by default. */
  runtime?: ParallelRuntime | undefined;
}

/** Score a tender from its bids file, its returned workbooks, or both. Every problem comes back located. */
export async function scoreTender(files: TenderFiles, options: ScoreOptions = {}): Promise<Outcome<ScoredTender>> {
  const loaded = await loadTender(files);
  if (!loaded.ok) return loaded;
  const scored = await scoreLoadedTender(loaded.value, files.sheets, options);
  return scored.ok ? { ...scored, problems: [...loaded.problems, ...scored.problems] } : { ok: false, problems: [...loaded.problems, ...scored.problems] };
}

/** Score a tender already loaded, with the returned workbooks if there are any. */
export async function scoreLoadedTender(tender: LoadedTender, sheets: readonly NamedFile[] | undefined, options: ScoreOptions = {}): Promise<Outcome<ScoredTender>> {
  if (tender.bids === undefined) {
    return { ok: false, problems: [problem("input.no-bids", { document: "bids" }, {})] };
  }
  const allowIncomplete = options.allowIncomplete ?? false;
  let bids = tender.bids;
  const problems: Problem[] = [];
  const inputs = [...tender.inputs];
  let scoredIn = new Map<string, Location>();
  if (sheets !== undefined) {
    const read = await readReturnedSheets(sheets, { ...tender, bids, allowIncomplete }, options.runtime ?? inThreadRuntime);
    problems.push(...read.problems);
    if (!read.ok) return { ok: false, problems };
    bids = read.value.bids;
    inputs.push(...read.value.inputs);
    scoredIn = read.value.scoredIn;
  }
  const scored = scoreBids({ specification: tender.specification, model: tender.model, bids }, { allowIncomplete });
  problems.push(...relocateToWorkbooks(locate(scored.problems, tender), scoredIn));
  if (!scored.ok) return { ok: false, problems };
  return { ok: true, value: { tender: { ...tender, bids }, result: scored.value, inputs, problems }, problems };
}

/**
 * A score missing from an evaluator whose scores came from a returned workbook is missing from that
 * workbook: point there (and at the evaluator's sheet of a panel matrix), not at lines of the bids file
 * the scores were never typed into.
 */
function relocateToWorkbooks(problems: readonly Problem[], scoredIn: ReadonlyMap<string, Location>): Problem[] {
  return problems.map((p) => {
    if (p.code !== "bids.missing-score" && p.code !== "bids.missing-justification") return p;
    const place = scoredIn.get(p.args.evaluator);
    return place === undefined ? p : { ...p, location: place };
  });
}

const OTHER_SPREADSHEETS = /\.(xls|xlsm|ods|csv|numbers)$/i;

/** Which returned files are workbooks to read: Excel's ~$ lock files and hidden files are skipped. */
export function isReturnedWorkbook(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return !base.startsWith(".") && !base.startsWith("~$") && /\.xlsx$/i.test(base);
}

/**
 * Read returned workbooks, collecting every problem from every file before deciding, then put their
 * scores, prices and agreed scores into the bids.
 */
export async function readReturnedSheets(
  sheets: readonly NamedFile[],
  context: { specification: TenderSpecification; model: ScoringModel; bids: TenderBids; allowIncomplete: boolean },
  runtime: ParallelRuntime,
): Promise<Outcome<{ bids: TenderBids; inputs: InputRecord[]; scoredIn: Map<string, Location> }>> {
  const problems: Problem[] = [];
  for (const file of sheets) {
    if (OTHER_SPREADSHEETS.test(file.name)) {
      problems.push(problem("sheets.unreadable", { file: file.name }, { detail: "it is not an .xlsx workbook: open it and save it as Excel Workbook (.xlsx)" }));
    }
  }
  const workbooks = sheets.filter((f) => isReturnedWorkbook(f.name));
  const inputs = await Promise.all(workbooks.map(inputRecord));
  const parsed = await runtime.runInParallel(workbooks.map((f) => ({ kind: "parse-workbook" as const, bytes: typeof f.bytes === "string" ? new TextEncoder().encode(f.bytes) : f.bytes })));
  const hash = modelHash(context.model);
  const contents: WorkbookContent[] = [];
  workbooks.forEach((file, i) => {
    const read = interpretWorkbook(parsed[i]!, file.name, { ...context, modelHash: hash });
    problems.push(...read.problems);
    if (read.ok) contents.push(read.value);
  });
  if (contents.length === 0 && problems.length === 0) problems.push(problem("sheets.none", {}, { files: sheets.length }));
  if (hasErrors(problems)) return { ok: false, problems };
  const assembled = assembleBids(context.bids, contents);
  if (!assembled.ok) return { ok: false, problems: [...problems, ...assembled.problems] };
  const scoredIn = new Map<string, Location>();
  for (const content of contents) {
    if (content.kind !== "scores") continue;
    for (const evaluator of content.evaluators) {
      const sheet = content.sheetOf?.[evaluator];
      if (!scoredIn.has(evaluator)) scoredIn.set(evaluator, sheet === undefined ? { file: content.file } : { file: content.file, sheet });
    }
  }
  return { ok: true, value: { bids: assembled.value, inputs, scoredIn }, problems };
}
