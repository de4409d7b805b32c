import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CommandModule } from "yargs";
import { makeAssessmentSummaries, makeEqualityAssessment, makeEvaluationReport, makeWhatifBriefing } from "../../documents/make-documents.js";
import { analyseWeighting } from "../../sensitivity/analyse-weighting.js";
import { improvementsToWin, priceToWin } from "../../sensitivity/improvement.js";
import { problemFromResult } from "../../sensitivity/weight-sweep.js";
import { whatifPage } from "../../presentation/whatif-page.js";
import { EqualityFindings } from "../../model/equality-findings.js";
import { modelHash } from "../../model/model-hash.js";
import { parseInputDocument } from "../../model/parse-document.js";
import { stringifyJson } from "../../presentation/json.js";
import { renderResultsTable } from "../../presentation/results-table.js";
import { reviewTender } from "../../review/review-tender.js";
import { loadDocumentTemplate, todayOr } from "../document-templates.js";
import { ExitCode } from "../exit-code.js";
import { readTextFile, writeOutputs, type OutputFile } from "../io.js";
import { withFileLocations } from "../load-tender.js";
import type { CommandRunner } from "../main.js";
import { reportProblems } from "../report-problems.js";
import { TOOL_VERSION } from "../version.js";
import { loadPolicy } from "./review.js";
import { loadAndScore, resultsDocument } from "./score.js";
import { ROUNDING_STATEMENT } from "../../documents/common-data.js";
import { makeResultsWorkbook } from "../../spreadsheets/results-workbook.js";
import { makeScoreSheets } from "../../spreadsheets/score-sheets.js";

export const bundledExample = fileURLToPath(new URL("../../../examples/community-advocacy", import.meta.url));

export function demoCommand(run: CommandRunner): CommandModule {
  return {
    command: "demo",
    describe: "Run the whole flow on the bundled example tender and write everything into one folder",
    builder: (y) =>
      y
        .option("out", { type: "string", default: "demo-output", describe: "Folder to write the outputs into" })
        .option("force", { type: "boolean", default: false, describe: "Replace outputs that already exist" })
        .option("date", { type: "string", describe: "Date to print on documents, YYYY-MM-DD (default: today)" })
        .example("$0 demo --out demo-output", "Score the bundled advocacy-service tender and write its documents"),
    handler: run(async (args, io) => {
      const a = args as unknown as { out: string; force: boolean; date?: string };
      const today = todayOr(a.date);
      io.stdout(`Example tender: ${bundledExample}`);
      io.stdout("1/4 Validating and scoring the specification, scoring model and bids…");
      const scored = await loadAndScore(io, { folder: bundledExample, json: false });
      if (typeof scored === "number") return scored;
      const table = renderResultsTable(scored.result);
      io.stdout(table);
      reportProblems(io, scored.problems);

      io.stdout("2/4 Reviewing the weighting against the default UK policy…");
      const policy = await loadPolicy(io, undefined);
      if (!policy.ok) throw new Error("the bundled policy must be valid");
      const review = reviewTender({ ...scored.tender, scored: { bids: scored.tender.bids, result: scored.result }, policy: policy.value.data });
      const flags = withFileLocations(review.flags, scored.tender);
      io.stdout(`    ${flags.filter((f) => f.severity === "error").length} errors, ${flags.filter((f) => f.severity === "warning").length} warnings, ${flags.filter((f) => f.severity === "advice").length} advice`);

      io.stdout("3/4 Writing the results workbook, blank score sheets, the evaluation report, assessment summaries, Equality Assessment and what-if…");
      const { specification, model, bids } = scored.tender;
      const report = makeEvaluationReport(await loadDocumentTemplate(io, "evaluation-report", undefined), {
        specification, model, bids, result: scored.result,
        review: { policyTitle: policy.value.data.title, flags },
        audit: { inputs: scored.inputs, modelHash: modelHash(model), toolVersion: TOOL_VERSION, generatedOn: today },
      });
      const summaries = makeAssessmentSummaries(await loadDocumentTemplate(io, "assessment-summary", undefined), { specification, model, result: scored.result }, { includeWinnerDetails: true, issuedOn: today });
      const findingsFile = join(bundledExample, "equality-findings.yaml");
      const findings = parseInputDocument(EqualityFindings, await readTextFile(io, findingsFile), "findings", findingsFile);
      if (!report.ok || !summaries.ok || !findings.ok) throw new Error("the bundled example must produce its documents");
      const ea = makeEqualityAssessment(await loadDocumentTemplate(io, "equality-assessment", undefined), { specification, findings: findings.value.data, reviewFlags: flags, today });
      if (!ea.ok) throw new Error("the bundled example must produce its Equality Assessment");

      // The what-if is written for the example's Deaf and Disabled People's Organisation, the user the
      // analysis exists for.
      const ddpo = bids.bids.find((b) => /\bDDPO\b/.test(b.organisationType ?? "")) ?? bids.bids[0]!;
      io.stdout(`    What-if for ${ddpo.bidder}: how the weighting moves its score, rank and chance of winning…`);
      const problem = problemFromResult(scored.result);
      const analysis = await analyseWeighting(problem, { samples: 100_000, seed: 1 });
      const whatif = { title: scored.result.tender.title, problem, sweeps: analysis.sweeps, smaa: analysis.chance, seed: 1 };
      const briefing = makeWhatifBriefing(await loadDocumentTemplate(io, "whatif-briefing", undefined), {
        ...whatif,
        organisationId: ddpo.id,
        basis: "tender",
        uncertainScores: false,
        improvements: { criteria: improvementsToWin(model, scored.result, ddpo.id), price: priceToWin(model, scored.result, ddpo.id) },
        today,
      });
      if (!briefing.ok) throw new Error("the bundled example must produce its what-if briefing");

      const hash = modelHash(model);
      const sheets = await makeScoreSheets({ specification, model, bids, modelHash: hash });
      const outputs: OutputFile[] = [
        { path: join(a.out, "results.json"), bytes: stringifyJson(resultsDocument(scored)) },
        { path: join(a.out, "results.txt"), bytes: table },
        { path: join(a.out, "results.xlsx"), bytes: await makeResultsWorkbook(scored.result, { roundingNote: ROUNDING_STATEMENT, inputs: scored.inputs }) },
        ...sheets.map((s) => ({ path: join(a.out, "score-sheets", s.fileName), bytes: s.bytes })),
        { path: join(a.out, "evaluation-report.docx"), bytes: report.value },
        { path: join(a.out, "equality-assessment.docx"), bytes: ea.value },
        ...summaries.value.map((s) => ({ path: join(a.out, "assessment-summaries", s.fileName), bytes: s.bytes })),
        { path: join(a.out, "whatif.html"), bytes: whatifPage({ ...whatif, highlight: ddpo.id }) },
        { path: join(a.out, "whatif-briefing.docx"), bytes: briefing.value },
      ];
      const written = await writeOutputs(io, outputs, a.force);
      io.stdout(`4/4 Wrote ${written.length} files into ${a.out}:`);
      for (const path of written.filter((p) => !p.includes("score-sheets"))) io.stdout(`    ${path}`);
      io.stdout(`    ${sheets.length} blank score sheets and price schedules in ${join(a.out, "score-sheets")}`);
      return ExitCode.success;
    }),
  };
}
