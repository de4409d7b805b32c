import { describe, expect, it } from "vitest";
import { modelHash } from "../../src/model/model-hash.js";
import { validateTender } from "../../src/scoring/validate-tender.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { makeScoreSheets } from "../../src/spreadsheets/score-sheets.js";
import { loadExample } from "../example-tender.js";

/**
 * A specialist assessor for one criterion (issue: evaluators per criterion, not only per section): the
 * example's safeguarding question Q3 is also scored by a safeguarding lead, E4, who scores nothing else.
 */
function withSafeguardingLead(score = 2) {
  const input = loadExample();
  input.bids.panel.evaluators.push({ id: "E4", role: "Safeguarding lead", sections: ["quality"], criteria: ["Q3"] });
  input.bids.panel.declarations.push({ evaluator: "E4", declared: true, date: "2026-10-14" });
  for (const bid of input.bids.bids) bid.scores["Q3"]!["E4"] = { score, justification: "Assessed against the safeguarding standard." };
  return input;
}

describe("an evaluator named for some criteria only", () => {
  it("is expected to score those criteria and no others", () => {
    const problems = validateTender(withSafeguardingLead());
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("counts in the combined score of those criteria only", () => {
    // B1's Q3 was 4, 4, 4 from E1–E3; with E4's 2 the mean is 14/4 = 3.5. Q1 is unchanged: 4, 4, 5.
    const scored = scoreTender(withSafeguardingLead());
    if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
    const b1 = scored.value.bids.find((b) => b.bidId === "B1")!.sections.find((s) => s.section === "quality")!.criteria;
    const q3 = b1.find((c) => c.criterionId === "Q3")!;
    expect(q3.evaluatorScores.map((e) => e.evaluatorId)).toEqual(["E1", "E2", "E3", "E4"]);
    expect(b1.find((c) => c.criterionId === "Q1")!.evaluatorScores.map((e) => e.evaluatorId)).toEqual(["E1", "E2", "E3"]);
  });

  it("refuses a score outside those criteria, and criteria outside the evaluator's sections", () => {
    const input = withSafeguardingLead();
    input.bids.bids[0]!.scores["Q1"]!["E4"] = { score: 3, justification: "x" };
    input.bids.panel.evaluators[3]!.criteria = ["Q3", "SV1"];
    const codes = validateTender(input).map((p) => p.code);
    expect(codes).toContain("bids.evaluator-not-on-criterion");
    expect(codes).toContain("bids.evaluator-criterion-not-in-sections");
  });

  it("says when no one scores a criterion", () => {
    const input = loadExample();
    for (const e of input.bids.panel.evaluators) if ((e.sections as string[]).includes("quality")) e.criteria = ["Q1", "Q2", "Q3", "Q4", "SV1", "SV2"];
    expect(validateTender(input).filter((p) => p.code === "bids.no-evaluators-for-criterion").map((p) => p.args)).toEqual([{ criterion: "Q5" }]);
  });

  it("gets a score sheet with only their criteria", async () => {
    const input = withSafeguardingLead();
    const sheets = await makeScoreSheets({ ...input, modelHash: modelHash(input.model), date: "2026-11-23" });
    const e4 = sheets.find((s) => s.fileName === "score-sheet-E4.xlsx");
    expect(e4?.purpose).toBe("Safeguarding lead (E4): quality");
    const { default: PizZip } = await import("pizzip");
    const strings = new PizZip(e4!.bytes).file("xl/sharedStrings.xml")!.asText();
    expect(strings).toContain("<t>Q3</t>");
    for (const other of ["Q1", "Q2", "Q4", "Q5"]) expect(strings).not.toContain(`<t>${other}</t>`);
  });
});
