import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { workerThreadRuntime } from "../../src/node/worker-runtime.js";
import { inThreadRuntime, inputRecord, runTask, scoreTender, whatifForTender, type NamedFile, type ParallelRuntime, type ParallelTask, type TaskResult, type TenderFiles } from "../../src/workflows/index.js";
import { seededRandom } from "../../src/sensitivity/random.js";
import { exampleFolder } from "../example-tender.js";
import { filledSheets } from "../spreadsheets/sheets-fixtures.js";
import { stringify } from "yaml";
import { loadExample } from "../example-tender.js";

/** A runtime that runs tasks in reverse order, several at once: results must not depend on how or where tasks ran. */
const shuffledRuntime: ParallelRuntime = {
  async runInParallel<T extends ParallelTask>(tasks: readonly T[]) {
    const results: TaskResult<T>[] = new Array(tasks.length);
    await Promise.all([...tasks.keys()].reverse().map(async (i) => (results[i] = await runTask(tasks[i]!))));
    return results;
  },
};

const read = (name: string) => ({ name, bytes: readFileSync(join(exampleFolder, name)) });

describe("the parallel runtime is injected, and results never depend on it", () => {
  it("SMAA for a seed and returned sheets give the same results in-thread, shuffled, and on worker threads", async () => {
    const { bids } = loadExample();
    const tender: TenderFiles = {
      specification: read("specification.yaml"),
      model: read("scoring-model.yaml"),
      bids: { name: "bids.yaml", bytes: stringify({ ...bids, bids: bids.bids.map(({ scores: _s, price: _p, ...rest }) => rest) }) },
      sheets: [...(await filledSheets())].map(([name, bytes]) => ({ name, bytes })),
    };
    const results = [];
    // The worker runtime runs the tasks on this thread when run from the TypeScript sources; the built
    // command's worker threads are compared with YAML in test/spreadsheets/round-trip.test.ts.
    for (const runtime of [inThreadRuntime, shuffledRuntime, workerThreadRuntime(2)]) {
      const scored = await scoreTender(tender, { runtime });
      if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
      const whatif = await whatifForTender(scored.value, { samples: 4000, seed: 7, runtime });
      if (!whatif.ok) throw new Error(JSON.stringify(whatif.problems));
      // The input records too: worker threads hash with Node's crypto, the others with the pure SHA-256.
      results.push({ result: scored.value.result, chance: whatif.value.analysis.chance, inputs: JSON.stringify(scored.value.inputs) });
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it("the platform's SHA-256 (Node's crypto) gives the input records the pure one gives", async () => {
    const hash = workerThreadRuntime().sha256Hex;
    expect(hash).toBeDefined();
    const files: NamedFile[] = [read("bids.yaml"), { name: "text.yaml", bytes: "a: café\n" }, ...[...(await filledSheets())].map(([name, bytes]) => ({ name, bytes }))];
    const random = seededRandom(3);
    for (const length of [0, 1, 55, 56, 63, 64, 65, 1000, 100_003]) files.push({ name: `random-${length}`, bytes: Uint8Array.from({ length }, () => Math.floor(random() * 256)) });
    for (const file of files) expect(JSON.stringify(inputRecord(file, hash))).toBe(JSON.stringify(inputRecord(file)));
  });
});

describe("worker threads, as the built command runs them", () => {
  it("SMAA chunks on two real worker threads give exactly the in-thread result for a seed", async () => {
    const built = new URL("../../dist/node/worker-runtime.js", import.meta.url);
    expect(existsSync(built), "run npm run build first").toBe(true);
    const { workerThreadRuntime: builtRuntime } = (await import(built.href)) as typeof import("../../src/node/worker-runtime.js");
    const input = { criteria: ["a", "b", "c"], bids: [{ id: "A", values: [0.9, 0.2, 0.5] }, { id: "B", values: [0.5, 0.7, 0.4] }, { id: "C", values: [0.6, 0.6, 0.6] }], samples: 20_000 };
    // Four tasks: a worker is started only for at least two tasks a thread.
    const tasks = [0, 1, 2, 3].map((c) => ({ kind: "smaa-chunk" as const, input: { ...input, samples: 5_000 }, seed: 5 + c }));
    expect(await builtRuntime(2).runInParallel(tasks)).toEqual(await inThreadRuntime.runInParallel(tasks));
  });

  it("SMAA in fixed-size chunks gives the same result for a seed on 1, 2 or 3 worker threads", async () => {
    const built = new URL("../../dist/node/worker-runtime.js", import.meta.url);
    const { workerThreadRuntime: builtRuntime } = (await import(built.href)) as typeof import("../../src/node/worker-runtime.js");
    const { smaaInChunks } = await import("../../src/sensitivity/smaa-chunks.js");
    const input = { criteria: ["a", "b", "c"], bids: [{ id: "A", values: [0.9, 0.2, 0.5] }, { id: "B", values: [0.5, 0.7, 0.4] }, { id: "C", values: [0.6, 0.6, 0.6] }], samples: 35_003 };
    const on = (threads: number) => smaaInChunks(input, 3, (chunks) => builtRuntime(threads).runInParallel(chunks.map((c) => ({ kind: "smaa-chunk" as const, ...c }))), 5_000);
    const one = await on(1);
    expect(one.chunks).toBe(8);
    expect(await on(2)).toEqual(one);
    expect(await on(3)).toEqual(one);
    expect(await smaaInChunks(input, 3, undefined, 5_000)).toEqual(one);
  });

  it("small tasks, taken back from a worker that has not started them or run again here while it is on its first, each give exactly their in-thread result", async () => {
    const built = new URL("../../dist/node/worker-runtime.js", import.meta.url);
    const { workerThreadRuntime: builtRuntime } = (await import(built.href)) as typeof import("../../src/node/worker-runtime.js");
    const input = { criteria: ["a", "b", "c"], bids: [{ id: "A", values: [0.9, 0.2, 0.5] }, { id: "B", values: [0.5, 0.7, 0.4] }, { id: "C", values: [0.6, 0.6, 0.6] }], samples: 300 };
    // Tasks this small are done long before a worker has started, so this thread takes back what it sent.
    const tasks = Array.from({ length: 40 }, (_, c) => ({ kind: "smaa-chunk" as const, input, seed: 100 + c }));
    const inThread = await inThreadRuntime.runInParallel(tasks);
    expect(await builtRuntime(2).runInParallel(tasks)).toEqual(inThread);
    expect(await builtRuntime(3).runInParallel(tasks)).toEqual(inThread);
    // Three tasks: this thread runs one and then those sent to the worker, which it may have started meanwhile.
    expect(await builtRuntime(2).runInParallel(tasks.slice(0, 3))).toEqual(inThread.slice(0, 3));
    // Two: both here, as a worker's start costs more than a task.
    expect(await builtRuntime(2).runInParallel(tasks.slice(0, 2))).toEqual(inThread.slice(0, 2));
  });
});
