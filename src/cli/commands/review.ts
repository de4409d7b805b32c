import { sectionTitles } from "../../model/scoring-model.js";
import { formatLocation } from "../../problems/format.js";
import { findingToJson, problemsJson, stringifyJson } from "../../presentation/json.js";
import { formatPercent } from "../../language/uk-format.js";
import { type FlagSeverity, type ReviewFlag } from "../../problems/problem.js";
import { flagMessage } from "../../problems/format.js";
import { failsReview } from "../../review/review-tender.js";
import { reviewPolicyFile } from "../../node/files.js";
import { reviewTenderFiles, type WeightingReview } from "../../workflows/review.js";
import { ExitCode } from "../exit-code.js";
import type { CliIo } from "../io.js";
import { failed, reportProblems } from "../report-problems.js";
import type { ArgsOf, specs } from "../specs.js";
import { readTender } from "../tender-input.js";

export async function run(args: ArgsOf<typeof specs.review>, io: CliIo) {
  const tender = await readTender(io, args, { withoutBids: args.withoutBids });
  const reviewed = await reviewTenderFiles(tender.files, await reviewPolicyFile(args.policy, io.cwd), tender.options);
  if (!reviewed.ok) return failed(io, args.json, tender.shown(reviewed.problems));
  const review = reviewed.value;
  const problems = tender.shown(review.problems);
  const flags = tender.shown(review.flags);
  const fails = failsReview(flags, args.failOn);
  if (args.json) {
    io.stdout(stringifyJson({ ok: !fails, policy: review.policy, flags: flags.map(flagJson), effectiveWeights: review.effectiveWeights, problems: problemsJson(problems) }));
  } else {
    io.stdout(renderReview(flags, review));
    reportProblems(io, problems);
  }
  return fails ? ExitCode.reviewFailed : ExitCode.success;
}

function flagJson(f: ReviewFlag) {
  return { ...findingToJson(f), docs: `docs/flags.md#${f.code.replace(".", "")}` };
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
      out.push(`  ${sectionTitles[w.section].padEnd(13)} published ${formatPercent(w.nominal).padStart(6)}   effective ${formatPercent(w.effective, 1).padStart(6)}`);
    }
  }
  return `${out.join("\n")}\n`;
}
