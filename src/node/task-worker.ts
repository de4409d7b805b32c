import { parentPort } from "node:worker_threads";
import { runTask, type ParallelTask } from "../workflows/runtime.js";

// One worker thread of the pool: runs whatever task it is sent with the same function the in-thread runtime uses.
parentPort?.on("message", async (message: { id: number; task: ParallelTask }) => {
  try {
    parentPort?.postMessage({ id: message.id, result: await runTask(message.task) });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
