import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { writeOutputs, type CliIo, type OutputFs } from "../../src/cli/io.js";
import { reportProblems } from "../../src/cli/report-problems.js";
import { problem } from "../../src/problems/problem.js";
import { TOOL_VERSION } from "../../src/version.js";
import { exampleFolder } from "../example-tender.js";
import { runCli } from "./harness.js";

const ESC = "\u001b[31m";
const RLO = "\u202e";
const fresh = (prefix: string) => mkdtempSync(join(tmpdir(), `tender-eval-${prefix}-`));
const copyExample = () => {
  const dir = fresh("example");
  cpSync(exampleFolder, join(dir, "tender"), { recursive: true });
  return dir;
};
/** Everything left in a folder, however deep. */
const everything = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String) : []);

describe("what the terminal shows from the inputs cannot act on the terminal", () => {
  it("a returned file named with an escape sequence and a right-to-left override is shown with visible stand-ins", async () => {
    const dir = copyExample();
    mkdirSync(join(dir, "returned"));
    writeFileSync(join(dir, "returned", `${ESC}red${RLO}.csv`), "Bid,Score\n");
    const run = await runCli(["score", "tender", "--sheets", "returned", "--out", "out/results.json"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("␛[31mred<U+202E>.csv: cannot be read as a spreadsheet");
    expect(run.stderr).not.toContain("\u001b");
    expect(run.stderr).not.toContain(RLO);
  });

  it("reportProblems makes a message quoting hostile text safe whoever's output it is written to", () => {
    let stderr = "";
    const io: CliIo = { cwd: ".", stdout: () => undefined, stderr: (t) => void (stderr += `${t}\n`) };
    reportProblems(io, [problem("sheets.unknown-bid", { file: `E1${RLO}.xlsx`, sheet: "Quality", cell: "A3" }, { bid: `${ESC}B9\u0007` })]);
    expect(stderr).toContain('E1<U+202E>.xlsx: sheet "Quality", cell A3: "␛[31mB9␇" is not a bid in this tender');
    expect(stderr).not.toMatch(/[\u001b\u0007\u202e]/);
  });

  it("a usage error echoing a hostile argument is made safe too", async () => {
    const run = await runCli(["validate", "--no-such-option", `${ESC}x`]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain("\u001b");
  });
});

describe("the built command and a reader that stops early", () => {
  const bin = new URL("../../dist/cli/bin.js", import.meta.url).pathname;
  it("ends quietly when stdout is closed before it writes (tender-eval score … | head -1)", async () => {
    expect(existsSync(bin), "run npm run build first").toBe(true);
    const dir = copyExample();
    const child = spawn(process.execPath, [bin, "score", "tender", "--out", "out/results.json"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    // Close our end at once, as `head -1` does once it has its line: every write the command makes fails.
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).not.toContain("EPIPE");
    expect(code).toBe(0);
    expect(everything(join(dir, "out"))).toEqual(["results.json"]);
  });
});

describe("an output that cannot be written leaves nothing and says why", () => {
  const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
  /** node:fs/promises with one operation failing as a read-only folder or a full disk would. */
  function failing(options: { onWrite: number; code: string; partly?: boolean }): OutputFs {
    let writes = 0;
    return {
      mkdir: (path) => mkdir(path),
      rename: (from, to) => rename(from, to),
      rm: (path, o) => rm(path, o),
      async writeFile(path, data) {
        if (++writes !== options.onWrite) return writeFile(path, data);
        // A full disk fails part-way through a file: the first half is on disk when the error comes.
        if (options.partly) await writeFile(path, typeof data === "string" ? data.slice(0, data.length / 2) : data.subarray(0, data.length / 2));
        throw errno(options.code);
      },
    };
  }

  it("a full disk midway through the second of three files: no temporary files, no folders made", async () => {
    const cwd = fresh("full-disk");
    const io: CliIo = { cwd, stdout: () => undefined, stderr: () => undefined, fs: failing({ onWrite: 2, code: "ENOSPC", partly: true }) };
    const files = ["a.json", "b.xlsx", "c.docx"].map((name) => ({ path: join("out", "deep", name), bytes: "x".repeat(10_000) }));
    await expect(writeOutputs(io, files, false)).rejects.toThrow(`${join("out", "deep", "b.xlsx")}: could not be written: the disk is full`);
    expect(everything(cwd)).toEqual([]);
  });

  it("a full disk in a folder that already exists leaves the folder as it was", async () => {
    const cwd = fresh("full-disk-existing");
    writeFileSync(join(cwd, "keep.txt"), "mine");
    const io: CliIo = { cwd, stdout: () => undefined, stderr: () => undefined, fs: failing({ onWrite: 2, code: "ENOSPC", partly: true }) };
    await expect(writeOutputs(io, ["a", "b", "c"].map((n) => ({ path: `${n}.json`, bytes: "{}" })), false)).rejects.toThrow("b.json: could not be written: the disk is full");
    expect(everything(cwd)).toEqual(["keep.txt"]);
  });

  it("a read-only folder, through the command: the message, exit code 1 and nothing written", async () => {
    const cwd = copyExample();
    let stderr = "";
    const io: CliIo = { cwd, stdout: () => undefined, stderr: (t) => void (stderr += `${t}\n`), fs: failing({ onWrite: 1, code: "EROFS" }) };
    const code = await main(["score", "tender", "--out", "out/results.json", "--xlsx", "out/results.xlsx"], io);
    expect(code).toBe(1);
    expect(stderr).toBe(`${join("out", "results.json")}: could not be written: the folder is read-only\nNothing was written.\n`);
    expect(existsSync(join(cwd, "out"))).toBe(false);
    expect(everything(join(cwd, "tender")).some((f) => f.includes("partial"))).toBe(false);
  });
});

describe("a bug is not bad input", () => {
  /** An io whose stdout fails with a plain Error: an unexpected exception inside a command, with no hook in the product. */
  const brokenStdout = (captured: { stderr: string }): CliIo => ({
    cwd: exampleFolder,
    stdout: () => {
      throw new Error("simulated fault\nsecond line of detail");
    },
    stderr: (t) => void (captured.stderr += `${t}\n`),
  });

  it("prints one short line with the version and how to report it, no stack, and exits 70", async () => {
    const captured = { stderr: "" };
    const code = await main(["validate", "."], brokenStdout(captured));
    expect(code).toBe(70);
    const lines = captured.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`tender-eval ${TOOL_VERSION}`);
    expect(lines[0]).toContain("not in your files (simulated fault)");
    expect(lines[0]).toContain("Please report it");
    expect(captured.stderr).not.toMatch(/^\s+at /m);
  });

  it("shows the stack with --debug", async () => {
    const captured = { stderr: "" };
    expect(await main(["validate", ".", "--debug"], brokenStdout(captured))).toBe(70);
    expect(captured.stderr).toMatch(/^\s+at /m);
  });
});

describe("an output folder that cannot be made", () => {
  // Node 20's recursive mkdir never returns for a path under /proc; the command must answer at once.
  it.skipIf(!existsSync("/proc/self"))("under /proc: refused in a moment, exit 1, with the path and why", async () => {
    const started = performance.now();
    const run = await runCli(["score", exampleFolder, "--out", "/proc/tender-eval-no-such-folder/results.json"]);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("/proc/tender-eval-no-such-folder/results.json: could not be written: the folder cannot be made there");
  });

  it("where a file stands in the way: exit 1, in words, not Node's", async () => {
    const first = await runCli(["--version"]);
    writeFileSync(join(first.cwd, "afile"), "x");
    const run = await runCli(["score", exampleFolder, "--out", "afile/x/results.json"], first.cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("afile/x/results.json: could not be written: part of the path is a file, not a folder");
  });
});
