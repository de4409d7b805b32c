import type { TenderBids } from "../model/bids.js";
import { lotModel, type Lot, type LotAward } from "../model/lots.js";
import { problem, type Outcome, type Problem } from "../problems/problem.js";
import { scoreLots, type LotAwardResult, type LotsResult } from "../scoring/lots.js";
import type { NamedFile } from "./files.js";
import { problemsJson } from "../presentation/json.js";
import { headerOf, weightUnits } from "../presentation/output-schemas/header.js";
import { TOOL_VERSION } from "../version.js";
import { resultsDocument } from "./results-document.js";
import { loadTender, locate, locateScoringProblems, nothingScored, scoreLoadedTender, withReturnedSheets, type LoadedTender, type ScoreOptions, type ScoredTender, type TenderFiles } from "./tender.js";

/** One lot of a tender in lots, beside its scored bids: the lot, how it was awarded, and the rule it was awarded under. */
export interface LotOfTender extends Lot {
  award: LotAwardResult;
  rule: LotAward;
  /** Lot ids in the order the lots were awarded. */
  awardOrder: string[];
}

export interface ScoredLots {
  tender: LoadedTender & { bids: TenderBids };
  result: LotsResult;
  /**
   * Each lot as a scored tender of its own (its bids, its results, its award), for the sheets and
   * documents that already take one scored tender; absent for a lot nobody bid for.
   */
  lots: { lot: Lot; scored?: ScoredTender }[];
  inputs: ScoredTender["inputs"];
  problems: Problem[];
}

/** Score a tender in lots from its files: every lot scored and ranked on its own, then awarded under the published rule. */
export async function scoreTenderLots(files: TenderFiles, options: ScoreOptions = {}): Promise<Outcome<ScoredLots>> {
  const loaded = await loadTender(files);
  if (!loaded.ok) return loaded;
  const scored = await scoreLoadedLots(loaded.value, files.sheets, options);
  return scored.ok ? { ...scored, problems: [...loaded.problems, ...scored.problems] } : { ok: false, problems: [...loaded.problems, ...scored.problems] };
}

/** Score a loaded tender in lots, with the returned workbooks if there are any (read once for every lot). */
export async function scoreLoadedLots(tender: LoadedTender, sheets: readonly NamedFile[] | undefined, options: ScoreOptions = {}): Promise<Outcome<ScoredLots>> {
  if (tender.bids === undefined) return { ok: false, problems: [problem("input.no-bids", { document: "bids" }, {})] };
  if (sheets === undefined && nothingScored(tender.bids)) {
    return { ok: false, problems: locate([problem("tender.nothing-to-score", { document: "bids" }, {})], tender) };
  }
  const merged = await withReturnedSheets({ ...tender, bids: tender.bids }, sheets, options);
  if (!merged.ok) return merged;
  const { bids, inputs, problems } = merged.value;
  const scored = scoreLots({ specification: tender.specification, model: tender.model, bids }, { allowIncomplete: options.allowIncomplete ?? false });
  problems.push(...locateScoringProblems(scored.problems, tender, sheets, merged.value.scoredIn));
  if (!scored.ok) return { ok: false, problems };
  const whole = { ...tender, bids };
  const lots = scored.value.lots.map(({ lot, result, award }) => {
    if (result === undefined) return { lot };
    const ids = new Set(result.bids.map((b) => b.bidId));
    const inFile = { bids: [] as number[], moderation: [] as number[] };
    bids.bids.forEach((b, i) => ids.has(b.id) && inFile.bids.push(i));
    bids.moderation.forEach((m, i) => ids.has(m.bid) && inFile.moderation.push(i));
    const lotBids: TenderBids = { ...bids, bids: inFile.bids.map((i) => bids.bids[i]!), moderation: inFile.moderation.map((i) => bids.moderation[i]!) };
    // Warnings about another lot's bids are that lot's.
    const own = problems.filter((p) => !("bid" in p.args) || ids.has((p.args as { bid: string }).bid));
    const lotOfTender: LotOfTender = { ...lot, award, rule: scored.value.rule, awardOrder: scored.value.awardOrder };
    // The lot's documents and sheets state the weights it was scored under: its own, if it publishes them.
    return { lot, scored: { tender: { ...whole, model: lotModel(whole.model, lot), bids: lotBids, inFile }, result, inputs, problems: own, lot: lotOfTender } };
  });
  return { ok: true, value: { tender: whole, result: scored.value, lots, inputs, problems }, problems };
}

/**
 * One lot of a tender in lots, as a scored tender the existing sheets and documents take, named by
 * `options.lot`. The whole tender is scored (the award of one lot can depend on the others under a limit
 * on lots per bidder), and the lot's part returned.
 */
export async function scoreOneLot(tender: LoadedTender, sheets: readonly NamedFile[] | undefined, options: ScoreOptions): Promise<Outcome<ScoredTender>> {
  const known = tender.specification.lots.map((l) => l.id);
  if (options.lot === undefined || !known.includes(options.lot)) {
    return { ok: false, problems: [problem("lots.choose-lot", { option: "--lot" }, { lot: options.lot ?? "", known: known.join(", ") })] };
  }
  const all = await scoreLoadedLots(tender, sheets, options);
  if (!all.ok) return all;
  const chosen = all.value.lots.find((l) => l.lot.id === options.lot)!;
  if (chosen.scored === undefined) return { ok: false, problems: [...all.problems.filter((p) => p.severity === "error"), problem("lots.no-bids", { option: "--lot" }, { lot: chosen.lot.id })] };
  return { ok: true, value: chosen.scored, problems: chosen.scored.problems };
}

/**
 * Score a tender, in lots or not: a tender in lots (and no `options.lot`) is scored lot by lot and
 * awarded; any other tender, or one lot named by `options.lot`, is scored as before.
 */
export async function scoreTenderOrLots(files: TenderFiles, options: ScoreOptions = {}): Promise<Outcome<{ kind: "tender"; scored: ScoredTender } | { kind: "lots"; scored: ScoredLots }>> {
  const loaded = await loadTender(files, options.runtime);
  if (!loaded.ok) return loaded;
  const inLots = loaded.value.specification.lots.length > 0 && options.lot === undefined;
  const scored = inLots ? await scoreLoadedLots(loaded.value, files.sheets, options) : await scoreLoadedTender(loaded.value, files.sheets, options);
  if (!scored.ok) return { ok: false, problems: [...loaded.problems, ...scored.problems] };
  const problems = [...loaded.problems, ...scored.problems];
  return { ok: true, value: inLots ? { kind: "lots", scored: scored.value as ScoredLots } : { kind: "tender", scored: scored.value as ScoredTender }, problems };
}

/** The results of a tender in lots as JSON for programs: each lot's results as `score` gives them for one tender, its award, and the rule. */
export function lotsResultsDocument(scored: ScoredLots) {
  const perLot = scored.lots.map(({ lot, scored: lotScored }) => ({ lot, document: lotScored === undefined ? undefined : resultsDocument(lotScored) }));
  const first = perLot.find((l) => l.document !== undefined)?.document;
  return {
    ...headerOf("lots-results"),
    tool: { name: "tender-eval", version: TOOL_VERSION },
    units: weightUnits,
    ...(first !== undefined ? { roundingNote: first.roundingNote } : {}),
    inputs: scored.inputs,
    warnings: problemsJson(scored.problems),
    award: { rule: scored.result.rule, awardOrder: scored.result.awardOrder },
    lots: scored.result.lots.map(({ lot, award }, i) => ({ lot, award, ...(perLot[i]!.document !== undefined ? { result: perLot[i]!.document!.result } : {}) })),
  };
}
