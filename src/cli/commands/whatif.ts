import type { CommandModule } from "yargs";
import { sectionTitles, type SectionKey } from "../../model/scoring-model.js";
import { stringifyJson } from "../../presentation/json.js";
import { formatChance, formatMoney, formatPercent, formatPoints, formatScore } from "../../presentation/uk-format.js";
import { improvementsToWin, priceToWin, type PriceImprovement } from "../../sensitivity/improvement.js";
import { analyseWeighting, type WeightingAnalysis } from "../../sensitivity/analyse-weighting.js";
import { SmaaRangeError } from "../../sensitivity/smaa.js";
import { firstPlaceInterval, problemFromResult, type WeightSweep, type WeightingProblem } from "../../sensitivity/weight-sweep.js";
import { problemFromProfiles } from "../../sensitivity/profiles.js";
import { describeWeightRanges, describeWeights, mergeWeightRanges, weightBounds, weightRangesOf, type WeightRange } from "../../sensitivity/weight-ranges.js";
import { improvementsFromProfiles } from "../../sensitivity/profile-improvements.js";
import { WhatifProfiles } from "../../model/whatif-profiles.js";
import { parseScoringModel } from "../../model/parse.js";
import { locateProblems, parseInputDocument } from "../../model/parse-document.js";
import { readInputFile, readTextFile, writeOutputs, type OutputFile } from "../io.js";
import { loadDocumentTemplate, todayOr } from "../document-templates.js";
import { makeWhatifBriefing } from "../../documents/make-documents.js";
import { whatifPage } from "../../presentation/whatif-page.js";
import { resolveTenderFiles } from "../load-tender.js";
import { reportProblems } from "../report-problems.js";
import type { CriterionImprovement } from "../../sensitivity/improvement.js";
import { ExitCode } from "../exit-code.js";
import { UsageError, type CliIo } from "../io.js";
import type { CommandRunner } from "../main.js";
import { loadAndScore } from "./score.js";
import { tenderOptions, type TenderArgs } from "./shared.js";

export function whatifCommand(run: CommandRunner): CommandModule {
  return {
    command: "whatif [folder]",
    describe: "How the weighting moves each bid's total and rank: break-even weights, stability, chance of winning",
    builder: (y) =>
      tenderOptions(y)
        .option("bid", { type: "string", describe: "Your organisation's bid id, for where to invest effort" })
        .option("samples", { type: "number", default: 100_000, describe: "Weight samples for the chance of winning (SMAA-2)" })
        .option("seed", { type: "number", default: 1, describe: "Seed for the weight samples, so a run can be repeated exactly" })
        .option("html", { type: "string", describe: "Also write an interactive page (one self-contained .html file) to explore the weights" })
        .option("briefing", { type: "string", describe: "Also write a Word briefing for your organisation (needs --bid, or --profiles), with the charts as pictures" })
        .option("template", { type: "string", describe: "Your own .docx template for the briefing (see: tender-eval templates list)" })
        .option("date", { type: "string", describe: "Date to print on the briefing, YYYY-MM-DD (default: today)" })
        .option("force", { type: "boolean", default: false, describe: "Replace the page or briefing if it exists" })
        .option("profiles", { type: "string", describe: "Your expected scores and price, and rough profiles of competitors (YAML, or a sheet: see profiles-sheet); only the scoring model is needed with it" })
        .option("weight-range", { type: "string", array: true, describe: "Limit a section's weight when estimating the chance of winning, e.g. socialValue=10-25 (percent); repeatable" })
        .example("$0 whatif examples/community-advocacy --weight-range socialValue=10-25 --weight-range price=20-40", "Chance of winning if social value will be 10–25% and price 20–40%")
        .example("$0 whatif examples/community-advocacy --bid B1", "How the weighting affects the DDPO in the example")
        .example("$0 whatif examples/community-advocacy --bid B1 --briefing briefing.docx --html whatif.html", "A Word briefing and an interactive page for a pre-tender consultation")
        .example("$0 whatif --model proposed-model.yaml --profiles our-expectations.yaml", "Before a tender is published: your expected scores against rough competitor profiles"),
    handler: run(async (args, io) => whatif(io, args as never)),
  };
}

interface WhatifArgs extends TenderArgs {
  bid?: string;
  samples: number;
  seed: number;
  weightRange?: string[];
  profiles?: string;
  html?: string;
  briefing?: string;
  template?: string;
  date?: string;
  force: boolean;
}

/** Profiles from YAML (or JSON), or from a simple sheet (.xlsx). */
export async function readProfiles(io: CliIo, file: string) {
  if (/\.xlsx$/i.test(file)) {
    const { readProfilesSheet } = await import("../../spreadsheets/profiles-sheet.js");
    return readProfilesSheet(await readInputFile(io, file), file);
  }
  return parseInputDocument(WhatifProfiles, await readTextFile(io, file), "profiles", file);
}

