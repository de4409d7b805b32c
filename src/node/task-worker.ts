import { parentPort } from "node:worker_threads";
import { runChunk } from "../sensitivity/smaa-chunks.js";
import type { ParallelTask } from "../workflows/runtime.js";

// One worker thread of the pool: runs whatever task it is sent with the same function the in-thread
// runtime uses. SMAA chunks need only the sampler, so a worker loads the rest of the library (the workbook
// reader takes most of a second to load on a busy machine) only when first sent another kind of task.
const run = async (task: ParallelTask) => (task.kind === "smaa-chunk" ? runChunk(task) : (await import("../workflows/runtime.js")).runTask(task));

parentPort?.on("message", async (message: { id: number; task: ParallelTask }) => {
  try {
    parentPort?.postMessage({ id: message.id, result: await run(message.task) });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
