import { documentTemplate, readFileOnDisk, reviewPolicyFile } from "../../node/files.js";
import { equalityAssessment } from "../../workflows/documents.js";
import { loadPolicy } from "../../workflows/review.js";
import { todayOr } from "../dates.js";
import { writeOutputs, type CliIo } from "../io.js";
import { done, failed } from "../report-problems.js";
import type { ArgsOf, specs } from "../specs.js";
import { defaultOutput, readTender, shownAs } from "../tender-input.js";

export async function run(args: ArgsOf<typeof specs.equality>, io: CliIo) {
  const date = todayOr(args.date);
  const tender = await readTender(io, args);
  const findings = args.findings !== undefined ? await readFileOnDisk(args.findings, { cwd: io.cwd, base: args.folder }) : undefined;
  const policy = loadPolicy(await reviewPolicyFile(args.policy, io.cwd));
  if (!policy.ok) return failed(io, args.json, policy.problems);
  const made = await equalityAssessment({ ...tender.files, findings }, policy.value.data, { ...tender.options, template: await documentTemplate("equality-assessment", args.template, io.cwd), date });
  const shown = <T extends Parameters<typeof tender.shown>[0][number]>(problems: readonly T[]) => (findings ? shownAs(tender.shown(problems), [findings]) : tender.shown(problems));
  if (!made.ok) return failed(io, args.json, shown(made.problems));
  const written = await writeOutputs(io, [{ path: args.out ?? defaultOutput(args, "equality-assessment.docx"), bytes: made.value.bytes }], args.force);
  return done(io, args.json, written, shown(made.problems), () => {
    io.stdout(`Equality Assessment written to ${written.join(", ")}`);
    if (!findings) io.stdout("No --findings given: the analysis, summary, consultation and action plan are left as prompts to complete.");
  });
}
