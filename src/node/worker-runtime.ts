import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { inThreadRuntime, type ParallelRuntime, type ParallelTask, type TaskResult } from "../workflows/runtime.js";
import { zlibInflateRaw } from "./zlib-inflate.js";

/** A task that failed inside a worker: a fault in tender-eval, not bad input (bad input comes back as data). */
export class WorkerTaskError extends Error {}

/**
 * Worker threads for Node: up to one per core (never more than there are tasks), each taking the next task
 * as it finishes one. Where the compiled worker is not there (running from the TypeScript sources, as the
 * tests do) the tasks run on this thread instead: the results are the same either way. Workbooks are
 * unpacked with Node's zlib.
 */
export function workerThreadRuntime(threads = availableParallelism()): ParallelRuntime {
  const workerFile = fileURLToPath(new URL("./task-worker.js", import.meta.url));
  return {
    inflateRaw: zlibInflateRaw,
    async runInParallel<T extends ParallelTask>(tasks: readonly T[]): Promise<TaskResult<T>[]> {
      const size = Math.min(tasks.length, threads);
      if (size < 2 || !existsSync(workerFile)) return inThreadRuntime.runInParallel(tasks);
      const results: TaskResult<T>[] = new Array(tasks.length);
      let next = 0;
      const workers = Array.from({ length: size }, () => new Worker(workerFile));
      try {
        await Promise.all(
          workers.map(
            (worker) =>
              new Promise<void>((resolve, reject) => {
                const take = () => {
                  if (next >= tasks.length) return resolve();
                  const id = next++;
                  worker.postMessage({ id, task: tasks[id] });
                };
                worker.on("message", (m: { id: number; result?: TaskResult<T>; error?: string }) => {
                  if (m.error !== undefined) return reject(new WorkerTaskError(m.error));
                  results[m.id] = m.result!;
                  take();
                });
                worker.on("error", reject);
                take();
              }),
          ),
        );
      } finally {
        await Promise.all(workers.map((w) => w.terminate()));
      }
      return results;
    },
  };
}
