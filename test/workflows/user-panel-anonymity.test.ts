import { readFileSync } from "node:fs";
import { join } from "node:path";
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import {
  assessmentSummaries,
  equalityAssessment,
  evaluationReport,
  inThreadRuntime,
  loadPolicy,
  moderationSheet,
  restrictedRecord,
  resultsDocument,
  resultsWorkbook,
  scoreTender,
  type NamedFile,
} from "../../src/workflows/index.js";
import { stringifyJson } from "../../src/presentation/json.js";
import { bundledTemplate } from "../documents/docx-helpers.js";
import { runCli } from "../cli/harness.js";
import { exampleFolder, loadExample } from "../example-tender.js";

/**
 * User-panel members inform the decision but are not accountable for it: no output pairs a member's id
 * with their own score or words. The results (JSON and workbook) and the moderation sheet give the panel's
 * combined score per criterion; the individual scores go only into the restricted record, when asked for.
 */
const read = (name: string): NamedFile => ({ name, bytes: readFileSync(join(exampleFolder, name)) });
const date = "2026-11-21";
const memberId = /\bP[123]\b/;
// P1 disagrees with the others on the DDPO's U1 (0 against 3 and 3): beyond the tolerance, so it goes to moderation.
const p1Words = "Alone among us: they never asked us anything, and the meeting room had no hearing loop.";

function tenderWithPanelDisagreement() {
  const { bids } = loadExample();
  bids.bids.find((b) => b.id === "B1")!.scores["U1"]!["P1"] = { score: 0, justification: p1Words };
  return { specification: read("specification.yaml"), model: read("scoring-model.yaml"), bids: { name: "bids.yaml", bytes: stringify(bids) } };
}

/** Every text part of a .docx or .xlsx, as one string, with XML's character references decoded (writers differ: &apos; or &#39;). */
function packageText(bytes: Uint8Array): string {
  const zip = new PizZip(bytes);
  const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return Object.keys(zip.files)
    .filter((n) => /\.(xml|rels)$/.test(n))
    .map((n) => zip.file(n)!.asText())
    .join("\n")
    .replace(/&(amp|lt|gt|quot|apos|#(\d+));/g, (_, name: string, code: string | undefined) => (code !== undefined ? String.fromCodePoint(Number(code)) : entities[name]!));
}

const userPanelWords = () => {
  const { bids } = loadExample();
  return [...new Set(bids.bids.flatMap((b) => ["U1", "U2"].flatMap((c) => Object.values(b.scores[c] ?? {}).map((s) => s.justification))))];
};

describe("no output pairs a user-panel member's id with their own score or words", async () => {
  const files = tenderWithPanelDisagreement();
  const scored = await scoreTender(files, { runtime: inThreadRuntime });
  if (!scored.ok) throw new Error(JSON.stringify(scored.problems));
  const words = [...userPanelWords(), p1Words];

  it("the scoring itself keeps them, for the record", () => {
    const u1 = scored.value.result.bids.find((b) => b.bidId === "B1")!.sections.find((s) => s.section === "userPanel")!.criteria[0]!;
    expect(u1.evaluatorScores.map((e) => e.evaluatorId)).toEqual(["P1", "P2", "P3"]);
    expect(u1.needsModeration).toBe(true);
  });

  it("results.json: the panel's combined score and how many members gave one", () => {
    const json = stringifyJson(resultsDocument(scored.value));
    expect(json).not.toMatch(memberId);
    for (const w of userPanelWords()) expect(json).not.toContain(w);
    const u1 = resultsDocument(scored.value).result.bids.find((b) => b.bidId === "B1")!.sections.find((s) => s.section === "userPanel")!.criteria[0]!;
    expect([u1.evaluatorScores, u1.panelMembers, u1.combined.toFraction()]).toEqual([[], 3, "2"]);
    // The evaluators' own scores are still there, by evaluator.
    expect(json).toContain('"evaluatorId": "E1"');
  });

  it("the results workbook and the moderation sheet", async () => {
    const workbook = packageText(await resultsWorkbook(scored.value, { date }));
    const moderation = await moderationSheet(scored.value, { date });
    expect(moderation).toBeDefined();
    const moderationText = packageText(moderation!);
    for (const [name, text] of [["results workbook", workbook], ["moderation sheet", moderationText]] as const) {
      expect(text.match(memberId)?.[0] ?? null, name).toBeNull();
      expect(words.filter((w) => text.includes(w)), name).toEqual([]);
    }
    expect(moderationText).toContain("User panel (3 members): combined 2");
    expect(workbook).toContain("Mean of 3 user-panel members' scores");
  });

  it("the evaluation report, assessment summaries and Equality Assessment", async () => {
    const policy = loadPolicy({ name: "uk-default.yaml", bytes: readFileSync(new URL("../../policies/uk-default.yaml", import.meta.url)) });
    if (!policy.ok) throw new Error("the bundled policy must be valid");
    const report = evaluationReport(scored.value, policy.value.data, { template: bundledTemplate("evaluation-report"), date });
    // Letters are refused while an answer awaits moderation (no letter states a provisional score), so they
    // are made once the panel has agreed P1's answer, as they would be.
    const { bids } = loadExample();
    bids.bids.find((b) => b.id === "B1")!.scores["U1"]!["P1"] = { score: 0, justification: p1Words };
    bids.moderation.push({ bid: "B1", criterion: "U1", score: 3, reason: "The panel agreed the majority view." });
    const moderated = await scoreTender({ ...files, bids: { name: "bids.yaml", bytes: stringify(bids) } }, { runtime: inThreadRuntime });
    if (!moderated.ok) throw new Error(JSON.stringify(moderated.problems));
    const letters = assessmentSummaries(moderated.value, { template: bundledTemplate("assessment-summary"), date });
    const ea = await equalityAssessment(files, policy.value.data, { template: bundledTemplate("equality-assessment"), date, runtime: inThreadRuntime });
    if (!report.ok || !letters.ok || !ea.ok) throw new Error("the documents must render");
    const documents = [report.value.bytes, ea.value.bytes, ...letters.value.map((l) => l.bytes)];
    expect(documents.map((bytes) => packageText(bytes).match(memberId)?.[0] ?? null)).toEqual(documents.map(() => null));
  });

  it("only the restricted record, written when asked for, holds each member's score and words, marked RESTRICTED", async () => {
    const record = await restrictedRecord(scored.value, { date });
    const text = packageText(record!);
    expect(text).toContain("P1");
    expect(text).toContain(p1Words);
    expect(text).toContain("<dc:title>RESTRICTED: user panel's individual scores – Community Advocacy and Peer Support Service for Disabled Adults</dc:title>");
    expect(text).toContain('name="RESTRICTED user panel"');
    expect(text).toMatch(/<oddHeader>[^<]*RESTRICTED/);
  });
});

describe("the score command", () => {
  it("writes the restricted record only when asked, and says where", async () => {
    const plain = await runCli(["score", exampleFolder, "--out", "out/results.json", "--xlsx", "out/results.xlsx", "--date", date]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain("RESTRICTED");
    expect(readFileSync(join(plain.cwd, "out", "results.json"), "utf8")).not.toMatch(memberId);
    const asked = await runCli(["score", exampleFolder, "--out", "out/results.json", "--restricted-record", "restricted/user-panel.xlsx", "--date", date]);
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain("The user panel's individual scores are in restricted/user-panel.xlsx, marked RESTRICTED");
    expect(packageText(readFileSync(join(asked.cwd, "restricted", "user-panel.xlsx")))).toContain("P3");
  });
});
