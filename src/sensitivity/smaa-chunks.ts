import { seededRandom } from "./random.js";
import { summarise, tally, type SmaaInput, type SmaaResult, type SmaaTally } from "./smaa.js";

/** One chunk of SMAA samples with the seed of its own generator: plain data, so it can run on any thread. */
export interface SmaaChunk {
  input: Omit<SmaaInput, "random">;
  seed: number;
}

/** Runs chunks wherever the caller chooses (worker threads, Web Workers, this thread) and returns their tallies in order. */
export type SmaaChunkRunner = (chunks: readonly SmaaChunk[]) => Promise<SmaaTally[]>;

/**
 * The chunking depends only on the sample count and `chunks` (a fixed default, not the number of cores),
 * and chunk c uses the generator seeded with seed + c, so a run is repeatable from (seed, samples, chunks)
 * on any machine and whichever runner ran it.
 */
export const DEFAULT_CHUNKS = 2;

export const runChunksHere: SmaaChunkRunner = async (chunks) => chunks.map((c) => tally({ ...c.input, random: seededRandom(c.seed) }));

export async function smaaInChunks(input: Omit<SmaaInput, "random">, seed: number, run: SmaaChunkRunner = runChunksHere, chunks = DEFAULT_CHUNKS): Promise<SmaaResult & { chunks: number }> {
  const sizes = Array.from({ length: chunks }, (_, c) => Math.floor(input.samples / chunks) + (c < input.samples % chunks ? 1 : 0)).filter((n) => n > 0);
  const tallies = await run(sizes.map((samples, c) => ({ input: { ...input, samples }, seed: seed + c })));
  return { ...summarise(tallies), chunks: sizes.length };
}
