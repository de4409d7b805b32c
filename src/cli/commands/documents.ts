import { join } from "node:path";
import type { Argv, CommandModule } from "yargs";
import { makeAssessmentSummaries, makeEqualityAssessment, makeEvaluationReport } from "../../documents/make-documents.js";
import { EqualityFindings } from "../../model/equality-findings.js";
import { modelHash } from "../../model/model-hash.js";
import { parseInputDocument } from "../../model/parse-document.js";
import { reviewTender } from "../../review/review-tender.js";
import type { Problem } from "../../problems/problem.js";
import { loadDocumentTemplate, todayOr } from "../document-templates.js";
import { ExitCode } from "../exit-code.js";
import { readTextFile, writeOutputs, type CliIo } from "../io.js";
import { loadTender, resolveTenderFiles, withFileLocations } from "../load-tender.js";
import type { CommandRunner } from "../main.js";
import { reportProblems } from "../report-problems.js";
import { TOOL_VERSION } from "../version.js";
import { loadPolicy } from "./review.js";
import { loadAndScore } from "./score.js";
import { tenderOptions, type TenderArgs } from "./shared.js";

function documentOptions<T>(y: Argv<T>) {
  return tenderOptions(y)
    .option("template", { type: "string", describe: "Your own .docx template instead of the bundled one (see: tender-eval templates list)" })
    .option("force", { type: "boolean", default: false, describe: "Replace outputs that already exist" })
    .option("date", { type: "string", describe: "Date to print, as YYYY-MM-DD (default: today)" });
}

interface DocumentArgs extends TenderArgs {
  template?: string;
  force: boolean;
  date?: string;
}

function failed(io: CliIo, problems: Problem[]): ExitCode {
  reportProblems(io, problems);
  io.stderr("No document was written.");
  return ExitCode.invalidInput;
}

export function reportCommand(run: CommandRunner): CommandModule {
  return {
    command: "report [folder]",
    describe: "Write the evaluation report (.docx): tender, model, panel, ranked results, moderation, weighting review, audit record",
    builder: (y) =>
      documentOptions(y)
        .option("out", { type: "string", default: "evaluation-report.docx", describe: "Where to write the report" })
        .option("policy", { type: "string", describe: "Review policy for the weighting-review section (default: bundled UK policy)" })
        .example("$0 report examples/community-advocacy --out report.docx", "Write the example's evaluation report"),
    handler: run(async (args, io) => {
      const a = args as unknown as DocumentArgs & { out: string; policy?: string };
      const scored = await loadAndScore(io, a);
      if (typeof scored === "number") return scored;
      const tender = scored.tender;
      const policy = await loadPolicy(io, a.policy);
      if (!policy.ok) return failed(io, policy.problems);
      const review = reviewTender({ ...tender, scored: { bids: tender.bids, result: scored.result }, policy: policy.value.data });
      const template = await loadDocumentTemplate(io, "evaluation-report", a.template);
      const report = makeEvaluationReport(template, {
        specification: tender.specification,
        model: tender.model,
        bids: tender.bids,
        result: scored.result,
        review: { policyTitle: policy.value.data.title, flags: withFileLocations(review.flags, tender) },
        audit: { inputs: scored.inputs, modelHash: modelHash(tender.model), toolVersion: TOOL_VERSION, generatedOn: todayOr(a.date) },
      });
      if (!report.ok) return failed(io, report.problems);
      const written = await writeOutputs(io, [{ path: a.out, bytes: report.value }], a.force);
      io.stdout(`Evaluation report written to ${written.join(", ")}`);
      return ExitCode.success;
    }),
  };
}

export function summariesCommand(run: CommandRunner): CommandModule {
  return {
    command: "summaries [folder]",
    describe: "Write one assessment summary (.docx) per bidder, as the Procurement Act 2023 s.50 requires",
    builder: (y) =>
      documentOptions(y)
        .option("out-dir", { type: "string", default: "assessment-summaries", describe: "Folder to write the summaries into" })
        .option("winner-details", { type: "boolean", default: true, describe: "Include the winner's own scores and explanations (--no-winner-details to leave them out)" })
        .example("$0 summaries examples/community-advocacy --out-dir letters", "One summary per bidder")
        .example("$0 summaries examples/community-advocacy --no-winner-details", "Leave out the winner's scores (England's guidance does not require them)"),
    handler: run(async (args, io) => {
      const a = args as unknown as DocumentArgs & { outDir: string; winnerDetails: boolean };
      const scored = await loadAndScore(io, a);
      if (typeof scored === "number") return scored;
      const template = await loadDocumentTemplate(io, "assessment-summary", a.template);
      const summaries = makeAssessmentSummaries(
        template,
        { specification: scored.tender.specification, model: scored.tender.model, result: scored.result },
        { includeWinnerDetails: a.winnerDetails, issuedOn: todayOr(a.date) },
      );
      if (!summaries.ok) return failed(io, summaries.problems);
      const written = await writeOutputs(io, summaries.value.map((s) => ({ path: join(a.outDir, s.fileName), bytes: s.bytes })), a.force);
      io.stdout(`${written.length} assessment summaries written to ${a.outDir}:`);
      for (const path of written) io.stdout(`  ${path}`);
      return ExitCode.success;
    }),
  };
}

export function equalityCommand(run: CommandRunner): CommandModule {
  return {
    command: "equality [folder]",
    describe: "Write an Equality Assessment (.docx) pre-filled from the specification, your findings and the weighting review",
    builder: (y) =>
      documentOptions(y)
        .option("findings", { type: "string", describe: "Your findings so far (YAML): research sources, impacts, summary, consultation, actions, monitoring" })
        .option("policy", { type: "string", describe: "Review policy whose findings go into the assessment (default: bundled UK policy)" })
        .option("out", { type: "string", default: "equality-assessment.docx", describe: "Where to write the assessment" })
        .example("$0 equality examples/community-advocacy --findings examples/community-advocacy/equality-findings.yaml", "Pre-fill an Equality Assessment"),
    handler: run(async (args, io) => {
      const a = args as unknown as DocumentArgs & { out: string; findings?: string; policy?: string };
      const files = await resolveTenderFiles(io, a.folder, a);
      delete files.bids;
      const loaded = await loadTender(io, files);
      const policy = await loadPolicy(io, a.policy);
      const findings = a.findings
        ? parseInputDocument(EqualityFindings, await readTextFile(io, a.findings), "findings", a.findings)
        : { ok: true as const, value: { data: EqualityFindings.parse({}) }, problems: [] };
      if (!loaded.ok || !policy.ok || !findings.ok) {
        return failed(io, [...(loaded.ok ? [] : loaded.problems), ...(policy.ok ? [] : policy.problems), ...(findings.ok ? [] : findings.problems)]);
      }
      const review = reviewTender({ ...loaded.value, policy: policy.value.data });
      if (review.problems.some((p) => p.severity === "error")) return failed(io, withFileLocations(review.problems, loaded.value));
      const template = await loadDocumentTemplate(io, "equality-assessment", a.template);
      const ea = makeEqualityAssessment(template, {
        specification: loaded.value.specification,
        findings: findings.value.data,
        reviewFlags: review.flags,
        today: todayOr(a.date),
      });
      if (!ea.ok) return failed(io, ea.problems);
      const written = await writeOutputs(io, [{ path: a.out, bytes: ea.value }], a.force);
      io.stdout(`Equality Assessment written to ${written.join(", ")}`);
      if (!a.findings) io.stdout("No --findings given: the analysis, summary, consultation and action plan are left as prompts to complete.");
      return ExitCode.success;
    }),
  };
}

