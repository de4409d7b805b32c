// npm run bench: prints figures; tests assert behaviour, not speed.
import { performance } from "node:perf_hooks";
import { scoreTender } from "../dist/index.js";
import { syntheticTender } from "./synthetic-tender.js";

/** Time `run` once cold (first call, JIT not warm) and then `repeats` times; report cold and median. */
function measure(name, target, run, repeats = 5) {
  const times = [];
  let outcome;
  for (let i = 0; i <= repeats; i++) {
    const start = performance.now();
    outcome = run();
    times.push(performance.now() - start);
  }
  const [cold, ...warm] = times;
  warm.sort((a, b) => a - b);
  const median = warm[Math.floor(warm.length / 2)];
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${name}: cold ${(cold / 1000).toFixed(3)} s, median of ${repeats} ${(median / 1000).toFixed(3)} s (target ${target}); peak RSS ${peakMiB.toFixed(0)} MiB`,
  );
  return outcome;
}

const input = syntheticTender({ bids: 2000, criteria: 30, evaluators: 3 });
console.log(`Node ${process.version}; synthetic framework tender: 2,000 bids × 30 criteria × 3 evaluators (180,000 scores)`);
const outcome = measure("Score the tender", "< 1 s", () => scoreTender(input));
if (!outcome.ok) {
  console.error("benchmark tender did not score:", outcome.problems.slice(0, 3));
  process.exitCode = 1;
} else {
  console.log(`  ranked ${outcome.value.bids.filter((b) => b.rank !== null).length} bids; winner ${outcome.value.winners.join(", ")}`);
}
