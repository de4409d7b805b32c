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
 * Samples per chunk. The chunks depend only on the sample count and this fixed size, never on the number
 * of cores, and chunk c uses the generator seeded with seed + c, so a run is repeatable from (seed,
 * samples) on any machine and whichever runner ran it, while a machine with more cores runs more chunks at
 * once. 50,000 keeps the default 100,000 samples the two chunks of seeds seed and seed + 1 they always were,
 * so published figures stand; a million samples are twenty chunks, enough to keep every core busy.
 */
export const CHUNK_SAMPLES = 50_000;

/** One chunk's tallies, from its own seeded generator, wherever it runs. */
export const runChunk = (chunk: SmaaChunk): SmaaTally => tally({ ...chunk.input, random: seededRandom(chunk.seed) });

export const runChunksHere: SmaaChunkRunner = async (chunks) => chunks.map(runChunk);

export async function smaaInChunks(
  input: Omit<SmaaInput, "random">,
  seed: number,
  run: SmaaChunkRunner = runChunksHere,
  chunkSamples = CHUNK_SAMPLES,
): Promise<SmaaResult & { chunks: number }> {
  const count = Math.ceil(input.samples / chunkSamples);
  const sizes = Array.from({ length: count }, (_, c) => Math.min(chunkSamples, input.samples - c * chunkSamples));
  const tallies = await run(sizes.map((samples, c) => ({ input: { ...input, samples }, seed: seed + c })));
  return { ...summarise(tallies), chunks: sizes.length };
}
