import { browserAppHtml } from "../../node/browser-app.js";
import { pictureOfSvg } from "../../node/chart-picture.js";
import type { Exact } from "../../arithmetic/exact.js";
import type { SectionKey } from "../../model/scoring-model.js";
import { titleOfKey } from "../../model/sections.js";
import { documentTemplate, readFileOnDisk, readTenderFolder } from "../../node/files.js";
import { workerThreadRuntime } from "../../node/worker-runtime.js";
import { formatProblem } from "../../problems/format.js";
import { stringifyJson } from "../../presentation/json.js";
import { counted, formatChance, formatMoney, formatPercent, formatPoints, formatScore } from "../../language/uk-format.js";
import { lotAwardLines } from "../../presentation/lot-award.js";
import { describeWeightRanges, describeWeights, type WeightRange } from "../../sensitivity/weight-ranges.js";
import type { CriterionImprovement } from "../../sensitivity/improvement.js";
import { firstPlaceInterval, type WeightSweep } from "../../sensitivity/weight-sweep.js";
import type { LotOfTender } from "../../workflows/lots.js";
import { scoreTender } from "../../workflows/tender.js";
import { whatifOutput } from "../../workflows/json-output.js";
import { whatifBriefing, whatifForProfiles, whatifForTender, whatifPage, type Whatif, type WhatifOptions } from "../../workflows/whatif.js";
import { todayOr } from "../dates.js";
import { ExitCode } from "../exit-code.js";
import { UsageError, writeOutputs, type CliIo, type OutputFile } from "../io.js";
import { failed } from "../report-problems.js";
import type { ArgsOf, specs } from "../specs.js";
import { readTender, shownAs } from "../tender-input.js";

/** "socialValue=10-25" → a range in percent; the workflow checks the section against the model. */
export function parseWeightRangeOption(given: readonly string[]): WeightRange[] {
  return given.map((text) => {
    const match = /^\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
    if (!match) throw new UsageError(`--weight-range ${text}: write it as section=low-high in percent, e.g. socialValue=10-25`);
    const low = Number(match[2]);
    const high = Number(match[3]);
    if (low > high || high > 100) throw new UsageError(`--weight-range ${text}: the range must run from low to high within 0 to 100`);
    return { section: match[1] as SectionKey, low, high };
  });
}

export async function run(args: ArgsOf<typeof specs.whatif>, io: CliIo) {
  if (!Number.isInteger(args.samples) || args.samples < 100 || args.samples > 10_000_000) throw new UsageError("--samples must be a whole number from 100 to 10,000,000");
  if (args.briefing !== undefined && args.profiles === undefined && args.bid === undefined) {
    throw new UsageError("--briefing is written for one organisation: say which bid is yours with --bid (or give --profiles)");
  }
  const date = todayOr(args.date);
  const options: WhatifOptions = { bid: args.bid, samples: args.samples, seed: args.seed, weightRanges: parseWeightRangeOption(args.weightRange ?? []), runtime: workerThreadRuntime() };
  let whatif;
  let lotAward: LotOfTender | undefined;
  let shown: <T extends Parameters<typeof shownAs>[0][number]>(problems: readonly T[]) => T[];
  if (args.profiles !== undefined) {
    const model = args.model !== undefined ? await readFileOnDisk(args.model, { cwd: io.cwd }) : (await readTenderFolder({ folder: args.folder, bids: false, cwd: io.cwd })).model;
    const profiles = await readFileOnDisk(args.profiles, { cwd: io.cwd });
    shown = (problems) => shownAs(problems, [model, profiles]);
    whatif = await whatifForProfiles({ model, profiles }, options);
  } else {
    const tender = await readTender(io, args);
    shown = tender.shown;
    const scored = await scoreTender(tender.files, tender.options);
    if (!scored.ok) return failed(io, args.json, shown(scored.problems));
    whatif = await whatifForTender(scored.value, options);
    lotAward = scored.value.lot;
  }
  if (!whatif.ok) {
    // A bid or a limit the command line named wrongly is a usage error; a problem in a file is bad input.
    if (whatif.problems.every((p) => p.location.option !== undefined)) {
      throw new UsageError(whatif.problems.map(formatProblem).join("\n"));
    }
    return failed(io, args.json, shown(whatif.problems));
  }
  const result = whatif.value;
  const outputs: OutputFile[] = [];
  if (args.html !== undefined) outputs.push({ path: args.html, bytes: whatifPage(result, await browserAppHtml()) });
  if (args.briefing !== undefined) {
    const briefing = await whatifBriefing(result, { template: await documentTemplate("whatif-briefing", args.template, io.cwd), date, drawPicture: pictureOfSvg });
    if (!briefing.ok) return failed(io, args.json, briefing.problems);
    outputs.push({ path: args.briefing, bytes: briefing.value });
  }
  const written = outputs.length > 0 ? await writeOutputs(io, outputs, args.force) : [];
  if (args.json) {
    io.stdout(stringifyJson(whatifOutput(result, written)));
    return ExitCode.success;
  }
  if (written.length > 0) io.stdout(`Written: ${written.join(", ")}${args.html !== undefined ? " (the page opens in any browser and needs no network)" : ""}.`);
  io.stdout(renderWhatif(result));
  // The what-if ranks a lot's bids by points alone; under a limit on lots per bidder the award may differ.
  if (lotAward !== undefined && lotAward.award.status === "awarded" && lotAward.award.passedOver.length > 0) {
    const bidderOf = (id: string) => result.problem.bids.find((b) => b.bidId === id)?.bidder ?? id;
    io.stdout(`\nThe rankings above are by points alone, before the published rule for awarding the lots. ${lotAwardLines(lotAward, bidderOf)[0]}`);
  }
  return ExitCode.success;
}

