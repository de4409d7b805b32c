import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "./harness.js";

const models = readdirSync(new URL("../../scoring-models/", import.meta.url)).map((f) => f.replace(/\.yaml$/, ""));

describe("tender-eval init", () => {
  it("--list names each ready-made model with when to use it, and writes nothing", async () => {
    const run = await runCli(["init", "--list"]);
    expect(run.code).toBe(0);
    for (const name of models) expect(run.stdout).toMatch(new RegExp(`^  ${name}\\s+\\S.*\\. \\S`, "m"));
    expect(run.stdout).toContain("Price per quality point. A well-defined service where you want value for money");
    expect(readdirSync(run.cwd)).toEqual([]);
  });

  it.each(models)("a starter from %s passes validate and scoresheets at once", async (model) => {
    const made = await runCli(["init", "tender", "--model", model, "--date", "2026-03-02"]);
    expect(made.code, made.stderr).toBe(0);
    expect(readdirSync(join(made.cwd, "tender")).sort()).toEqual(["bids.yaml", "equality-findings.yaml", "scoring-model.yaml", "specification.yaml"]);
    const validated = await runCli(["validate", "tender"], made.cwd);
    expect(validated.stderr).toBe("");
    expect(validated.code).toBe(0);
    expect(validated.stdout).toMatch(/Still to come: \d+ scores from 3 evaluators/);
    // The next step init prints: the review covers the model and process until the sheets are back.
    const reviewed = await runCli(["review", "tender"], made.cwd);
    expect(reviewed.code, reviewed.stderr).not.toBe(1);
    expect(reviewed.stdout).toContain("no scores or prices are recorded yet, so this review covers the scoring model and the process");
    const sheets = await runCli(["scoresheets", "tender", "--out-dir", "sheets"], made.cwd);
    expect(sheets.code, sheets.stderr).toBe(0);
    expect(readdirSync(join(made.cwd, "sheets")).length).toBeGreaterThan(3);
    const findings = await runCli(["equality", "tender", "--findings", "tender/equality-findings.yaml", "--out", "ea.docx", "--date", "2026-03-02"], made.cwd);
    expect(findings.code, findings.stderr).toBe(0);
  });

  it("explains every field on the line above it, from the schema's own descriptions", async () => {
    const made = await runCli(["init", "t", "--date", "2026-03-02"]);
    const spec = readFileSync(join(made.cwd, "t", "specification.yaml"), "utf8");
    expect(spec).toContain("# Length of the initial term, in years. Whole number, 1 to 25; required.\n  years: 3\n");
    expect(spec).toContain("# The procurement procedure. One of open, restricted, light-touch, reserved; required.\nprocedure: open\n");
    // An optional field the starter leaves out is there, commented out, ready to switch on.
    expect(spec).toMatch(/# reservation:\n {2}# Who the contract is reserved for\..*\n {2}# basis: supported-employment\n/);
    const lines = spec.split("\n");
    lines.forEach((line, i) => {
      if (/^\s*(# )?[\w-]+:/.test(line) && !/^\s*# (- )?[\w-]+: /.test(lines[i - 1] ?? "") && i > 0) {
        // every field line is preceded by its description (or by its parent's list marker for entries after the first)
        expect(lines[i - 1]!.trimStart().startsWith("#") || lines[i - 1]!.trimStart().startsWith("-"), `line ${i + 1}: ${line}`).toBe(true);
      }
    });
    const bids = parse(readFileSync(join(made.cwd, "t", "bids.yaml"), "utf8"));
    expect(bids.panel.evaluators.map((e: { id: string }) => e.id)).toEqual(["E1", "E2", "E3"]);
    expect(bids.bids.every((b: { scores?: unknown; price?: unknown }) => b.scores === undefined && b.price === undefined)).toBe(true);
  });

  it("never overwrites anything: exit 2 if any file it would write exists, and nothing changes", async () => {
    const dir = (await runCli(["--version"])).cwd;
    mkdirSync(join(dir, "t"));
    writeFileSync(join(dir, "t", "bids.yaml"), "keep me");
    const run = await runCli(["init", "t"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("t/bids.yaml already exists. init never replaces files");
    expect(readFileSync(join(dir, "t", "bids.yaml"), "utf8")).toBe("keep me");
    expect(existsSync(join(dir, "t", "specification.yaml"))).toBe(false);
  });

  it("an unknown model name is a usage error naming the ready-made ones", async () => {
    const run = await runCli(["init", "t", "--model", "cheapest-wins"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('there is no ready-made scoring model "cheapest-wins": choose one of price-led-failing, price-per-quality-point, quality-led-social-care');
  });
});

describe("validate and review with one file named", () => {
  it("validate --model checks only that file, never a bids.yaml or specification.yaml lying in the folder", async () => {
    const made = await runCli(["init", ".", "--date", "2026-03-02"]);
    writeFileSync(join(made.cwd, "bids.yaml"), "panel: [broken");
    writeFileSync(join(made.cwd, "specification.yaml"), "title: 12\n");
    const run = await runCli(["validate", "--model", "scoring-model.yaml"], made.cwd);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("Valid: scoring-model.yaml\n");
    writeFileSync(join(made.cwd, "model.yaml"), readFileSync(join(made.cwd, "scoring-model.yaml"), "utf8").replace("weight: 25", "weight: 35"));
    const broken = await runCli(["validate", "--model", "model.yaml"], made.cwd);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("the weights of the sections (price 35, quality 50, socialValue 15, userPanel 10) add up to 110, not 100");
  });

  it("review --model reviews the model alone and says what it could not check without a specification", async () => {
    const made = await runCli(["init", ".", "--model", "price-led-failing"]);
    writeFileSync(join(made.cwd, "specification.yaml"), "title: 12\n");
    const run = await runCli(["review", "--model", "scoring-model.yaml"], made.cwd);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("price (60%) is weighted above quality (35%)");
    expect(run.stdout).not.toContain("above the 30% this policy allows");
    expect(run.stdout).toContain("Reviewed the scoring model alone. Not checked without a specification: the price weight's limit for the kind of service");
  });

  it("validate says scores are still to come before scoring, prices or not, and every missing score is an error once one is in", async () => {
    const made = await runCli(["init", ".", "--date", "2026-03-02"]);
    const before = await runCli(["validate", "--json"], made.cwd);
    const json = JSON.parse(before.stdout);
    expect(json).toMatchObject({ ok: true, stage: "before-scoring" });
    expect(json.problems.map((p: { code: string }) => p.code)).toEqual(["tender.scores-to-come"]);
    const text = await runCli(["validate"], made.cwd);
    expect(text.stdout).toContain(
      "bids.yaml: Still to come: 54 scores from 3 evaluators and 3 user-panel members and 2 prices, from the score sheets and price schedules (send them with tender-eval scoresheets); 4 pass/fail gate results to record in the bids file (under each bid, gates: { insurance: pass, registration: pass }, with pass or fail)",
    );
    const bids = readFileSync(join(made.cwd, "bids.yaml"), "utf8").replace("  bidder: Name of the first bidder\n", "  bidder: Name of the first bidder\n  price: { years: [1, 1, 1] }\n");
    writeFileSync(join(made.cwd, "bids.yaml"), bids);
    // Prices typed in as the price schedules arrive, before any scoring: still before scoring.
    const priced = await runCli(["validate"], made.cwd);
    expect(priced.code, priced.stderr).toBe(0);
    expect(priced.stdout).toContain("Still to come: 54 scores from 3 evaluators and 3 user-panel members and 1 price,");
    // Once a score is in, every missing score is an error.
    writeFileSync(join(made.cwd, "bids.yaml"), bids.replace("  price: { years: [1, 1, 1] }\n", "  price: { years: [1, 1, 1] }\n  scores: { Q1: { E1: { score: 3, justification: Good } } }\n"));
    const after = await runCli(["validate"], made.cwd);
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('bid "B1" has no score from E2 for criterion Q1');
  });
});
