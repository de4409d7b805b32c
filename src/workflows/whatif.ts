import type { DrawPicture } from "../documents/docx-pictures.js";
import { makeWhatifBriefing } from "../documents/make-documents.js";
import type { WhatifBriefingInput } from "../documents/whatif-briefing.js";
import { WhatifProfiles } from "../model/whatif-profiles.js";
import { parseScoringModel, type Parsed } from "../model/parse.js";
import { locateProblems, parseInputDocument } from "../model/parse-document.js";
import type { SectionKey } from "../model/scoring-model.js";
import { problem, type Outcome, type Problem } from "../problems/problem.js";
import { isAwardOnValue, type AwardOnValueMethod } from "../scoring/award-on-value.js";
import { describePriceMethod } from "../scoring/price-methods.js";
import { analyseWeighting, type WeightingAnalysis } from "../sensitivity/analyse-weighting.js";
import { improvementsFromProfiles } from "../sensitivity/profile-improvements.js";
import { problemFromProfiles } from "../sensitivity/profiles.js";
import { improvementsToWin, priceToWin, type CriterionImprovement, type PriceImprovement } from "../sensitivity/improvement.js";
import { smaaInChunks, type SmaaChunk, type SmaaChunkRunner } from "../sensitivity/smaa-chunks.js";
import { asksAsRanges, weightingAsks, type WeightingAsk } from "../sensitivity/weighting-asks.js";
import { SmaaRangeError, tally } from "../sensitivity/smaa.js";
import { seededRandom } from "../sensitivity/random.js";
import { describeWeightRanges, mergeWeightRanges, weightBounds, weightRangesOf, type WeightRange } from "../sensitivity/weight-ranges.js";
import { problemFromResult, type WeightingProblem } from "../sensitivity/weight-sweep.js";
import { whatifData } from "./whatif-data.js";
import type { DocumentOptions } from "./documents.js";
import { textOf, type NamedFile } from "./files.js";
import { inThreadRuntime, type ParallelRuntime } from "./runtime.js";
import type { ScoredTender } from "./tender.js";

export interface WhatifOptions {
  /** The organisation the analysis is for: a bid id of the scored tender (with profiles it is always "organisation"). */
  bid?: string | undefined;
  /** Weight samples for the chance of each rank (SMAA-2). */
  samples?: number | undefined;
  seed?: number | undefined;
  /** Limits on sections' weights, in percent; they replace the profiles file's limits section by section. */
  weightRanges?: readonly WeightRange[] | undefined;
  runtime?: ParallelRuntime | undefined;
}

/** Everything the what-if says: the terminal, --json, the page and the briefing are all drawn from this. */
export interface WhatifAskFor {
  asks: WeightingAsk[];
  /** The share of weightings drawn within the asks (and any limits given) in which the organisation came first. */
  firstShare: number;
  samples: number;
}

export interface Whatif {
  /** What the analysis is of, e.g. the tender's title or the model with the profiles. */
  title: string;
  /** The tender or model alone, for the briefing's title. */
  documentTitle: string;
  basis: "tender" | "profiles";
  organisationId?: string;
  problem: WeightingProblem;
  /** Bids of the tender left out of the analysis because they are excluded (they cannot win at any weight). */
  excluded: { bidId: string; bidder: string }[];
  analysis: WeightingAnalysis;
  seed: number;
  weightRanges: WeightRange[];
  /** Which inputs the limits came from, to say so. */
  weightRangeSources: string[];
  bounds: { min: number[]; max: number[] } | undefined;
  improvements: CriterionImprovement[];
  priceToWin: PriceImprovement | undefined;
  /** What weighting the organisation could ask for, and how often it came first among weightings drawn within it. */
  askFor?: WhatifAskFor;
}

/** What-if for a scored tender: how the weighting moves each bid's total and rank. */
export async function whatifForTender(scored: ScoredTender, options: WhatifOptions = {}): Promise<Outcome<Whatif>> {
  const { result, tender } = scored;
  if (options.bid !== undefined && !result.bids.some((b) => b.bidId === options.bid)) {
    return { ok: false, problems: [problem("whatif.unknown-bid", { option: "--bid" }, { bid: options.bid, known: result.bids.map((b) => b.bidId).join(", ") })] };
  }
  const bid = options.bid;
  const method = tender.model.sections.price?.method;
  if (isAwardOnValue(method)) return { ok: false, problems: [awardOnValueRefused(method)] };
  return analyse(problemFromResult(result), options, {
    // One lot of a tender in lots is analysed on its own bids: its title says which.
    title: result.lot === undefined ? result.tender.title : `${result.tender.title} – Lot ${result.lot.id}: ${result.lot.title}`,
    documentTitle: result.lot === undefined ? result.tender.title : `${result.tender.title} – Lot ${result.lot.id}: ${result.lot.title}`,
    basis: "tender",
    organisationId: bid,
    excluded: result.bids.filter((b) => b.rank === null).map((b) => ({ bidId: b.bidId, bidder: b.bidder })),
    profileRanges: [],
    improvements: bid ? improvementsToWin(tender.model, result, bid) : [],
    priceToWin: bid ? priceToWin(tender.model, result, bid) : undefined,
  });
}

