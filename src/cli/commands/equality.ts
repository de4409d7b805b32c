import { join } from "node:path";
import { documentTemplate, findTenderFile, readFileOnDisk, reviewPolicyFile } from "../../node/files.js";
import { equalityAssessment } from "../../workflows/documents.js";
import { loadPolicy } from "../../workflows/review.js";
import { todayOr } from "../dates.js";
import { writeOutputs, type CliIo } from "../io.js";
import { done, failed } from "../report-problems.js";
import type { ArgsOf, specs } from "../specs.js";
import { defaultOutput, readTender, shownAs } from "../tender-input.js";

export async function run(args: ArgsOf<typeof specs.equality>, io: CliIo) {
  const date = todayOr(args.date);
  // Without a scoring model (needs analysis, decommissioning) the specification and the findings are enough.
  const withModel = args.model !== undefined || (await findTenderFile(args.folder, "model", io.cwd)) !== undefined;
  const tender = withModel ? await readTender(io, args) : undefined;
  const specOnly = tender ? undefined : await readFileOnDisk(args.spec ?? (await findTenderFile(args.folder, "specification", io.cwd)) ?? join(args.folder, "specification.yaml"), { cwd: io.cwd, base: args.folder });
  const findings = args.findings !== undefined ? await readFileOnDisk(args.findings, { cwd: io.cwd, base: args.folder }) : undefined;
  const policy = loadPolicy(await reviewPolicyFile(args.policy, io.cwd));
  if (!policy.ok) return failed(io, args.json, policy.problems);
  const files = tender?.files ?? { specification: specOnly! };
  const made = await equalityAssessment({ ...files, findings }, policy.value.data, {
    ...(tender?.options ?? {}),
    stage: args.stage,
    template: await documentTemplate("equality-assessment", args.template, io.cwd),
    date,
  });
  const onDisk = [...(specOnly ? [specOnly] : []), ...(findings ? [findings] : [])];
  const shown = <T extends Parameters<typeof shownAs>[0][number]>(problems: readonly T[]) => shownAs(tender ? tender.shown(problems) : problems, onDisk);
  if (!made.ok) return failed(io, args.json, shown(made.problems));
  const written = await writeOutputs(io, [{ path: args.out ?? defaultOutput(args, "equality-assessment.docx"), bytes: made.value.bytes }], args.force);
  return done(io, args.json, written, shown(made.problems), () => {
    io.stdout(`Equality Assessment (${args.stage.replace("-", " ")} stage) written to ${written.join(", ")}`);
    if (!withModel) io.stdout("No scoring model in the tender folder: the weighting review was not run, and the assessment says so.");
    if (!findings) io.stdout("No --findings given: the analysis, summary, consultation, action plan, outcome and sign-off are left as prompts to complete.");
  });
}
