import { formatLocation } from "../../problems/format.js";
import { stringifyJson } from "../../presentation/json.js";
import { formatPercent } from "../../language/uk-format.js";
import { type FlagSeverity, type ReviewFlag } from "../../problems/problem.js";
import { reviewOutput } from "../../workflows/json-output.js";
import { flagMessage } from "../../problems/format.js";
import { failsReview, reviewedWithoutSpecification } from "../../review/review-tender.js";
import { readFileOnDisk, reviewPolicyFile } from "../../node/files.js";
import { reviewModelFile, reviewTenderFiles, type WeightingReview } from "../../workflows/review.js";
import { ExitCode } from "../exit-code.js";
import { UsageError, type CliIo } from "../io.js";
import { failed, reportProblems } from "../report-problems.js";
import type { ArgsOf, specs } from "../specs.js";
import { readTender, shownAs } from "../tender-input.js";

export async function run(args: ArgsOf<typeof specs.review>, io: CliIo) {
  // With no folder, only the files named are read (see namedFilesOptions in specs.ts).
  const named = args.folder === undefined && (args.spec !== undefined || args.model !== undefined || args.bids !== undefined);
  if (named && args.model !== undefined && args.spec === undefined) {
    if (args.bids !== undefined || args.sheets !== undefined) throw new UsageError("reviewing bids needs the specification too: name it with --spec, or give the tender's folder");
    return reviewModelAlone(args, io, args.model);
  }
  if (named && args.model === undefined) throw new UsageError("name the scoring model (--model) too, or give the tender's folder");
  const tender = await readTender(io, { ...args, folder: args.folder ?? "." }, { withoutBids: args.withoutBids || (named && args.bids === undefined) });
  const reviewed = await reviewTenderFiles(tender.files, await reviewPolicyFile(args.policy, io.cwd), tender.options);
  if (!reviewed.ok) return failed(io, args.json, tender.shown(reviewed.problems));
  const review = reviewed.value;
  const problems = tender.shown(review.problems);
  const flags = tender.shown(review.flags);
  const fails = failsReview(flags, args.failOn);
  if (args.json) {
    io.stdout(stringifyJson(reviewOutput(review, { ok: !fails, flags, problems })));
  } else {
    io.stdout(renderReview(flags, review));
    reportProblems(io, problems);
  }
  return fails ? ExitCode.reviewFailed : ExitCode.success;
}

/** The model alone: the checks that need only the model, and a clear word on those that were left out. */
async function reviewModelAlone(args: ArgsOf<typeof specs.review>, io: CliIo, modelPath: string) {
  const file = await readFileOnDisk(modelPath, { cwd: io.cwd });
  const reviewed = reviewModelFile(file, await reviewPolicyFile(args.policy, io.cwd));
  if (!reviewed.ok) return failed(io, args.json, shownAs(reviewed.problems, [file]));
  const review = reviewed.value;
  const flags = shownAs(review.flags, [file]);
  const fails = failsReview(flags, args.failOn);
  if (args.json) {
    io.stdout(stringifyJson(reviewOutput({ policy: review.policy }, { ok: !fails, flags, problems: shownAs(review.problems, [file]), notChecked: reviewedWithoutSpecification })));
  } else {
    io.stdout(renderReview(flags, review));
    io.stdout(`Reviewed the scoring model alone. Not checked without a specification: ${reviewedWithoutSpecification.join(", ")}. Give --spec to check those too.`);
  }
  return fails ? ExitCode.reviewFailed : ExitCode.success;
}

const headings: Record<FlagSeverity, string> = { error: "Errors", warning: "Warnings", advice: "Advice" };

function renderReview(flags: readonly ReviewFlag[], review: WeightingReview): string {
  const out = [`Weighting review against: ${review.policy.title}`, ""];
  for (const severity of ["error", "warning", "advice"] as const) {
    const group = flags.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push(`${headings[severity]} (${group.length})`);
    const mark = severity === "error" ? "✗" : severity === "warning" ? "!" : "i";
    // One "why" per kind of flag: twelve weak justifications share one reason.
    for (const code of [...new Set(group.map((f) => f.code))]) {
      const same = group.filter((f) => f.code === code);
      for (const f of same) {
        out.push(`  ${mark} ${flagMessage(f)}`);
        const where = formatLocation(f.location);
        if (where) out.push(`    Where: ${where}`);
      }
      out.push(`    Why: ${same[0]!.source.replace(/\s+/g, " ")}`);
      out.push(`    More: docs/flags.md, ${code}`);
    }
    out.push("");
  }
  if (flags.length === 0) out.push("No flags: nothing in the model or process is disproportionate under this policy.", "");
  if (review.effectiveWeights.length > 0) {
    out.push("Effective weights (each section's share of the differences between ranked bids' totals):");
    for (const w of review.effectiveWeights) {
      out.push(`  ${w.title.padEnd(13)} published ${formatPercent(w.nominal).padStart(6)}   effective ${formatPercent(w.effective, 1).padStart(6)}`);
    }
  }
  return `${out.join("\n")}\n`;
}
