import { join } from "node:path";
import { bundledExampleFolder, documentTemplate, readFileOnDisk, readTenderFolder, reviewPolicyFile } from "../../node/files.js";
import { workerThreadRuntime } from "../../node/worker-runtime.js";
import { resultsDocument } from "../../workflows/results-document.js";
import { stringifyJson } from "../../presentation/json.js";
import { renderResultsTable } from "../../presentation/results-table.js";
import { assessmentSummaries, equalityAssessment, evaluationReport } from "../../workflows/documents.js";
import { loadPolicy } from "../../workflows/review.js";
import { blankScoreSheets, resultsWorkbook } from "../../workflows/sheets.js";
import { scoreTender } from "../../workflows/tender.js";
import { whatifBriefing, whatifForTender, whatifPage } from "../../workflows/whatif.js";
import type { Outcome } from "../../problems/problem.js";
import { todayOr } from "../dates.js";
import { browserAppHtml, readBrowserApp } from "../../node/browser-app.js";
import { pictureOfSvg } from "../../node/chart-picture.js";
import { writeOutputs, type CliIo, type OutputFile } from "../io.js";
import { done, reportProblems } from "../report-problems.js";
import type { ArgsOf, specs } from "../specs.js";

/** The bundled example must work: if it does not, that is a fault in tender-eval, not the user's input. */
function expectOk<T>(outcome: Outcome<T>, what: string): T {
  if (!outcome.ok) throw new Error(`the bundled example could not produce ${what}: ${outcome.problems.map((p) => p.code).join(", ")}`);
  return outcome.value;
}

export async function run(args: ArgsOf<typeof specs.demo>, io: CliIo) {
  const date = todayOr(args.date);
  const say = (text: string) => !args.json && io.stdout(text);
  const runtime = workerThreadRuntime();
  const files = await readTenderFolder({ folder: bundledExampleFolder });
  say(`Example tender: ${bundledExampleFolder}`);

  say("1/4 Validating and scoring the specification, scoring model and bids…");
  const scored = expectOk(await scoreTender(files, { runtime }), "its results");
  const table = renderResultsTable(scored.result);
  say(table);
  if (!args.json) reportProblems(io, scored.problems);

  say("2/4 Reviewing the weighting against the default UK policy…");
  const policy = expectOk(loadPolicy(await reviewPolicyFile()), "the review policy").data;
  const report = expectOk(evaluationReport(scored, policy, { template: await documentTemplate("evaluation-report"), date }), "the evaluation report");
  const flags = report.review.flags;
  say(`    ${flags.filter((f) => f.severity === "error").length} errors, ${flags.filter((f) => f.severity === "warning").length} warnings, ${flags.filter((f) => f.severity === "advice").length} advice`);

  say("3/4 Writing the results workbook, blank score sheets, the evaluation report, assessment summaries, Equality Assessment and what-if…");
  const summaries = expectOk(assessmentSummaries(scored, { template: await documentTemplate("assessment-summary"), date }), "the assessment summaries");
  const findings = await readFileOnDisk(join(bundledExampleFolder, "equality-findings.yaml"), { base: bundledExampleFolder });
  const ea = expectOk(await equalityAssessment({ ...files, findings }, policy, { template: await documentTemplate("equality-assessment"), date, runtime }), "the Equality Assessment");
  // The what-if is written for the example's Deaf and Disabled People's Organisation, the user the analysis exists for.
  const ddpo = scored.tender.bids.bids.find((b) => /\bDDPO\b/.test(b.organisationType ?? "")) ?? scored.tender.bids.bids[0]!;
  say(`    What-if for ${ddpo.bidder}: how the weighting moves its score, rank and chance of winning…`);
  const whatif = expectOk(await whatifForTender(scored, { bid: ddpo.id, samples: 100_000, seed: 1, runtime }), "the what-if");
  const briefing = expectOk(await whatifBriefing(whatif, { template: await documentTemplate("whatif-briefing"), date, drawPicture: pictureOfSvg }), "the what-if briefing");
  const sheets = expectOk(await blankScoreSheets({ ...files, bids: files.bids }, { date }), "the score sheets");

  const outputs: OutputFile[] = [
    { path: join(args.out, "results.json"), bytes: stringifyJson(resultsDocument(scored)) },
    { path: join(args.out, "results.txt"), bytes: table },
    { path: join(args.out, "results.xlsx"), bytes: await resultsWorkbook(scored, { date, runtime }) },
    ...sheets.map((s) => ({ path: join(args.out, "score-sheets", s.fileName), bytes: s.bytes })),
    { path: join(args.out, "evaluation-report.docx"), bytes: report.bytes },
    { path: join(args.out, "equality-assessment.docx"), bytes: ea.bytes },
    ...summaries.map((s) => ({ path: join(args.out, "assessment-summaries", s.fileName), bytes: s.bytes })),
    { path: join(args.out, "whatif.html"), bytes: whatifPage(whatif, await browserAppHtml()) },
    { path: join(args.out, "whatif-briefing.docx"), bytes: briefing },
    // The same journeys without a terminal: the page a user opens with a double-click.
    { path: join(args.out, "tender-eval.html"), bytes: await readBrowserApp() },
  ];
  const written = await writeOutputs(io, outputs, args.force);
  return done(io, args.json, written, [], () => {
    io.stdout(`4/4 Wrote ${written.length} files into ${args.out}:`);
    for (const path of written.filter((p) => !p.includes("score-sheets"))) io.stdout(`    ${path}`);
    io.stdout(`    ${sheets.length} blank score sheets and price schedules in ${join(args.out, "score-sheets")}`);
    io.stdout(`Without a terminal: open ${join(args.out, "tender-eval.html")} in a web browser, then open in it the example tender's files from ${bundledExampleFolder} (they stay on this computer).`);
  });
}
