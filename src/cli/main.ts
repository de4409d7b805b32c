import type { ArgumentsCamelCase } from "yargs";
import { TOOL_VERSION } from "../version.js";
import { ExitCode } from "./exit-code.js";
import { helpFor, unknownCommand, withSuggestions } from "./help.js";
import { FaultReport, InputFileError, OutputFileError, UsageError, type CliIo } from "./io.js";
import { specs, type CommandSpec } from "./specs.js";
import { terminalIo } from "./terminal.js";

/**
 * The whole command line, callable in-process: parse, run one command, return the exit code. This is the
 * one place errors become exit codes: 1 for bad input, 2 for a usage error, 70 for a fault in tender-eval.
 */
/** Commands that only read and print. */
const commandsThatWriteNothing = new Set(["validate", "templates"]);

export async function main(argv: readonly string[], given: CliIo): Promise<ExitCode> {
  const io = terminalIo(given, { json: argv.some((a) => a === "--json" || a.startsWith("--json=")) });
  // Help and the version need no parser: printed at once, they are what a new user runs first.
  const help = helpFor(argv, specs, io.columns);
  if (help !== undefined) {
    io.stdout(help);
    return ExitCode.success;
  }
  if (argv.length === 1 && argv[0] === "--version") {
    io.stdout(TOOL_VERSION);
    return ExitCode.success;
  }
  const notACommand = unknownCommand(argv, specs);
  if (notACommand !== undefined) {
    io.stderr(notACommand);
    return ExitCode.usage;
  }
  const { default: yargs } = await import("yargs");
  let exitCode: ExitCode = ExitCode.success;
  let usageError: string | undefined;
  const parser = yargs()
    .scriptName("tender-eval")
    .usage("$0 <command> [options]\n\nScore tenders fairly and see how the weighting of a tender decides who wins.")
    .option("debug", { type: "boolean", default: false, hidden: true, describe: "Show the full details of a fault in tender-eval" });
  // Each command's code is imported only when that command runs, so --help and a quick command start at once.
  const register = <T>(spec: CommandSpec<T>, load: () => Promise<{ run(args: ArgumentsCamelCase<T>, io: CliIo): Promise<ExitCode> }>) => {
    parser.command(spec.command, spec.describe, spec.builder, async (args) => {
      if (usageError !== undefined) return; // yargs still calls the handler after a failed parse
      const { run } = await load();
      exitCode = await run(args, io);
    });
  };
  register(specs.init, () => import("./commands/init.js"));
  register(specs.validate, () => import("./commands/validate.js"));
  register(specs.scoresheets, () => import("./commands/scoresheets.js"));
  register(specs.score, () => import("./commands/score.js"));
  register(specs.review, () => import("./commands/review.js"));
  register(specs.whatif, () => import("./commands/whatif.js"));
  register(specs["profiles-sheet"], () => import("./commands/profiles-sheet.js"));
  register(specs.report, () => import("./commands/report.js"));
  register(specs.summaries, () => import("./commands/summaries.js"));
  register(specs.equality, () => import("./commands/equality.js"));
  register(specs.templates, () => import("./commands/templates.js"));
  register(specs.demo, () => import("./commands/demo.js"));
  register(specs.app, () => import("./commands/app.js"));
  register(specs.schema, () => import("./commands/schema.js"));
  parser
    .demandCommand(1, `Choose a command: ${Object.keys(specs).join(", ")}.`)
    .strict()
    .help()
    .version(TOOL_VERSION)
    .wrap(Math.min(100, io.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      // yargs reports its own validation (including .check()) as a YError: that is a usage error.
      if (error && error.name !== "YError") throw error;
      usageError = message ?? error?.message;
    });

  try {
    let printed = "";
    await parser.parseAsync([...argv], {}, (_error, _args, output) => {
      printed = output;
    });
    if (usageError !== undefined) {
      io.stderr(printed || withSuggestions(usageError, argv, specs));
      return ExitCode.usage;
    }
    if (printed) io.stdout(printed);
    return exitCode;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(error.message);
      return ExitCode.usage;
    }
    if (error instanceof OutputFileError) {
      io.stderr(error.message);
      io.stderr("Nothing was written.");
      return ExitCode.invalidInput;
    }
    if (error instanceof InputFileError) {
      io.stderr(`${error.file}: could not be read: ${error.detail}`);
      // Said only where files are written: after validate it would suggest something could have been.
      if (!commandsThatWriteNothing.has(argv[0] ?? "")) io.stderr("Nothing was written.");
      return ExitCode.invalidInput;
    }
    // Anything else is a fault in tender-eval, not in the user's files: say so in one line.
    io.stderr(new FaultReport(error, TOOL_VERSION).text(argv.includes("--debug")));
    return ExitCode.fault;
  }
}

