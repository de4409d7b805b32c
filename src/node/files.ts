import { open, readdir, stat } from "node:fs/promises";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { DocumentKind } from "../documents/document-kinds.js";
import { InputFileError } from "./input-file-error.js";

export { InputFileError };
import type { DocumentTemplate } from "../documents/render-docx.js";
import { INPUT_LIMITS } from "../model/parse-document.js";
import { XLSX_LIMITS } from "../spreadsheets/xlsx-package.js";
import type { NamedFile } from "../workflows/files.js";
import type { TenderFiles } from "../workflows/tender.js";
import { tenderFileNames } from "../workflows/tender-files.js";

/**
 * Reading a tender from disk, for Node programs and the CLI: the workflows take file contents, and this is
 * where they come from. Each file is named relative to the tender folder (what the documents' audit record
 * shows, never a path on this machine); `shownAs` keeps how the user wrote it, for messages.
 */
export interface FileOnDisk extends NamedFile {
  /** The path as given (relative to the working folder), for messages in the terminal. */
  shownAs: string;
}

const describeError = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder, not a file" : code === "EACCES" ? "permission denied" : (error as Error).message;
};

/** The most of a kind of file that is read, and the words for that kind in a message. */
export interface SizeLimit {
  bytes: number;
  what: string;
}

/**
 * How much of each kind of input is read at all. The parsers have the same limits (INPUT_LIMITS for
 * YAML and JSON, XLSX_LIMITS for what a workbook may unpack to); here they are applied to the size on
 * disk first, so a 10 GB file given by mistake is refused without being read into memory. A workbook or
 * Word template is a zip: larger on disk than everything it may unpack to, it can only be padding.
 */
export const FILE_LIMITS = {
  bids: { bytes: INPUT_LIMITS.bytes.bids, what: "a bids file" },
  text: { bytes: INPUT_LIMITS.bytes.other, what: "a YAML or JSON input other than the bids file" },
  package: { bytes: XLSX_LIMITS.totalBytes, what: "a workbook or Word template" },
} as const satisfies Record<string, SizeLimit>;

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
// Just over a limit rounds to the limit itself, and "5 MB, more than 5 MB" would read as a bug: count bytes.
const sizeAgainst = (bytes: number, limit: number) => (megabytes(bytes) === megabytes(limit) ? `${bytes.toLocaleString("en-GB")} bytes` : megabytes(bytes));

/** The limit for a file by its name: workbooks and templates by the package limit, anything else as text. */
function limitFor(path: string): SizeLimit {
  return /\.(xlsx|docx)$/i.test(path) ? FILE_LIMITS.package : FILE_LIMITS.text;
}

/** Read one input file; `base` is the tender folder its name is given relative to. */
export async function readFileOnDisk(path: string, options: { cwd?: string; base?: string; limit?: SizeLimit } = {}): Promise<FileOnDisk> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = resolve(cwd, path);
  const bytes = await readBounded(absolute, path, options.limit ?? limitFor(path));
  return { name: nameIn(resolve(cwd, options.base ?? "."), absolute), bytes, shownAs: path };
}

/**
 * A file's bytes, refused by its size before any is read. Read through one handle, and never more than
 * the limit and one byte, so a file that grows after it was measured (a log, a named pipe) cannot pass.
 */
async function readBounded(absolute: string, shownAs: string, limit: SizeLimit): Promise<Uint8Array> {
  const tooLarge = (size: string) => new InputFileError(shownAs, `it is ${size}, more than the ${megabytes(limit.bytes)} tender-eval reads for ${limit.what} (see docs/security.md)`);
  let handle;
  try {
    handle = await open(absolute, "r");
  } catch (error) {
    throw new InputFileError(shownAs, describeError(error));
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new InputFileError(shownAs, "is a folder, not a file");
    if (info.size > limit.bytes) throw tooLarge(sizeAgainst(info.size, limit.bytes));
    const buffer = new Uint8Array(Math.min(info.size, limit.bytes) + 1);
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) throw new InputFileError(shownAs, `it holds more than the ${megabytes(limit.bytes)} tender-eval reads for ${limit.what} (see docs/security.md)`);
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } catch (error) {
    throw error instanceof InputFileError ? error : new InputFileError(shownAs, describeError(error));
  } finally {
    await handle.close();
  }
}

/** A name relative to the tender folder, with forward slashes whatever the platform. */
function nameIn(folder: string, absolute: string): string {
  const inFolder = relative(folder, absolute);
  // A file outside the tender folder (or on another drive) is named by its file name alone: "../../home/…"
  // or "C:\Users\…" in a document would show the folders of the machine that made it.
  if (inFolder === "" || inFolder.startsWith("..") || isAbsolute(inFolder)) return basename(absolute);
  return inFolder.split(sep).join("/");
}

const defaultNames = tenderFileNames;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export interface TenderPaths {
  /** The tender folder: files not given are looked for here by their usual names. */
  folder: string;
  spec?: string | undefined;
  model?: string | undefined;
  /** The bids file; `false` for none even if the folder has one. */
  bids?: string | false | undefined;
  /** A folder of returned score sheets, price schedules and the moderation sheet. */
  sheets?: string | undefined;
  /** Further files named relative to the tender folder, e.g. Equality Assessment findings. */
  cwd?: string | undefined;
}