/** "socialValue=10-25" → a range in percent; the sections are checked against the model later. */
export function parseWeightRangeFlags(given: readonly string[]): WeightRange[] {
  return given.map((text) => {
    const match = /^\s*([A-Za-z]+)\s*=\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
    if (!match) throw new UsageError(`--weight-range ${text}: write it as section=low-high in percent, e.g. socialValue=10-25`);
    const low = Number(match[2]);
    const high = Number(match[3]);
    if (low > high || high > 100) throw new UsageError(`--weight-range ${text}: the range must run from low to high within 0 to 100`);
    return { section: match[1] as SectionKey, low, high };
  });
}

function checkFlagSections(ranges: readonly WeightRange[], sections: readonly SectionKey[]): void {
  for (const r of ranges) {
    if (!sections.includes(r.section)) throw new UsageError(`--weight-range ${r.section}=${r.low}-${r.high}: the model has no section "${r.section}" (sections: ${sections.join(", ")})`);
  }
}

async function whatif(io: CliIo, args: WhatifArgs): Promise<ExitCode> {
  if (!Number.isInteger(args.samples) || args.samples < 100 || args.samples > 10_000_000) throw new UsageError("--samples must be a whole number from 100 to 10,000,000");
  if (args.briefing !== undefined && args.profiles === undefined && args.bid === undefined) {
    throw new UsageError("--briefing is written for one organisation: say which bid is yours with --bid (or give --profiles)");
  }
  const today = todayOr(args.date);
  let problem: WeightingProblem;
  let improvements: CriterionImprovement[] = [];
  let priceImprovement: PriceImprovement | undefined;
  let title: string;
  // The briefing names the tender or model alone; where the figures come from is said in its text.
  let briefingTitle: string;
  let profileRanges: WeightRange[] = [];
  if (args.profiles !== undefined) {
    const modelFile = args.model ?? (await resolveTenderFiles(io, args.folder, args)).model;
    const model = parseScoringModel(await readTextFile(io, modelFile), modelFile);
    const profiles = await readProfiles(io, args.profiles);
    if (!model.ok || !profiles.ok) {
      reportProblems(io, [...(model.ok ? [] : model.problems), ...(profiles.ok ? [] : profiles.problems)]);
      return ExitCode.invalidInput;
    }
    const built = problemFromProfiles(model.value.data, profiles.value.data);
    if (!built.ok) {
      reportProblems(io, locateProblems(built.problems, [profiles.value.source, model.value.source]));
      return ExitCode.invalidInput;
    }
    problem = built.value;
    profileRanges = weightRangesOf(profiles.value.data);
    ({ criteria: improvements, price: priceImprovement } = improvementsFromProfiles(model.value.data, profiles.value.data));
    briefingTitle = model.value.data.title;
    const competitors = profiles.value.data.competitors.length;
    title = `${model.value.data.title}, with ${profiles.value.data.organisation.name} and ${competitors} competitor profile${competitors === 1 ? "" : "s"}`;
  } else {
    const scored = await loadAndScore(io, args);
    if (typeof scored === "number") return scored;
    const { result } = scored;
    if (args.bid !== undefined && !result.bids.some((b) => b.bidId === args.bid)) throw new UsageError(`--bid ${args.bid}: there is no such bid (bids: ${result.bids.map((b) => b.bidId).join(", ")})`);
    problem = problemFromResult(result);
    improvements = args.bid ? improvementsToWin(scored.tender.model, result, args.bid) : [];
    priceImprovement = args.bid ? priceToWin(scored.tender.model, result, args.bid) : undefined;
    title = result.tender.title;
    briefingTitle = title;
  }
  const sections = [...problem.weights.keys()];
  const flagRanges = parseWeightRangeFlags(args.weightRange ?? []);
  checkFlagSections(flagRanges, sections);
  const weightRanges = mergeWeightRanges(profileRanges, flagRanges);
  const bounds = weightBounds(weightRanges, sections);
  let analysis: WeightingAnalysis;
  try {
    analysis = await analyseWeighting(problem, { samples: args.samples, seed: args.seed, ...(bounds ? { bounds } : {}) });
  } catch (error) {
    // Raised in a worker the error arrives as a plain Error, so recognise it by its words.
    if (error instanceof SmaaRangeError || /within the ranges/.test((error as Error).message)) {
      const from = [...(flagRanges.length > 0 ? ["--weight-range"] : []), ...(profileRanges.length > 0 ? [`weightRanges in ${args.profiles}`] : [])].join(" and ");
      throw new UsageError(`the weight limits (${describeWeightRanges(weightRanges, sections)}, from ${from}) leave almost no possible weightings: ${(error as Error).message}`);
    }
    throw error;
  }
  const { sweeps, shares, uncertain, chance } = analysis;

  const organisationId = args.profiles !== undefined ? "organisation" : args.bid;
  const outputs: OutputFile[] = [];
  if (args.html !== undefined) {
    outputs.push({ path: args.html, bytes: whatifPage({ title, problem, sweeps, smaa: chance, seed: args.seed, weightRanges, uncertainScores: uncertain, ...(organisationId ? { highlight: organisationId } : {}) }) });
  }
  if (args.briefing !== undefined) {
    const template = await loadDocumentTemplate(io, "whatif-briefing", args.template);
    const briefing = makeWhatifBriefing(template, {
      title: briefingTitle,
      organisationId: organisationId!,
      basis: args.profiles !== undefined ? "profiles" : "tender",
      problem,
      sweeps,
      smaa: chance,
      seed: args.seed,
      ...(weightRanges.length > 0 ? { weightRanges } : {}),
      uncertainScores: uncertain,
      ...(improvements.length > 0 || priceImprovement ? { improvements: { criteria: improvements, price: priceImprovement } } : {}),
      today,
    });
    if (!briefing.ok) {
      reportProblems(io, briefing.problems);
      return ExitCode.invalidInput;
    }
    outputs.push({ path: args.briefing, bytes: briefing.value });
  }
  if (outputs.length > 0) {
    const written = await writeOutputs(io, outputs, args.force);
    if (!args.json) io.stdout(`Written: ${written.join(", ")}${args.html !== undefined ? " (the page opens in any browser and needs no network)" : ""}.`);
  }
  if (args.json) {
    io.stdout(stringifyJson({ sections, sweeps, smaa: { seed: args.seed, bounds: bounds ?? null, ...chance, bids: shares.map((s) => s.id) }, improvements, priceToWin: priceImprovement ?? null }));
    return ExitCode.success;
  }
  const name = new Map(problem.bids.map((b) => [b.bidId, b.bidder]));
  const out: string[] = [`What-if: ${title}`, ""];
  for (const sweep of sweeps) out.push(...describeSweep(sweep, name, organisationId));
  const rangeText = weightRanges.length > 0 ? ` within these limits (${describeWeightRanges(weightRanges, sections)})` : "";
  out.push(`Chance of each rank when every weighting${rangeText} is equally likely (SMAA-2, ${chance.samples.toLocaleString("en-GB")} samples, seed ${args.seed}, ${chance.chunks} chunks):`);
  for (const [i, s] of shares.entries()) {
    const row = chance.rankAcceptability[i]!;
    out.push(`  ${name.get(s.id)!.padEnd(40)} first ${formatChance(row[0]!, 1).padEnd(15)} top three ${formatChance(row[0]! + (row[1] ?? 0) + (row[2] ?? 0), 1)}`);
    const central = chance.centralWeights[i];
    if (central) out.push(`    typical weights when it wins: ${describeWeights(central, sections)}`);
  }
  if (organisationId && (improvements.length > 0 || priceImprovement)) {
    out.push("", `Where ${name.get(organisationId)} could invest effort (current weights, all else equal):`);
    for (const imp of improvements) {
      if (imp.gap.compare(0) < 0) {
        out.push(`  Already first, ${formatPoints(imp.gap.neg())} points ahead of the runner-up.`);
        break;
      }
      out.push(`  ${imp.criterionId} ${imp.title}: from ${formatScore(imp.current)} ${imp.needed ? `to ${formatScore(imp.needed)} would make it first` : "to the top of the scale would not be enough on its own"}`);
    }
    if (priceImprovement && !priceImprovement.alreadyFirst) {
      out.push(
        `  Whole-life price: from ${formatMoney(priceImprovement.current)} ${
          priceImprovement.needed ? `to ${formatMoney(priceImprovement.needed)} or less would make it first (the others' price points recalculated)` : "to any lower price would not be enough on its own"
        }`,
      );
    }
  }
  out.push("", `Break-even weights are exact${uncertain ? " (for scores given as ranges, at the middle of each range)" : ""}; the chance of winning is an estimate from random weightings${uncertain ? ", with scores given as ranges drawn at random within them" : ""}.`);
  io.stdout(out.join("\n"));
  return ExitCode.success;
}

function describeSweep(sweep: WeightSweep, name: Map<string, string>, organisationId: string | undefined): string[] {
  const title = sectionTitles[sweep.section];
  const lines = [`${title} weight (now ${formatPercent(sweep.currentWeight)}; the others keep their proportions):`];
  if (sweep.leaderStability) {
    lines.push(`  ${name.get(sweep.leaderStability.leader)} stays first from ${formatPercent(sweep.leaderStability.from, 1)} to ${formatPercent(sweep.leaderStability.to, 1)}.`);
  }
  if (organisationId !== undefined && sweep.leaderStability?.leader !== organisationId) {
    const own = firstPlaceInterval(sweep, organisationId);
    lines.push(
      own
        ? `  ${name.get(organisationId)} would come first from ${formatPercent(own.from, 1)} to ${formatPercent(own.to, 1)}.`
        : `  ${name.get(organisationId)} would not come first at any ${title.toLowerCase()} weight.`,
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

