// Stage "summaries": 1,000 assessment summaries (10 criteria each) from the bundled template, as a framework
// sends them. The tender is built, moderated and scored first (not timed); the work timed is making the
// documents. No peer. Last stdout line: {"seconds", "peakMiB", "perItemMs", "cpuPerItemMs"}: cpuPerItemMs is the
// process's CPU time (all its threads, garbage collection included) per document, which a busy machine
// inflates far less than the wall-clock perItemMs.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { scoreTender } from "../../dist/scoring/score-tender.js";
import { makeAssessmentSummaries } from "../../dist/documents/make-documents.js";
import { syntheticTender } from "../synthetic-tender.js";

const tender = syntheticTender({ bids: 1000, criteria: 10, evaluators: 3, seed: 2 });
// What a summary needs beyond scores (each a located problem otherwise): the regime, where the award criteria
// are published, a contact, each supplier's details and the panel's feedback on every criterion.
const specification = {
  ...tender.specification,
  regime: "procurement-act-2023",
  awardCriteriaLocation: "the Invitation to Tender, Part 3",
  contact: { name: "Bench Contact", email: "procurement@bench.example" },
};
const bids = {
  ...tender.bids,
  bids: tender.bids.bids.map((b) => ({
    ...b,
    postalAddress: `${b.id} High Street, Benchton`,
    email: `${b.id.toLowerCase()}@bench.example`,
    uniqueIdentifier: `P-${b.id}`,
    feedback: Object.fromEntries(Object.keys(b.scores).map((c) => [c, `The answer to ${c} met the requirement with some evidence.`])),
  })),
};
// A letter never states a score awaiting moderation: the panel agrees each one the evaluators differed on.
const first = scoreTender({ ...tender, specification, bids });
if (!first.ok) throw new Error(JSON.stringify(first.problems.slice(0, 3)));
bids.moderation = first.value.moderationNeeded.map((m) => ({ bid: m.bidId, criterion: m.criterionId, score: 3, reason: "Agreed at the moderation meeting." }));
const framework = { ...tender, specification, bids };
const scored = scoreTender(framework);
if (!scored.ok) throw new Error(JSON.stringify(scored.problems.slice(0, 3)));

const template = { name: "assessment-summary.docx", bytes: readFileSync(new URL("../../templates/assessment-summary.docx", import.meta.url)) };
const start = performance.now();
const cpuStart = process.cpuUsage();
const summaries = makeAssessmentSummaries(template, { ...framework, result: scored.value }, { includeComparison: true, issuedOn: "2026-11-23" });
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
if (!summaries.ok) {
  console.error("the summaries failed:", JSON.stringify(summaries.problems.slice(0, 3)));
  process.exit(1);
}
const bytes = summaries.value.reduce((n, s) => n + s.bytes.length, 0);
console.log(`${summaries.value.length} documents, ${(bytes / 2 ** 20).toFixed(1)} MiB in all`);
console.log(JSON.stringify({ seconds, peakMiB: process.resourceUsage().maxRSS / 1024, perItemMs: (seconds * 1000) / summaries.value.length, cpuPerItemMs: (cpu.user + cpu.system) / 1000 / summaries.value.length }));
