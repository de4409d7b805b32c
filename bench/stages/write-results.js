// Stage write-results: the results workbook for a framework, 2,000 bids × 30 criteria × 3 evaluators.
// The tender is built and scored first (not timed); only makeResultsWorkbook is timed.
// Last stdout line: {"seconds": …, "peakMiB": …}. The folder argument is not needed: the data is made here,
// as bench/peers/write-results.py makes the same data itself. Packed with Node's zlib, as the CLI packs it
// (the peer's zip is packed by Python's zlib).
import { performance } from "node:perf_hooks";
import { zlibDeflater } from "../../dist/node/zlib-deflate.js";
import { makeResultsWorkbook } from "../../dist/spreadsheets/results-workbook.js";
import { scoreTender } from "../../dist/scoring/score-tender.js";
import { syntheticTender } from "../synthetic-tender.js";

const scored = scoreTender(syntheticTender({ bids: 2000, criteria: 30, evaluators: 3 }));
if (!scored.ok) throw new Error(`the synthetic tender must score: ${JSON.stringify(scored.problems.slice(0, 3))}`);
// Building and scoring the tender (not timed) leaves garbage that V8 collects when it chooses, which moved the
// peak between 152 and 172 MiB from run to run; the peer's Python frees its own at once. Collected here (run.js
// starts stages with --expose-gc), writing starts from what the results hold rather than on top of that garbage.
// The peak is still the whole process's, setup included; `peakBeforeMiB` is the setup's own, for comparison.
const peakBeforeMiB = process.resourceUsage().maxRSS / 1024;
globalThis.gc?.();
const start = performance.now();
const bytes = await makeResultsWorkbook(scored.value, { roundingNote: "Figures are exact; shown to two decimal places.", inputs: [], date: "2026-12-05", deflater: zlibDeflater });
const seconds = (performance.now() - start) / 1000;
if (process.argv.includes("--keep")) (await import("node:fs")).writeFileSync("/tmp/write-results-product.xlsx", bytes);
console.error(`results workbook: ${(bytes.length / 2 ** 20).toFixed(1)} MiB`);
console.log(JSON.stringify({ seconds, peakMiB: process.resourceUsage().maxRSS / 1024, peakBeforeMiB }));
