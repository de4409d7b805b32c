import { randomBytes } from "node:crypto";
import * as nodeFs from "node:fs/promises";
import { access } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { InputFileError } from "../node/input-file-error.js";

export { InputFileError };

/** Everything a command may touch outside the library, so tests can run `main` in-process. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The terminal's width, for wrapping help. */
  columns?: number | undefined;
  /** How outputs are written: node:fs/promises unless a test needs a full disk or a read-only folder. */
  fs?: OutputFs | undefined;
}

/** The file operations `writeOutputs` uses, so a test can make one fail as a full disk would. */
export interface OutputFs {
  /** Make one folder whose parent exists (never recursive: see makeFolders). */
  mkdir(path: string): Promise<void>;
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { recursive?: boolean; force: boolean }): Promise<void>;
}

export function nodeIo(): CliIo {
  // A reader that stops early (tender-eval score … | head -1) closes the pipe: later writes fail with
  // EPIPE, emitted as an error event that would otherwise end the process with a stack trace. Nobody
  // is reading any more, so later text is dropped and the command finishes its work (all or nothing).
  // Any other error on these streams means the same: there is nowhere left to write to.
  const open = { stdout: true, stderr: true };
  const writer = (name: "stdout" | "stderr") => {
    const stream = process[name];
    stream.on("error", () => {
      open[name] = false;
    });
    return (text: string) => {
      if (open[name]) stream.write(text.endsWith("\n") ? text : `${text}\n`);
    };
  };
  return { cwd: process.cwd(), stdout: writer("stdout"), stderr: writer("stderr"), columns: process.stdout.columns };
}

/** A failure the user can fix by changing the command line (exit code 2), e.g. refusing to overwrite. */
export class UsageError extends Error {}

/** An output that could not be written (a read-only folder, a full disk): exit code 1, nothing left behind. */
export class OutputFileError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: could not be written: ${detail}`);
  }
}

/** A fault in tender-eval: one line for the user, the stack only when asked for. */
export class FaultReport {
  constructor(
    readonly error: unknown,
    readonly version: string,
  ) {}
  text(debug: boolean): string {
    const detail = this.error instanceof Error ? this.error.message : String(this.error);
    const line = `tender-eval ${this.version} stopped because of a fault in tender-eval itself, not in your files (${detail.split("\n")[0]!.slice(0, 200)}). Please report it with the command you ran; add --debug to see the details.`;
    return debug && this.error instanceof Error && this.error.stack ? `${line}\n${this.error.stack}` : line;
  }
}

/** Whether a path exists (a file or a folder). */
export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export interface OutputFile {
  path: string;
  bytes: Uint8Array | string;
}

const writeFailure = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EROFS") return "the folder is read-only";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOSPC") return "the disk is full";
  if (code === "EDQUOT") return "the disk quota is used up";
  if (code === "ENOTDIR" || code === "EEXIST") return "part of the path is a file, not a folder";
  if (code === "ENOENT") return "the folder cannot be made there";
  if (code === "EISDIR") return "it is a folder";
  return (error as Error).message;
};

/**
 * Write a set of outputs all or nothing: refuse before writing anything if one exists and `force` is not
 * given; write each to a temporary file beside it, then rename, so no reader ever sees half a file. If any
 * write fails, the temporary files and any folders made for them are removed.
 */
/**
 * Make a folder and any missing parents, one at a time, returning the first one made. Node 20's recursive
 * mkdir loops for ever on some special file systems (a path under /proc), so the walk is done here: each
 * step either makes one folder or fails with a reason.
 */
async function makeFolders(fs: OutputFs, folder: string): Promise<string | undefined> {
  const missing: string[] = [];
  for (let at = folder; !(await exists(at)); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const path of missing) await fs.mkdir(path);
  return missing[0];
}

export async function writeOutputs(io: CliIo, files: readonly OutputFile[], force: boolean): Promise<string[]> {
  const targets = files.map((f) => ({ ...f, absolute: resolve(io.cwd, f.path) }));
  if (!force) {
    const existing: string[] = [];
    for (const t of targets) if (await exists(t.absolute)) existing.push(t.path);
    if (existing.length > 0) {
      const list = existing.length <= 5 ? existing.join(", ") : `${existing.slice(0, 5).join(", ")} and ${existing.length - 5} more`;
      throw new UsageError(`not overwriting ${list}: ${existing.length === 1 ? "it already exists" : "they already exist"} (add --force to replace ${existing.length === 1 ? "it" : "them"})`);
    }
  }
  const fs = io.fs ?? nodeFs;
  const temporary: string[] = [];
  const madeFolders: string[] = [];
  let current: (typeof targets)[number] | undefined;
  try {
    for (const t of targets) {
      current = t;
      const made = await makeFolders(fs, dirname(t.absolute));
      if (made !== undefined) madeFolders.push(made);
      const tmp = `${t.absolute}.${randomBytes(6).toString("hex")}.partial`;
      temporary.push(tmp);
      await fs.writeFile(tmp, t.bytes);
    }
    for (const [i, t] of targets.entries()) {
      current = t;
      await fs.rename(temporary[i]!, t.absolute);
    }
  } catch (error) {
    await Promise.all(temporary.map((tmp) => fs.rm(tmp, { force: true })));
    // Folders made for these outputs go too, deepest last made first, so a failed run leaves nothing.
    for (const folder of madeFolders.reverse()) await fs.rm(folder, { recursive: true, force: true });
    throw new OutputFileError(current?.path ?? "output", writeFailure(error));
  }
  return targets.map((t) => t.path);
}
