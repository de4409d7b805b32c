import type { TenderBids } from "../model/bids.js";
import { parseBids, parseScoringModel, parseSpecification, type Parsed, type SpecificationForRules } from "../model/parse.js";
import { locateProblems, type Salvaged, type SourceDocument } from "../model/parse-document.js";
import type { ScoringModel } from "../model/scoring-model.js";
import type { TenderSpecification } from "../model/specification.js";
import { checkScoringModel } from "../model/check-model.js";
import { checkPriceFormula } from "../scoring/check-price-formula.js";
import { checkAwardOnValue } from "../scoring/check-award-on-value.js";
import { validateTender as checkTenderRules } from "../scoring/validate-tender.js";
import { hasErrors, problem, type Location, type Outcome, type Problem } from "../problems/problem.js";
import type { TenderResult } from "../scoring/result.js";
import { inWholeFile, type LotPlaces } from "../scoring/lots.js";
import type { LotOfTender } from "./lots.js";
import { scoreTender as scoreBids } from "../scoring/score-tender.js";
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
  /** For one lot of a tender in lots (its bids only): where each of its bids and agreed scores is in the whole bids file. */
  inFile?: LotPlaces;
}

/** Add the file and line to problems that point into one of the tender's files. */
export function locate<T extends { location: Location }>(problems: readonly T[], tender: { sources: readonly SourceDocument[]; inFile?: LotPlaces | undefined }): T[] {
  const places = tender.inFile;
  return locateProblems(places === undefined ? problems : problems.map((p) => inWholeFile(p, places)), tender.sources);
}

/** Each of the tender's files as far as it parsed, with every problem from every file. */
interface ParsedTenderFiles {
  problems: Problem[];
  inputs: InputRecord[];
  specification?: Parsed<TenderSpecification> | undefined;
  model?: Parsed<ScoringModel> | undefined;
  bids?: Parsed<TenderBids> | undefined;
  /** What of each broken file the rules can still check (see model/salvage.ts). */
  partialSpecification?: Readable<SpecificationForRules> | undefined;
  partialModel?: Readable<ScoringModel> | undefined;
  partialBids?: Readable<TenderBids> | undefined;
  /** Whether a bids file was given (it may not have parsed). */
  bidsGiven: boolean;
}

