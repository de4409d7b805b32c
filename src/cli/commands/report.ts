import { documentTemplate, reviewPolicyFile } from "../../node/files.js";
import { evaluationReport } from "../../workflows/documents.js";
import { loadPolicy } from "../../workflows/review.js";
import { scoreTender } from "../../workflows/tender.js";
import { todayOr } from "../dates.js";
import { writeOutputs, type CliIo } from "../io.js";
import { done, failed } from "../report-problems.js";
import type { ArgsOf, specs } from "../specs.js";
import { defaultOutput, readTender } from "../tender-input.js";

export async function run(args: ArgsOf<typeof specs.report>, io: CliIo) {
  const date = todayOr(args.date);
  const tender = await readTender(io, args);
  const policy = loadPolicy(await reviewPolicyFile(args.policy, io.cwd));
  const scored = await scoreTender(tender.files, tender.options);
  if (!scored.ok || !policy.ok) return failed(io, args.json, tender.shown([...(policy.ok ? [] : policy.problems), ...(scored.ok ? [] : scored.problems)]));
  const report = evaluationReport(scored.value, policy.value.data, { template: await documentTemplate("evaluation-report", args.template, io.cwd), date });
  if (!report.ok) return failed(io, args.json, report.problems);
  const written = await writeOutputs(io, [{ path: args.out ?? defaultOutput(args, "evaluation-report.docx"), bytes: report.value.bytes }], args.force);
  return done(io, args.json, written, tender.shown(report.problems), () => io.stdout(`Evaluation report written to ${written.join(", ")}`));
}
