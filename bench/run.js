// npm run bench: prints figures; tests assert behaviour, not speed.
import { performance } from "node:perf_hooks";
import { readFileSync } from "node:fs";
import { scoreTender } from "../dist/index.js";
import { makeAssessmentSummaries } from "../dist/documents/make-documents.js";
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
  const warmText = repeats > 0 ? `, median of ${repeats} ${(median / 1000).toFixed(3)} s` : "";
  console.log(`${name}: ${repeats > 0 ? "cold " : ""}${(cold / 1000).toFixed(3)} s${warmText} (target ${target}); peak RSS ${peakMiB.toFixed(0)} MiB`);
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

// Issue 4: a framework's worth of assessment summaries from the bundled template.
const framework = syntheticTender({ bids: 1000, criteria: 10, evaluators: 3, seed: 2 });
const frameworkResult = scoreTender(framework);
if (frameworkResult.ok) {
  const template = { name: "assessment-summary.docx", bytes: readFileSync(new URL("../templates/assessment-summary.docx", import.meta.url)) };
  const summaries = measure(
    "Write 1,000 assessment summaries (10 criteria each)",
    "< 30 s",
    () => makeAssessmentSummaries(template, { ...framework, result: frameworkResult.value }, { includeWinnerDetails: true, issuedOn: "2026-11-23" }),
    0,
  );
  if (summaries.ok) {
    const bytes = summaries.value.reduce((n, s) => n + s.bytes.length, 0);
    console.log(`  ${summaries.value.length} documents, ${(bytes / 2 ** 20).toFixed(1)} MiB in all`);
  } else {
    console.error("summaries failed:", summaries.problems.slice(0, 3));
    process.exitCode = 1;
  }
}
