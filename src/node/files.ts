import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { DocumentKind } from "../documents/document-kinds.js";
import { InputFileError } from "./input-file-error.js";

export { InputFileError };
import type { DocumentTemplate } from "../documents/render-docx.js";
import type { NamedFile } from "../workflows/files.js";
import type { TenderFiles } from "../workflows/tender.js";

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

/** Read one input file; `base` is the tender folder its name is given relative to. */
export async function readFileOnDisk(path: string, options: { cwd?: string; base?: string } = {}): Promise<FileOnDisk> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = resolve(cwd, path);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    throw new InputFileError(path, describeError(error));
  }
  return { name: nameIn(resolve(cwd, options.base ?? "."), absolute), bytes, shownAs: path };
}

/** A name relative to the tender folder, with forward slashes whatever the platform. */
function nameIn(folder: string, absolute: string): string {
  return relative(folder, absolute).split(sep).join("/") || absolute.split(sep).pop()!;
}

const defaultNames = {
  specification: ["specification.yaml", "specification.yml", "specification.json"],
  model: ["scoring-model.yaml", "scoring-model.yml", "scoring-model.json"],
  bids: ["bids.yaml", "bids.yml", "bids.json"],
} as const;

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

/** Find and read a tender's files: paths given win, otherwise the usual names inside the tender folder. */
export async function readTenderFolder(paths: TenderPaths): Promise<TenderFiles & { specification: FileOnDisk; model: FileOnDisk; bids?: FileOnDisk; sheets?: FileOnDisk[] }> {
  const cwd = paths.cwd ?? process.cwd();
  const folder = paths.folder;
  const find = async (names: readonly string[]) => {
    for (const name of names) if (await isFile(resolve(cwd, folder, name))) return join(folder, name);
    return undefined;
  };
  const read = (path: string) => readFileOnDisk(path, { cwd, base: folder });
  const specPath = paths.spec ?? (await find(defaultNames.specification)) ?? join(folder, defaultNames.specification[0]);
  const modelPath = paths.model ?? (await find(defaultNames.model)) ?? join(folder, defaultNames.model[0]);
  const bidsPath = paths.bids === false ? undefined : (paths.bids ?? (await find(defaultNames.bids)));
  const files: TenderFiles & { specification: FileOnDisk; model: FileOnDisk; bids?: FileOnDisk; sheets?: FileOnDisk[] } = {
    specification: await read(specPath),
    model: await read(modelPath),
  };
  if (bidsPath !== undefined) files.bids = await read(bidsPath);
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
  return Promise.all(names.map((name) => readFileOnDisk(join(folder, name), options)));
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
