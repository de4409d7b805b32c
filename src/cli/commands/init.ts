import { join, relative, resolve, sep } from "node:path";
import { packageRoot, readFileOnDisk } from "../../node/files.js";
import { readyMadeModelFiles } from "../../node/ready-made-models.js";
import { describeReadyMadeModel, starterFileNames, starterTender, type ReadyMadeModel } from "../../workflows/starter.js";
import { todayOr } from "../dates.js";
import { ExitCode } from "../exit-code.js";
import { UsageError, exists, writeOutputs, type CliIo } from "../io.js";
import { failed } from "../report-problems.js";
import type { ArgsOf, specs } from "../specs.js";

export async function run(args: ArgsOf<typeof specs.init>, io: CliIo) {
  const readyMade = await readyMadeModelFiles();
  const described = readyMade.map((file) => ({ file, model: describeReadyMadeModel(file) }));
  const known = described.flatMap((d) => (d.model.ok ? [d.model.value] : []));
  if (args.list) {
    io.stdout(listModels(known));
    return ExitCode.success;
  }

  // A name picks a ready-made model; a path to a .yaml or .json file starts from the user's own.
  const own = /\.(ya?ml|json)$/i.test(args.model);
  const chosen = own ? await readFileOnDisk(args.model, { cwd: io.cwd }) : described.find((d) => d.model.ok && d.model.value.name === args.model)?.file;
  if (chosen === undefined) {
    throw new UsageError(`there is no ready-made scoring model "${args.model}": choose one of ${known.map((m) => m.name).join(", ")} (see: tender-eval init --list)`);
  }
  const starter = starterTender({ model: chosen, date: todayOr(args.date) });
  if (!starter.ok) return failed(io, false, starter.problems);

  // init never replaces anything, with or without --force: a starter written over a tender in progress
  // would lose real work for a template anyone can make again in another folder.
  const targets = starterFileNames.map((name) => ({ path: join(args.folder, name), bytes: starter.value[name] }));
  const existing: string[] = [];
  for (const t of targets) if (await exists(resolve(io.cwd, t.path))) existing.push(t.path);
  if (existing.length > 0) {
    throw new UsageError(
      `not writing the starter tender: ${existing.join(", ")} already ${existing.length === 1 ? "exists" : "exist"}. init never replaces files: name a folder that does not have them yet, e.g. tender-eval init ${args.folder === "." ? "my-tender" : `${args.folder.replace(/\/+$/, "")}-2`}`,
    );
  }
  const written = await writeOutputs(io, targets, false);
  const folder = args.folder === "." ? "" : ` ${args.folder}`;
  io.stdout(
    [
      `Wrote a starter tender (scoring model: ${args.model}):`,
      ...written.map((w) => `  ${w}`),
      "",
      "Next:",
      "  1. Fill in specification.yaml and bids.yaml (every field is explained on the line above it).",
      `     The reference of every field: ${fieldReference(io.cwd)}`,
      "  2. Adapt scoring-model.yaml to your service, then check it against the review policy:",
      `       npx tender-eval review${folder}`,
      `  3. Check everything:  npx tender-eval validate${folder}`,
      `  4. Make the score sheets to send to the panel:  npx tender-eval scoresheets${folder}`,
    ].join("\n"),
  );
  return ExitCode.success;
}

function listModels(models: readonly ReadyMadeModel[]): string {
  const width = Math.max(...models.map((m) => m.name.length));
  return [
    "Ready-made scoring models (tender-eval init --model <name>):",
    ...models.map((m) => `  ${m.name.padEnd(width)}  ${m.title}. ${m.whenToUse}`),
  ].join("\n");
}


/** Where the field reference is on this machine, as the user can open it from where they are. */
function fieldReference(cwd: string): string {
  const path = join(packageRoot, "docs", "fields.md");
  const relativePath = relative(cwd, path);
  return relativePath.startsWith("..") && relativePath.split(sep).filter((p) => p === "..").length > 2 ? path : relativePath;
}