function renderWhatif(whatif: Whatif): string {
  const { problem, analysis, organisationId } = whatif;
  const { sweeps, shares, uncertain, chance, sections } = analysis;
  const name = new Map(problem.bids.map((b) => [b.bidId, b.bidder]));
  const out: string[] = [`What-if: ${whatif.title}`, ""];
  for (const sweep of sweeps) out.push(...describeSweep(sweep, name, organisationId, problem.titles));
  const rangeText = whatif.weightRanges.length > 0 ? ` within these limits (${describeWeightRanges(whatif.weightRanges, sections, problem.titles)})` : "";
  out.push(`Chance of each rank when every weighting${rangeText} is equally likely (SMAA-2, ${chance.samples.toLocaleString("en-GB")} samples, seed ${whatif.seed}, ${counted(chance.chunks, "chunk")}):`);
  for (const [i, s] of shares.entries()) {
    const row = chance.rankAcceptability[i]!;
    out.push(`  ${name.get(s.id)!.padEnd(40)} first ${formatChance(row[0]!, 1).padEnd(15)} top three ${formatChance(row[0]! + (row[1] ?? 0) + (row[2] ?? 0), 1)}`);
    const central = chance.centralWeights[i];
    if (central) out.push(`    typical weights when it wins: ${describeWeights(central, sections, problem.titles)}`);
  }
  const { improvements, priceToWin } = whatif;
  if (organisationId && (improvements.length > 0 || priceToWin)) {
    out.push("", `Where ${name.get(organisationId)} could invest effort (current weights, all else equal):`);
    for (const imp of improvements) {
      if (imp.gap.compare(0) < 0) {
        out.push(`  Already first, ${formatPoints(imp.gap.neg())} points ahead of the runner-up.`);
        break;
      }
      out.push(`  ${imp.criterionId} ${imp.title}: ${improvementWords(imp)}`);
    }
    if (priceToWin && !priceToWin.alreadyFirst) {
      out.push(
        `  Whole-life price: from ${formatMoney(priceToWin.current)} ${
          priceToWin.needed ? `to ${formatMoney(priceToWin.needed)} or less would make it first (the others' price points recalculated)` : "to any lower price would not be enough on its own"
        }`,
      );
    }
  }
  out.push("", `Break-even weights are exact${uncertain ? " (for scores given as ranges, at the middle of each range)" : ""}; the chance of winning is an estimate from random weightings${uncertain ? ", with scores given as ranges drawn at random within them" : ""}.`);
  return out.join("\n");
}

function describeSweep(sweep: WeightSweep, name: Map<string, string>, organisationId: string | undefined, titles: ReadonlyMap<string, string> | undefined): string[] {
  const title = titleOfKey(sweep.section, titles?.get(sweep.section));
  const lines = [`${title} weight (now ${formatPercent(sweep.currentWeight)}; the others keep their proportions):`];
  const interval = (i: { from: Exact; to: Exact }) => `from ${formatPercent(i.from, 1)} to ${formatPercent(i.to, 1)}`;
  if (sweep.leaders.length === 1) {
    lines.push(`  ${name.get(sweep.leaders[0]!.bidId)} stays first ${interval(sweep.leaders[0]!)}.`);
  } else if (sweep.leaders.length > 1) {
    // Joint leaders are each named: one must not vanish because another was found first.
    lines.push(`  ${sweep.leaders.map((l) => name.get(l.bidId)).join(" and ")} are joint first now.`);
    for (const l of sweep.leaders) lines.push(`  ${name.get(l.bidId)} stays first or joint first ${interval(l)}.`);
  }
  if (organisationId !== undefined && !sweep.leaders.some((l) => l.bidId === organisationId)) {
    const own = firstPlaceInterval(sweep, organisationId);
    lines.push(
      own === undefined
        ? `  ${name.get(organisationId)} would not come first at any ${title.toLowerCase()} weight.`
        : own.from.equals(own.to)
          ? // A single weight where its total only equals the leader's: a tie, never a win.
            `  ${name.get(organisationId)} would at best tie for first, at exactly ${formatPercent(own.from, 1)}.`
          : `  ${name.get(organisationId)} would come first ${interval(own)}.`,
    );
  }
  const shown = sweep.breakEvens.slice(0, 8);
  // Totals are straight lines in the weight, so two bids cross at most once: ahead above it means ahead all the way to 100%.
  for (const b of shown) lines.push(`  At ${formatPercent(b.weight, 1)}: ${name.get(b.above)} overtakes ${name.get(b.below)} and stays ahead of it at higher weights.`);
  if (sweep.breakEvens.length > shown.length) lines.push(`  … and ${sweep.breakEvens.length - shown.length} more crossings (see --json).`);
  if (sweep.breakEvens.length === 0) lines.push("  No two bids change places at any weight.");
  lines.push("");
  return lines;
}

/** A criterion's improvement in words: a mark on its scale, or for a criterion scored from a figure, the figure to beat. */
function improvementWords(imp: CriterionImprovement): string {
  const f = imp.figure;
  if (f === undefined) return `from ${formatScore(imp.current)} ${imp.needed ? `to ${formatScore(imp.needed)} would make it first` : "to the top of the scale would not be enough on its own"}`;
  const now = `from ${formatScore(imp.current)} ${f.unit}`;
  if (!f.solved) return `${now}: scored against the best offer, so a better figure also moves the other bids' points (not worked out here)`;
  return f.beat !== undefined ? `${now}, a figure better than ${formatScore(f.beat)} ${f.unit} would make it first` : `${now}, even the best figure (${formatScore(f.best)} ${f.unit}) would not be enough on its own`;
}
