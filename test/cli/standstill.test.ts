import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exampleFolder, exampleText } from "../example-tender.js";
import { docxText } from "../documents/docx-helpers.js";
import { runCli } from "./harness.js";

const letterOf = (cwd: string, dir = "letters") => docxText(readFileSync(join(cwd, dir, "assessment-summary-B2-national-care-partnership-ltd.docx")));
const standstillParagraph = (text: string) => /There is a standstill period[^\n]*/.exec(text)?.[0] ?? "";

describe("summaries --award-notice-date: the standstill period in the assessment summaries", () => {
  it("with the notice date, every summary says when the standstill ends, counted over Christmas and Scotland's 2 January", async () => {
    const run = await runCli(["summaries", exampleFolder, "--out-dir", "letters", "--date", "2026-12-18", "--award-notice-date", "2026-12-22"]);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(join(run.cwd, "letters"))).toHaveLength(6);
    // Hand count in test/model/standstill.test.ts: Tue 22, Wed 23, Thu 24, Tue 29, Wed 30, Thu 31, Tue 5, Wed 6 January.
    expect(standstillParagraph(letterOf(run.cwd))).toBe(
      "There is a standstill period of 8 working days before the contract is entered into. It starts on the day the contract award notice is published, and counts working days only: not weekends, Christmas Day, Good Friday or bank holidays in any part of the United Kingdom. " +
        "We will publish the contract award notice on Tuesday 22 December 2026, so the standstill period ends at midnight at the end of Wednesday 6 January 2027, and the contract will not be entered into before then. If the notice is published later, the period ends later.",
    );
  });

  it("without it, the rule and the length only, never a date", async () => {
    const run = await runCli(["summaries", exampleFolder, "--out-dir", "letters", "--date", "2026-12-18"]);
    expect(run.code, run.stderr).toBe(0);
    const paragraph = standstillParagraph(letterOf(run.cwd));
    expect(paragraph).toContain("There is a standstill period of 8 working days before the contract is entered into. It starts on the day the contract award notice is published");
    expect(paragraph).toContain("The contract will not be entered into before it ends.");
    expect(paragraph).not.toMatch(/\d{4}/);
  });

  it("refuses a notice date outside the bank-holiday list's years, and writes nothing", async () => {
    const run = await runCli(["summaries", exampleFolder, "--out-dir", "letters", "--date", "2024-12-18", "--award-notice-date", "2024-12-20"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("--award-notice-date: 20 December 2024 is outside the years the bank-holiday list covers (2025 to 2029)");
    expect(existsSync(join(run.cwd, "letters"))).toBe(false);
  });

  it("refuses a notice whose standstill would end outside the list's years", async () => {
    const run = await runCli(["summaries", exampleFolder, "--out-dir", "letters", "--date", "2029-12-20", "--award-notice-date", "2029-12-24", "--json"]);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as { problems: { code: string; args: unknown }[] };
    expect(out.problems.map((p) => [p.code, p.args])).toEqual([["standstill.outside-holidays", { date: "2030-01-01", which: "end", from: 2025, to: 2029 }]]);
  });

  it("warns when the end date relies on projected bank holidays", async () => {
    const run = await runCli(["summaries", exampleFolder, "--out-dir", "letters", "--date", "2028-12-20", "--award-notice-date", "2028-12-22"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("policies/uk-bank-holidays.yaml: the standstill end date relies on bank holidays for 2029 that GOV.UK has not yet published");
    expect(standstillParagraph(letterOf(run.cwd))).toContain("ends at midnight at the end of Monday 8 January 2029");
  });

  it("refuses a notice dated before the summaries (s.50(3)) and a date that is not a date", async () => {
    const early = await runCli(["summaries", exampleFolder, "--out-dir", "letters", "--date", "2026-12-18", "--award-notice-date", "2026-12-17"]);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain("s.50(3) requires the summaries first");
    const typo = await runCli(["summaries", exampleFolder, "--award-notice-date", "22/12/2026"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("--award-notice-date must be written YYYY-MM-DD");
  });

  it("counts with the authority's own bank-holiday list, and locates a mistake in it", async () => {
    const dir = (await runCli(["--version"])).cwd;
    const bundled = readFileSync(new URL("../../policies/uk-bank-holidays.yaml", import.meta.url), "utf8");
    // A special bank holiday proclaimed for Wednesday 30 December 2026 moves the end by a day.
    writeFileSync(join(dir, "ours.yaml"), bundled.replace("      - { date: 2026-12-28, name: Boxing Day (substitute day) }\n    scotland:", "      - { date: 2026-12-28, name: Boxing Day (substitute day) }\n      - { date: 2026-12-30, name: Special bank holiday }\n    scotland:"));
    const ours = await runCli(["summaries", exampleFolder, "--out-dir", "letters", "--date", "2026-12-18", "--award-notice-date", "2026-12-22", "--bank-holidays", "ours.yaml"], dir);
    expect(ours.code, ours.stderr).toBe(0);
    expect(standstillParagraph(letterOf(dir))).toContain("ends at midnight at the end of Thursday 7 January 2027");

    writeFileSync(join(dir, "bad.yaml"), bundled.replace("  to: 2029", "  to: 2031"));
    const bad = await runCli(["summaries", exampleFolder, "--out-dir", "letters2", "--date", "2026-12-18", "--award-notice-date", "2026-12-22", "--bank-holidays", "bad.yaml"], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.yaml: years \(line \d+\): says it covers 2025 to 2031 but has no bank holidays for 2030/);
    expect(bad.stderr).toMatch(/bad\.yaml: years \(line \d+\): says it covers 2025 to 2031 but has no bank holidays for 2031/);
  });

  it("refuses a standstill period shorter than the Act's eight working days, at its line in the specification", async () => {
    const dir = (await runCli(["--version"])).cwd;
    writeFileSync(join(dir, "specification.yaml"), exampleText("specification.yaml").replace("standstillWorkingDays: 8", "standstillWorkingDays: 5"));
    const run = await runCli(["summaries", exampleFolder, "--spec", "specification.yaml", "--out-dir", "letters"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/specification\.yaml: dates\.standstillWorkingDays \(line \d+\): the standstill period is 5 working days, shorter than the 8 working days the Procurement Act 2023 requires/);
  });
});
