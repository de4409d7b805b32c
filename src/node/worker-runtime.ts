import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { inThreadRuntime, runTask, type ParallelRuntime, type ParallelTask, type TaskResult } from "../workflows/runtime.js";
import { nodeSha256Hex } from "./native-hash.js";
import { zlibInflateRaw } from "./zlib-inflate.js";

/** A task that failed inside a worker: a fault in tender-eval, not bad input (bad input comes back as data). */
export class WorkerTaskError extends Error {}

/**
 * Worker threads for Node: `threads` in all, counting this one, never more than there are tasks. This
 * thread takes tasks too, so it works while the workers start (a worker takes a good part of a second to
 * start on a busy machine) and no core sits idle waiting. Each worker is kept two tasks ahead, so it has
 * the next to hand while this thread is busy with one of its own. Where the compiled worker is not there
 * (running from the TypeScript sources, as the tests do) the tasks run on this thread instead: the results
 * are the same either way, as every task carries everything it needs. Workbooks are unpacked with Node's zlib, and hashed with its crypto.
 */
export function workerThreadRuntime(threads = availableParallelism()): ParallelRuntime {
  const workerFile = fileURLToPath(new URL("./task-worker.js", import.meta.url));
  return {
    inflateRaw: zlibInflateRaw,
    sha256Hex: nodeSha256Hex,
    async runInParallel<T extends ParallelTask>(tasks: readonly T[]): Promise<TaskResult<T>[]> {
      const size = Math.min(tasks.length, threads);
      if (size < 2 || !existsSync(workerFile)) return inThreadRuntime.runInParallel(tasks);
      const results: TaskResult<T>[] = new Array(tasks.length);
      let next = 0;
      let failed = false;
      const workers = Array.from({ length: size - 1 }, () => new Worker(workerFile));
      const onWorker = (worker: Worker) =>
        new Promise<void>((resolve, reject) => {
          let sent = 0;
          const take = () => {
            while (sent < 2 && next < tasks.length && !failed) {
              const id = next++;
              sent++;
              worker.postMessage({ id, task: tasks[id] });
            }
            if (sent === 0) resolve();
          };
          worker.on("message", (m: { id: number; result?: TaskResult<T>; error?: string }) => {
            sent--;
            if (m.error !== undefined) {
              failed = true;
              return reject(new WorkerTaskError(m.error));
            }
            results[m.id] = m.result!;
            take();
          });
          worker.on("error", (error) => {
            failed = true;
            reject(error);
          });
          take();
        });
      const onThisThread = async () => {
        while (next < tasks.length && !failed) {
          const id = next++;
          results[id] = await runTask(tasks[id]!);
          // Let the workers' answers in, so they are handed their next tasks.
          await new Promise((resolve) => setImmediate(resolve));
        }
      };
      try {
        await Promise.all([...workers.map(onWorker), onThisThread()]);
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        await Promise.all(workers.map((w) => w.terminate()));
      }
      return results;
    },
  };
}
