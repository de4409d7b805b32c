import { fileURLToPath } from "node:url";
import type { CommandModule } from "yargs";
import { sectionTitles } from "../../model/scoring-model.js";
import { stringifyJson } from "../../presentation/json.js";
import { formatPercent } from "../../presentation/uk-format.js";
import { effectiveWeights } from "../../review/checks/outcome.js";
import { flagMessage, type FlagSeverity, type ReviewFlag } from "../../review/flag.js";
import { parseReviewPolicy } from "../../review/parse-policy.js";
import { failsReview, reviewTender } from "../../review/review-tender.js";
import { formatLocation, formatPath } from "../../problems/format.js";
import { ExitCode } from "../exit-code.js";
import type { TenderBids } from "../../model/bids.js";
import type { Problem } from "../../problems/problem.js";
import type { TenderResult } from "../../scoring/result.js";
import { scoreTender } from "../../scoring/score-tender.js";
import { readTextFile, type CliIo } from "../io.js";
import { loadTender, resolveTenderFiles, withFileLocations } from "../load-tender.js";
import type { CommandRunner } from "../main.js";
import { problemsJson, reportProblems } from "../report-problems.js";
import { tenderOptions, type TenderArgs } from "./shared.js";

export const defaultPolicyFile = fileURLToPath(new URL("../../../policies/uk-default.yaml", import.meta.url));

export function reviewCommand(run: CommandRunner): CommandModule {
  return {
    command: "review [folder]",
    describe: "Flag disproportionate weighting and process, with the reason and the rule or guidance behind each flag",
    builder: (y) =>
      tenderOptions(y)
        .option("policy", { type: "string", describe: "Review policy file (default: the bundled UK policy, policies/uk-default.yaml)" })
        .option("without-bids", { type: "boolean", default: false, describe: "Review the model and process only, even if bids are present" })
        .option("fail-on", { choices: ["error", "warning", "never"] as const, default: "error" as const, describe: "Exit with code 3 when a flag of this severity or worse is found" })
        .example("$0 review examples/community-advocacy", "Review the example's model, process and scored bids")
        .example("$0 review --model scoring-models/price-led-failing.yaml --spec examples/community-advocacy/specification.yaml --fail-on warning", "Use in an approval workflow"),
    handler: run(async (args, io) => review(io, args as never)),
  };
}

interface ReviewArgs extends TenderArgs {
  policy?: string;
  withoutBids: boolean;
  failOn: "error" | "warning" | "never";
}

async function review(io: CliIo, args: ReviewArgs): Promise<ExitCode> {
  const files = await resolveTenderFiles(io, args.folder, args);
  if (args.withoutBids) delete files.bids;
  const policy = await loadPolicy(io, args.policy);
  const loaded = await loadTender(io, files);
  const loadProblems = [...(policy.ok ? [] : policy.problems), ...(loaded.ok ? [] : loaded.problems)];
  if (!policy.ok || !loaded.ok) {
    if (args.json) io.stdout(stringifyJson({ ok: false, problems: problemsJson(loadProblems) }));
    else reportProblems(io, loadProblems);
    return ExitCode.invalidInput;
  }
  let scored: { bids: TenderBids; result: TenderResult } | undefined;
  const scoreProblems: Problem[] = [];
  if (loaded.value.bids !== undefined) {
    const outcome = scoreTender({ specification: loaded.value.specification, model: loaded.value.model, bids: loaded.value.bids });
    scoreProblems.push(...outcome.problems);
    if (outcome.ok) scored = { bids: loaded.value.bids, result: outcome.value };
  }
  const outcome = reviewTender({ ...loaded.value, scored, policy: policy.value.data });
  const problems = withFileLocations([...scoreProblems, ...outcome.problems], loaded.value);
  if (problems.some((p) => p.severity === "error")) {
    if (args.json) io.stdout(stringifyJson({ ok: false, problems: problemsJson(problems) }));
    else reportProblems(io, problems);
    return ExitCode.invalidInput;
  }
  const flags = withFileLocations(outcome.flags, loaded.value);
  const weights = scored ? effectiveWeights(scored.result) : [];
  const failed = failsReview(flags, args.failOn);
  if (args.json) {
    io.stdout(
      stringifyJson({
        ok: !failed,
        policy: { id: policy.value.data.id, title: policy.value.data.title },
        flags: flags.map(flagJson),
        effectiveWeights: weights,
        problems: problemsJson(problems),
      }),
    );
  } else {
    io.stdout(renderReview(flags, policy.value.data.title, weights));
    reportProblems(io, problems);
  }
  return failed ? ExitCode.reviewFailed : ExitCode.success;
}

/** The review policy from --policy, or the bundled default UK policy. */
export async function loadPolicy(io: CliIo, file: string | undefined) {
  const text = await readTextFile(io, file ?? defaultPolicyFile);
  return parseReviewPolicy(text, file ?? "policies/uk-default.yaml");
}

function flagJson(f: ReviewFlag) {
  return {
    code: f.code,
    severity: f.severity,
    message: flagMessage(f),
    where: formatLocation(f.location),
    ...(f.location.path ? { path: formatPath(f.location.path) } : {}),
    ...(f.location.line !== undefined ? { line: f.location.line } : {}),
    args: f.args,
    source: f.source,
    docs: `docs/flags.md#${f.code.replace(".", "")}`,
  };
}

const headings: Record<FlagSeverity, string> = { error: "Errors", warning: "Warnings", advice: "Advice" };

function renderReview(flags: readonly ReviewFlag[], policyTitle: string, weights: ReturnType<typeof effectiveWeights>): string {
  const out = [`Weighting review against: ${policyTitle}`, ""];
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
  if (weights.length > 0) {
    out.push("Effective weights (each section's share of the differences between ranked bids' totals):");
    for (const w of weights) {
      out.push(`  ${sectionTitles[w.section].padEnd(13)} published ${formatPercent(w.nominal).padStart(6)}   effective ${formatPercent(w.effective, 1).padStart(6)}`);
    }
  }
  return `${out.join("\n")}\n`;
}
