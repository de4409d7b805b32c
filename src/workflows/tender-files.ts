import { isReturnedWorkbook } from "./returned-sheets.js";
import type { NamedFile } from "./files.js";
import type { TenderFiles } from "./tender.js";

/** The usual names of a tender's files, in the order they are looked for: the one home of these names. */
export const tenderFileNames = {
  specification: ["specification.yaml", "specification.yml", "specification.json"],
  model: ["scoring-model.yaml", "scoring-model.yml", "scoring-model.json"],
  bids: ["bids.yaml", "bids.yml", "bids.json"],
} as const;

export type TenderFileKind = keyof typeof tenderFileNames;

export interface SortedTenderFiles {
  /** The tender, when its specification and scoring model are among the files. */
  files?: TenderFiles;
  /** The kinds of file a tender needs that are not among them. */
  missing: ("specification" | "model")[];
  /** Files that are none of a tender's, by name, with why each was left out. */
  ignored: { name: string; why: string }[];
}

const baseName = (name: string) => name.split(/[\\/]/).pop() ?? name;

/**
 * A set of files a person opened together (a tender folder dropped on the page, or chosen in a file
 * dialog) sorted into a tender by the same names the CLI looks for: the specification, the scoring
 * model, the bids file, and every returned workbook. Two files of one kind are not guessed between.
 */
export function sortTenderFiles(opened: readonly NamedFile[]): SortedTenderFiles {
  const found: Partial<Record<TenderFileKind, NamedFile>> = {};
  const sheets: NamedFile[] = [];
  const ignored: { name: string; why: string }[] = [];
  for (const file of opened) {
    const base = baseName(file.name).toLowerCase();
    const kind = (Object.keys(tenderFileNames) as TenderFileKind[]).find((k) => (tenderFileNames[k] as readonly string[]).includes(base));
    if (kind !== undefined) {
      const earlier = found[kind];
      if (earlier !== undefined) ignored.push({ name: file.name, why: `${earlier.name} is already the ${kindWords[kind]}` });
      else found[kind] = file;
    } else if (isReturnedWorkbook(file.name)) {
      sheets.push(file);
    } else {
      ignored.push({ name: file.name, why: `not a tender file: tender-eval reads ${[...tenderFileNames.specification.slice(0, 1), ...tenderFileNames.model.slice(0, 1), ...tenderFileNames.bids.slice(0, 1)].join(", ")} and returned workbooks (.xlsx)` });
    }
  }
  const missing = (["specification", "model"] as const).filter((k) => found[k] === undefined);
  if (found.specification === undefined || found.model === undefined) return { missing, ignored };
  return {
    files: { specification: found.specification, model: found.model, ...(found.bids ? { bids: found.bids } : {}), ...(sheets.length > 0 ? { sheets } : {}) },
    missing,
    ignored,
  };
}

const kindWords: Record<TenderFileKind, string> = { specification: "specification", model: "scoring model", bids: "bids file" };
