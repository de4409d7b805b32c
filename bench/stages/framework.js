// Stage `framework`: what `tender-eval score FOLDER --sheets SHEETS` does at framework scale: read the
// tender and three returned 60,000-row score sheets, check them, score, and write the results workbook
// (to bytes; writing them to disk is the same for every method).
import { join } from "node:path";
import { readTenderFolder } from "../../dist/node/files.js";
import { workerThreadRuntime } from "../../dist/node/worker-runtime.js";
import { scoreTenderOrLots } from "../../dist/workflows/lots.js";
import { resultsWorkbook } from "../../dist/workflows/sheets.js";

const dir = process.argv[2];
const start = performance.now();
const files = await readTenderFolder({ folder: join(dir, "tender"), sheets: join(dir, "sheets") });
const runtime = workerThreadRuntime();
const scored = await scoreTenderOrLots(files, { allowIncomplete: false, runtime });
if (!scored.ok || scored.value.kind !== "tender") {
  console.error("the benchmark tender did not score:", JSON.stringify(scored.problems.slice(0, 3)));
  process.exit(1);
}
const bytes = await resultsWorkbook(scored.value.scored, { date: "2026-12-05", runtime });
const seconds = (performance.now() - start) / 1000;
console.error(`framework: ${scored.value.scored.result.bids.length} bids scored; results workbook ${(bytes.length / 2 ** 20).toFixed(1)} MiB`);
console.log(JSON.stringify({ seconds, peakMiB: process.resourceUsage().maxRSS / 1024 }));
