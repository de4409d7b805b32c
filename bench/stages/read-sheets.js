// Stage read-sheets: read three completed 60,000-row score sheets (DIR/sheets/*.xlsx) and check them
// against the tender, as the CLI does. Last line: {"seconds", "peakMiB"}.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { modelHash } from "../../dist/model/model-hash.js";
import { readReturnedSheets } from "../../dist/workflows/returned-sheets.js";
import { workerThreadRuntime } from "../../dist/node/worker-runtime.js";
import { syntheticTender } from "../synthetic-tender.js";

const dir = join(process.argv[2] ?? "", "sheets");
// The tender the sheets were made for, with no scores yet: what the sheets bring (not timed).
const input = syntheticTender({ bids: 2000, criteria: 30, evaluators: 3 });
const bids = { ...input.bids, bids: input.bids.bids.map((b) => ({ ...b, scores: {} })) };
modelHash(input.model);

const start = performance.now();
const files = readdirSync(dir)
  .filter((name) => name.endsWith(".xlsx"))
  .sort()
  .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));
const read = await readReturnedSheets(files, { ...input, bids, allowIncomplete: false }, workerThreadRuntime());
const seconds = (performance.now() - start) / 1000;
if (!read.ok) throw new Error(`the sheets did not read: ${JSON.stringify(read.problems.slice(0, 3))}`);
const scores = read.value.bids.bids.reduce((n, b) => n + Object.values(b.scores).reduce((m, byEvaluator) => m + Object.keys(byEvaluator).length, 0), 0);
console.error(`read ${files.length} sheets, ${scores.toLocaleString("en-GB")} scores`);
console.log(JSON.stringify({ seconds, peakMiB: process.resourceUsage().maxRSS / 1024 }));
