import type { Problem, ReviewFlag } from "../problems/problem.js";
import { flagToJson, problemsJson } from "../presentation/json.js";
import { headerOf, weightUnits } from "../presentation/output-schemas/header.js";
import type { WeightingReview } from "./review.js";
import type { Whatif } from "./whatif.js";

/**
 * The JSON documents commands print with --json, built here so the CLI and any program get the same shape;
 * each is described by a schema in src/presentation/output-schemas and published in schemas/output-*.
 * Exact numbers are still `Exact` here: `stringifyJson` writes them as `{ value, exact }`.
 */

/** What `review --json` prints. `flags` and `problems` come in as they are to be shown (located in the files as named). */
export function reviewOutput(review: Pick<WeightingReview, "policy"> & Partial<Pick<WeightingReview, "effectiveWeights">>, shown: { ok: boolean; flags: readonly ReviewFlag[]; problems: readonly Problem[]; notChecked?: readonly string[] }) {
  return {
    ...headerOf("review"),
    units: weightUnits,
    ok: shown.ok,
    policy: review.policy,
    flags: shown.flags.map(flagToJson),
    ...(review.effectiveWeights !== undefined ? { effectiveWeights: review.effectiveWeights } : {}),
    ...(shown.notChecked !== undefined ? { notChecked: shown.notChecked } : {}),
    problems: problemsJson(shown.problems),
  };
}

/** What `validate --json` prints. */
export function validateOutput(checked: { ok: boolean; files: readonly string[]; stage?: string | undefined; problems: readonly Problem[] }) {
  return { ...headerOf("validate"), ok: checked.ok, files: checked.files, ...(checked.stage === undefined ? {} : { stage: checked.stage }), problems: problemsJson(checked.problems) };
}

/**
 * What `whatif --json` prints. Every bid is keyed by its id; weights are in percent throughout (the exact
 * sweeps and the sampled typical weights alike), as `units` says.
 */
export function whatifOutput(whatif: Whatif, written: readonly string[]) {
  const { analysis } = whatif;
  return {
    ...headerOf("whatif"),
    units: weightUnits,
    basis: whatif.basis,
    organisationBidId: whatif.organisationId ?? null,
    sections: analysis.sections,
    sweeps: analysis.sweeps,
    smaa: smaaOutput(whatif),
    improvements: whatif.improvements,
    priceToWin: whatif.priceToWin ?? null,
    written,
  };
}

/**
 * The chance of each rank, keyed by bid id rather than rows in some order: every bid of the tender, the
 * excluded ones too (with no chances, since they cannot win at any weight), so no bid silently vanishes.
 */
function smaaOutput(whatif: Whatif) {
  const { chance, sections, shares } = whatif.analysis;
  const name = new Map(whatif.problem.bids.map((b) => [b.bidId, b.bidder]));
  const analysed = shares.map((s, i) => {
    const central = chance.centralWeights[i];
    return [
      s.id,
      {
        bidder: name.get(s.id) ?? s.id,
        status: "analysed" as const,
        rankAcceptability: chance.rankAcceptability[i]!,
        typicalWeightsWhenFirst: central ? Object.fromEntries(sections.map((section, k) => [section, central[k]! * 100])) : null,
      },
    ] as const;
  });
  const excluded = whatif.excluded.map((b) => [b.bidId, { bidder: b.bidder, status: "excluded" as const, rankAcceptability: null, typicalWeightsWhenFirst: null }] as const);
  return {
    seed: whatif.seed,
    samples: chance.samples,
    drawn: chance.drawn,
    chunks: chance.chunks,
    weightLimits: Object.fromEntries(whatif.weightRanges.map((r) => [r.section, { low: r.low, high: r.high }])),
    bids: Object.fromEntries([...analysed, ...excluded]),
  };
}
