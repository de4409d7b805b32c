import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { exampleFolder } from "../example-tender.js";
import { docxText } from "../documents/docx-helpers.js";
import { runCli } from "./harness.js";

function exampleCopy(edit: (bids: Record<string, any>) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), "tender-eval-decl-"));
  cpSync(exampleFolder, dir, { recursive: true });
  const bids = parse(readFileSync(join(dir, "bids.yaml"), "utf8"));
  edit(bids);
  writeFileSync(join(dir, "bids.yaml"), stringify(bids));
  return dir;
}

describe("declarations of interests", () => {
  it("validate shows a missing or undated declaration once scores are in, as a warning", async () => {
    const dir = exampleCopy((bids) => {
      bids.panel.declarations = bids.panel.declarations.filter((d: { evaluator: string }) => d.evaluator !== "E3");
      delete bids.panel.declarations[0].date;
    });
    const run = await runCli(["validate", dir]);
    expect(run.code).toBe(0);
    const out = run.stdout + run.stderr;
    expect(out).toContain("evaluator E3 has no declaration of interests recorded");
    expect(out).toContain("panel.declarations[0]");
    expect(out).toContain("evaluator E1 has made the declaration of interests without a date");
  });

  it("before the score sheets come back, declarations are still to come, not a problem", async () => {
    const dir = exampleCopy((bids) => {
      bids.panel.declarations = [];
      bids.moderation = [];
      for (const bid of bids.bids) {
        delete bid.price;
        delete bid.scores;
      }
    });
    const run = await runCli(["validate", dir]);
    expect(run.stdout + run.stderr).not.toContain("declaration of interests");
  });
});

describe("equality --stage", () => {
  it("at needs analysis and decommissioning, a specification and findings are enough", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tender-eval-ea-"));
    for (const f of ["specification.yaml", "equality-findings.yaml"]) cpSync(join(exampleFolder, f), join(dir, f));
    for (const [stage, words] of [["needs-analysis", "Needs analysis"], ["decommissioning", "Decommissioning"]] as const) {
      const run = await runCli(["equality", dir, "--stage", stage, "--findings", join(dir, "equality-findings.yaml"), "--out", join(dir, `${stage}.docx`), "--date", "2026-12-05"]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain("the weighting review was not run");
      const text = docxText(readFileSync(join(dir, `${stage}.docx`)));
      expect(text).toContain(`Stage\n${words}`);
      expect(text).toContain("Riverside disability engagement survey 2025");
    }
  });

  it("refuses a stage it does not know", async () => {
    const run = await runCli(["equality", exampleFolder, "--stage", "award"]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/needs-analysis/);
  });
});
