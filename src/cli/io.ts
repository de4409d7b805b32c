import { randomBytes } from "node:crypto";
import { access, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";

/** Everything a command may touch outside the library, so tests can run `main` in-process. */
export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

export function nodeIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    stderr: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  };
}

/** A failure the user can fix by changing the command line (exit code 2), e.g. refusing to overwrite. */
export class UsageError extends Error {}

/** A file that could not be read, reported with its name as an input problem (exit code 1). */
export class InputFileError extends Error {
  constructor(readonly file: string, detail: string) {
    super(`${file}: ${detail}`);
  }
}

export async function readInputFile(io: CliIo, path: string): Promise<Uint8Array> {
  try {
    return await readFile(resolve(io.cwd, path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder, not a file" : (error as Error).message;
    throw new InputFileError(path, detail);
  }
}

export const NOT_TEXT = "it is not UTF-8 text (is it a spreadsheet or Word file?)";

/** Input files are UTF-8 text; a byte-order mark is dropped. Undefined when the bytes are not text. */
export function decodeText(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return undefined;
  }
}

/** Read a text input (policy, findings, profiles, model), refusing with the file's name if it is not text. */
export async function readTextFile(io: CliIo, path: string): Promise<string> {
  const text = decodeText(await readInputFile(io, path));
  if (text === undefined) throw new InputFileError(path, NOT_TEXT);
  return text;
}

export async function exists(io: CliIo, path: string): Promise<boolean> {
  try {
    await access(resolve(io.cwd, path));
    return true;
  } catch {
    return false;
  }
}

export interface OutputFile {
  path: string;
  bytes: Uint8Array | string;
}

/**
 * Write a set of outputs all or nothing: refuse before writing anything if one exists and `force` is
 * not given; write each to a temporary file beside it, then rename, so no reader ever sees half a file.
 */
export async function writeOutputs(io: CliIo, files: readonly OutputFile[], force: boolean): Promise<string[]> {
  const targets = files.map((f) => ({ ...f, absolute: resolve(io.cwd, f.path) }));
  if (!force) {
    const existing: string[] = [];
    for (const t of targets) if (await exists(io, t.absolute)) existing.push(t.path);
    if (existing.length > 0) {
      throw new UsageError(`not overwriting ${existing.join(", ")}: it already exists (add --force to replace it)`);
    }
  }
  const temporary: string[] = [];
  try {
    for (const t of targets) {
      await mkdir(dirname(t.absolute), { recursive: true });
      const tmp = `${t.absolute}.${randomBytes(6).toString("hex")}.partial`;
      temporary.push(tmp);
      await writeFile(tmp, t.bytes);
    }
    for (const [i, t] of targets.entries()) await rename(temporary[i]!, t.absolute);
  } catch (error) {
    await Promise.all(temporary.map((tmp) => rm(tmp, { force: true })));
    throw error;
  }
  return targets.map((t) => t.path);
}