/** Profiles from YAML (or JSON), or from the simple sheet `profilesSheet` writes (.xlsx). */
export async function loadProfiles(file: NamedFile): Promise<Outcome<Parsed<WhatifProfiles>>> {
  if (/\.xlsx$/i.test(file.name) && typeof file.bytes !== "string") {
    const { readProfilesSheet } = await import("../spreadsheets/profiles-sheet.js");
    return readProfilesSheet(file.bytes, file.name);
  }
  const text = textOf(file);
  return text.ok ? parseInputDocument(WhatifProfiles, text.text, "profiles", file.name) : { ok: false, problems: [text.problem] };
}

/**
 * What-if before a tender exists: an organisation's expected scores and price against rough competitor
 * profiles, under a proposed scoring model.
 */
export async function whatifForProfiles(files: { model: NamedFile; profiles: NamedFile }, options: WhatifOptions = {}): Promise<Outcome<Whatif>> {
  const modelText = textOf(files.model);
  const model = modelText.ok ? parseScoringModel(modelText.text, files.model.name) : { ok: false as const, problems: [modelText.problem] };
  const profiles = await loadProfiles(files.profiles);
  if (!model.ok || !profiles.ok) return { ok: false, problems: [...(model.ok ? [] : model.problems), ...(profiles.ok ? [] : profiles.problems)] };
  const method = model.value.data.sections.price?.method;
  if (isAwardOnValue(method)) return { ok: false, problems: locateProblems([awardOnValueRefused(method)], [model.value.source]) };
  const built = problemFromProfiles(model.value.data, profiles.value.data);
  if (!built.ok) return { ok: false, problems: locateProblems(built.problems, [profiles.value.source, model.value.source]) };
  const { criteria, price } = improvementsFromProfiles(model.value.data, profiles.value.data);
  const competitors = profiles.value.data.competitors.length;
  return analyse(built.value, options, {
    title: `${model.value.data.title}, with ${profiles.value.data.organisation.name} and ${competitors} competitor profile${competitors === 1 ? "" : "s"}`,
    documentTitle: model.value.data.title,
    basis: "profiles",
    organisationId: "organisation",
    excluded: [],
    profileRanges: weightRangesOf(profiles.value.data),
    profilesName: files.profiles.name,
    improvements: criteria,
    priceToWin: price,
  });
}

/**
 * The sweeps and the chance of winning move section weights and rank on points totals; under an award on
 * value the award follows another figure, so what they would say is not what decides the award.
 */
function awardOnValueRefused(method: AwardOnValueMethod): Problem {
  return problem("whatif.award-on-value", { document: "model", path: ["sections", "price", "method", "type"] }, { method: describePriceMethod(method).name });
}

async function analyse(
  problemToAnalyse: WeightingProblem,
  options: WhatifOptions,
  about: Pick<Whatif, "title" | "documentTitle" | "basis" | "excluded" | "improvements" | "priceToWin"> & { organisationId: string | undefined; profileRanges: WeightRange[]; profilesName?: string },
): Promise<Outcome<Whatif>> {
  const sections = [...problemToAnalyse.weights.keys()];
  const given = options.weightRanges ?? [];
  const problems: Problem[] = given
    .filter((r) => !sections.includes(r.section))
    .map((r) => problem("whatif.unknown-weight-range", { option: "--weight-range" }, { section: r.section, known: sections.join(", ") }));
  if (problems.length > 0) return { ok: false, problems };
  const weightRanges = mergeWeightRanges(about.profileRanges, given);
  const weightRangeSources = [...(given.length > 0 ? ["--weight-range"] : []), ...(about.profileRanges.length > 0 ? [`weightRanges in ${about.profilesName ?? "the profiles"}`] : [])];
  const bounds = weightBounds(weightRanges, sections);
  const samples = options.samples ?? 100_000;
  const seed = options.seed ?? 1;
  const runtime = options.runtime ?? inThreadRuntime;
  const tooNarrow = bounds ? checkLimitsCanBeSampled(problemToAnalyse, sections, bounds) : undefined;
  if (tooNarrow !== undefined) {
    // Limits given on the command line are the command's to fix; limits only from the profiles are the file's.
    const where = given.length > 0 ? { option: "--weight-range" } : { file: about.profilesName ?? "profiles", document: "profiles" as const, path: ["weightRanges"] };
    const limits = `${describeWeightRanges(weightRanges, sections, problemToAnalyse.titles)}, from ${weightRangeSources.join(" and ")}`;
    return { ok: false, problems: [problem("whatif.weight-limits-too-narrow", where, { limits, detail: tooNarrow })] };
  }
  const runChunks = (chunks: readonly SmaaChunk[]) => runtime.runInParallel(chunks.map((c) => ({ kind: "smaa-chunk" as const, ...c })));
  const analysis = await analyseWeighting(problemToAnalyse, { samples, seed, bounds }, runChunks);
  const whatif: Whatif = {
    title: about.title,
    documentTitle: about.documentTitle,
    basis: about.basis,
    problem: problemToAnalyse,
    excluded: about.excluded,
    analysis,
    seed,
    weightRanges,
    weightRangeSources,
    bounds,
    improvements: about.improvements,
    priceToWin: about.priceToWin,
  };
  if (about.organisationId !== undefined) {
    whatif.organisationId = about.organisationId;
    const askFor = await askingFor(problemToAnalyse, analysis, about.organisationId, weightRanges, { samples, seed }, runChunks);
    if (askFor !== undefined) whatif.askFor = askFor;
  }
  return { ok: true, value: whatif, problems: [] };
}

