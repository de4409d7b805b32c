import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { outputSchemas, type OutputKind } from "../../src/presentation/output-schemas/index.js";
import { exampleFolder } from "../example-tender.js";
import { runCli } from "./harness.js";

/** Every command can print JSON, for programs: what it found or wrote, and every problem. */
describe("--json on every command", () => {
  const model = join(exampleFolder, "scoring-model.yaml");
  const cases: [string, string[]][] = [
    ["validate", ["validate", exampleFolder]],
    ["scoresheets", ["scoresheets", exampleFolder, "--out-dir", "sheets"]],
    ["score", ["score", exampleFolder, "--out", "results.json"]],
    ["review", ["review", exampleFolder]],
    ["whatif", ["whatif", exampleFolder, "--samples", "1000", "--html", "page.html"]],
    ["profiles-sheet", ["profiles-sheet", "--model", model, "--out", "p.xlsx"]],
    ["report", ["report", exampleFolder, "--out", "report.docx", "--date", "2026-11-21"]],
    ["summaries", ["summaries", exampleFolder, "--out-dir", "letters", "--date", "2026-11-21"]],
    ["equality", ["equality", exampleFolder, "--out", "ea.docx", "--date", "2026-11-21"]],
    ["templates", ["templates", "list", "--kind", "assessment-summary"]],
    ["demo", ["demo", "--out", "demo", "--date", "2026-11-21"]],
    ["schema", ["schema", "--out", "schemas"]],
  ];

  it.each(cases)("%s prints one JSON document and nothing else on stdout, of a published kind and shape", async (_name, args) => {
    const run = await runCli([...args, "--json"]);
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    // Its kind names the schema it follows (schemas/output-<kind>.schema.json); a field that schema does not describe fails.
    const out = JSON.parse(run.stdout);
    expect(Object.keys(outputSchemas)).toContain(out.kind);
    const shape = outputSchemas[out.kind as OutputKind].safeParse(out);
    expect(shape.success, shape.success ? "" : z.prettifyError(shape.error)).toBe(true);
  });

  it("document commands say what they wrote, relative to where they were asked to write", async () => {
    const run = await runCli(["summaries", exampleFolder, "--out-dir", "letters", "--date", "2026-11-21", "--json"]);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ ok: true, problems: [] });
    expect(out.written).toHaveLength(6);
    expect(out.written[0]).toMatch(/^letters\/assessment-summary-B\d-/);
  });

  it("a failure is JSON too: ok false, nothing written, and every located problem", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tender-eval-json-"));
    cpSync(exampleFolder, dir, { recursive: true });
    writeFileSync(join(dir, "bids.yaml"), readFileSync(join(dir, "bids.yaml"), "utf8").replace("score: 4", "score: 7"));
    const run = await runCli(["report", dir, "--out", "report.docx", "--json"]);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ ok: false, written: [] });
    expect(out.problems[0]).toMatchObject({ code: "bids.score-not-on-scale", severity: "error" });
    expect(out.problems[0].line).toBeGreaterThan(0);
  });
});
