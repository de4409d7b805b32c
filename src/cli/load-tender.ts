import { createHash } from "node:crypto";
import { join } from "node:path";
import type { TenderBids } from "../model/bids.js";
import { parseBids, parseScoringModel, parseSpecification } from "../model/parse.js";
import { locateProblems, type SourceDocument } from "../model/parse-document.js";
import type { ScoringModel } from "../model/scoring-model.js";
import type { TenderSpecification } from "../model/specification.js";
import { hasErrors, problem, type Location, type Outcome, type Problem } from "../problems/problem.js";
import { NOT_TEXT, decodeText, exists, readInputFile, type CliIo } from "./io.js";

export interface TenderFiles {
  specification: string;
  model: string;
  bids?: string;
}

export interface InputRecord {
  file: string;
  sha256: string;
}

export interface LoadedTender {
  specification: TenderSpecification;
  model: ScoringModel;
  bids?: TenderBids;
  sources: SourceDocument[];
  inputs: InputRecord[];
}

const defaultNames = {
  specification: ["specification.yaml", "specification.yml", "specification.json"],
  model: ["scoring-model.yaml", "scoring-model.yml", "scoring-model.json"],
  bids: ["bids.yaml", "bids.yml", "bids.json"],
} as const;

/** Find the tender's files: explicit paths win, otherwise the usual names inside the tender folder. */
export async function resolveTenderFiles(
  io: CliIo,
  folder: string,
  given: { spec?: string | undefined; model?: string | undefined; bids?: string | undefined },
): Promise<TenderFiles> {
  const find = async (names: readonly string[]) => {
    for (const name of names) if (await exists(io, join(folder, name))) return join(folder, name);
    return undefined;
  };
  const files: TenderFiles = {
    specification: given.spec ?? (await find(defaultNames.specification)) ?? join(folder, defaultNames.specification[0]),
    model: given.model ?? (await find(defaultNames.model)) ?? join(folder, defaultNames.model[0]),
  };
  const bids = given.bids ?? (await find(defaultNames.bids));
  if (bids !== undefined) files.bids = bids;
  return files;
}

/** Read and validate the tender's files, collecting every problem from every file at once. */
export async function loadTender(io: CliIo, files: TenderFiles): Promise<Outcome<LoadedTender>> {
  const problems: Problem[] = [];
  const inputs: InputRecord[] = [];
  const read = async (file: string) => {
    const bytes = await readInputFile(io, file);
    inputs.push({ file, sha256: createHash("sha256").update(bytes).digest("hex") });
    const text = decodeText(bytes);
    if (text === undefined) problems.push(problem("input.unreadable", { file }, { detail: NOT_TEXT }));
    return text;
  };
  const specText = await read(files.specification);
  const modelText = await read(files.model);
  const bidsText = files.bids !== undefined ? await read(files.bids) : undefined;

  const spec = specText === undefined ? undefined : parseSpecification(specText, files.specification);
  const model = modelText === undefined ? undefined : parseScoringModel(modelText, files.model);
  const bids = bidsText === undefined || files.bids === undefined ? undefined : parseBids(bidsText, files.bids);
  for (const outcome of [spec, model, bids]) if (outcome && !outcome.ok) problems.push(...outcome.problems);
  if (hasErrors(problems) || !spec?.ok || !model?.ok || (bids !== undefined && !bids.ok)) return { ok: false, problems };

  const loaded: LoadedTender = {
    specification: spec.value.data,
    model: model.value.data,
    sources: [spec.value.source, model.value.source],
    inputs,
  };
  if (bids?.ok) {
    loaded.bids = bids.value.data;
    loaded.sources.push(bids.value.source);
  }
  return { ok: true, value: loaded, problems };
}

export function withFileLocations<T extends { location: Location }>(problems: readonly T[], tender: { sources: SourceDocument[] }): T[] {
  return locateProblems(problems, tender.sources);
}
