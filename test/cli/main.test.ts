import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { exampleFolder } from "../example-tender.js";
import { runCli } from "./harness.js";

const copyExample = () => {
  const dir = mkdtempSync(join(tmpdir(), "tender-eval-example-"));
  cpSync(exampleFolder, dir, { recursive: true });
  return dir;
};

describe("tender-eval validate", () => {
  it("accepts the bundled example", async () => {
    const run = await runCli(["validate", exampleFolder]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Valid:");
  });

  it("lists every problem with its file, path and line, and exits 1", async () => {
    const dir = copyExample();
    const model = readFileSync(join(dir, "scoring-model.yaml"), "utf8");
    writeFileSync(join(dir, "scoring-model.yaml"), model.replace("        weight: 25\n", "        weight: ten\n").replace("type: proportional", "type: cheapest"));
    const run = await runCli(["validate", dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("2 errors:");
    expect(run.stderr).toContain(`${join(dir, "scoring-model.yaml")}: sections.quality.criteria[1].weight (line 45): expected a number, got "ten"`);
    expect(run.stderr).toContain("sections.price.method.type (line 31)");
  });

  it("prints JSON with --json", async () => {
    const run = await runCli(["validate", exampleFolder, "--json"]);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, problems: [] });
  });

  it("names a file that does not exist and exits 1", async () => {
    const run = await runCli(["validate", "--spec", "missing.yaml", "--model", "also-missing.yaml"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("missing.yaml: could not be read: no such file");
  });

  it("refuses a spreadsheet given as a YAML file, in plain words", async () => {
    const dir = copyExample();
    writeFileSync(join(dir, "bids.yaml"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x81]));
    const run = await runCli(["validate", dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("bids.yaml: could not be read: it is not UTF-8 text");
  });
});

describe("tender-eval score", () => {
  it("prints a ranked table, writes exact results as JSON and exits 0", async () => {
    const run = await runCli(["score", exampleFolder, "--out", "results.json"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1\s+Riverside Disabled People's Voice\s+£1,015,000\s+25\.42\s+39\.45\s+14\.00\s+9\.44\s+88\.31\s+ranked/);
    expect(run.stdout).toContain("Homes and Hearts Housing Association: scored 1 on Q3 (Safeguarding), below the minimum of 2");
    expect(run.stdout).toContain("Points are shown rounded to 2 decimal places");
    const json = JSON.parse(readFileSync(join(run.cwd, "results.json"), "utf8"));
    expect(json.result.bids[0].total).toEqual({ value: 3226963 / 36540, exact: "3226963/36540" });
    expect(json.inputs.map((i: { file: string }) => i.file.split("/").pop())).toEqual(["specification.yaml", "scoring-model.yaml", "bids.yaml"]);
    expect(json.inputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("writes into the tender folder's outputs/ by default, never into the folder it was run from", async () => {
    const dir = copyExample();
    const run = await runCli(["score", dir]);
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, "outputs", "results.json"))).toBe(true);
    expect(readdirSync(run.cwd)).toEqual([]);
  });

  it("never overwrites an existing output without --force, and exits 2", async () => {
    const dir = copyExample();
    const results = join(dir, "outputs", "results.json");
    const first = await runCli(["score", dir]);
    expect(first.code).toBe(0);
    writeFileSync(results, "keep me");
    const second = await runCli(["score", dir], first.cwd);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`not overwriting ${join(dir, "outputs", "results.json")}: it already exists`);
    // Run again only to look: the results still show, before the refusal.
    expect(second.stdout).toContain("Riverside Disabled People's Voice");
    expect(second.stdout).not.toContain("Results written to");
    expect(readFileSync(results, "utf8")).toBe("keep me");
    const forced = await runCli(["score", dir, "--force"], first.cwd);
    expect(forced.code).toBe(0);
    expect(readFileSync(results, "utf8")).not.toBe("keep me");
  });

  it("writes nothing when the bids are invalid, and leaves the inputs untouched", async () => {
    const dir = copyExample();
    const bids = readFileSync(join(dir, "bids.yaml"), "utf8").replace("E1: { score: 4, justification", "E1: { score: 7, justification");
    writeFileSync(join(dir, "bids.yaml"), bids);
    const before = readdirSync(dir).sort();
    const run = await runCli(["score", dir, "--out", join(dir, "results.json")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bids[0].scores.Q1.E1.score (line 41): the score 7 is not on the scale "zero-to-five"');
    expect(run.stderr).toContain("Nothing was written");
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readFileSync(join(dir, "bids.yaml"), "utf8")).toBe(bids);
  });
});

describe("usage", () => {
  it.each(["validate", "score", "demo", "schema"])("%s --help shows an example", async (command) => {
    const run = await runCli([command, "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Examples:");
  });

  it("an unknown option is a usage error (exit 2)", async () => {
    const run = await runCli(["score", "--frobnicate"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Unknown argument: frobnicate");
  });

  it("no command is a usage error (exit 2)", async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Choose a command");
  });
});

describe("tender-eval demo", () => {
  it("scores the bundled example into the folder it names", async () => {
    const run = await runCli(["demo", "--out", "out"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("out/results.json");
    expect(run.stdout).toContain("out/evaluation-report.docx");
    expect(existsSync(join(run.cwd, "out", "results.json"))).toBe(true);
  });
});

describe("the installed bin (smoke test)", () => {
  const bin = fileURLToPath(new URL("../../dist/cli/bin.js", import.meta.url));
  it("runs as a real process and sets the exit code", () => {
    expect(existsSync(bin), "run `npm run build` first (npm ci does it)").toBe(true);
    const ok = execFileSync(process.execPath, [bin, "validate", exampleFolder], { encoding: "utf8" });
    expect(ok).toContain("Valid:");
    const bad = spawnSync(process.execPath, [bin, "validate", "--model", "nope.yaml"], { encoding: "utf8" });
    expect(bad.status).toBe(1);
  });
});

describe("a results file given as the bids file", () => {
  it("is named for what it is, with how to give the scores instead", async () => {
    const first = await runCli(["score", exampleFolder, "--out", "results.json"]);
    const run = await runCli(["report", exampleFolder, "--bids", "results.json", "--out", "r.docx"], first.cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("results.json: this is a results file written by tender-eval score, not a bids file");
    expect(run.stderr.split("\n").filter((l) => l.includes("✗"))).toHaveLength(1);
  });
});

describe("scoring a tender whose bids file has no scores yet", () => {
  it("says in one line where the scores come from, instead of one error per missing score", async () => {
    const made = await runCli(["init", "tender", "--date", "2026-03-02"]);
    const run = await runCli(["score", "tender"], made.cwd);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("1 error:");
    expect(run.stderr).toContain("records no scores or prices yet: give the folder of returned score sheets and price schedules with --sheets");
  });
});
