// Stage "score": score a framework tender of 10,000 bids × 30 criteria × 3 evaluators (900,000 scores).
// The tender is built in memory first (not timed); the work timed is scoreTender alone. No peer.
// Last stdout line: {"seconds", "peakMiB"}.
import { performance } from "node:perf_hooks";
import { scoreTender } from "../../dist/scoring/score-tender.js";
import { syntheticTender } from "../synthetic-tender.js";

const input = syntheticTender({ bids: 10_000, criteria: 30, evaluators: 3 });
const start = performance.now();
const outcome = scoreTender(input);
const seconds = (performance.now() - start) / 1000;
if (!outcome.ok) {
  console.error("the benchmark tender did not score:", JSON.stringify(outcome.problems.slice(0, 3)));
  process.exit(1);
}
console.log(`scored ${outcome.value.bids.length} bids; winner ${outcome.value.winners.join(", ")}`);
console.log(JSON.stringify({ seconds, peakMiB: process.resourceUsage().maxRSS / 1024 }));
