import type { ArgumentsCamelCase, Argv } from "yargs";
import { equalityStages } from "../model/equality-stages.js";
import type { DocumentKind } from "../documents/document-kinds.js";

/**
 * Every command's arguments, declared once: yargs reads the declaration to parse and to print help, and
 * TypeScript infers each command's argument type from the same declaration (`ArgsOf`), so a command's
 * code cannot read an option that is not declared, or read it as the wrong type. This file loads no
 * command code: each command is imported only when it runs, so `--help` starts at once.
 */
export interface CommandSpec<T> {
  command: string;
  describe: string;
  builder: (y: Argv) => Argv<T>;
}
export type ArgsOf<S> = S extends CommandSpec<infer T> ? ArgumentsCamelCase<T> : never;

const spec = <T>(s: CommandSpec<T>) => s;

/**
 * Examples as help's last section: each description on its own line with the whole command under it.
 * (yargs's own example column halves the width, so long commands broke across lines mid-command.)
 * Commands are kept short enough for an 80-column terminal; a test holds them to it.
 */
export function examples(list: readonly (readonly [description: string, command: string])[]): string {
  return ["Examples:", ...list.flatMap(([description, command]) => [`  ${description}:`, `    ${command}`])].join("\n");
}

/** Where a tender's files are: the options every tender command shares. */
function tenderOptions<T>(y: Argv<T>) {
  return tenderFileOptions(y.positional("folder", { type: "string", default: ".", describe: "Folder holding specification.yaml, scoring-model.yaml and bids.yaml" }));
}

/**
 * For the commands that can check one file alone (validate, review): with no folder given, only the files
 * named by --spec, --model and --bids are read, so `validate --model m.yaml` never picks up a bids.yaml
 * that happens to be in the current folder.
 */
function namedFilesOptions<T>(y: Argv<T>) {
  return tenderFileOptions(
    y.positional("folder", { type: "string", describe: "Folder holding specification.yaml, scoring-model.yaml and bids.yaml (default: the current folder, unless files are named with --spec, --model or --bids)" }),
  );
}

function tenderFileOptions<T>(y: Argv<T>) {
  return y
    .option("spec", { type: "string", describe: "Tender specification file (YAML or JSON)" })
    .option("model", { type: "string", describe: "Scoring model file (YAML or JSON)" })
    .option("bids", { type: "string", describe: "Bids file (YAML or JSON): the panel and the bidders, and any scores and prices" })
    .option("json", { type: "boolean", default: false, describe: "Print JSON instead of text" });
}

/** A tender that is scored: from the bids file, the returned score sheets, or both. */
function scoredTenderOptions<T>(y: Argv<T>) {
  return lotOption(sheetsOptions(tenderOptions(y)));
}

function lotOption<T>(y: Argv<T>) {
  return y.option("lot", {
    type: "string",
    describe: "For a tender in lots: the lot (its id, e.g. L1) whose results, report, summaries or review to make; score scores every lot without it",
  });
}

function sheetsOptions<T>(y: Argv<T>) {
  return y
    .option("sheets", { type: "string", describe: "Folder of returned score sheets, price schedules and the moderation sheet to take the scores and prices from" })
    .option("allow-incomplete", { type: "boolean", default: false, describe: "Go ahead although some scores are missing; the results say what was missing" });
}

function documentOptions<T>(y: Argv<T>) {
  return scoredTenderOptions(y)
    .option("template", { type: "string", describe: "Your own .docx template instead of the bundled one (see: tender-eval templates list)" })
    .option("force", { type: "boolean", default: false, describe: "Replace outputs that already exist" })
    .option("date", { type: "string", describe: "Date to print, as YYYY-MM-DD (default: today)" });
}

/** The document kinds, for --kind; the type check keeps this list to real kinds, and a test keeps it complete. */
export const documentKindChoices = ["evaluation-report", "assessment-summary", "equality-assessment", "whatif-briefing", "user-panel-form"] as const satisfies readonly DocumentKind[];