async function parseTenderFiles(files: TenderFiles, hashHex?: (bytes: Uint8Array) => string): Promise<ParsedTenderFiles> {
  const problems: Problem[] = [];
  const given = [files.specification, files.model, ...(files.bids ? [files.bids] : [])];
  const inputs = given.map((file) => inputRecord(file, hashHex));
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
  // A results file given as the bids file would otherwise be answered with a page of schema errors.
  // results.json starts with its kind (since schemaVersion 1) or, written by older versions, with the tool.
  const resultsGivenAsBids = bidsText !== undefined && /^\s*\{\s*"(?:kind"\s*:\s*"results"|tool"\s*:\s*\{\s*"name"\s*:\s*"tender-eval")/.test(bidsText);
  if (resultsGivenAsBids) problems.push(problem("input.results-not-bids", { document: "bids", file: files.bids!.name }, {}));
  const bids = bidsText === undefined || files.bids === undefined || resultsGivenAsBids ? undefined : parseBids(bidsText, files.bids.name);
  for (const outcome of [spec, model, bids]) if (outcome) problems.push(...outcome.problems);
  return {
    problems,
    inputs,
    specification: spec?.ok ? spec.value : undefined,
    model: model?.ok ? model.value : undefined,
    bids: bids?.ok ? bids.value : undefined,
    partialSpecification: spec?.partial,
    partialModel: model?.partial,
    partialBids: bids?.partial,
    bidsGiven: files.bids !== undefined,
  };
}

/**
 * Parse the tender's text files, collecting every problem from every file at once. Sheets are not read
 * here. The runtime, where given, lends its platform hash for the input records.
 */
export async function loadTender(files: TenderFiles, runtime?: Pick<ParallelRuntime, "sha256Hex">): Promise<Outcome<LoadedTender>> {
  return loadedFrom(await parseTenderFiles(files, runtime?.sha256Hex));
}

function loadedFrom(parsed: ParsedTenderFiles): Outcome<LoadedTender> {
  const { problems, specification: spec, model, bids, inputs } = parsed;
  if (hasErrors(problems) || spec === undefined || model === undefined || (parsed.bidsGiven && bids === undefined)) return { ok: false, problems };
  const loaded: LoadedTender = { specification: spec.data, model: model.data, sources: [spec.source, model.source], inputs };
  if (bids !== undefined) {
    loaded.bids = bids.data;
    loaded.sources.push(bids.source);
  }
  return { ok: true, value: loaded, problems };
}

/** A file as far as the rules can read it: parsed whole, or the parts salvaged, with paths mapped back into the file. */
type Readable<T> = Parsed<T> & Pick<Salvaged<T>, "pathInFile">;
const whole = <T>(parsed: Parsed<T>): Readable<T> => ({ ...parsed, pathInFile: (path) => path });

/**
 * The rules that can still run when some file did not parse, so one round of `validate` shows every
 * mistake: the model's rules on the model as parsed or as salvaged, and the rules between the files on
 * the bids that could be read, against the specification's contract.
 */
function rulesOnWhatParsed(parsed: ParsedTenderFiles, stage: TenderStage | "auto" | undefined): Problem[] {
  const model = parsed.model ? whole(parsed.model) : parsed.partialModel;
  if (model === undefined) return [];
  const specification = parsed.specification ? whole<SpecificationForRules>(parsed.specification) : parsed.partialSpecification;
  const bids = parsed.bids ? whole(parsed.bids) : parsed.partialBids;
  const read = { model, specification, bids };
  // The rules count the entries they were given and use the names the schema knows; a path must name
  // the entry and the field as the file has them.
  const inFile = (p: Problem): Problem => {
    const document = p.location.document === "specification" ? read.specification : p.location.document === "model" ? read.model : p.location.document === "bids" ? read.bids : undefined;
    return document !== undefined && p.location.path !== undefined ? { ...p, location: { ...p.location, path: document.pathInFile(p.location.path) } } : p;
  };
  if (specification === undefined || bids === undefined) {
    return locateProblems(checkTenderRules({ model: model.data }).map(inFile), [model.source]);
  }
  const tender = { specification: specification.data, model: model.data, bids: bids.data, sources: [specification.source, model.source, bids.source] };
  return rulesAtStage(tender, stage, inFile).problems;
}

export type TenderStage = "before-scoring" | "scored";

/**
 * Validate: every problem in the tender's files, and the rules between them. `stage: "before-scoring"`
 * is for a tender whose score sheets have not come back yet: its bids file names the panel and bidders,
 * and missing scores, prices and gate results are not problems yet. `stage: "auto"` decides from the bids
 * file: with no score, price or agreed score recorded anywhere, it is before scoring, and one advice
 * (`tender.scores-to-come`) says what is still to come instead of an error for each missing score.
 */
export async function validateTender(
  files: TenderFiles,
  options: { stage?: TenderStage | "auto" } = {},
): Promise<{ ok: boolean; problems: Problem[]; tender?: LoadedTender; stage?: TenderStage }> {
  const parsed = await parseTenderFiles(files);
  const loaded = loadedFrom(parsed);
  if (!loaded.ok) return { ok: false, problems: [...loaded.problems, ...rulesOnWhatParsed(parsed, options.stage)] };
  const rules = rulesAtStage(loaded.value, options.stage);
  const problems = [...loaded.problems, ...rules.problems];
  return { ok: !hasErrors(problems), problems, tender: loaded.value, stage: rules.stage };
}

/** The rules between a tender's files at its stage, located; before scoring, one advice replaces the missing scores. */
function rulesAtStage(
  tender: { specification: SpecificationForRules; model: ScoringModel; bids?: TenderBids | undefined; sources: readonly SourceDocument[] },
  requested: TenderStage | "auto" | undefined,
  inFile: (p: Problem) => Problem = (p) => p,
): { problems: Problem[]; stage: TenderStage } {
  const stage: TenderStage = requested === "auto" ? (tender.bids !== undefined && noScoresYet(tender.bids) ? "before-scoring" : "scored") : (requested ?? "scored");
  const beforeScoring = stage === "before-scoring";
  const all = checkTenderRules(tender, { allowIncomplete: beforeScoring });
  const problems = locate(
    all.filter((p) => !(beforeScoring && stillToCome.has(p.code))).map(inFile),
    tender,
  );
  if (requested === "auto" && beforeScoring && tender.bids !== undefined) {
    const toCome = scoresToCome(all, tender.bids);
    if (toCome !== undefined) problems.push(...locate([toCome], tender));
  }
  return { problems, stage };
}

/**
 * No evaluator's score and no agreed score anywhere: the score sheets have not come back, though prices
 * may have been typed in as the price schedules arrived (they come with the tenders, before any scoring).
 */
function noScoresYet(bids: TenderBids): boolean {
  return bids.moderation.length === 0 && bids.bids.every((b) => Object.values(b.scores).every((byEvaluator) => Object.keys(byEvaluator).length === 0));
}

/** No score, price or agreed score anywhere in the bids file: the score sheets have not come back. */
export function nothingScored(bids: TenderBids): boolean {
  return bids.moderation.length === 0 && bids.bids.every((b) => b.price === undefined && Object.values(b.scores).every((byEvaluator) => Object.keys(byEvaluator).length === 0));
}

/** One advice in place of the many missing-score problems: how many scores, from whom, and prices. */
function scoresToCome(rules: readonly Problem[], bids: TenderBids): Problem | undefined {
  const missing = rules.filter((p): p is Problem<"bids.missing-score"> => p.code === "bids.missing-score");
  const prices = rules.filter((p) => p.code === "bids.missing-price").length;
  const gateResults = rules.filter((p): p is Problem<"bids.missing-gate-result"> => p.code === "bids.missing-gate-result");
  if (missing.length === 0 && prices === 0 && gateResults.length === 0) return undefined;
  const scorers = new Set(missing.map((p) => p.args.evaluator));
  const userPanel = new Set(bids.panel.userPanel.map((m) => m.id));
  return problem(
    "tender.scores-to-come",
    { document: "bids" },
    {
      scores: missing.length,
      evaluators: [...scorers].filter((id) => !userPanel.has(id)).length,
      userPanelMembers: [...scorers].filter((id) => userPanel.has(id)).length,
      prices,
      gateResults: gateResults.length,
      gates: [...new Set(gateResults.map((p) => p.args.gate))],
    },
    "advice",
  );
}

/** What a bids file may lack before the score sheets come back. */
const stillToCome = new Set<Problem["code"]>(["bids.missing-price", "bids.missing-gate-result", "bids.missing-score", "bids.missing-justification", "bids.missing-declaration"]);

/** A scoring model on its own: its schema and every rule that needs only the model. */
export async function validateModel(file: NamedFile): Promise<{ ok: boolean; problems: Problem[]; model?: ScoringModel }> {
  const text = textOf(file);
  if (!text.ok) return { ok: false, problems: [text.problem] };
  const parsed = parseScoringModel(text.text, file.name);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const rules = locateProblems([...checkScoringModel(parsed.value.data), ...checkPriceFormula(parsed.value.data), ...checkAwardOnValue(parsed.value.data)], [parsed.value.source]);
  return { ok: !hasErrors(rules), problems: rules, model: parsed.value.data };
}

export interface ScoredTender {
  tender: LoadedTender & { bids: TenderBids };
  result: TenderResult;
  /** For one lot of a tender in lots: how the lot was awarded under the published rule (`tender.bids` are the lot's). */
  lot?: LotOfTender;
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
  /** For a tender in lots: the lot to score (see lots.ts); each lot is scored as a tender of its own. */
  lot?: string | undefined;
}

/** Score a tender from its bids file, its returned workbooks, or both. Every problem comes back located. */
export async function scoreTender(files: TenderFiles, options: ScoreOptions = {}): Promise<Outcome<ScoredTender>> {
  const loaded = await loadTender(files, options.runtime);
  if (!loaded.ok) return loaded;
  const scored = await scoreLoadedTender(loaded.value, files.sheets, options);
  return scored.ok ? { ...scored, problems: [...loaded.problems, ...scored.problems] } : { ok: false, problems: [...loaded.problems, ...scored.problems] };
}

/** Score a tender already loaded, with the returned workbooks if there are any. */
export async function scoreLoadedTender(tender: LoadedTender, sheets: readonly NamedFile[] | undefined, options: ScoreOptions = {}): Promise<Outcome<ScoredTender>> {
  if (tender.bids === undefined) {
    return { ok: false, problems: [problem("input.no-bids", { document: "bids" }, {})] };
  }
  // Nothing scored and no sheets given: one problem saying where the scores come from, not one per score.
  if (sheets === undefined && nothingScored(tender.bids)) {
    return { ok: false, problems: locate([problem("tender.nothing-to-score", { document: "bids" }, {})], tender) };
  }
  // A tender in lots is scored lot by lot (lots.ts): never all its bids against each other.
  if (tender.specification.lots.length > 0 || options.lot !== undefined) {
    const { scoreOneLot } = await import("./lots.js");
    return scoreOneLot(tender, sheets, options);
  }
  const merged = await withReturnedSheets({ ...tender, bids: tender.bids }, sheets, options);
  if (!merged.ok) return merged;
  const { bids, inputs, problems } = merged.value;
  const scored = scoreBids({ specification: tender.specification, model: tender.model, bids }, { allowIncomplete: options.allowIncomplete ?? false });
  problems.push(...locateScoringProblems(scored.problems, tender, sheets, merged.value.scoredIn));
  if (!scored.ok) return { ok: false, problems };
  return { ok: true, value: { tender: { ...tender, bids }, result: scored.value, inputs, problems }, problems };
}

/** The bids file with what the returned workbooks supply merged in, and every input read. */
export async function withReturnedSheets(
  tender: LoadedTender & { bids: TenderBids },
  sheets: readonly NamedFile[] | undefined,
  options: ScoreOptions,
): Promise<Outcome<{ bids: TenderBids; inputs: InputRecord[]; scoredIn: Map<string, Location>; problems: Problem[] }>> {
  const allowIncomplete = options.allowIncomplete ?? false;
  let bids = tender.bids;
  const problems: Problem[] = [];
  const inputs = [...tender.inputs];
  let scoredIn = new Map<string, Location>();
  if (sheets !== undefined) {
    // Reading workbooks needs the zip and XML readers: load them only when there are sheets to read.
    const { readReturnedSheets } = await import("./returned-sheets.js");
    const read = await readReturnedSheets(sheets, { ...tender, bids, allowIncomplete }, options.runtime ?? inThreadRuntime);
    problems.push(...read.problems);
    if (!read.ok) return { ok: false, problems };
    bids = read.value.bids;
    inputs.push(...read.value.inputs);
    scoredIn = read.value.scoredIn;
  }
  return { ok: true, value: { bids, inputs, scoredIn, problems }, problems };
}

/** Scoring's problems located in the tender's files, or in the returned workbooks the scores came from. */
export function locateScoringProblems(problems: readonly Problem[], tender: LoadedTender, sheets: readonly NamedFile[] | undefined, scoredIn: ReadonlyMap<string, Location>): Problem[] {
  if (sheets === undefined) return locate(problems, tender);
  // What notInBidsFile takes out of the bids file is not looked up in it first: at framework scale that is
  // tens of thousands of moderation warnings, each a walk of the parsed file for a line then thrown away.
  // (Locating keeps the document and the path's first and third segments, which is all notInBidsFile reads.)
  const located = locate(problems.filter((p) => !leavesBidsFile(p)), tender);
  let next = 0;
  return problems.map((p) => (leavesBidsFile(p) ? notInBidsFile(p) : notInBidsFile(relocateToWorkbooks([located[next++]!], scoredIn)[0]!)));
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

/**
 * With returned sheets, scores and prices may not be in the bids file at all, so a problem about one is not
 * pointed at a line of it (which would send the reader to the wrong file): its message names the bid and
 * criterion.
 */
function notInBidsFile<T extends Problem>(p: T): T {
  return leavesBidsFile(p) ? { ...p, location: {} } : p;
}

function leavesBidsFile(p: Problem): boolean {
  const path = p.location.path;
  // A missing score from an evaluator who returned no workbook may belong in the bids file: it keeps its line.
  if (p.code === "bids.missing-score" || p.code === "bids.missing-justification") return false;
  return p.location.document === "bids" && path?.[0] === "bids" && (path[2] === "scores" || path[2] === "price");
}

