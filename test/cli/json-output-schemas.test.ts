import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FIELD_REFERENCE_COMMAND } from "../../src/node/field-reference.js";
import { flagToJson } from "../../src/presentation/json.js";
import { outputJsonSchemas, outputSchemaFile, outputSchemas, type OutputKind } from "../../src/presentation/output-schemas/index.js";
import { flagArgs } from "../../src/presentation/output-schemas/flags.js";
import { renderOutputReference } from "../../src/presentation/output-schemas/reference.js";
import { flag } from "../../src/problems/problem.js";
import { exact } from "../../src/arithmetic/exact.js";
import { exampleFolder } from "../example-tender.js";
import { writeLotsTender } from "../lots-tender.js";
import { runCli } from "./harness.js";

const committed = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");

/**
 * An output is checked twice: against the zod schema it is generated from (strict: a field the schema does
 * not describe fails), and against the JSON Schema file as published in schemas/, read back as a program would.
 */
function expectShape(kind: OutputKind, output: unknown) {
  const strict = outputSchemas[kind].safeParse(output);
  expect(strict.success, strict.success ? "" : z.prettifyError(strict.error)).toBe(true);
  const published = z.fromJSONSchema(JSON.parse(committed(`schemas/${outputSchemaFile(kind)}`)));
  const read = published.safeParse(output);
  expect(read.success, read.success ? "" : z.prettifyError(read.error)).toBe(true);
}

const model = join(exampleFolder, "scoring-model.yaml");
const profiles = join(exampleFolder, "whatif-profiles.yaml");

describe("the published schemas of the JSON outputs", () => {
  it.each(Object.entries(outputJsonSchemas()))("schemas/%s is generated from the current zod schema", (name, text) => {
    expect(committed(`schemas/${name}`), `run \`${FIELD_REFERENCE_COMMAND}\` and commit the result`).toBe(text);
  });

  it("docs/json-output.md is generated from the same schemas", () => {
    expect(committed("docs/json-output.md"), `run \`${FIELD_REFERENCE_COMMAND}\` and commit the result`).toBe(renderOutputReference(FIELD_REFERENCE_COMMAND));
  });

  it("every field of every output carries a .describe() text", () => {
    const missing: string[] = [];
    const walk = (node: Record<string, unknown>, path: string) => {
      for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        // A constant that tells forms apart (the price method's type) is described by the field that holds it.
        if (child.const === undefined && (typeof child.description !== "string" || child.description === "")) missing.push(`${path}.${name}`);
        walk(child, `${path}.${name}`);
        for (const inner of [child.items, child.additionalProperties, ...((child.anyOf ?? child.oneOf ?? []) as unknown[])]) {
          if (inner !== null && typeof inner === "object") walk(inner as Record<string, unknown>, `${path}.${name}[]`);
        }
      }
      for (const v of (node.oneOf ?? node.anyOf ?? []) as Record<string, unknown>[]) walk(v, path);
      for (const [id, def] of Object.entries((node.$defs ?? {}) as Record<string, Record<string, unknown>>)) walk(def, `$defs.${id}`);
    };
    for (const [name, text] of Object.entries(outputJsonSchemas())) walk(JSON.parse(text), name);
    expect(missing).toEqual([]);
  });
});

