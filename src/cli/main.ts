import yargs, { type ArgumentsCamelCase } from "yargs";
import { formatProblem } from "../problems/format.js";
import { problem } from "../problems/problem.js";
import { demoCommand } from "./commands/demo.js";
import { reviewCommand } from "./commands/review.js";
import { equalityCommand, reportCommand, summariesCommand } from "./commands/documents.js";
import { templatesCommand } from "./commands/templates.js";
import { scoresheetsCommand } from "./commands/scoresheets.js";
import { whatifCommand } from "./commands/whatif.js";
import { profilesSheetCommand } from "./commands/profiles-sheet.js";
import { schemaCommand } from "./commands/schema.js";
import { scoreCommand } from "./commands/score.js";
import { validateCommand } from "./commands/validate.js";
import { ExitCode } from "./exit-code.js";
import { InputFileError, UsageError, type CliIo } from "./io.js";
import { TOOL_VERSION } from "./version.js";

export type CommandHandler = (args: ArgumentsCamelCase, io: CliIo) => Promise<ExitCode>;
export type CommandRunner = (handler: CommandHandler) => (args: ArgumentsCamelCase) => Promise<void>;

/**
 * The whole command line, callable in-process: parse, run one command, return the exit code.
 * This is the one place errors become exit codes: 1 for bad input, 2 for a usage error.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let exitCode: ExitCode = ExitCode.success;
  let usageError: string | undefined;
  const run: CommandRunner = (handler) => async (args) => {
    if (usageError !== undefined) return; // yargs still calls the handler after a failed parse
    exitCode = await handler(args, io);
  };

  const parser = yargs()
    .scriptName("tender-eval")
    .usage("$0 <command> [options]\n\nScore tenders fairly and see how the weighting of a tender decides who wins.")
    .command(validateCommand(run))
    .command(scoresheetsCommand(run))
    .command(scoreCommand(run))
    .command(reviewCommand(run))
    .command(whatifCommand(run))
    .command(profilesSheetCommand(run))
    .command(reportCommand(run))
    .command(summariesCommand(run))
    .command(equalityCommand(run))
    .command(templatesCommand(run))
    .command(demoCommand(run))
    .command(schemaCommand(run))
    .demandCommand(1, "Choose a command: validate, scoresheets, score, review, whatif, profiles-sheet, report, summaries, equality, templates, demo or schema.")
    .strict()
    .help()
    .version(TOOL_VERSION)
    .wrap(Math.min(100, process.stdout.columns ?? 100))
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
      io.stderr(printed || usageError);
      return ExitCode.usage;
    }
    if (printed) io.stdout(printed);
    return exitCode;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(error.message);
      return ExitCode.usage;
    }
    if (error instanceof InputFileError) {
      io.stderr(formatProblem(problem("input.unreadable", { file: error.file }, { detail: error.message.slice(error.file.length + 2) })));
      return ExitCode.invalidInput;
    }
    throw error;
  }
}
