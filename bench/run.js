// npm run bench: prints figures; tests assert behaviour, not speed.
// Each stage runs in a process of its own, so its peak memory is its own.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scoreTender } from "../dist/scoring/score-tender.js";
import { makeAssessmentSummaries } from "../dist/documents/make-documents.js";
import ExcelJS from "exceljs";
import { modelHash } from "../dist/model/model-hash.js";
import { makeScoreSheets } from "../dist/spreadsheets/score-sheets.js";
import { interpretWorkbook } from "../dist/spreadsheets/read-workbook.js";
import { workerThreadRuntime } from "../dist/node/worker-runtime.js";
import { smaa } from "../dist/sensitivity/smaa.js";
import { smaaInChunks } from "../dist/sensitivity/smaa-chunks.js";
import { seededRandom } from "../dist/sensitivity/random.js";
import { assembleBids } from "../dist/spreadsheets/assemble-bids.js";
import { makeResultsWorkbook } from "../dist/spreadsheets/results-workbook.js";
import { syntheticTender } from "./synthetic-tender.js";

async function measureAsync(name, target, run) {
  const start = performance.now();
  const outcome = await run();
  const seconds = (performance.now() - start) / 1000;
  console.log(`${name}: ${seconds.toFixed(3)} s (target ${target}); peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  return outcome;
}

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

const EXCEL_DIR = join(tmpdir(), "tender-eval-bench-sheets");

const stages = {
  async scoring() {
    const input = syntheticTender({ bids: 2000, criteria: 30, evaluators: 3 });
    console.log(`Synthetic framework tender: 2,000 bids × 30 criteria × 3 evaluators (180,000 scores)`);
    const outcome = measure("Score the tender", "< 1 s", () => scoreTender(input));
    if (!outcome.ok) {
      console.error("benchmark tender did not score:", outcome.problems.slice(0, 3));
      process.exitCode = 1;
    } else {
      console.log(`  ranked ${outcome.value.bids.filter((b) => b.rank !== null).length} bids; winner ${outcome.value.winners.join(", ")}`);
    }

  },
  async summaries() {
    const input = syntheticTender({ bids: 2000, criteria: 30, evaluators: 3 });
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

  },
  /** Not timed: three completed evaluator workbooks for 2,000 bids × 30 criteria, written to a temporary folder. */
  async "prepare-excel"() {
    const input = syntheticTender({ bids: 2000, criteria: 30, evaluators: 3 });
    console.log("Preparing three completed score sheets for 2,000 bids × 30 criteria (not timed)…");
    const sheets = await makeScoreSheets({ ...input, modelHash: modelHash(input.model) }, { priceSchedules: false });
    mkdirSync(EXCEL_DIR, { recursive: true });
    for (const sheet of sheets) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(sheet.bytes);
      const evaluator = sheet.fileName.replace(/^score-sheet-|\.xlsx$/g, "");
      const ws = wb.getWorksheet("Quality scores");
      const byBid = new Map(input.bids.bids.map((b) => [b.id, b]));
      for (let r = 3; r <= ws.rowCount; r++) {
        const row = ws.getRow(r);
        row.getCell(6).value = byBid.get(row.getCell(1).value).scores[row.getCell(3).value][evaluator].score;
      }
      await wb.xlsx.writeFile(join(EXCEL_DIR, sheet.fileName));
    }
  },
  // Issue 3: read three evaluators' completed workbooks (2,000 bids × 30 criteria each) and write the results workbook.
  async excel() {
    const input = syntheticTender({ bids: 2000, criteria: 30, evaluators: 3 });
    const hash = modelHash(input.model);
    const bare = { ...input.bids, bids: input.bids.bids.map((b) => ({ ...b, scores: {} })) };
    const files = readdirSync(EXCEL_DIR).sort();
    await measureAsync("Read 3 evaluator workbooks, score, write the results workbook", "< 15 s and 1 GiB", async () => {
      const contents = [];
      const parsed = await workerThreadRuntime().runInParallel(files.map((name) => ({ kind: "parse-workbook", bytes: readFileSync(join(EXCEL_DIR, name)) })));
      files.forEach((name, i) => {
        const read = interpretWorkbook(parsed[i], name, { ...input, bids: bare, modelHash: hash, allowIncomplete: false });
        if (!read.ok) throw new Error(JSON.stringify(read.problems.slice(0, 3)));
        contents.push(read.value);
      });
      const assembled = assembleBids(bare, contents);
      if (!assembled.ok) throw new Error("assembly failed");
      const scoredFromSheets = scoreTender({ ...input, bids: assembled.value });
      if (!scoredFromSheets.ok) throw new Error("scoring failed");
      const bytes = await makeResultsWorkbook(scoredFromSheets.value, { roundingNote: "", inputs: [] });
      console.log(`  results workbook ${(bytes.length / 2 ** 20).toFixed(1)} MiB`);
    });
    rmSync(EXCEL_DIR, { recursive: true, force: true });
  },
};

stages.smaa = async () => {
  // Issue 6: SMAA-2 with 1,000,000 weight samples × 50 bids × 4 sections.
  const random = seededRandom(2026);
  const bids = Array.from({ length: 50 }, (_, i) => ({ id: `B${i}`, values: [random(), random(), random(), random()] }));
  const criteria = ["price", "quality", "socialValue", "userPanel"];
  measure("SMAA-2 on one core: 1,000,000 weight samples × 50 bids × 4 sections", "(for comparison)", () => smaa({ criteria, bids, samples: 1_000_000, random: seededRandom(1) }), 0);
  const result = await measureAsync("SMAA-2 in two chunks on two cores: 1,000,000 × 50 × 4", "< 2 s", () => { const runtime = workerThreadRuntime(); return smaaInChunks({ criteria, bids, samples: 1_000_000 }, 1, (chunks) => runtime.runInParallel(chunks.map((c) => ({ kind: "smaa-chunk", ...c })))); });
  console.log(`  ${result.samples} samples from ${result.drawn} drawn; seed 1, ${result.chunks} chunks`);
};

stages.startup = async () => {
  // Start-up, measured side by side against the peer every command pays for: Node itself (`node -e 0`).
  // The runs alternate so both see the same machine; the figure is the median of the per-pair ratios.
  const bin = fileURLToPath(new URL("../dist/cli/bin.js", import.meta.url));
  const example = fileURLToPath(new URL("../examples/community-advocacy", import.meta.url));
  const time = (args) => {
    const start = performance.now();
    execFileSync(process.execPath, args, { stdio: "ignore", cwd: fileURLToPath(new URL("..", import.meta.url)) });
    return performance.now() - start;
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  // init refuses to overwrite, so each run writes into a new folder (made by init itself, as a user's would be).
  const scratch = mkdtempSync(join(tmpdir(), "tender-eval-bench-init-"));
  let runs = 0;
  const commands = [
    ["--help", () => [bin, "--help"]],
    ["validate (the example)", () => [bin, "validate", example]],
    ["init", () => [bin, "init", join(scratch, `t${runs++}`)]],
    // The floor for any command that reads a tender: only importing the three libraries every such command
    // needs (argument parsing, the schemas, YAML), doing nothing with them.
    ["floor: import yargs, zod and yaml", () => ["--input-type=module", "-e", 'await import("yargs"); await import("zod"); await import("yaml");']],
    // zod alone: validate and init cannot start without the schemas, so this is the least either can take on
    // Node 20, which has no compile cache for ES modules (module.enableCompileCache arrived in Node 22).
    ["floor: import zod alone", () => ["--input-type=module", "-e", 'await import("zod");']],
  ];
  for (const [name, argsOf] of commands) {
    time(argsOf());
    const ratios = [];
    const ours = [];
    for (let i = 0; i < 9; i++) {
      const peer = time(["-e", "0"]);
      const t = time(argsOf());
      ours.push(t);
      ratios.push(t / peer);
    }
    const note = name.startsWith("floor") ? "below this no command that reads a tender can start" : "target ≤ 2×";
    console.log(`Start-up, ${name}: ${median(ratios).toFixed(2)}× node -e 0 (median of 9 pairs; ${(median(ours) / 1000).toFixed(3)} s) (${note})`);
  }
  rmSync(scratch, { recursive: true, force: true });
};

const stage = process.argv[2];
if (stage) {
  await stages[stage]();
} else {
  console.log(`Node ${process.version}; ${process.env.CI ? "CI" : "local"} run. Each stage runs in its own process.`);
  for (const name of Object.keys(stages)) {
    execFileSync(process.execPath, [fileURLToPath(import.meta.url), name], { stdio: "inherit" });
  }
}
