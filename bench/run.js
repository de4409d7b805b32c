// npm run bench [-- --json] [-- STAGE ...]: each stage's time and peak memory beside its peer's, and the ratio.
// Tests assert behaviour, not speed: these are figures for people to read.
//
// A stage NAME is bench/stages/NAME.js (the product, importing from ../../dist) and, where there is one,
// bench/peers/NAME.py (the peer, run with /usr/bin/python3). Both take the folder bench/prepare.js made,
// do the stage's work, and print as their last line {"seconds": work time after imports, "peakMiB": peak
// RSS}. Every run is a fresh process, product and peer alternating, so both see the same machine; the
// figures are medians and the ratio is the median of the per-pair ratios. A stage that measures its own
// peer (startup, whose peer is `node -e 0`) prints {"seconds", "peakMiB", "peer": {...}, "ratio"} itself.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const PYTHON = "/usr/bin/python3";

/** The issue's targets (issue 15), shown beside each figure. */
const TARGETS = {
  "write-results": "≤ 0.4× openpyxl write-only, ≤ 150 MiB",
  "read-sheets": "≤ 0.25× openpyxl read-only",
  framework: "≤ 0.35× openpyxl read + write, ≤ 400 MiB",
  score: "< 1.5 s, < 400 MiB",
  summaries: "≤ 6 s for 1,000 (6 ms each)",
  smaa: "≤ 0.35× NumPy on one core; all cores used",
  startup: "≤ 2× node -e 0",
  "app-start": "interactive within 1.5 s",
};

/** Stages that build their data in memory: for these alone the inputs (minutes to make) are not prepared. */
const NEEDS_NO_INPUTS = new Set(["smaa", "startup", "app-start"]);

/** Pairs of runs per stage: three, fewer where one pair already takes long. */
const MAX_PAIRS = 3;
const STAGE_BUDGET_SECONDS = 150;

const args = process.argv.slice(2);
const json = args.includes("--json");
const available = readdirSync(join(here, "stages"))
  .filter((f) => f.endsWith(".js"))
  .map((f) => f.slice(0, -3))
  .sort();
const asked = args.filter((a) => !a.startsWith("--"));
const unknown = asked.filter((a) => !available.includes(a));
if (unknown.length > 0) {
  console.error(`No such stage: ${unknown.join(", ")}. The stages are: ${available.join(", ")}.`);
  process.exit(2);
}
const stages = asked.length > 0 ? asked : available;

// In JSON mode stdout carries the one JSON object only; notes go to stderr.
const note = (line) => (json ? console.error(line) : console.log(line));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const OWN_KEYS = new Set(["seconds", "peakMiB", "ratio", "pairs"]);

/** Peak memory a stage cannot measure (another process's, as for startup) is null. */
const medianOrNull = (xs) => (xs.some((x) => x === null) ? null : median(xs));

/** Run one process; its last stdout line is its figures. What it says on stderr is shown only if it fails. */
function runOnce(command, argv) {
  const run = spawnSync(command, argv, { cwd: join(here, ".."), encoding: "utf8", maxBuffer: 64 * 2 ** 20, stdio: ["ignore", "pipe", "pipe"] });
  if (run.error) throw run.error;
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    throw new Error(`${[command, ...argv].join(" ")} exited with ${run.status ?? run.signal}`);
  }
  const figures = JSON.parse(run.stdout.trim().split("\n").at(-1));
  if (typeof figures.seconds !== "number" || !(typeof figures.peakMiB === "number" || figures.peakMiB === null)) {
    throw new Error(`${[command, ...argv].join(" ")}: the last line has no seconds and peakMiB`);
  }
  return figures;
}

/** The peer's name (its modules and their versions), or why it cannot run here. */
function peerOf(name) {
  const script = join(here, "peers", `${name}.py`);
  if (!existsSync(script)) return { script: undefined };
  if (!existsSync(PYTHON)) return { script, missing: `${PYTHON} is not installed` };
  // The modules the peer imports at the top of its file, except the standard library's.
  const modules = [...readFileSync(script, "utf8").matchAll(/^(?:import|from)\s+([A-Za-z_][\w]*)/gm)].map((m) => m[1]);
  const probe = spawnSync(
    PYTHON,
    ["-c", `import sys, importlib\nfor m in ${JSON.stringify([...new Set(modules)])}:\n    if m in sys.stdlib_module_names: continue\n    mod = importlib.import_module(m)\n    print(m, getattr(mod, "__version__", "?"))`],
    { encoding: "utf8" },
  );
  if (probe.status !== 0) return { script, missing: `${PYTHON} cannot import its modules (${probe.stderr.trim().split("\n").at(-1)})` };
  const names = probe.stdout.trim().split("\n").filter(Boolean);
  return { script, name: names.length > 0 ? names.join(" + ") : "Python" };
}

