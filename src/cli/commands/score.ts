import { dirname, extname, join } from "node:path";
import { resultsDocument } from "../../workflows/results-document.js";
import { stringifyJson } from "../../presentation/json.js";
import { lotAwardLines } from "../../presentation/lot-award.js";
import { renderLotsResults } from "../../presentation/lots-table.js";
import { renderResultsTable } from "../../presentation/results-table.js";
import { lotsResultsDocument, scoreTenderOrLots } from "../../workflows/lots.js";
import { feedbackToWrite, moderationSheet, restrictedRecord, resultsWorkbook } from "../../workflows/sheets.js";
import type { ScoredTender } from "../../workflows/tender.js";
import { todayOr } from "../dates.js";
import { getExitCode } from "../exit-code.js";
import { writeOutputs, type CliIo, type OutputFile } from "../io.js";
import { failed, reportProblems } from "../report-problems.js";
import type { ArgsOf, specs } from "../specs.js";
import { defaultOutput, readTender } from "../tender-input.js";

type Args = ArgsOf<typeof specs.score>;

export async function run(args: Args, io: CliIo) {
  const date = todayOr(args.date);
  const tender = await readTender(io, args);
  const scored = await scoreTenderOrLots(tender.files, tender.options);
  if (!scored.ok) return failed(io, args.json, tender.shown(scored.problems));
  const problems = tender.shown(scored.problems);
  const out = args.out ?? defaultOutput(args, "results.json");
  // A tender in lots: each lot's workbooks beside the results, named by the lot.
  const lots = scored.value.kind === "lots" ? scored.value.scored : undefined;
  const parts: { scored: ScoredTender; suffix: string }[] =
    lots !== undefined ? lots.lots.flatMap((l) => (l.scored === undefined ? [] : [{ scored: l.scored, suffix: `-${safe(l.lot.id)}` }])) : [{ scored: scored.value.scored as ScoredTender, suffix: "" }];
  const json = lots !== undefined ? stringifyJson(lotsResultsDocument(lots)) : stringifyJson(resultsDocument(parts[0]!.scored));
  const outputs: OutputFile[] = [{ path: out, bytes: json }];
  // With returned sheets the panel works in Excel, so the results workbook is written beside the JSON.
  const xlsx = args.xlsx ?? (args.sheets !== undefined ? join(dirname(out), "results.xlsx") : undefined);
  const moderationBase = args.moderationSheet ?? join(dirname(out), "moderation.xlsx");
  const moderationPaths: string[] = [];
  const restrictedWritten: string[] = [];
  for (const part of parts) {
    if (xlsx !== undefined) outputs.push({ path: withSuffix(xlsx, part.suffix), bytes: await resultsWorkbook(part.scored, { date, runtime: tender.options.runtime }) });
    const moderation = args.sheets !== undefined ? await moderationSheet(part.scored, { date }) : undefined;
    if (moderation !== undefined) {
      moderationPaths.push(withSuffix(moderationBase, part.suffix));
      outputs.push({ path: moderationPaths.at(-1)!, bytes: moderation });
    }
    // The user panel's individual scores are written only when asked for, to the file named.
    const restricted = args.restrictedRecord !== undefined ? await restrictedRecord(part.scored, { date }) : undefined;
    if (restricted !== undefined) {
      restrictedWritten.push(withSuffix(args.restrictedRecord!, part.suffix));
      outputs.push({ path: restrictedWritten.at(-1)!, bytes: restricted });
    }
  }
  // The results are shown before they are written: run again only to look, and the table still comes,
  // followed by the refusal to overwrite the saved results without --force.
  if (!args.json) {
    io.stdout(lots !== undefined ? renderLotsResults(lots.result) : renderResultsTable(parts[0]!.scored.result));
    // One lot looked at alone (--lot): its award under the published rule, which may pass over its first-ranked bid.
    const lot = lots === undefined ? parts[0]!.scored.lot : undefined;
    if (lot !== undefined) {
      const bidderOf = (id: string) => parts[0]!.scored.result.bids.find((b) => b.bidId === id)?.bidder ?? id;
      io.stdout(`\n${lotAwardLines(lot, bidderOf).join("\n")}`);
    }
    reportProblems(io, problems);
  }
  const written = await writeOutputs(io, outputs, args.force);
  if (args.json) {
    io.stdout(json);
  } else {
    io.stdout(`Results written to ${written.join(", ")}`);
    if (restrictedWritten.length > 0) io.stdout(`The user panel's individual scores are in ${restrictedWritten.join(", ")}, marked RESTRICTED: keep ${restrictedWritten.length === 1 ? "it" : "them"} with the procurement file, not with the published documents.`);
    else if (args.restrictedRecord !== undefined) io.stdout(`No restricted record written: there are no user-panel scores.`);
    if (moderationPaths.length > 0) {
      const count = parts.reduce((n, p) => n + p.scored.result.moderationNeeded.length, 0);
      const feedback = parts.reduce((n, p) => n + feedbackToWrite(p.scored), 0);
      const where = moderationPaths.join(", ");
      const work = [
        ...(count > 0 ? [`${count} ${count === 1 ? "answer needs" : "answers need"} moderation: the panel should agree scores in ${where} and give a reason for each`] : []),
        ...(feedback > 0 ? [`${feedback} ${feedback === 1 ? "answer has" : "answers have"} no feedback to the bidder yet: the panel should write it in ${count > 0 ? (moderationPaths.length === 1 ? "the same sheet" : "the same sheets") : where}`] : []),
      ];
      io.stdout(`${work.join(". ")}. Then put ${moderationPaths.length === 1 ? "the sheet" : "the sheets"} in ${args.sheets} and score again.`);
    }
  }
  return getExitCode(problems);
}

const safe = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, "_");

/** results.xlsx → results-L1.xlsx: one file per lot beside where one would be. */
function withSuffix(path: string, suffix: string): string {
  if (suffix === "") return path;
  const ext = extname(path);
  return `${path.slice(0, path.length - ext.length)}${suffix}${ext}`;
}