/** The tender folder's file of a kind under its usual names, or undefined when it has none. */
export async function findTenderFile(folder: string, kind: keyof typeof defaultNames, cwd = process.cwd()): Promise<string | undefined> {
  for (const name of defaultNames[kind]) if (await isFile(resolve(cwd, folder, name))) return join(folder, name);
  return undefined;
}

/** Find and read a tender's files: paths given win, otherwise the usual names inside the tender folder. */
export async function readTenderFolder(paths: TenderPaths): Promise<TenderFiles & { specification: FileOnDisk; model: FileOnDisk; bids?: FileOnDisk; sheets?: FileOnDisk[] }> {
  const cwd = paths.cwd ?? process.cwd();
  const folder = paths.folder;
  const find = async (names: readonly string[]) => {
    for (const name of names) if (await isFile(resolve(cwd, folder, name))) return join(folder, name);
    return undefined;
  };
  const read = (path: string, limit?: SizeLimit) => readFileOnDisk(path, { cwd, base: folder, ...(limit ? { limit } : {}) });
  const specPath = paths.spec ?? (await find(defaultNames.specification)) ?? join(folder, defaultNames.specification[0]);
  const modelPath = paths.model ?? (await find(defaultNames.model)) ?? join(folder, defaultNames.model[0]);
  const bidsPath = paths.bids === false ? undefined : (paths.bids ?? (await find(defaultNames.bids)));
  const files: TenderFiles & { specification: FileOnDisk; model: FileOnDisk; bids?: FileOnDisk; sheets?: FileOnDisk[] } = {
    specification: await read(specPath),
    model: await read(modelPath),
  };
  if (bidsPath !== undefined) files.bids = await read(bidsPath, FILE_LIMITS.bids);
  if (paths.sheets !== undefined) files.sheets = await readSheetsFolder(paths.sheets, { cwd, base: folder });
  return files;
}

/** Every file in a folder of returned sheets (the workflow decides which are workbooks to read). */
export async function readSheetsFolder(folder: string, options: { cwd?: string; base?: string } = {}): Promise<FileOnDisk[]> {
  const cwd = options.cwd ?? process.cwd();
  let names: string[];
  try {
    names = (await readdir(resolve(cwd, folder), { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name).sort();
  } catch (error) {
    throw new InputFileError(folder, (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such folder" : describeError(error));
  }
  // Only workbooks are read: the rest (a PDF, a .csv saved by mistake) matter only by name, and a large
  // file left in the folder must cost nothing.
  return Promise.all(names.map((name) => (/\.xlsx$/i.test(name) ? readFileOnDisk(join(folder, name), options) : nameOnly(join(folder, name), options))));
}

function nameOnly(path: string, options: { cwd?: string; base?: string }): FileOnDisk {
  const cwd = options.cwd ?? process.cwd();
  return { name: nameIn(resolve(cwd, options.base ?? "."), resolve(cwd, path)), bytes: new Uint8Array(), shownAs: path };
}

/** Where the package's own files are: templates, policies, ready-made models and the example tender. */
export const packageRoot = fileURLToPath(new URL("../../", import.meta.url));
export const bundledExampleFolder = join(packageRoot, "examples", "community-advocacy");

/** The bundled template for a kind of document, or an authority's own (--template). */
export async function documentTemplate(kind: DocumentKind, own?: string, cwd?: string): Promise<DocumentTemplate> {
  if (own !== undefined) {
    const file = await readFileOnDisk(own, cwd === undefined ? {} : { cwd });
    return { name: own, bytes: file.bytes as Uint8Array };
  }
  // The document kinds carry every document's data schema: load them only when a document is made.
  const { documentKinds } = await import("../documents/document-kinds.js");
  const file = await readFileOnDisk(join(packageRoot, "templates", documentKinds[kind].template));
  return { name: `templates/${documentKinds[kind].template}`, bytes: file.bytes as Uint8Array };
}

/** The review policy: an authority's own, or the bundled UK policy. */
export async function reviewPolicyFile(own?: string, cwd?: string): Promise<NamedFile> {
  if (own !== undefined) return readFileOnDisk(own, cwd === undefined ? {} : { cwd });
  const file = await readFileOnDisk(join(packageRoot, "policies", "uk-default.yaml"));
  return { name: "policies/uk-default.yaml", bytes: file.bytes };
}

/** The bank-holiday list the standstill period is counted with: an authority's own, or the bundled UK list. */
export async function bankHolidaysFile(own?: string, cwd?: string): Promise<NamedFile> {
  if (own !== undefined) return readFileOnDisk(own, cwd === undefined ? {} : { cwd });
  const file = await readFileOnDisk(join(packageRoot, "policies", "uk-bank-holidays.yaml"));
  return { name: "policies/uk-bank-holidays.yaml", bytes: file.bytes };
}