describe("every command's --json output on the bundled example has its published shape", () => {
  it("score: results.json and what score --json prints", async () => {
    const run = await runCli(["score", exampleFolder, "--out", "results.json", "--json"]);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout);
    expectShape("results", printed);
    expect(JSON.parse(readFileSync(join(run.cwd, "results.json"), "utf8"))).toEqual(printed);
    expect(printed).toMatchObject({ kind: "results", schemaVersion: 1, units: { weights: "percent", money: "pounds" } });
    // The published schema is a real check, not a pass for anything: a field it does not describe, or a
    // plain number where an exact one belongs (a `$ref` to `$defs.exact`), is refused.
    const published = z.fromJSONSchema(JSON.parse(committed("schemas/output-results.schema.json")));
    expect(published.safeParse({ ...printed, extra: 1 }).success).toBe(false);
    const plain = structuredClone(printed);
    plain.result.bids[0].total = 88.3;
    expect(published.safeParse(plain).success).toBe(false);
    // Weights in percent: the example's quality section is weighted 45%.
    expect(printed.result.bids[0].sections[0]).toMatchObject({ section: "quality", weight: { value: 45, exact: "45" } });
  });

  it("score on a tender in lots: each lot's results and award, and the rule (lots-results)", async () => {
    const folder = writeLotsTender();
    const run = await runCli(["score", folder, "--out", join(folder, "results.json"), "--json"]);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout);
    expectShape("lots-results", printed);
    expect(printed).toMatchObject({ kind: "lots-results", schemaVersion: 1, units: { weights: "percent", money: "pounds" } });
    expect(printed.lots[0].result.lot).toEqual({ id: "L1", title: "North Riverside", estimatedValue: 600000 });
    // The award is checked as strictly as the rest: an unknown status is refused.
    const published = z.fromJSONSchema(JSON.parse(committed("schemas/output-lots-results.schema.json")));
    const wrong = structuredClone(printed);
    wrong.lots[0].award.status = "won";
    expect(published.safeParse(wrong).success).toBe(false);
  });

  it("review: the tender with its bids, and the scoring model alone", async () => {
    const tender = await runCli(["review", exampleFolder, "--json"]);
    expect(tender.code).toBe(0);
    const out = JSON.parse(tender.stdout);
    expectShape("review", out);
    expect(out.effectiveWeights.length).toBeGreaterThan(0);
    expect(out.flags.every((f: { bidIds: unknown }) => Array.isArray(f.bidIds))).toBe(true);

    const alone = await runCli(["review", "--model", model, "--json"]);
    const outAlone = JSON.parse(alone.stdout);
    expectShape("review", outAlone);
    expect(outAlone.notChecked.length).toBeGreaterThan(0);
    expect(outAlone).not.toHaveProperty("effectiveWeights");
  });

  it("whatif: every bid keyed by id, the excluded one too, with weights in percent", async () => {
    const run = await runCli(["whatif", exampleFolder, "--bid", "B1", "--samples", "1000", "--json"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expectShape("whatif", out);
    expect(out.organisationBidId).toBe("B1");
    // B6 fails the safeguarding minimum: it is named, not dropped, and has no chances.
    expect(Object.keys(out.smaa.bids).sort()).toEqual(["B1", "B2", "B3", "B4", "B5", "B6"]);
    expect(out.smaa.bids.B6).toEqual({ bidder: expect.any(String), status: "excluded", rankAcceptability: null, typicalWeightsWhenFirst: null });
    // One unit: the sampled typical weights add up to 100 (percent), as the swept weights run from 0 to 100.
    const typical = Object.values(out.smaa.bids.B1.typicalWeightsWhenFirst as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(typical).toBeCloseTo(100, 6);
    expect(out.sweeps[0].segments.at(-1).to).toEqual({ value: 100, exact: "100" });
  });

  it("whatif with profiles, and with limits on the weights", async () => {
    const run = await runCli(["whatif", "--model", model, "--profiles", profiles, "--samples", "1000", "--weight-range", "socialValue=10-25", "--json"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expectShape("whatif", out);
    expect(out).toMatchObject({ basis: "profiles", organisationBidId: "organisation", smaa: { weightLimits: { socialValue: { low: 10, high: 25 } } } });
  });

  it("validate: a whole tender, and a model alone", async () => {
    const tender = JSON.parse((await runCli(["validate", exampleFolder, "--json"])).stdout);
    expectShape("validate", tender);
    expect(tender).toMatchObject({ ok: true, stage: "scored" });
    const alone = JSON.parse((await runCli(["validate", "--model", model, "--json"])).stdout);
    expectShape("validate", alone);
    expect(alone).not.toHaveProperty("stage");
  });

  it("validate with problems, and a command that fails: every problem located", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tender-eval-json-"));
    cpSync(exampleFolder, dir, { recursive: true });
    writeFileSync(join(dir, "bids.yaml"), readFileSync(join(dir, "bids.yaml"), "utf8").replace("score: 4", "score: 7"));
    const checked = await runCli(["validate", dir, "--json"]);
    expect(checked.code).toBe(1);
    const out = JSON.parse(checked.stdout);
    expectShape("validate", out);
    expect(out.problems[0]).toMatchObject({ code: "bids.score-not-on-scale", line: expect.any(Number), path: expect.stringMatching(/^bids\[/) });

    const failed = await runCli(["score", dir, "--json"]);
    expect(failed.code).toBe(1);
    expectShape("failed", JSON.parse(failed.stdout));
  });

  it("the commands that write files say what they wrote", async () => {
    const run = await runCli(["report", exampleFolder, "--out", "report.docx", "--date", "2026-11-21", "--json"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expectShape("written", out);
    expect(out.written).toEqual(["report.docx"]);
  });
});

describe("the template commands' --json output has its published shape", () => {
  it("templates list and templates check", async () => {
    const list = JSON.parse((await runCli(["templates", "list", "--json"])).stdout);
    expectShape("template-fields", list);
    expect(Object.keys(list.documents)).toContain("assessment-summary");
    const bundled = new URL("../../templates/assessment-summary.docx", import.meta.url).pathname;
    const check = JSON.parse((await runCli(["templates", "check", bundled, "--kind", "assessment-summary", "--json"])).stdout);
    expectShape("template-check", check);
    expect(check.ok).toBe(true);
  });
});

describe("review flags name bids by id", () => {
  it("bidIds gathers every bid a flag is about, in the order its args name them, beside the names for people", () => {
    const reversal = flag("review.rank-reversal", "warning", { document: "model" }, { bidId: "B5", bidder: "Access Together CIC", firstBidId: "B2", firstBidder: "National Care", secondBidId: "B4", secondBidder: "Peer Power" }, "source");
    const json = flagToJson(reversal);
    expect(json.bidIds).toEqual(["B5", "B2", "B4"]);
    expect(json.args).toMatchObject({ bidder: "Access Together CIC" });
    expectShapeOfFlag(json);

    const token = flag(
      "review.token-weight",
      "warning",
      { document: "model" },
      { section: "userPanel", sectionTitle: "User panel", swing: exact(1), step: exact(2), heaviest: { id: "Q1", title: "Q" }, outcome: { overtaken: { aheadBidId: "B3", ahead: "C", behindBidId: "B1", behind: "A" } } },
      "source",
    );
    expect(flagToJson(token).bidIds).toEqual(["B3", "B1"]);
  });

  it("every flag's bid fields follow the naming rule bidIds relies on (bidId, or a name ending in BidId)", () => {
    const offenders: string[] = [];
    const walk = (node: Record<string, unknown>, path: string) => {
      for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (typeof child.description === "string" && /the bid's id/.test(child.description) && !/^(bidId|\w+BidId)$/.test(name)) offenders.push(`${path}.${name}`);
        walk(child, `${path}.${name}`);
      }
    };
    for (const [code, schema] of Object.entries(flagArgs)) walk(z.toJSONSchema(schema, { io: "output" }) as Record<string, unknown>, code);
    expect(offenders).toEqual([]);
  });
});

function expectShapeOfFlag(json: unknown) {
  const text = JSON.parse(JSON.stringify(json));
  const review = { kind: "review", schemaVersion: 1, units: { weights: "percent", money: "pounds" }, ok: true, policy: { id: "p", title: "P" }, flags: [text], problems: [] };
  expectShape("review", review);
}

describe("the optional parts of each shape, on variants of the bundled example", () => {
  /** The example in a temporary folder, with some text replaced in its files. */
  function variant(changes: Partial<Record<"bids.yaml" | "scoring-model.yaml", (text: string) => string>>) {
    const dir = mkdtempSync(join(tmpdir(), "tender-eval-json-"));
    cpSync(exampleFolder, dir, { recursive: true });
    for (const [file, change] of Object.entries(changes)) writeFileSync(join(dir, file), change(readFileSync(join(dir, file), "utf8")));
    return dir;
  }

  it("a published rounding rule: the rule, and each figure it changed beside its exact value", async () => {
    const dir = variant({ "scoring-model.yaml": (t) => `${t}\nrounding:\n  step: 1\n` });
    const out = JSON.parse((await runCli(["score", dir, "--out", "r.json", "--json"])).stdout);
    expectShape("results", out);
    expect(out.result.rounding).toEqual({ step: 1, of: "criterion" });
    expect(JSON.stringify(out.result.bids)).toContain('"unroundedPoints"');
  });

  it("scores still to moderate, and a price far below the others: flags name the bid by id", async () => {
    const dir = variant({
      // B2 (National Care Partnership) at a third of its price; E1 far from the others on B1's first answer.
      "bids.yaml": (t) => t.replace("years: [170000, 170000, 170000]", "years: [60000, 60000, 60000]").replace("extensionYears: [175000, 175000]", "extensionYears: [60000, 60000]").replace("score: 4", "score: 1"),
    });
    const scored = JSON.parse((await runCli(["score", dir, "--out", "r.json", "--allow-incomplete", "--json"])).stdout);
    expectShape("results", scored);
    expect(scored.result.moderationNeeded.length).toBeGreaterThan(0);

    const review = JSON.parse((await runCli(["review", dir, "--json", "--fail-on", "never"])).stdout);
    expectShape("review", review);
    const low = review.flags.find((f: { code: string }) => f.code === "review.abnormally-low-price");
    expect(low).toMatchObject({ bidIds: ["B2"], args: { bidId: "B2", bidder: "National Care Partnership Ltd" } });
  });
});
