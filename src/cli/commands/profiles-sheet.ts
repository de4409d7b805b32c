import type { CommandModule } from "yargs";
import { parseScoringModel } from "../../model/parse.js";
import { ExitCode } from "../exit-code.js";
import { readTextFile, writeOutputs } from "../io.js";
import { resolveTenderFiles } from "../load-tender.js";
import type { CommandRunner } from "../main.js";
import { reportProblems } from "../report-problems.js";
import { readProfiles } from "./whatif.js";
import { tenderOptions, type TenderArgs } from "./shared.js";

export function profilesSheetCommand(run: CommandRunner): CommandModule {
  return {
    command: "profiles-sheet [folder]",
    describe: "Write a sheet to fill in with your expected scores and price and rough competitor profiles, for whatif --profiles",
    builder: (y) =>
      tenderOptions(y)
        .option("out", { type: "string", default: "profiles.xlsx", describe: "The sheet to write" })
        .option("from", { type: "string", describe: "Fill it from existing profiles (YAML or a sheet) instead of blank rows" })
        .option("force", { type: "boolean", default: false, describe: "Replace the sheet if it exists" })
        .example("$0 profiles-sheet --model proposed-model.yaml --out profiles.xlsx", "A blank sheet for the proposed model's sections")
        .example("$0 profiles-sheet examples/community-advocacy --from examples/community-advocacy/whatif-profiles.yaml", "The example's profiles as a sheet"),
    handler: run(async (args, io) => {
      const a = args as unknown as TenderArgs & { out: string; from?: string; force: boolean };
      const modelFile = a.model ?? (await resolveTenderFiles(io, a.folder, a)).model;
      const model = parseScoringModel(await readTextFile(io, modelFile), modelFile);
      const from = a.from === undefined ? undefined : await readProfiles(io, a.from);
      if (!model.ok || (from !== undefined && !from.ok)) {
        reportProblems(io, [...(model.ok ? [] : model.problems), ...(from && !from.ok ? from.problems : [])]);
        return ExitCode.invalidInput;
      }
      const { makeProfilesSheet } = await import("../../spreadsheets/profiles-sheet.js");
      const bytes = await makeProfilesSheet(model.value.data, from?.ok ? from.value.data : undefined);
      const written = await writeOutputs(io, [{ path: a.out, bytes }], a.force);
      io.stdout(`Wrote ${written.join(", ")}. Fill in one row for your organisation (Role "us") and one per likely competitor, then run: tender-eval whatif --model ${modelFile} --profiles ${a.out}`);
      return ExitCode.success;
    }),
  };
}
