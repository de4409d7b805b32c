import type { Parsed } from "../model/parse.js";
import { problem, type Location, type Outcome, type Problem } from "../problems/problem.js";
import { effectiveWeights, type EffectiveWeight } from "../review/checks/outcome.js";
import type { ReviewFlag } from "../problems/problem.js";
import { parseReviewPolicy } from "../review/parse-policy.js";
import type { ReviewPolicy } from "../review/policy.js";
import { reviewTender } from "../review/review-tender.js";
import { textOf, type NamedFile } from "./files.js";
import { locateProblems } from "../model/parse-document.js";
import { parseScoringModel } from "../model/parse.js";
import { loadTender, locate, nothingScored, scoreLoadedTender, type LoadedTender, type ScoreOptions, type ScoredTender, type TenderFiles } from "./tender.js";

/** Parse a review policy file (the bundled UK policy, or an authority's own). */
export function loadPolicy(file: NamedFile): Outcome<Parsed<ReviewPolicy>> {
  const text = textOf(file);
  return text.ok ? parseReviewPolicy(text.text, file.name) : { ok: false, problems: [text.problem] };
}

export interface WeightingReview {
  policy: { id: string; title: string };
  /** Most severe first, located in the tender's files. */
  flags: ReviewFlag[];
  /** Each section's share of the differences between ranked bids (with scored bids only). */
  effectiveWeights: EffectiveWeight[];
  /** Problems in the model or process that stopped the review (errors) or qualify it (warnings). */
  problems: Problem[];
}

/**
 * Review the weighting of a tender: the model and the process, and with a scored tender what the arithmetic
 * did to the outcome. It takes the scored result as it is; it never scores again.
 */
export function reviewWeighting(input: { tender: LoadedTender; scored?: ScoredTender | undefined; policy: ReviewPolicy }): WeightingReview {
  const { tender, scored, policy } = input;
  const review = reviewTender({
    specification: tender.specification,
    model: tender.model,
    policy,
    scored: scored ? { bids: scored.tender.bids, result: scored.result } : undefined,
  });
  // A lot with its own weights: a flag about a section's weight points at the lot's weight, not the model's.
  const lot = scored?.lot;
  const lotIndex = lot?.weights !== undefined ? tender.specification.lots.findIndex((l) => l.id === lot.id) : -1;
  const flags = lotIndex < 0 ? review.flags : review.flags.map((f) => atLotWeight(f, lotIndex));
  return {
    policy: { id: policy.id, title: policy.title },
    flags: locate(flags, tender),
    effectiveWeights: scored ? effectiveWeights(scored.result) : [],
    problems: locate(review.problems, tender),
  };
}

function atLotWeight<T extends { location: Location }>(finding: T, lotIndex: number): T {
  const path = finding.location.path;
  if (finding.location.document !== "model" || path?.length !== 3 || path[0] !== "sections" || path[2] !== "weight") return finding;
  return { ...finding, location: { document: "specification", path: ["lots", lotIndex, "weights", path[1]!] } };
}

/**
 * Review a tender from its files: the model and process, and, when there are bids (or returned sheets),
 * the outcome of scoring them once.
 */
export async function reviewTenderFiles(files: TenderFiles, policyFile: NamedFile, options: ScoreOptions = {}): Promise<Outcome<WeightingReview & { scored?: ScoredTender }>> {
  const policy = loadPolicy(policyFile);
  const loaded = await loadTender(files);
  if (!policy.ok || !loaded.ok) return { ok: false, problems: [...(policy.ok ? [] : policy.problems), ...(loaded.ok ? [] : loaded.problems)] };
  // Before the score sheets come back there is nothing to score: the review covers the model and process.
  const bids = loaded.value.bids;
  const notScoredYet = bids !== undefined && files.sheets === undefined && nothingScored(bids);
  // A tender in lots has an outcome per lot: without --lot, the review covers the model and the process.
  const lots = loaded.value.specification.lots;
  const lotToChoose = bids !== undefined && !notScoredYet && lots.length > 0 && options.lot === undefined;
  const scored = bids !== undefined && !notScoredYet && !lotToChoose ? await scoreLoadedTender(loaded.value, files.sheets, options) : undefined;
  if (scored !== undefined && !scored.ok) return scored;
  // One lot's review is of its own bids, located in the whole bids file.
  const tender = scored?.value.lot !== undefined ? scored.value.tender : loaded.value;
  const review = reviewWeighting({ tender, scored: scored?.value, policy: policy.value.data });
  const notes = notScoredYet
    ? locate([problem("tender.not-scored-yet", { document: "bids" }, {}, "advice")], loaded.value)
    : lotToChoose
      ? [problem("lots.choose-lot", { option: "--lot" }, { lot: "", known: lots.map((l) => l.id).join(", ") }, "advice")]
      : [];
  const problems = [...loaded.problems, ...(scored?.value.problems ?? []), ...review.problems, ...notes];
  if (problems.some((p) => p.severity === "error")) return { ok: false, problems };
  return { ok: true, value: { ...review, problems, ...(scored ? { scored: scored.value } : {}) }, problems };
}

/**
 * Review a scoring model on its own, before there is a specification: the checks that need only the model.
 * Those that need the specification are listed in `reviewedWithoutSpecification` for the caller to say so.
 */
export function reviewModelFile(modelFile: NamedFile, policyFile: NamedFile): Outcome<WeightingReview> {
  const policy = loadPolicy(policyFile);
  const text = textOf(modelFile);
  const model = text.ok ? parseScoringModel(text.text, modelFile.name) : ({ ok: false, problems: [text.problem] } as const);
  if (!policy.ok || !model.ok) return { ok: false, problems: [...(policy.ok ? [] : policy.problems), ...(model.ok ? [] : model.problems)] };
  const review = reviewTender({ model: model.value.data, policy: policy.value.data });
  const sources = [model.value.source];
  const problems = locateProblems(review.problems, sources);
  if (problems.some((p) => p.severity === "error")) return { ok: false, problems };
  const value: WeightingReview = { policy: { id: policy.value.data.id, title: policy.value.data.title }, flags: locateProblems(review.flags, sources), effectiveWeights: [], problems };
  return { ok: true, value, problems };
}
