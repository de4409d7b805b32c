import { withUserPanelCombined } from "../../src/scoring/user-panel.js";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { toJsonValue } from "../../src/presentation/json.js";
import { exampleFolder, loadExample } from "../example-tender.js";
import { runCli } from "../cli/harness.js";
import { filledSheets, tenderWithoutScores } from "./sheets-fixtures.js";

describe("Excel round trip", () => {
  it("generate sheets → fill them as people would → score → the same results as the tender scored from YAML", async () => {
    const dir = tenderWithoutScores();
    const sheetsDir = join(dir, "returned");
    mkdirSync(sheetsDir);
    for (const [name, bytes] of await filledSheets({ asText: true })) writeFileSync(join(sheetsDir, name), bytes);

    const run = await runCli(["score", dir, "--sheets", sheetsDir, "--out", "results.json", "--xlsx", "results.xlsx"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const fromSheets = JSON.parse(readFileSync(join(run.cwd, "results.json"), "utf8")).result;
    const fromYaml = scoreTender(loadExample());
    if (!fromYaml.ok) throw new Error("example must score");
    // results.json gives the user panel's combined scores only.
    expect(fromSheets).toEqual(JSON.parse(JSON.stringify(toJsonValue(withUserPanelCombined(fromYaml.value)))));
  });

  it("the built command (dist/, as installed) gives the same results", async () => {
    const bin = new URL("../../dist/cli/bin.js", import.meta.url).pathname;
    expect(existsSync(new URL("../../dist/node/task-worker.js", import.meta.url)), "run npm run build first").toBe(true);
    const dir = tenderWithoutScores();
    const sheetsDir = join(dir, "returned");
    mkdirSync(sheetsDir);
    for (const [name, bytes] of await filledSheets()) writeFileSync(join(sheetsDir, name), bytes);
    const out = mkdtempSync(join(tmpdir(), "tender-eval-bin-"));
    execFileSync(process.execPath, [bin, "score", dir, "--sheets", sheetsDir, "--out", "results.json", "--xlsx", "results.xlsx"], { cwd: out });
    const fromSheets = JSON.parse(readFileSync(join(out, "results.json"), "utf8")).result;
    const fromYaml = scoreTender(loadExample());
    if (!fromYaml.ok) throw new Error("example must score");
    // results.json gives the user panel's combined scores only.
    expect(fromSheets).toEqual(JSON.parse(JSON.stringify(toJsonValue(withUserPanelCombined(fromYaml.value)))));
  });

  it("scoresheets writes one workbook per evaluator, per user-panel member and a price schedule per bid", async () => {
    const run = await runCli(["scoresheets", exampleFolder, "--out-dir", "sheets"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("score-sheet-E1.xlsx  (Commissioning Manager (E1): quality and social value)");
    expect(run.stdout).toContain("user-panel-sheet-P1.xlsx");
    expect(run.stdout).toContain("price-schedule-B6.xlsx");
    expect(run.stdout).toContain("Wrote 15 files");
    expect(run.stdout).toContain("user-panel-form-P1.docx  (user-panel member P1: the same questions as a large-print Word form)");
  });
});
