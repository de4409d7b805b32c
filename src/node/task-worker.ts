import { parentPort, workerData } from "node:worker_threads";
import { runChunk } from "../sensitivity/smaa-chunks.js";
import type { ParallelTask } from "../workflows/runtime.js";
import type { TaskWorkerData } from "./worker-runtime.js";

// One worker thread of the pool: runs whatever task it is sent with the same function the in-thread
// runtime uses. SMAA chunks need only the sampler, so a worker loads the rest of the library (the workbook
// reader takes most of a second to load on a busy machine) only when first sent another kind of task.
const run = async (task: ParallelTask) => (task.kind === "smaa-chunk" ? runChunk(task) : (await import("../workflows/runtime.js")).runTask(task));

const { claims } = workerData as TaskWorkerData;
const CLAIMED_BY_A_WORKER = 1;

parentPort?.on("message", async (message: { id: number; task: ParallelTask }) => {
  // The thread that sent it may have taken it back to run itself: a task is run only by whoever claims it first.
  if (Atomics.compareExchange(claims, message.id, 0, CLAIMED_BY_A_WORKER) !== 0) return parentPort?.postMessage({ id: message.id, skipped: true });
  try {
    parentPort?.postMessage({ id: message.id, result: await run(message.task) });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
