import { readFileOnDisk, readTenderFolder } from "../../node/files.js";
import { profilesSheet } from "../../workflows/sheets.js";
import { todayOr } from "../dates.js";
import { writeOutputs, type CliIo } from "../io.js";
import { done, failed } from "../report-problems.js";
import type { ArgsOf, specs } from "../specs.js";
import { defaultOutput, shownAs } from "../tender-input.js";

export async function run(args: ArgsOf<typeof specs["profiles-sheet"]>, io: CliIo) {
  const model = args.model !== undefined ? await readFileOnDisk(args.model, { cwd: io.cwd }) : (await readTenderFolder({ folder: args.folder, bids: false, cwd: io.cwd })).model;
  const from = args.from !== undefined ? await readFileOnDisk(args.from, { cwd: io.cwd }) : undefined;
  const made = await profilesSheet({ model, from }, { date: todayOr(args.date) });
  const files = [model, ...(from ? [from] : [])];
  if (!made.ok) return failed(io, args.json, shownAs(made.problems, files));
  const out = args.out ?? defaultOutput(args, "profiles.xlsx");
  const written = await writeOutputs(io, [{ path: out, bytes: made.value }], args.force);
  return done(io, args.json, written, [], () =>
    io.stdout(`Wrote ${written.join(", ")}. Fill in one row for your organisation (Role "us") and one per likely competitor, then run: tender-eval whatif --model ${model.shownAs} --profiles ${out}`),
  );
}
