import type { Argv, Options, PositionalOptions } from "yargs";
import { nearest } from "../language/nearest.js";
import type { CommandSpec } from "./specs.js";

/**
 * Help, printed from the same declarations yargs parses, without loading yargs.
 *
 * Help is the first thing a new user runs, and yargs's own help costs more than Node's start-up again:
 * its layout library measures every cell with a Unicode grapheme segmenter and emoji tables. Our text
 * is plain, so its width is its length. The declarations are read by running each command's builder
 * against a recorder, so help cannot drift from what the parser accepts.
 */

const SCRIPT = "tender-eval";
const INTRO = "Score tenders fairly and see how the weighting of a tender decides who wins.";
const GLOBAL_OPTIONS: readonly Declared[] = [
  { name: "--help", describe: "Show help", tags: ["[boolean]"] },
  { name: "--version", describe: "Show version number", tags: ["[boolean]"] },
];

interface Declared {
  name: string;
  describe: string;
  tags: string[];
}

interface Declarations {
  positionals: Declared[];
  options: Declared[];
  epilogue?: string;
}

/** The help text `argv` asks for, or undefined when it asks for something else (yargs then parses it). */
export function helpFor(argv: readonly string[], specs: Record<string, CommandSpec<unknown>>, columns: number | undefined): string | undefined {
  const width = Math.min(100, columns ?? 100);
  if (argv.length === 1 && argv[0] === "--help") return topLevelHelp(specs, width);
  const [name, ...rest] = argv;
  const spec = name === undefined ? undefined : specs[name];
  if (spec === undefined || !rest.includes("--help")) return undefined;
  return commandHelp(spec, width);
}

function topLevelHelp(specs: Record<string, CommandSpec<unknown>>, width: number): string {
  const commands = Object.values(specs).map((s) => ({ name: `${SCRIPT} ${s.command}`, describe: s.describe, tags: [] }));
  return [`${SCRIPT} <command> [options]`, "", INTRO, "", section("Commands:", commands, width), "", section("Options:", GLOBAL_OPTIONS, width)].join("\n");
}

function commandHelp(spec: CommandSpec<unknown>, width: number): string {
  const declared = declarationsOf(spec);
  const parts = [`${SCRIPT} ${spec.command}`, "", spec.describe, ""];
  if (declared.positionals.length > 0) parts.push(section("Positionals:", declared.positionals, width), "");
  parts.push(section("Options:", [...GLOBAL_OPTIONS, ...declared.options], width));
  if (declared.epilogue !== undefined) parts.push("", declared.epilogue);
  return parts.join("\n");
}

/**
 * What a mistyped command or option was probably meant to be, as field names are ("did you mean"): a
 * command that is not one, or yargs's "Unknown argument(s): …" with the nearest option of the command.
 */
export function unknownCommand(argv: readonly string[], specs: Record<string, CommandSpec<unknown>>): string | undefined {
  const [first] = argv;
  if (first === undefined || first.startsWith("-") || first in specs) return undefined;
  const meant = nearest(first, Object.keys(specs));
  return `"${first}" is not a command${meant ? `: did you mean "${meant}"?` : "."} The commands are: ${Object.keys(specs).join(", ")}. Run ${SCRIPT} --help for what each does.`;
}

export function withSuggestions(message: string, argv: readonly string[], specs: Record<string, CommandSpec<unknown>>): string {
  const unknown = /^Unknown arguments?: (.+)$/.exec(message.trim());
  const spec = argv[0] === undefined ? undefined : specs[argv[0]];
  if (unknown === null || spec === undefined) return message;
  const options = declarationsOf(spec).options.map((o) => o.name.slice(2));
  const hints = unknown[1]!.split(", ").flatMap((name) => {
    const meant = nearest(name, options);
    return meant === undefined ? [] : [`--${name}: did you mean --${meant}?`];
  });
  return [message.trim(), ...hints, `Run ${SCRIPT} ${argv[0]} --help for its options.`].join("\n");
}

/** Run the builder against a recorder of the three calls our declarations make. */
function declarationsOf(spec: CommandSpec<unknown>): Declarations {
  const declared: Declarations = { positionals: [], options: [] };
  const recorder = {
    positional(name: string, options: PositionalOptions) {
      declared.positionals.push({ name, describe: options.describe ?? "", tags: tagsOf(options) });
      return recorder;
    },
    option(name: string, options: Options) {
      if (!options.hidden) declared.options.push({ name: `--${name}`, describe: options.describe ?? "", tags: tagsOf(options) });
      return recorder;
    },
    epilogue(text: string) {
      declared.epilogue = text.replaceAll("$0", SCRIPT); // as yargs does
      return recorder;
    },
  };
  // The recorder has only the calls specs.ts makes; a builder calling anything else fails here, in tests.
  spec.builder(recorder as unknown as Argv);
  return declared;
}

function tagsOf(options: Options | PositionalOptions): string[] {
  const tags: string[] = [];
  if (options.type !== undefined) tags.push(options.array ? `[array]` : `[${options.type}]`);
  if (options.choices !== undefined) tags.push(`[choices: ${[...(options.choices as readonly unknown[])].map((c) => JSON.stringify(c)).join(", ")}]`);
  if (options.default !== undefined) tags.push(`[default: ${JSON.stringify(options.default)}]`);
  if (options.demandOption) tags.push("[required]");
  return tags;
}

/** A heading and its rows: names in a column, each description (then its tags) wrapped beside it. */
function section(heading: string, rows: readonly Declared[], width: number): string {
  const nameWidth = Math.max(...rows.map((r) => r.name.length)) + 2;
  const textWidth = Math.max(30, width - 2 - nameWidth);
  const lines = [heading];
  for (const row of rows) {
    // A tag such as [default: "."] is one word: it never breaks across lines.
    const text = wrap([...row.describe.split(" "), ...row.tags].filter((t) => t !== ""), textWidth);
    text.forEach((line, i) => lines.push(`  ${(i === 0 ? row.name : "").padEnd(nameWidth)}${line}`.trimEnd()));
  }
  return lines.join("\n");
}

function wrap(words: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}