/**
 * The weighting to ask for (see weightingAsks), with how often the organisation came first among weightings
 * drawn within it: the same samples and seed as the chance of each place, so a run can be repeated.
 */
async function askingFor(
  p: WeightingProblem,
  analysis: WeightingAnalysis,
  organisationId: string,
  given: readonly WeightRange[],
  options: { samples: number; seed: number },
  runChunks: SmaaChunkRunner,
): Promise<WhatifAskFor | undefined> {
  const asks = weightingAsks(analysis.sweeps, organisationId);
  const ranges = asks.length > 0 ? asksAsRanges(asks, given) : undefined;
  const bounds = ranges ? weightBounds(ranges, analysis.sections) : undefined;
  if (bounds === undefined || checkLimitsCanBeSampled(p, analysis.sections, bounds) !== undefined) return undefined;
  const within = await smaaInChunks({ criteria: analysis.sections, bids: analysis.shares, samples: options.samples, bounds }, options.seed, runChunks);
  const index = p.bids.findIndex((b) => b.bidId === organisationId);
  return { asks, firstShare: within.rankAcceptability[index]![0]!, samples: options.samples };
}

/**
 * Limits that leave almost no weightings are found here, on this thread, with a small trial draw: so
 * they come back as a problem rather than as an error from inside a worker.
 */
function checkLimitsCanBeSampled(p: WeightingProblem, sections: SectionKey[], bounds: { min: number[]; max: number[] }): string | undefined {
  try {
    tally({ criteria: sections, bids: p.bids.slice(0, 1).map((b) => ({ id: b.bidId, values: sections.map(() => 0) })), samples: 1000, bounds, random: seededRandom(0) });
    return undefined;
  } catch (error) {
    if (error instanceof SmaaRangeError) return error.message;
    throw error;
  }
}

/**
 * The what-if page: the browser app (`app`, given as its HTML) opened on the DDPO's journey with this
 * analysis loaded. The data goes in a JSON script element the page reads and never runs; "<" is written
 * as \u003c so no name can end the element early.
 */
export function whatifPage(whatif: Whatif, appHtml: string): string {
  const marker = '<script type="module">';
  const at = appHtml.indexOf(marker);
  if (at < 0) throw new Error("the browser app's page has no script to put the what-if before");
  const data = whatifData(whatif).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
  return `${appHtml.slice(0, at)}<script type="application/json" id="tender-eval-data">${data}</script>\n${appHtml.slice(at)}`;
}

/** The Word briefing for the organisation the what-if is for; its charts drawn by the platform's `drawPicture`. */
export async function whatifBriefing(whatif: Whatif, options: DocumentOptions & { drawPicture: DrawPicture }): Promise<Outcome<Uint8Array>> {
  const input = whatifBriefingInput(whatif, options.date);
  if (input === undefined) return { ok: false, problems: [problem("whatif.no-organisation", { option: "--bid" }, {})] };
  return makeWhatifBriefing(options.template, input, options.drawPicture);
}

/** What the briefing is made from: also what a page shows as the briefing's words. Undefined without an organisation. */
export function whatifBriefingInput(whatif: Whatif, today: string): WhatifBriefingInput | undefined {
  if (whatif.organisationId === undefined) return undefined;
  return {
    title: whatif.documentTitle,
    organisationId: whatif.organisationId,
    basis: whatif.basis,
    problem: whatif.problem,
    sweeps: whatif.analysis.sweeps,
    smaa: whatif.analysis.chance,
    seed: whatif.seed,
    ...(whatif.weightRanges.length > 0 ? { weightRanges: whatif.weightRanges } : {}),
    uncertainScores: whatif.analysis.uncertain,
    ...(whatif.askFor ? { askFor: whatif.askFor } : {}),
    ...(whatif.improvements.length > 0 || whatif.priceToWin ? { improvements: { criteria: whatif.improvements, price: whatif.priceToWin } } : {}),
    today,
  };
}

