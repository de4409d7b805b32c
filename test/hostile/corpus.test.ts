import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HOSTILE_BIDDER, buildCorpus, type CorpusCase } from "./build-corpus.js";

/**
 * Hostile and broken input never runs code, crashes, hangs or exhausts memory: each case of the corpus
 * goes through the built command in a child process, as a user would run it, and must end with exit 1
 * or 2 (never 70, never a signal), a message naming the file and the place, no stack trace, nothing
 * written, within 10 seconds and 300 MB.
 */
const bin = new URL("../../dist/cli/bin.js", import.meta.url).pathname;
const TIME = "/usr/bin/time";
const LIMITS = { ms: 10_000, rssKb: 300 * 1024 };
// Where /usr/bin/time is missing, the child records its own peak memory as it exits (worker threads included).
const RECORD_RSS = `data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>writeFileSync(process.env.TENDER_EVAL_RSS_FILE,"Maximum resident set size (kbytes): "+process.resourceUsage().maxRSS))`;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  rssKb: number;
}

async function run(c: CorpusCase): Promise<Run> {
  const measured = join(c.cwd, "..", `${c.cwd.split("/").pop()}.rss`);
  const [command, args] = existsSync(TIME) ? [TIME, ["-v", "-o", measured, process.execPath, bin, ...c.args]] : [process.execPath, ["--import", RECORD_RSS, bin, ...c.args]];
  const start = performance.now();
  const child = spawn(command, args, { cwd: c.cwd, env: { ...process.env, TENDER_EVAL_RSS_FILE: measured, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  // Past the limit the run is killed, so a hang fails this test rather than the whole suite's timeout.
  const killer = setTimeout(() => child.kill("SIGKILL"), LIMITS.ms * 2);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on("close", (c, s) => resolve([c, s])));
  clearTimeout(killer);
  const ms = performance.now() - start;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(existsSync(measured) ? readFileSync(measured, "utf8") : "");
  // /usr/bin/time reports the command's own status in the line "Exit status"; a signal shows as "Command terminated by signal".
  return { code, signal, stdout, stderr, ms, rssKb: rss ? Number(rss[1]) : Number.NaN };
}

/**
 * At most two runs at once: each is a whole Node process with worker threads, and more at a time on a
 * small machine would measure the machine's load, not tender-eval.
 */
let running = 0;
const waiting: (() => void)[] = [];
async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

const listing = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

describe("a corpus of hostile and broken inputs, through the built command", async () => {
  expect(existsSync(bin), "run npm run build first").toBe(true);
  const cases = await buildCorpus(mkdtempSync(join(tmpdir(), "tender-eval-corpus-")));
  const measurements: string[] = [];

  it.concurrent.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const before = listing(join(c.cwd, "tender"));
    const result = await inTurn(() => run(c));
    measurements.push(`${c.name}: exit ${result.code}, ${Math.round(result.ms)} ms, ${Math.round(result.rssKb / 1024)} MB`);
    expect(result.signal, result.stderr).toBeNull();
    expect(result.code, result.stderr).toBe(c.exit);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toMatch(/fault in tender-eval/);
    expect(result.ms).toBeLessThan(LIMITS.ms);
    expect(result.rssKb).toBeLessThan(LIMITS.rssKb);
    // Nothing read is changed, and no temporary file is left beside an input.
    expect(listing(join(c.cwd, "tender"))).toEqual(before);
    if (c.exit === 0) {
      // Valid but hostile: the page is written, and the markup in the bidder's name is inert text in it.
      const page = readFileSync(join(c.cwd, "out", "whatif.html"), "utf8");
      expect(page).not.toContain(HOSTILE_BIDDER);
      expect(page).not.toContain("<img src=x");
      // The page's two script elements (its data, its code) and no other: the name could not open or close one.
      expect(page.match(/<script type=/g)?.length).toBe(2);
    } else {
      expect(result.stderr).toMatch(c.says);
      expect(existsSync(join(c.cwd, "out")), "nothing is written").toBe(false);
    }
  });

  afterAll(() => {
    console.log(`Hostile-input corpus (time, peak memory per run):\n  ${measurements.sort().join("\n  ")}`);
  });

  it("every command that reads files takes at least one case", () => {
    const commands = new Set(cases.map((c) => c.args[0]));
    for (const command of ["validate", "score", "review", "report", "summaries", "equality", "whatif", "scoresheets", "profiles-sheet"]) expect(commands).toContain(command);
  });
});
