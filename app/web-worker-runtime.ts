import type { ParallelRuntime, ParallelTask, TaskResult } from "../src/workflows/runtime.js";

/**
 * The workflows' ParallelRuntime on Web Workers: the page stays responsive while a folder of workbooks is
 * read or SMAA samples are drawn. The worker's code is the page's own script (one file, no network), so
 * each worker starts from a Blob of that script's text.
 */
export function webWorkerRuntime(workerSource: string, onProgress?: (done: number, total: number) => void): ParallelRuntime {
  return {
    async runInParallel<T extends ParallelTask>(tasks: readonly T[]): Promise<TaskResult<T>[]> {
      if (tasks.length === 0) return [];
      // Started as a classic worker: a module worker from a page opened as a file (origin "null") is refused.
      // The page's script has no import or export, and keeps the strict mode it has as a module.
      const url = URL.createObjectURL(new Blob(['"use strict";\n', workerSource], { type: "text/javascript" }));
      const count = Math.max(1, Math.min(tasks.length, navigator.hardwareConcurrency || 2, 4));
      const workers = Array.from({ length: count }, () => new Worker(url));
      const results = new Array<TaskResult<T>>(tasks.length);
      let next = 0;
      let done = 0;
      onProgress?.(0, tasks.length);
      try {
        await Promise.all(
          workers.map(async (worker) => {
            while (next < tasks.length) {
              const id = next++;
              results[id] = await runOn<T>(worker, id, tasks[id]!);
              onProgress?.(++done, tasks.length);
            }
          }),
        );
        return results;
      } finally {
        for (const w of workers) w.terminate();
        URL.revokeObjectURL(url);
      }
    },
  };
}

function runOn<T extends ParallelTask>(worker: Worker, id: number, task: T): Promise<TaskResult<T>> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<{ id: number; ok: boolean; result?: TaskResult<T>; error?: string }>) => {
      if (event.data.id !== id) return;
      if (event.data.ok) resolve(event.data.result!);
      else reject(new Error(event.data.error));
    };
    worker.onerror = (event) => reject(new Error(event.message || "a background task stopped"));
    worker.postMessage({ id, task });
  });
}
