import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { inThreadRuntime, runTask, type ParallelRuntime, type ParallelTask, type TaskResult } from "../workflows/runtime.js";
import { nodeSha256Hex } from "./native-hash.js";
import { zlibDeflater } from "./zlib-deflate.js";
import { zlibInflateRaw, zlibInflateRawAsync } from "./zlib-inflate.js";

/** A task that failed inside a worker: a fault in tender-eval, not bad input (bad input comes back as data). */
export class WorkerTaskError extends Error {}

/**
 * Worker threads for Node: `threads` in all, counting this one, never more than half the tasks. This
 * thread takes tasks too, so it works while the workers start (a worker takes a good part of a second to
 * start on a busy machine) and no core sits idle waiting. Each worker is kept two tasks ahead, so it has
 * the next to hand while this thread is busy with one of its own. When no task is left to hand out, this
 * thread takes back those sent to a worker that it has not started (a worker that started late, or the
 * last ones of a run), and then runs again any that a worker is still on as its first task: a worker's
 * first task is slow (the engine has compiled nothing yet on that thread, and a workbook's first loads
 * the reader), so this thread, warm, may well finish it first; whichever answer comes first is taken, and
 * the workers are stopped once every task has an answer. Each task is claimed, in memory both threads see,
 * before it is started, so none is started twice except so. Where the compiled worker is not there
 * (running from the TypeScript sources, as the tests do) the tasks run on this thread instead: the results
 * are the same either way, as every task carries everything it needs. Workbooks are unpacked, and the results
 * workbook packed, with Node's zlib; input files are hashed with its crypto.
 */
export function workerThreadRuntime(threads = availableParallelism()): ParallelRuntime {
  const workerFile = fileURLToPath(new URL("./task-worker.js", import.meta.url));
  return {
    inflateRaw: zlibInflateRaw,
    inflateRawAsync: zlibInflateRawAsync,
    deflater: zlibDeflater,
    sha256Hex: nodeSha256Hex,
    async runInParallel<T extends ParallelTask>(tasks: readonly T[]): Promise<TaskResult<T>[]> {
      // A worker's start and its first task cost more than a task here, so one is started only for at
      // least two tasks (SMAA's default 100,000 samples, two chunks, run here: 1 cold chunk and 1 warm).
      const size = Math.min(Math.ceil(tasks.length / 2), threads);
      if (size < 2 || !existsSync(workerFile)) return inThreadRuntime.runInParallel(tasks);
      const results: TaskResult<T>[] = new Array(tasks.length);
      const answered = new Uint8Array(tasks.length);
      let unanswered = tasks.length;
      const claims = new Int32Array(new SharedArrayBuffer(4 * tasks.length));
      /** Tasks sent to a worker and not yet answered by it, oldest first, with whether it has answered any before. */
      const queued: { id: number; worker: { warm: boolean } }[] = [];
      let next = 0;
      let failed = false;
      let finish = () => {};
      let fail = (_: unknown) => {};
      const allAnswered = new Promise<void>((resolve, reject) => {
        finish = resolve;
        fail = (error) => {
          failed = true;
          reject(error);
        };
      });
      const answer = (id: number, result: TaskResult<T>) => {
        if (answered[id]) return;
        answered[id] = 1;
        results[id] = result;
        if (--unanswered === 0) finish();
      };
      const workers = Array.from({ length: size - 1 }, () => new Worker(workerFile, { workerData: { claims } satisfies TaskWorkerData }));
      workers.forEach((worker) => {
        const state = { warm: false };
        let sent = 0;
        const take = () => {
          while (sent < 2 && next < tasks.length && !failed) {
            const id = next++;
            sent++;
            queued.push({ id, worker: state });
            worker.postMessage({ id, task: tasks[id] });
          }
        };
        worker.on("message", (m: { id: number; result?: TaskResult<T>; error?: string; skipped?: true }) => {
          sent--;
          queued.splice(
            queued.findIndex((q) => q.id === m.id),
            1,
          );
          if (m.error !== undefined) return fail(new WorkerTaskError(m.error));
          if (!m.skipped) {
            state.warm = true;
            answer(m.id, m.result!);
          }
          take();
        });
        worker.on("error", fail);
        take();
      });
      // Nothing left to hand out: the newest task a worker has not started, else the newest a worker is on as its first.
      const takeBack = () => {
        for (let q = queued.length - 1; q >= 0; q--) if (Atomics.load(claims, queued[q]!.id) === 0) return queued[q]!.id;
        for (let q = queued.length - 1; q >= 0; q--) if (!queued[q]!.worker.warm && !answered[queued[q]!.id]) return queued[q]!.id;
        return undefined;
      };
      const onThisThread = async () => {
        while (!failed && unanswered > 0) {
          const id = next < tasks.length ? next++ : takeBack();
          if (id === undefined) return;
          // Claimed here unless a worker already has it (then this is the second run of a worker's first task).
          Atomics.compareExchange(claims, id, 0, CLAIMED_HERE);
          answer(id, await runTask(tasks[id]!));
          // Let the workers' answers in, so they are handed their next tasks.
          await new Promise((resolve) => setImmediate(resolve));
        }
      };
      try {
        await Promise.all([allAnswered, onThisThread()]);
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
