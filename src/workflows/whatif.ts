import { makeWhatifBriefing } from "../documents/make-documents.js";
import { WhatifProfiles } from "../model/whatif-profiles.js";
import { parseScoringModel, type Parsed } from "../model/parse.js";
import { locateProblems, parseInputDocument } from "../model/parse-document.js";
import type { SectionKey } from "../model/scoring-model.js";
import { problem, type Outcome, type Problem } from "../problems/problem.js";
import { analyseWeighting, type WeightingAnalysis } from "../sensitivity/analyse-weighting.js";
import { improvementsFromProfiles } from "../sensitivity/profile-improvements.js";
import { problemFromProfiles } from "../sensitivity/profiles.js";
import { improvementsToWin, priceToWin, type CriterionImprovement, type PriceImprovement } from "../sensitivity/improvement.js";
import type { SmaaChunk } from "../sensitivity/smaa-chunks.js";
import { SmaaRangeError, tally } from "../sensitivity/smaa.js";
import { seededRandom } from "../sensitivity/random.js";
import { describeWeightRanges, mergeWeightRanges, weightBounds, weightRangesOf, type WeightRange } from "../sensitivity/weight-ranges.js";
import { problemFromResult, type WeightingProblem } from "../sensitivity/weight-sweep.js";
import { whatifPage as renderWhatifPage } from "../presentation/whatif-page.js";
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
export interface Whatif {
  /** What the analysis is of, e.g. the tender's title or the model with the profiles. */
  title: string;
  /** The tender or model alone, for the briefing's title. */
  documentTitle: string;
  basis: "tender" | "profiles";
  organisationId?: string;
  problem: WeightingProblem;
  analysis: WeightingAnalysis;
  seed: number;
  weightRanges: WeightRange[];
  /** Which inputs the limits came from, to say so. */
  weightRangeSources: string[];
  bounds: { min: number[]; max: number[] } | undefined;
  improvements: CriterionImprovement[];
  priceToWin: PriceImprovement | undefined;
}

/** What-if for a scored tender: how the weighting moves each bid's total and rank. */
export async function whatifForTender(scored: ScoredTender, options: WhatifOptions = {}): Promise<Outcome<Whatif>> {
  const { result, tender } = scored;
  if (options.bid !== undefined && !result.bids.some((b) => b.bidId === options.bid)) {
    return { ok: false, problems: [problem("whatif.unknown-bid", { option: "--bid" }, { bid: options.bid, known: result.bids.map((b) => b.bidId).join(", ") })] };
  }
  const bid = options.bid;
  return analyse(problemFromResult(result), options, {
    // One lot of a tender in lots is analysed on its own bids: its title says which.
    title: result.lot === undefined ? result.tender.title : `${result.tender.title} – Lot ${result.lot.id}: ${result.lot.title}`,
    documentTitle: result.lot === undefined ? result.tender.title : `${result.tender.title} – Lot ${result.lot.id}: ${result.lot.title}`,
    basis: "tender",
    organisationId: bid,
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
  const built = problemFromProfiles(model.value.data, profiles.value.data);
  if (!built.ok) return { ok: false, problems: locateProblems(built.problems, [profiles.value.source, model.value.source]) };
  const { criteria, price } = improvementsFromProfiles(model.value.data, profiles.value.data);
  const competitors = profiles.value.data.competitors.length;
  return analyse(built.value, options, {
    title: `${model.value.data.title}, with ${profiles.value.data.organisation.name} and ${competitors} competitor profile${competitors === 1 ? "" : "s"}`,
    documentTitle: model.value.data.title,
    basis: "profiles",
    organisationId: "organisation",
    profileRanges: weightRangesOf(profiles.value.data),
    profilesName: files.profiles.name,
    improvements: criteria,
    priceToWin: price,
  });
}

async function analyse(
  problemToAnalyse: WeightingProblem,
  options: WhatifOptions,
  about: Pick<Whatif, "title" | "documentTitle" | "basis" | "improvements" | "priceToWin"> & { organisationId: string | undefined; profileRanges: WeightRange[]; profilesName?: string },
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
    const limits = `${describeWeightRanges(weightRanges, sections)}, from ${weightRangeSources.join(" and ")}`;
    return { ok: false, problems: [problem("whatif.weight-limits-too-narrow", where, { limits, detail: tooNarrow })] };
  }
  const runChunks = (chunks: readonly SmaaChunk[]) => runtime.runInParallel(chunks.map((c) => ({ kind: "smaa-chunk" as const, ...c })));
  const analysis = await analyseWeighting(problemToAnalyse, { samples, seed, bounds }, runChunks);
  const whatif: Whatif = {
    title: about.title,
    documentTitle: about.documentTitle,
    basis: about.basis,
    problem: problemToAnalyse,
    analysis,
    seed,
    weightRanges,
    weightRangeSources,
    bounds,
    improvements: about.improvements,
    priceToWin: about.priceToWin,
  };
  if (about.organisationId !== undefined) whatif.organisationId = about.organisationId;
  return { ok: true, value: whatif, problems: [] };
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

/** The interactive what-if page: one self-contained HTML file that needs no network. */
export function whatifPage(whatif: Whatif): string {
  return renderWhatifPage({
    title: whatif.title,
    problem: whatif.problem,
    sweeps: whatif.analysis.sweeps,
    smaa: whatif.analysis.chance,
    seed: whatif.seed,
    weightRanges: whatif.weightRanges,
    uncertainScores: whatif.analysis.uncertain,
    ...(whatif.organisationId ? { highlight: whatif.organisationId } : {}),
  });
}

/** The Word briefing for the organisation the what-if is for. */
export function whatifBriefing(whatif: Whatif, options: DocumentOptions): Outcome<Uint8Array> {
  if (whatif.organisationId === undefined) return { ok: false, problems: [problem("whatif.no-organisation", { option: "--bid" }, {})] };
  return makeWhatifBriefing(options.template, {
    title: whatif.documentTitle,
    organisationId: whatif.organisationId,
    basis: whatif.basis,
    problem: whatif.problem,
    sweeps: whatif.analysis.sweeps,
    smaa: whatif.analysis.chance,
    seed: whatif.seed,
    ...(whatif.weightRanges.length > 0 ? { weightRanges: whatif.weightRanges } : {}),
    uncertainScores: whatif.analysis.uncertain,
    ...(whatif.improvements.length > 0 || whatif.priceToWin ? { improvements: { criteria: whatif.improvements, price: whatif.priceToWin } } : {}),
    today: options.date,
  });
}

