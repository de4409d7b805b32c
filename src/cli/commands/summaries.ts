import { join } from "node:path";
import { bankHolidaysFile, documentTemplate } from "../../node/files.js";
import { assessmentSummaries } from "../../workflows/documents.js";
import { scoreTender } from "../../workflows/tender.js";
import { todayOr } from "../dates.js";
import { writeOutputs, type CliIo } from "../io.js";
import { done, failed } from "../report-problems.js";
import type { ArgsOf, specs } from "../specs.js";
import { defaultOutput, readTender } from "../tender-input.js";

export async function run(args: ArgsOf<typeof specs.summaries>, io: CliIo) {
  const date = todayOr(args.date);
  const awardNoticeDate = args.awardNoticeDate === undefined ? undefined : todayOr(args.awardNoticeDate, "--award-notice-date");
  const tender = await readTender(io, args);
  const scored = await scoreTender(tender.files, tender.options);
  if (!scored.ok) return failed(io, args.json, tender.shown(scored.problems));
  const bankHolidays = awardNoticeDate === undefined ? undefined : await bankHolidaysFile(args.bankHolidays, io.cwd);
  const template = await documentTemplate("assessment-summary", args.template, io.cwd);
  const summaries = assessmentSummaries(scored.value, { template, date, comparison: args.comparison, awardNoticeDate, bankHolidays });
  if (!summaries.ok) return failed(io, args.json, summaries.problems);
  const outDir = args.outDir ?? defaultOutput(args, "assessment-summaries");
  const written = await writeOutputs(io, summaries.value.map((s) => ({ path: join(outDir, s.fileName), bytes: s.bytes })), args.force);
  return done(io, args.json, written, tender.shown(summaries.problems), () => {
    io.stdout(`${written.length} assessment ${written.length === 1 ? "summary" : "summaries"} written to ${outDir}:`);
    for (const path of written) io.stdout(`  ${path}`);
  });
}
