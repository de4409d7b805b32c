import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBids, parseScoringModel, parseSpecification } from "../../src/model/parse.js";
import { nearest } from "../../src/model/zod-issues.js";
import { formatProblem } from "../../src/problems/format.js";
import { exampleFolder, exampleText } from "../example-tender.js";
import { runCli } from "./harness.js";

const edit = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return text.replace(from, to);
};

describe("every problem at once, in words a person uses", () => {
  it("schema mistakes and rule mistakes across the three files come out in one validate run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tender-eval-planted-"));
    cpSync(exampleFolder, dir, { recursive: true });
    let spec = readFileSync(join(dir, "specification.yaml"), "utf8");
    spec = edit(spec, "submissionDeadline: 2026-10-13", "submissionDeadline: 2027-02-30"); // 1 impossible date
    spec = edit(spec, "procedure: light-touch", "procedure: light-touch\nprocedur: open"); // 2 unknown field
    spec = edit(spec, "  years: 3\n", "  years: three\n"); // 3 wrong type
    let model = readFileSync(join(dir, "scoring-model.yaml"), "utf8");
    model = edit(model, "  socialValue:\n    weight: 15", "  socialValue:\n    weight: 20"); // 4 sections add up to 105
    model = edit(model, "        weight: 10\n        wordLimit: 500", "        weight: 12.5\n        wordLimit: 500"); // 5 criteria add up to 102.5
    let bids = readFileSync(join(dir, "bids.yaml"), "utf8");
    bids = edit(bids, "  userPanel:\n    - id: P1\n    - id: P2\n    - id: P3", "  userPanel: [P1, P2, P3]"); // 6, 7, 8 strings for mappings
    bids = edit(bids, "    bidder: \"Riverside Disabled People's Voice\"", "    bidder: \"Riverside Disabled People's Voice\"\n    biddr: typo"); // 9 unknown field
    bids = edit(bids, "moderation:", "moderaton: []\nmoderation:"); // 10 unknown field at the top
    writeFileSync(join(dir, "specification.yaml"), spec);
    writeFileSync(join(dir, "scoring-model.yaml"), model);
    writeFileSync(join(dir, "bids.yaml"), bids);

    const run = await runCli(["validate", dir]);
    expect(run.code).toBe(1);
    const out = run.stderr;
    expect(out).toContain("dates.submissionDeadline (line 17): 30 February 2027 does not exist (2027-02-30): check the day and month");
    expect(out).toMatch(/procedur \(line \d+\): "procedur" is not a field tender-eval knows here: did you mean "procedure"\? The fields allowed here are: title, reference,/);
    expect(out).toContain('contract.years (line 10): expected a number, got "three"');
    expect(out).toContain("the weights of the sections (price 30, quality 45, socialValue 20, userPanel 10) add up to 105, not 100");
    expect(out).toContain("the weights of the quality criteria add up to 102.5, not 100");
    for (const member of ["P1", "P2", "P3"]) expect(out).toContain(`expected a mapping of fields, got "${member}": write each entry as "- id: ${member}"`);
    expect(out).toContain('"biddr" is not a field tender-eval knows here: did you mean "bidder"?');
    expect(out).toContain('"moderaton" is not a field tender-eval knows here: did you mean "moderation"?');
    expect(out).toContain("10 errors:");
  });

  it("a bid that breaks the schema does not hide the rule mistakes in the bids that do not", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tender-eval-partial-"));
    cpSync(exampleFolder, dir, { recursive: true });
    let bids = exampleText("bids.yaml");
    bids = edit(bids, "    bidder: \"Riverside Disabled People's Voice\"", "    bidder: \"Riverside Disabled People's Voice\"\n    biddr: typo"); // schema: B1
    bids = edit(bids, "      years: [200000, 200000, 200000]", "      years: [200000]"); // rule: B1's price years, checked as if "biddr" were not there
    const b2Price = /(- id: B2[\s\S]*?years: )\[[^\]]*\]/;
    expect(bids).toMatch(b2Price);
    bids = bids.replace(b2Price, "$1[180000, 180000]"); // rule: B2 gives 2 of 3 years
    writeFileSync(join(dir, "bids.yaml"), bids);

    const run = await runCli(["validate", dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('"biddr" is not a field tender-eval knows here: did you mean "bidder"?');
    expect(run.stderr).toMatch(/bids\[1\]\.price\.years \(line \d+\): bid "B2" gives 2 contract-year prices, but the contract has 3 contract years/);
    expect(run.stderr).toMatch(/bids\[0\]\.price\.years \(line \d+\): bid "B1" gives 1 contract-year price, but the contract has 3 contract years/);
    expect(run.stderr).not.toMatch(/unknown bid|no bid/i);
    expect(run.stderr).toContain("3 errors:");
  });

  it("a newcomer's five mistakes across the three files come out in one round, each once", async () => {
    // As a new user planted them: an impossible date, a misspelt field the model needs ("critera"), weights
    // adding up to 105, user-panel members written as bare ids, and a price for the wrong number of years.
    const dir = mkdtempSync(join(tmpdir(), "tender-eval-newcomer-"));
    cpSync(exampleFolder, dir, { recursive: true });
    writeFileSync(join(dir, "specification.yaml"), edit(exampleText("specification.yaml"), "submissionDeadline: 2026-10-13", "submissionDeadline: 2027-02-30"));
    let model = edit(exampleText("scoring-model.yaml"), "  socialValue:\n    weight: 15", "  socialValue:\n    weight: 20");
    model = model.replace("    criteria:", "    critera:");
    writeFileSync(join(dir, "scoring-model.yaml"), model);
    let bids = edit(exampleText("bids.yaml"), "  userPanel:\n    - id: P1\n    - id: P2\n    - id: P3", "  userPanel: [P1, P2, P3]");
    bids = bids.replace(/(- id: B2[\s\S]*?years: )\[[^\]]*\]/, "$1[180000, 180000]");
    writeFileSync(join(dir, "bids.yaml"), bids);

    const run = await runCli(["validate", dir]);
    const out = run.stderr;
    expect(out).toContain("30 February 2027 does not exist");
    expect(out).toContain('"critera" is not a field tender-eval knows here: did you mean "criteria"?');
    expect(out).not.toContain("criteria (line"); // the missing "criteria" is the same mistake, said once
    expect(out).toContain("add up to 105, not 100");
    expect(out).toContain('got "P1": write each entry as "- id: P1"');
    expect(out).toMatch(/bids\[1\]\.price\.years \(line \d+\): bid "B2" gives 2 contract-year prices/);
    expect(out).toContain("7 errors:"); // date, critera, weights, P1, P2, P3, B2's years
  });

  it("suggests the nearest allowed name only when it is close", () => {
    expect(nearest("critera", ["id", "title", "criteria", "scale"])).toBe("criteria");
    expect(nearest("Weight", ["weight"])).toBe("weight");
    expect(nearest("budgetCap", ["type", "budget"])).toBeUndefined();
  });

  it("a thirteenth month is not a date", () => {
    const parsed = parseSpecification(edit(exampleText("specification.yaml"), "published: 2026-09-01", "published: 2026-13-01"), "spec.yaml");
    expect(parsed.ok ? [] : parsed.problems.map(formatProblem)).toEqual(["spec.yaml: dates.published (line 14): 2026-13-01 is not a date: there is no month 13 (write YYYY-MM-DD, e.g. 2026-11-21)"]);
  });

  it("says what an unknown field in a scoring model could have been", () => {
    const parsed = parseScoringModel(edit(exampleText("scoring-model.yaml"), "    criteria:", "    critera:"), "m.yaml");
    const messages = parsed.ok ? [] : parsed.problems.map(formatProblem);
    expect(messages.some((m) => m.includes('"critera" is not a field tender-eval knows here: did you mean "criteria"?'))).toBe(true);
  });

  it("counts in words with the right plural, never \"(s)\"", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tender-eval-plural-"));
    cpSync(exampleFolder, dir, { recursive: true });
    writeFileSync(join(dir, "bids.yaml"), edit(exampleText("bids.yaml"), "      years: [200000, 200000, 200000]", "      years: [200000]"));
    const run = await runCli(["validate", dir]);
    expect(run.stderr).toContain('bid "B1" gives 1 contract-year price, but the contract has 3 contract years');
    expect(parseBids(edit(exampleText("bids.yaml"), "bids:\n", "bids: []\nx:\n"), "b.yaml").ok).toBe(false);
    const empty = parseBids(`panel: { evaluators: [] }\nbids: [{ id: B1, bidder: X }]\n`, "b.yaml");
    expect(empty.ok ? [] : empty.problems.map(formatProblem)).toEqual(["b.yaml: panel.evaluators (line 1): expected at least 1 item, got a list"]);
  });
});