function measure(name, dir) {
  const product = join(here, "stages", `${name}.js`);
  const peer = peerOf(name);
  if (peer.missing) note(`  ${name}: no peer (${peer.missing}); the product alone`);
  const ours = [];
  const theirs = [];
  const ratios = [];
  const started = performance.now();
  for (let pair = 0; pair < MAX_PAIRS; pair++) {
    if (pair > 0 && (performance.now() - started) / 1000 > STAGE_BUDGET_SECONDS) break;
    // --expose-gc: a stage may let go of the data it built to set up (not timed) before its timed work, as
    // Python's reference counting does for the peer at once; see write-results.
    const a = runOnce(process.execPath, ["--expose-gc", product, dir]);
    // Further figures a stage gives, in `extra` or beside seconds and peakMiB (e.g. perItemMs), are reported as extras.
    for (const [key, value] of Object.entries(a)) if (!OWN_KEYS.has(key) && typeof value === "number") (a.extra ??= {})[key] = value;
    ours.push(a);
    if (a.peer) {
      // The stage alternated with its own peer inside, pair by pair: its figures are already medians.
      theirs.push(a.peer);
      ratios.push(a.ratio);
      break;
    } else if (peer.name) {
      const b = runOnce(PYTHON, [peer.script, dir]);
      theirs.push({ name: peer.name, ...b });
      ratios.push(a.seconds / b.seconds);
      // A further time the stage gives (seconds, named "… s") is set against the same peer run too.
      for (const [key, value] of Object.entries(a.extra ?? {})) if (key.endsWith(" s")) a.extra[`${key.slice(0, -2)} ×`] = value / b.seconds;
    }
  }
  const extras = {};
  for (const key of Object.keys(ours[0].extra ?? {})) extras[key] = median(ours.map((o) => o.extra[key]));
  return {
    seconds: median(ours.map((o) => o.seconds)),
    peakMiB: medianOrNull(ours.map((o) => o.peakMiB)),
    peer: theirs.length === 0 ? null : { name: theirs[0].name, seconds: median(theirs.map((t) => t.seconds)), peakMiB: medianOrNull(theirs.map((t) => t.peakMiB)) },
    ratio: ratios.length === 0 ? null : median(ratios),
    ...(Object.keys(extras).length > 0 ? { extra: extras } : {}),
    runs: ours[0].pairs ?? ours.length,
    target: TARGETS[name] ?? null,
  };
}

function line(name, s) {
  const mib = (m) => (m === null ? "" : `, ${m.toFixed(0)} MiB`);
  const ours = `${s.seconds.toFixed(3)} s${mib(s.peakMiB)}`;
  const peer = s.peer ? ` | ${s.peer.name}: ${s.peer.seconds.toFixed(3)} s${mib(s.peer.peakMiB)} | ${s.ratio.toFixed(2)}×` : " | no peer";
  const extra = s.extra ? ` | ${Object.entries(s.extra).map(([k, v]) => `${k} ${Number.isInteger(v) ? v : v.toFixed(3)}`).join(", ")}` : "";
  return `${name.padEnd(14)} ${ours}${peer}${extra} (median of ${s.runs} ${s.peer ? "pairs" : "runs"}) | target ${s.target ?? "none"}`;
}

const dir = mkdtempSync(join(tmpdir(), "tender-eval-bench-"));
let failed = false;
try {
  note(`Node ${process.version}; ${availableParallelism()} cores. Stages: ${stages.join(", ")}.`);
  if (stages.some((s) => !NEEDS_NO_INPUTS.has(s))) {
    const prepared = spawnSync(process.execPath, [join(here, "prepare.js"), dir], { stdio: ["ignore", json ? 2 : "inherit", "inherit"] });
    if (prepared.status !== 0) throw new Error("bench/prepare.js failed");
  }
  const results = {};
  for (const name of stages) {
    try {
      results[name] = measure(name, dir);
      if (!json) console.log(line(name, results[name]));
    } catch (error) {
      failed = true;
      console.error(`${name}: ${error.message}`);
    }
  }
  if (json) console.log(JSON.stringify({ node: process.version, machine: { cpus: availableParallelism() }, stages: results }, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
