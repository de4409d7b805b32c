import type { SectionKey } from "../model/scoring-model.js";
import { smaaInChunks, type SmaaChunkRunner } from "./smaa-chunks.js";
import type { SmaaInput, SmaaResult } from "./smaa.js";
import { sweepWeight, type WeightSweep, type WeightingProblem } from "./weight-sweep.js";

export interface WeightingAnalysis {
  sections: SectionKey[];
  /** One exact sweep per section. */
  sweeps: WeightSweep[];
  /** Each bid's shares as SMAA takes them (with ranges where a score is uncertain). */
  shares: SmaaInput["bids"];
  /** Whether any score was given as a range. */
  uncertain: boolean;
  chance: SmaaResult & { chunks: number };
}

/**
 * Everything `whatif` reports about a weighting problem: the exact sweep of every section's weight,
 * and the chance of each rank (SMAA-2, seeded, in parallel) within the allowed weight ranges.
 */
export async function analyseWeighting(
  problem: WeightingProblem,
  options: { samples: number; seed: number; bounds?: { min: number[]; max: number[] } | undefined },
  runChunks?: SmaaChunkRunner,
): Promise<WeightingAnalysis> {
  const sections = [...problem.weights.keys()];
  const sweeps = sections.map((s) => sweepWeight(problem, s));
  const share = (b: WeightingProblem["bids"][number], s: SectionKey) => b.shares.get(s)?.valueOf() ?? 0;
  const shares = problem.bids.map((b) => ({
    id: b.bidId,
    values: sections.map((s) => share(b, s)),
    ...(b.ranges
      ? {
          low: sections.map((s) => b.ranges!.get(s)?.[0].valueOf() ?? share(b, s)),
          high: sections.map((s) => b.ranges!.get(s)?.[1].valueOf() ?? share(b, s)),
        }
      : {}),
  }));
  const chance = await smaaInChunks({ criteria: sections, bids: shares, samples: options.samples, ...(options.bounds ? { bounds: options.bounds } : {}) }, options.seed, runChunks);
  return { sections, sweeps, shares, uncertain: problem.bids.some((b) => b.ranges), chance };
}
