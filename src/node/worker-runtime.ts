import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { inThreadRuntime, runTask, type ParallelRuntime, type ParallelTask, type TaskResult } from "../workflows/runtime.js";
import { zlibInflateRaw } from "./zlib-inflate.js";

/** A task that failed inside a worker: a fault in tender-eval, not bad input (bad input comes back as data). */
export class WorkerTaskError extends Error {}

/**
 * Worker threads for Node: `threads` in all, counting this one, never more than there are tasks. This
 * thread takes tasks too, so it works while the workers start (a worker takes a good part of a second to
 * start on a busy machine) and no core sits idle waiting. Each worker is kept two tasks ahead, so it has
 * the next to hand while this thread is busy with one of its own; when no task is left to hand out, this
 * thread takes back those sent to a worker that it has not started (a worker that started late, or the
 * last ones of a run), so no thread waits while another has a queue. Each task is claimed once, in
 * memory both threads see, before it is run, so none runs twice. Where the compiled worker is not there
 * (running from the TypeScript sources, as the tests do) the tasks run on this thread instead: the results
 * are the same either way, as every task carries everything it needs. Workbooks are unpacked with Node's zlib.
 */
export function workerThreadRuntime(threads = availableParallelism()): ParallelRuntime {
  const workerFile = fileURLToPath(new URL("./task-worker.js", import.meta.url));
  return {
    inflateRaw: zlibInflateRaw,
    async runInParallel<T extends ParallelTask>(tasks: readonly T[]): Promise<TaskResult<T>[]> {
      const size = Math.min(tasks.length, threads);
      if (size < 2 || !existsSync(workerFile)) return inThreadRuntime.runInParallel(tasks);
      const results: TaskResult<T>[] = new Array(tasks.length);
      const claims = new Int32Array(new SharedArrayBuffer(4 * tasks.length));
      /** Tasks sent to a worker and not yet answered, oldest first: the newest are the likeliest not started. */
      const queued: number[] = [];
      let next = 0;
      let failed = false;
      const workers = Array.from({ length: size - 1 }, () => new Worker(workerFile, { workerData: { claims } satisfies TaskWorkerData }));
      const onWorker = (worker: Worker) =>
        new Promise<void>((resolve, reject) => {
          let sent = 0;
          const take = () => {
            while (sent < 2 && next < tasks.length && !failed) {
              const id = next++;
              sent++;
              queued.push(id);
              worker.postMessage({ id, task: tasks[id] });
            }
            if (sent === 0) resolve();
          };
          worker.on("message", (m: { id: number; result?: TaskResult<T>; error?: string; skipped?: true }) => {
            sent--;
            queued.splice(queued.indexOf(m.id), 1);
            if (m.error !== undefined) {
              failed = true;
              return reject(new WorkerTaskError(m.error));
            }
            if (!m.skipped) results[m.id] = m.result!;
            take();
          });
          worker.on("error", (error) => {
            failed = true;
            reject(error);
          });
          take();
        });
      const onThisThread = async () => {
        while (!failed) {
          let id = next < tasks.length ? next++ : undefined;
          // Nothing left to hand out: take back the newest task a worker has not started.
          for (let q = queued.length - 1; id === undefined && q >= 0; q--) if (Atomics.load(claims, queued[q]!) === 0) id = queued[q]!;
          if (id === undefined) return;
          if (Atomics.compareExchange(claims, id, 0, CLAIMED_HERE) !== 0) continue;
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

/** What each worker is started with: the task claims, one per task (0 unclaimed; see task-worker.ts). */
export interface TaskWorkerData {
  claims: Int32Array;
}
const CLAIMED_HERE = 2;
