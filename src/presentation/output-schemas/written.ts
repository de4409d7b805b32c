import { z } from "zod";
import { header, ProblemsJson } from "./common.js";

export const FailedOutput = z
  .strictObject({
    ...header("failed"),
    ok: z.literal(false).describe("Always false: the command could not do its work"),
    written: z.array(z.string()).max(0).describe("Always empty: nothing was written"),
    problems: ProblemsJson.describe("Every problem that stopped it, each located in its file"),
  })
  .describe("What any command prints with --json when it cannot do its work (exit code 1): the problems, and nothing written. A usage error (exit code 2: a mistaken option, or refusing to overwrite a file without --force) prints no JSON: its one-line message is on standard error");

export const WrittenOutput = z
  .strictObject({
    ...header("written"),
    ok: z.literal(true).describe("Always true: the files were written"),
    written: z.array(z.string()).describe("The files written, as paths relative to where the command was asked to write"),
    problems: ProblemsJson.describe("Warnings and advice about the inputs"),
  })
  .describe("What the commands that write files (scoresheets, report, summaries, equality, profiles-sheet, demo, schema) print with --json");
