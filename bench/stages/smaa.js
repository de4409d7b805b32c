// Stage `smaa`: SMAA-2 with 1,000,000 weight samples × 50 bids × 4 sections, on one core (the figure
// compared with NumPy, itself on one core), then the same on every core in fixed-size seeded chunks: once in
// a process of its own that has run nothing before, as a user's `whatif` does ("all cores s"), and once
// more in this process after the one-core run ("all cores, after one core s", where this thread has
// already compiled the sampler). Beside each, the cores it had on average (CPU seconds of all its threads
// over the seconds it took): on a shared machine that is busy, the scheduler may give the process no more
// than one core however many threads it runs, and this says so. The two all-cores runs must agree to the
// last bit (the chunks and their seeds do not depend on the cores), or the stage fails.
import { execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { workerThreadRuntime } from "../../dist/node/worker-runtime.js";
import { seededRandom } from "../../dist/sensitivity/random.js";
import { smaa } from "../../dist/sensitivity/smaa.js";
import { smaaInChunks } from "../../dist/sensitivity/smaa-chunks.js";

const SAMPLES = 1_000_000;
const random = seededRandom(2026);
const bids = Array.from({ length: 50 }, (_, i) => ({ id: `B${i}`, values: [random(), random(), random(), random()] }));
const criteria = ["price", "quality", "socialValue", "userPanel"];
const cores = availableParallelism();

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const timed = async (run) => {
  const cpu = cpuSeconds();
  const start = performance.now();
  const result = await run();
  const seconds = (performance.now() - start) / 1000;
  return { result, seconds, coresHad: (cpuSeconds() - cpu) / seconds };
};
const onAllCores = () => {
  const runtime = workerThreadRuntime(cores);
  return smaaInChunks({ criteria, bids, samples: SAMPLES }, 1, (chunks) => runtime.runInParallel(chunks.map((c) => ({ kind: "smaa-chunk", ...c }))));
};

if (process.argv[3] === "--all-cores-only") {
  const all = await timed(onAllCores);
  console.log(JSON.stringify({ seconds: all.seconds, coresHad: all.coresHad, result: all.result }));
} else {
  const one = await timed(() => smaa({ criteria, bids, samples: SAMPLES, random: seededRandom(1) }));
  const fresh = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), process.argv[2] ?? ".", "--all-cores-only"], { encoding: "utf8" }).trim().split("\n").at(-1));
  const after = await timed(onAllCores);
  if (JSON.stringify(after.result) !== JSON.stringify(fresh.result)) throw new Error("SMAA on all cores gave different results in two runs of the same seed");

  const firsts = one.result.rankAcceptability.map((r) => r[0]);
  const best = firsts.indexOf(Math.max(...firsts));
  console.error(`smaa: B${best} first in ${firsts[best].toFixed(3)} of samples on one core; ${after.result.rankAcceptability[best][0].toFixed(3)} in ${after.result.chunks} chunks on ${cores} cores`);
  console.log(
    JSON.stringify({
      seconds: one.seconds,
      peakMiB: process.resourceUsage().maxRSS / 1024,
      extra: {
        "all cores s": fresh.seconds,
        "all cores, after one core s": after.seconds,
        cores,
        "cores had, one core": one.coresHad,
        "cores had, all cores": fresh.coresHad,
        "cores had, all cores after one core": after.coresHad,
      },
    }),
  );
}
