import { join } from "node:path";
import { documentTemplate } from "../../node/files.js";
import { blankScoreSheets } from "../../workflows/sheets.js";
import { todayOr } from "../dates.js";
import { writeOutputs, type CliIo } from "../io.js";
import { done, failed } from "../report-problems.js";
import type { ArgsOf, specs } from "../specs.js";
import { defaultOutput, readTender } from "../tender-input.js";

export async function run(args: ArgsOf<typeof specs.scoresheets>, io: CliIo) {
  const tender = await readTender(io, args);
  const made = await blankScoreSheets(tender.files, { date: todayOr(args.date), userPanelForm: await documentTemplate("user-panel-form") });
  if (!made.ok) return failed(io, args.json, tender.shown(made.problems));
  const outDir = args.outDir ?? defaultOutput(args, "score-sheets");
  const written = await writeOutputs(io, made.value.map((w) => ({ path: join(outDir, w.fileName), bytes: w.bytes })), args.force);
  return done(io, args.json, written, tender.shown(made.problems), () => {
    io.stdout(`Wrote ${made.value.length} files to ${outDir}:`);
    for (const w of made.value) io.stdout(`  ${w.fileName}  (${w.purpose})`);
    io.stdout(`Send each evaluator their own sheet. When they come back, put them in one folder and run: tender-eval score ${args.folder} --sheets <folder>`);
  });
}