export const specs = {
  init: spec({
    command: "init [folder]",
    describe: "Start a tender: write a specification, a scoring model, a bids file and equality findings to fill in, each field explained",
    builder: (y) =>
      y
        .positional("folder", { type: "string", default: ".", describe: "Folder to write the starter tender into (made if it does not exist)" })
        .option("model", { type: "string", default: "quality-led-social-care", describe: "Ready-made scoring model to start from (see --list), or your own model file" })
        .option("list", { type: "boolean", default: false, describe: "List the ready-made scoring models, with when to use each, and write nothing" })
        .option("date", { type: "string", describe: "Publication date for the starter, YYYY-MM-DD (default: today); the deadlines follow from it" })
        .epilogue(examples([
          ["Start a tender in my-tender/ from the quality-led social care model", "$0 init my-tender"],
          ["Which ready-made scoring model to start from", "$0 init --list"],
          ["Start from another ready-made model", "$0 init my-tender --model price-per-quality-point"],
        ])),
  }),
  validate: spec({
    command: "validate [folder]",
    describe: "Check a tender's specification, scoring model and (if present) bids, listing every problem",
    builder: (y) =>
      namedFilesOptions(y)
        .epilogue(examples([
          ["Check a tender (start one with: tender-eval init my-tender)", "$0 validate my-tender"],
          ["Check a scoring model on its own", "$0 validate --model scoring-model.yaml"],
        ])),
  }),
  scoresheets: spec({
    command: "scoresheets [folder]",
    describe: "Generate score sheets: one workbook per evaluator and user-panel member, and a price schedule per bid",
    builder: (y) =>
      tenderOptions(y)
        .option("out-dir", { type: "string", describe: "Folder to write the workbooks into (default: score-sheets in the tender folder's outputs/)" })
        .option("force", { type: "boolean", default: false, describe: "Replace workbooks that already exist" })
        .option("date", { type: "string", describe: "Date of the workbooks, in their properties, YYYY-MM-DD (default: today); the same tender and date give the same files" })
        .epilogue(examples([
          ["One score sheet per evaluator for the example", "$0 scoresheets my-tender --out-dir outgoing"],
        ])),
  }),
  score: spec({
    command: "score [folder]",
    describe: "Score a tender's bids: combined scores, weighted points, exclusions, ranked results",
    builder: (y) =>
      scoredTenderOptions(y)
        .option("out", { type: "string", describe: "Where to write the results as JSON (default: results.json in the tender folder's outputs/)" })
        .option("force", { type: "boolean", default: false, describe: "Replace the output files if they exist" })
        .option("xlsx", { type: "string", describe: "Also write the results workbook here (default with --sheets: results.xlsx beside --out)" })
        .option("moderation-sheet", { type: "string", describe: "Where to write the moderation sheet when answers need moderation (with --sheets; default: moderation.xlsx beside --out)" })
        .option("date", { type: "string", describe: "Date of the workbooks, in their properties, YYYY-MM-DD (default: today); the same inputs and date give the same files" })
        .option("restricted-record", { type: "string", describe: "Also write the user panel's individual scores here (.xlsx, marked RESTRICTED); every other output gives the panel's combined score only" })
        .epilogue(examples([
          ["Score a tender from its bids file", "$0 score my-tender --out results.json"],
          ["Score from the returned score sheets", "$0 score my-tender --sheets returned-sheets"],
        ])),
  }),
  review: spec({
    command: "review [folder]",
    describe: "Flag disproportionate weighting and process, with the reason and the rule or guidance behind each flag",
    builder: (y) =>
      lotOption(sheetsOptions(namedFilesOptions(y)))
        .option("policy", { type: "string", describe: "Review policy file (default: the bundled UK policy, policies/uk-default.yaml)" })
        .option("without-bids", { type: "boolean", default: false, describe: "Review the model and process only, even if bids are present" })
        .option("fail-on", { choices: ["error", "warning", "never"] as const, default: "error" as const, describe: "Exit with code 3 when a flag of this severity or worse is found" })
        .epilogue(examples([
          ["Review a tender's model, process and scored bids", "$0 review my-tender"],
          ["Use in an approval workflow", "$0 review my-tender --fail-on warning"],
        ])),
  }),
  whatif: spec({
    command: "whatif [folder]",
    describe: "How the weighting moves each bid's total and rank: break-even weights, stability, chance of winning",
    builder: (y) =>
      scoredTenderOptions(y)
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
        .epilogue(examples([
          ["Chance of winning if social value will be weighted 10–25% (repeat for other sections)", "$0 whatif my-tender --weight-range socialValue=10-25"],
          ["How the weighting affects bid B1", "$0 whatif my-tender --bid B1"],
          ["A Word briefing and an interactive page for a pre-tender consultation", "$0 whatif my-tender --bid B1 --briefing brief.docx --html page.html"],
          ["Before a tender is published: your expected scores against rough competitor profiles", "$0 whatif --model proposed.yaml --profiles our-profiles.yaml"],
        ])),
  }),
  "profiles-sheet": spec({
    command: "profiles-sheet [folder]",
    describe: "Write a sheet to fill in with your expected scores and price and rough competitor profiles, for whatif --profiles",
    builder: (y) =>
      tenderOptions(y)
        .option("out", { type: "string", describe: "The sheet to write (default: profiles.xlsx in outputs/ beside the scoring model)" })
        .option("from", { type: "string", describe: "Fill it from existing profiles (YAML or a sheet) instead of blank rows" })
        .option("force", { type: "boolean", default: false, describe: "Replace the sheet if it exists" })
        .option("date", { type: "string", describe: "Date of the sheet, in its properties, YYYY-MM-DD (default: today)" })
        .epilogue(examples([
          ["A blank sheet for the proposed model's sections", "$0 profiles-sheet --model proposed-model.yaml --out profiles.xlsx"],
          ["The example's profiles as a sheet", "$0 profiles-sheet my-tender --from my-tender/whatif-profiles.yaml"],
        ])),
  }),
  report: spec({
    command: "report [folder]",
    describe: "Write the evaluation report (.docx): tender, model, panel, ranked results, moderation, weighting review, audit record",
    builder: (y) =>
      documentOptions(y)
        .option("out", { type: "string", describe: "Where to write the report (default: evaluation-report.docx in the tender folder's outputs/)" })
        .option("policy", { type: "string", describe: "Review policy for the weighting-review section (default: bundled UK policy)" })
        .epilogue(examples([
          ["Write the evaluation report", "$0 report my-tender --out report.docx"],
          ["The report from the returned score sheets", "$0 report my-tender --sheets returned-sheets"],
        ])),
  }),
  summaries: spec({
    command: "summaries [folder]",
    describe: "Write one assessment summary (.docx) per bidder, as the Procurement Act 2023 s.50 requires",
    builder: (y) =>
      documentOptions(y)
        .option("out-dir", { type: "string", describe: "Folder to write the summaries into (default: assessment-summaries in the tender folder's outputs/)" })
        .option("comparison", {
          type: "boolean",
          default: true,
          describe: "Compare each bidder's scores side by side with the most advantageous tender's (--no-comparison to leave the comparison out; that tender's own assessment is always included, as the Procurement Act 2023 s.50(4)(b) requires)",
        })
        .option("award-notice-date", { type: "string", describe: "Day the contract award notice will be published, YYYY-MM-DD: the summaries then say when the standstill period ends (without it, only its rule and length)" })
        .option("bank-holidays", { type: "string", describe: "Bank-holiday list to count working days with (default: the bundled policies/uk-bank-holidays.yaml)" })
        .epilogue(examples([
          ["One summary per bidder", "$0 summaries my-tender --out-dir letters"],
          ["Say when the standstill ends", "$0 summaries my-tender --award-notice-date 2026-12-22"],
          ["The summaries from the returned score sheets", "$0 summaries my-tender --sheets returned-sheets"],
        ])),
  }),
  equality: spec({
    command: "equality [folder]",
    describe: "Write an Equality Assessment (.docx) pre-filled from the specification, your findings and the weighting review",
    builder: (y) =>
      documentOptions(y)
        .option("findings", { type: "string", describe: "Your findings so far (YAML): research sources, impacts, summary, consultation, actions, monitoring, outcome and sign-off" })
        .option("stage", { choices: equalityStages, default: "procurement" as const, describe: "The stage of commissioning: needs-analysis and decommissioning need only the specification and your findings; the scoring model and bids are used when present" })
        .option("policy", { type: "string", describe: "Review policy whose findings go into the assessment (default: bundled UK policy)" })
        .option("out", { type: "string", describe: "Where to write the assessment (default: equality-assessment.docx in the tender folder's outputs/)" })
        .epilogue(examples([
          ["Pre-fill an Equality Assessment", "$0 equality my-tender --findings my-tender/equality-findings.yaml"],
          ["At needs analysis, before there is a scoring model", "$0 equality my-tender --stage needs-analysis"],
        ])),
  }),
  templates: spec({
    command: "templates <action> [file]",
    describe: "List the data each Word template can use, or check your own template's tags",
    builder: (y) =>
      y
        .positional("action", { choices: ["list", "check"] as const, demandOption: true, describe: "list: the fields a template can use; check: a template's tags against them" })
        .positional("file", { type: "string", describe: "With check: your .docx template" })
        .option("kind", { choices: documentKindChoices, describe: "Which document (default for list: all)" })
        .option("json", { type: "boolean", default: false, describe: "Print JSON instead of text" })
        .epilogue(examples([
          ["Show the fields an assessment summary template can use", "$0 templates list --kind assessment-summary"],
          ["Check an authority's own template", "$0 templates check my-report.docx --kind evaluation-report"],
        ])),
  }),
  demo: spec({
    command: "demo",
    describe: "Run the whole flow on the bundled example tender and write everything into one folder",
    builder: (y) =>
      y
        .option("out", { type: "string", default: "demo-output", describe: "Folder to write the outputs into" })
        .option("force", { type: "boolean", default: false, describe: "Replace outputs that already exist" })
        .option("date", { type: "string", describe: "Date to print on documents, YYYY-MM-DD (default: today)" })
        .option("json", { type: "boolean", default: false, describe: "Print what was written as JSON" })
        .epilogue(examples([
          ["Score the bundled advocacy-service tender and write its documents", "$0 demo --out demo-output"],
        ])),
  }),
  app: spec({
    command: "app",
    describe: "Write tender-eval as one web page: use it in a browser with no terminal, offline; no file leaves the computer",
    builder: (y) =>
      y
        .option("out", { type: "string", default: "tender-eval.html", describe: "The page to write (one self-contained .html file)" })
        .option("force", { type: "boolean", default: false, describe: "Replace the page if it exists" })
        .epilogue(examples([
          ["Write the page, then open it with a double-click", "$0 app --out tender-eval.html"],
        ])),
  }),
  schema: spec({
    command: "schema",
    describe: "Write JSON Schemas for the input files and the JSON outputs (and, with --fields and --outputs, the reference of their fields)",
    builder: (y) =>
      y
        .option("out", { type: "string", default: "schemas", describe: "Folder to write the schemas into" })
        .option("force", { type: "boolean", default: false, describe: "Replace existing schema files" })
        .option("fields", { type: "string", describe: "Also write the reference of every input file's fields (Markdown) here, e.g. docs/fields.md" })
        .option("outputs", { type: "string", describe: "Also write the reference of every JSON output's fields (Markdown) here, e.g. docs/json-output.md" })
        .option("json", { type: "boolean", default: false, describe: "Print what was written as JSON" })
        .epilogue(examples([
          ["Write the schemas for editor autocompletion", "$0 schema --out schemas"],
          ["Regenerate the schemas and both field references (npm run docs adds --force)", "$0 schema --fields docs/fields.md --outputs docs/json-output.md"],
        ])),
  }),
};

export type CommandName = keyof typeof specs;
