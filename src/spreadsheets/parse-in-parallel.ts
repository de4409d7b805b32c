import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { parseWorkbook } from "./read-workbook.js";

type Parsed = Awaited<ReturnType<typeof parseWorkbook>>;

/**
 * Parse several workbooks using up to one worker thread per core. Where the compiled worker is not
 * available (running from TypeScript sources, as the tests do) they are parsed on this thread: the
 * result is the same either way, only the speed differs.
 */
export async function parseWorkbooks(files: readonly Uint8Array[]): Promise<Parsed[]> {
  const workerFile = fileURLToPath(new URL("./parse-worker.js", import.meta.url));
  const threads = Math.min(files.length, availableParallelism());
  if (threads < 2 || !existsSync(workerFile)) {
    const out: Parsed[] = [];
    for (const bytes of files) out.push(await parseWorkbook(bytes));
    return out;
  }
  const results: Parsed[] = new Array(files.length);
  let next = 0;
  const workers = Array.from({ length: threads }, () => new Worker(workerFile));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const take = () => {
              if (next >= files.length) return resolve();
              const id = next++;
              worker.postMessage({ id, bytes: files[id] });
            };
            worker.on("message", (m: { id: number; parsed: Parsed }) => {
              results[m.id] = m.parsed;
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
}
