// Stage `smaa`: SMAA-2 with 1,000,000 weight samples × 50 bids × 4 sections, on one core (the figure
// compared with NumPy, itself on one core), then the same on every core in fixed-size seeded chunks. Beside
// each, the cores it had on average (CPU seconds of all its threads over the seconds it took): on a shared
// machine that is busy, the scheduler may give the process no more than one core however many threads it
// runs, and this says so.
import { availableParallelism } from "node:os";
import { workerThreadRuntime } from "../../dist/node/worker-runtime.js";
import { seededRandom } from "../../dist/sensitivity/random.js";
import { smaa } from "../../dist/sensitivity/smaa.js";
import { smaaInChunks } from "../../dist/sensitivity/smaa-chunks.js";

const SAMPLES = 1_000_000;
const random = seededRandom(2026);
const bids = Array.from({ length: 50 }, (_, i) => ({ id: `B${i}`, values: [random(), random(), random(), random()] }));
const criteria = ["price", "quality", "socialValue", "userPanel"];

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
let cpu = cpuSeconds();
let start = performance.now();
const oneCore = smaa({ criteria, bids, samples: SAMPLES, random: seededRandom(1) });
const seconds = (performance.now() - start) / 1000;
const oneCoreCores = (cpuSeconds() - cpu) / seconds;

const cores = availableParallelism();
const runtime = workerThreadRuntime(cores);
cpu = cpuSeconds();
start = performance.now();
const allCores = await smaaInChunks({ criteria, bids, samples: SAMPLES }, 1, (chunks) => runtime.runInParallel(chunks.map((c) => ({ kind: "smaa-chunk", ...c }))));
const allCoresSeconds = (performance.now() - start) / 1000;
const allCoresCores = (cpuSeconds() - cpu) / allCoresSeconds;

const firsts = oneCore.rankAcceptability.map((r) => r[0]);
const best = firsts.indexOf(Math.max(...firsts));
console.error(`smaa: B${best} first in ${firsts[best].toFixed(3)} of samples on one core; ${allCores.rankAcceptability[best][0].toFixed(3)} in ${allCores.chunks} chunks on ${cores} cores`);
console.log(JSON.stringify({ seconds, peakMiB: process.resourceUsage().maxRSS / 1024, extra: { "all cores s": allCoresSeconds, cores, "cores had, one core": oneCoreCores, "cores had, all cores": allCoresCores } }));
