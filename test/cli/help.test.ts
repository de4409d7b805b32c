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
