import { seededRandom } from "../sensitivity/random.js";
import { tally, type SmaaInput, type SmaaTally } from "../sensitivity/smaa.js";
import { parseWorkbook, type ParsedWorkbook } from "../spreadsheets/read-workbook.js";
import type { RawInflate, RawInflateAsync } from "../spreadsheets/xlsx-package.js";
import type { ZipDeflater } from "../spreadsheets/xlsx-writer.js";

/**
 * Work that may run on another thread: each task is plain, structured-cloneable data, and `runTask` is
 * the one function that does it, wherever it runs. The CLI gives the workflows worker threads, a browser
 * would give Web Workers, tests give a plain loop: the results are the same, because every task carries
 * everything it needs (an SMAA chunk carries its own seed).
 */
export type ParallelTask =
  | { kind: "parse-workbook"; bytes: Uint8Array }
  | { kind: "smaa-chunk"; input: Omit<SmaaInput, "random">; seed: number };

interface TaskResults {
  "parse-workbook": ParsedWorkbook;
  "smaa-chunk": SmaaTally;
}
export type TaskResult<T extends ParallelTask> = TaskResults[T["kind"]];

export interface ParallelRuntime {
  /** Run every task and return their results in the same order as the tasks. */
  runInParallel<T extends ParallelTask>(tasks: readonly T[]): Promise<TaskResult<T>[]>;
  /** The platform's own inflater for reading workbooks, where it has a faster one than fflate (Node's zlib). */
  inflateRaw?: RawInflate;
  /** The same, working off this thread, so a workbook can be unpacked while another is read (Node's zlib on its thread pool). */
  inflateRawAsync?: RawInflateAsync;
  /** The platform's deflater for writing the results workbook, where it has one that works beside this thread (Node's zlib). */
  deflater?: ZipDeflater;
  /** The platform's own SHA-256 (hexadecimal) for the input records, where it has one (Node's crypto); the same hashes as the pure one. */
  sha256Hex?: (bytes: Uint8Array) => string;
}

export async function runTask<T extends ParallelTask>(task: T): Promise<TaskResult<T>>;
export async function runTask(task: ParallelTask): Promise<TaskResults[ParallelTask["kind"]]> {
  switch (task.kind) {
    case "parse-workbook":
      return parseWorkbook(task.bytes);
    case "smaa-chunk":
      return tally({ ...task.input, random: seededRandom(task.seed) });
  }
}

/** Every task on this thread, one after another. */
export const inThreadRuntime: ParallelRuntime = {
  async runInParallel(tasks) {
    const results = [];
    for (const task of tasks) results.push(await runTask(task));
    return results;
  },
};
