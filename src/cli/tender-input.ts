import { dirname, join } from "node:path";
import { readTenderFolder, type FileOnDisk } from "../node/files.js";
import { workerThreadRuntime } from "../node/worker-runtime.js";
import type { Location } from "../problems/problem.js";
import type { ScoreOptions, TenderFiles } from "../workflows/tender.js";
import type { CliIo } from "./io.js";

/** The options every tender command takes, as parsed (see specs.ts). */
export interface TenderArgs {
  folder: string;
  spec?: string | undefined;
  model?: string | undefined;
  bids?: string | undefined;
  sheets?: string | undefined;
  allowIncomplete?: boolean | undefined;
  lot?: string | undefined;
}

export interface TenderInput {
  files: TenderFiles;
  options: ScoreOptions;
  /** Problems name files as the documents do (relative to the tender folder); the terminal shows them as the user wrote them. */
  shown<T extends { location: Location }>(problems: readonly T[]): T[];
  /** The tender's text files as the user wrote them (specification, model, bids). */
  paths: string[];
}

/** Read the tender's files (and returned sheets) from disk, for a workflow; scoring runs on worker threads. */
export async function readTender(io: CliIo, args: TenderArgs, options: { withoutBids?: boolean } = {}): Promise<TenderInput> {
  const files = await readTenderFolder({ folder: args.folder, spec: args.spec, model: args.model, bids: options.withoutBids ? false : args.bids, sheets: args.sheets, cwd: io.cwd });
  const onDisk: FileOnDisk[] = [files.specification, files.model, ...(files.bids ? [files.bids] : []), ...(files.sheets ?? [])];
  return {
    files,
    options: { allowIncomplete: args.allowIncomplete ?? false, runtime: workerThreadRuntime(), ...(args.lot !== undefined ? { lot: args.lot } : {}) },
    shown: (problems) => shownAs(problems, onDisk),
    paths: [files.specification, files.model, ...(files.bids ? [files.bids] : [])].map((f) => f.shownAs),
  };
}

/** Problems with each file named as the user wrote it. */
export function shownAs<T extends { location: Location }>(problems: readonly T[], files: readonly FileOnDisk[]): T[] {
  const names = new Map(files.map((f) => [f.name, f.shownAs]));
  return problems.map((p) => (p.location.file !== undefined && names.has(p.location.file) ? { ...p, location: { ...p.location, file: names.get(p.location.file)! } } : p));
}

/**
 * Where a command writes when not told: the tender folder's outputs/ (beside the scoring model when only
 * --model names the tender), never whatever folder the user happens to be in.
 */
export function defaultOutput(args: { folder?: string | undefined; model?: string | undefined }, name: string): string {
  const base = args.folder ?? (args.model !== undefined ? dirname(args.model) : ".");
  return join(base, "outputs", name);
}
