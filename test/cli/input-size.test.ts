import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FILE_LIMITS, readFileOnDisk } from "../../src/node/files.js";
import { exampleFolder } from "../example-tender.js";
import { runCli } from "./harness.js";

/**
 * Inputs over the size limit are refused by their size on disk, before anything is read: the files here
 * are sparse (a size, no bytes on disk), so reading one would take seconds and gigabytes of memory.
 */
const sparse = (path: string, bytes: number) => {
  const fd = openSync(path, "w");
  ftruncateSync(fd, bytes);
  closeSync(fd);
};
const copyExample = () => {
  const dir = mkdtempSync(join(tmpdir(), "tender-eval-size-"));
  cpSync(exampleFolder, join(dir, "tender"), { recursive: true });
  return dir;
};

describe("inputs over the size limit are refused before they are read", () => {
  it("a 4 GB bids file: named, its size given, at once and without the memory", async () => {
    const dir = copyExample();
    sparse(join(dir, "tender", "bids.yaml"), 4 * 1024 ** 3);
    const heapBefore = process.memoryUsage().rss;
    const start = performance.now();
    const run = await runCli(["validate", "tender"], dir);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(process.memoryUsage().rss - heapBefore).toBeLessThan(200 * 1024 * 1024);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join("tender", "bids.yaml")}: could not be read: it is 4096 MB, more than the 32 MB tender-eval reads for a bids file`);
  });

  it("a scoring model just over its 5 MB", async () => {
    const dir = copyExample();
    sparse(join(dir, "tender", "scoring-model.yaml"), FILE_LIMITS.text.bytes + 1);
    const run = await runCli(["validate", "tender"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join("tender", "scoring-model.yaml")}: could not be read: it is 5,242,881 bytes, more than the 5 MB tender-eval reads for a YAML or JSON input`);
  });

  it("a returned workbook larger than any workbook may unpack to; a large file that is not a workbook is not read at all", async () => {
    const dir = copyExample();
    mkdirSync(join(dir, "returned"));
    sparse(join(dir, "returned", "score-sheet-E1.xlsx"), FILE_LIMITS.package.bytes + 1024 * 1024);
    sparse(join(dir, "returned", "meeting-recording.mp4"), 8 * 1024 ** 3);
    const run = await runCli(["score", "tender", "--sheets", "returned", "--out", "out/results.json"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join("returned", "score-sheet-E1.xlsx")}: could not be read: it is 161 MB, more than the 160 MB tender-eval reads for a workbook or Word template`);
  });

  it("a file whose size says nothing (a named pipe) is still cut off at the limit", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tender-eval-size-"));
    execFileSync("mkfifo", [join(dir, "pipe.yaml")]);
    const writer = spawn("sh", ["-c", `head -c 3000000 /dev/zero > "${join(dir, "pipe.yaml")}"`], { stdio: "ignore" });
    await expect(readFileOnDisk("pipe.yaml", { cwd: dir, limit: { bytes: 1024 * 1024, what: "a test file" } })).rejects.toThrow("pipe.yaml: it holds more than the 1 MB tender-eval reads for a test file");
    writer.kill();
  });
});
