import { describe, expect, it } from "vitest";
import { specs } from "../../src/cli/specs.js";
import { runCli } from "./harness.js";

/** Help is read in 80-column terminals: an example command must never break across lines. */
describe("--help", () => {
  it.each(Object.keys(specs))("%s: every example is a whole command on one line of at most 80 columns", async (name) => {
    const run = await runCli([name, "--help"]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    const start = lines.indexOf("Examples:");
    expect(start).toBeGreaterThan(0);
    const commands = lines.slice(start + 1).filter((l) => l.startsWith("    "));
    expect(commands.length).toBeGreaterThan(0);
    for (const line of commands) {
      expect(line).toMatch(/^ {4}tender-eval \S/);
      expect(line.length).toBeLessThanOrEqual(80);
    }
    // Each description line is followed by its command, never by the rest of a wrapped command.
    for (const [i, line] of lines.slice(start + 1).entries()) if (line.startsWith("  ") && !line.startsWith("    ")) expect(lines[start + 2 + i]).toMatch(/^ {4}tender-eval /);
  });
});

describe("help printed without yargs", () => {
  it.each(Object.keys(specs))("%s: lists exactly the options and positionals yargs parses", async (name) => {
    const { default: yargs } = await import("yargs");
    const spec = specs[name as keyof typeof specs];
    const theirs = await (spec.builder(yargs().scriptName("tender-eval")) as ReturnType<typeof yargs>).getHelp();
    const ours = (await runCli([name, "--help"])).stdout;
    const names = (text: string) => new Set([...text.matchAll(/^ {2}(--[a-z-]+|[a-z]+)(?= {2})/gm)].map((m) => m[1]));
    expect(names(ours).size).toBeGreaterThan(2); // --help, --version and the command's own
    expect(names(ours)).toEqual(names(theirs));
    expect(ours).toContain(spec.describe);
  });
});

describe("help starts at once", () => {
  it("--help and a command's --help load no package: not yargs, not zod", async () => {
    const { spawnSync } = await import("node:child_process");
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "tender-eval-help-"));
    // A module hook that names every module loaded: help must need none from node_modules.
    writeFileSync(join(dir, "hook.mjs"), 'export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("LOADED " + r.url + "\\n"); return r; }\n');
    writeFileSync(join(dir, "register.mjs"), `import { register } from "node:module"; register(${JSON.stringify(new URL(`file://${join(dir, "hook.mjs")}`).href)});\n`);
    const bin = new URL("../../dist/cli/bin.js", import.meta.url).pathname;
    for (const args of [["--help"], ["equality", "--help"], ["validate", "--help"]]) {
      const run = spawnSync(process.execPath, ["--import", join(dir, "register.mjs"), bin, ...args], { encoding: "utf8" });
      expect(run.status).toBe(0);
      const packages = run.stderr.split("\n").filter((l) => l.startsWith("LOADED ") && l.includes("/node_modules/"));
      expect(packages, args.join(" ")).toEqual([]);
    }
  });
});

describe("a mistyped command or option", () => {
  it("suggests the nearest command, and the nearest option of the command", async () => {
    const command = await runCli(["valdate", "my-tender"]);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('"valdate" is not a command: did you mean "validate"? The commands are: init, validate,');
    const option = await runCli(["validate", "--modle", "m.yaml"]);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("Unknown argument: modle\n--modle: did you mean --model?\nRun tender-eval validate --help for its options.");
  });
});
