import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { seededRandom } from "./random.js";
import { summarise, tally, type SmaaInput, type SmaaResult, type SmaaTally } from "./smaa.js";

/**
 * SMAA-2 with the samples split into chunks run on separate cores. Chunk c uses the generator seeded
 * with seed + c, and the chunking depends only on the sample count and `chunks` (a fixed default, not the
 * number of cores), so a run is repeatable from (seed, samples, chunks) on any machine. Where the compiled worker is not available
 * (running from TypeScript sources) the same chunks run on this thread, giving the same result.
 */
export const DEFAULT_CHUNKS = 2;

export async function smaaInParallel(input: Omit<SmaaInput, "random">, seed: number, chunks = DEFAULT_CHUNKS): Promise<SmaaResult & { chunks: number }> {
  const sizes = Array.from({ length: chunks }, (_, c) => Math.floor(input.samples / chunks) + (c < input.samples % chunks ? 1 : 0)).filter((n) => n > 0);
  const jobs = sizes.map((samples, c) => ({ ...input, samples, seed: seed + c }));
  const workerFile = fileURLToPath(new URL("./smaa-worker.js", import.meta.url));
  let tallies: SmaaTally[];
  if (jobs.length < 2 || availableParallelism() < 2 || !existsSync(workerFile)) {
    tallies = jobs.map(({ seed: s, ...job }) => tally({ ...job, random: seededRandom(s) }));
  } else {
    tallies = await Promise.all(
      jobs.map(
        (job) =>
          new Promise<SmaaTally>((resolve, reject) => {
            const worker = new Worker(workerFile);
            worker.once("message", (t: SmaaTally) => {
              resolve(t);
              void worker.terminate();
            });
            worker.once("error", reject);
            worker.postMessage(job);
          }),
      ),
    );
  }
  return { ...summarise(tallies), chunks: sizes.length };
}
