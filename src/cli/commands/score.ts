import { dirname, join } from "node:path";
import { resultsDocument } from "../../workflows/results-document.js";
import { stringifyJson } from "../../presentation/json.js";
import { renderResultsTable } from "../../presentation/results-table.js";
import { feedbackToWrite, moderationSheet, restrictedRecord, resultsWorkbook } from "../../workflows/sheets.js";
import { scoreTender } from "../../workflows/tender.js";
import { todayOr } from "../dates.js";
import { getExitCode } from "../exit-code.js";
import { writeOutputs, type CliIo, type OutputFile } from "../io.js";
import { failed, reportProblems } from "../report-problems.js";
import type { ArgsOf, specs } from "../specs.js";
import { defaultOutput, readTender } from "../tender-input.js";

export async function run(args: ArgsOf<typeof specs.score>, io: CliIo) {
  const date = todayOr(args.date);
  const tender = await readTender(io, args);
  const scored = await scoreTender(tender.files, tender.options);
  if (!scored.ok) return failed(io, args.json, tender.shown(scored.problems));
  const problems = tender.shown(scored.value.problems);
  const json = stringifyJson(resultsDocument(scored.value));
  const out = args.out ?? defaultOutput(args, "results.json");
  const outputs: OutputFile[] = [{ path: out, bytes: json }];
  // With returned sheets the panel works in Excel, so the results workbook is written beside the JSON.
  const xlsx = args.xlsx ?? (args.sheets !== undefined ? join(dirname(out), "results.xlsx") : undefined);
  if (xlsx !== undefined) outputs.push({ path: xlsx, bytes: await resultsWorkbook(scored.value, { date }) });
  const moderation = args.sheets !== undefined ? await moderationSheet(scored.value, { date }) : undefined;
  const moderationPath = args.moderationSheet ?? join(dirname(out), "moderation.xlsx");
  if (moderation !== undefined) outputs.push({ path: moderationPath, bytes: moderation });
  // The user panel's individual scores are written only when asked for, to the file named.
  const restricted = args.restrictedRecord !== undefined ? await restrictedRecord(scored.value, { date }) : undefined;
  if (restricted !== undefined) outputs.push({ path: args.restrictedRecord!, bytes: restricted });
  // The results are shown before they are written: run again only to look, and the table still comes,
  // followed by the refusal to overwrite the saved results without --force.
  if (!args.json) {
    io.stdout(renderResultsTable(scored.value.result));
    reportProblems(io, problems);
  }
  const written = await writeOutputs(io, outputs, args.force);
  if (args.json) {
    io.stdout(json);
  } else {
    io.stdout(`Results written to ${written.join(", ")}`);
    if (restricted !== undefined) io.stdout(`The user panel's individual scores are in ${args.restrictedRecord}, marked RESTRICTED: keep it with the procurement file, not with the published documents.`);
    else if (args.restrictedRecord !== undefined) io.stdout(`No restricted record written: there are no user-panel scores.`);
    if (moderation !== undefined) {
      const count = scored.value.result.moderationNeeded.length;
      const feedback = feedbackToWrite(scored.value);
      const work = [
        ...(count > 0 ? [`${count} ${count === 1 ? "answer needs" : "answers need"} moderation: the panel should agree scores in ${moderationPath} and give a reason for each`] : []),
        ...(feedback > 0 ? [`${feedback} ${feedback === 1 ? "answer has" : "answers have"} no feedback to the bidder yet: the panel should write it in ${count > 0 ? "the same sheet" : moderationPath}`] : []),
      ];
      io.stdout(`${work.join(". ")}. Then put the sheet in ${args.sheets} and score again.`);
    }
  }
  return getExitCode(problems);
}
