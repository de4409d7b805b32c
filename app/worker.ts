// What a Web Worker does: one task the workflows hand out (reading a returned workbook, a chunk of SMAA
// samples) with the same function the CLI's worker threads use, so the page and the CLI get the same result.
import { runTask, type ParallelTask } from "../src/workflows/runtime.js";

interface Request {
  id: number;
  task: ParallelTask;
}

/** In a Web Worker: answer the page's tasks. */
export function serveTasks(): void {
  const scope = globalThis as unknown as { onmessage: ((event: MessageEvent<Request>) => void) | null; postMessage(message: unknown): void };
  scope.onmessage = async (event) => {
    const { id, task } = event.data;
    try {
      scope.postMessage({ id, ok: true, result: await runTask(task) });
    } catch (error) {
      // Reported back, never thrown here: the page says which task failed and keeps the user's files.
      scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
}
