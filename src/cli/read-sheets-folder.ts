import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { TenderBids } from "../model/bids.js";
import { modelHash } from "../model/model-hash.js";
import type { ScoringModel } from "../model/scoring-model.js";
import type { TenderSpecification } from "../model/specification.js";
import { problem, type Outcome, type Problem } from "../problems/problem.js";
import { assembleBids } from "../spreadsheets/assemble-bids.js";
import { interpretWorkbook, type WorkbookContent } from "../spreadsheets/read-workbook.js";
import { parseWorkbooks } from "../spreadsheets/parse-in-parallel.js";
import { InputFileError, readInputFile, type CliIo } from "./io.js";
import type { InputRecord } from "./load-tender.js";

const OTHER_SPREADSHEETS = /\.(xls|xlsm|ods|csv|numbers)$/i;

/**
 * Read every completed workbook in a folder (Excel's ~$ lock files and hidden files are skipped), collecting
 * every problem from every file before deciding, then put the scores into the bids.
 */
export async function readSheetsFolder(
  io: CliIo,
  folder: string,
  context: { specification: TenderSpecification; model: ScoringModel; bids: TenderBids; allowIncomplete: boolean },
): Promise<Outcome<{ bids: TenderBids; inputs: InputRecord[] }>> {
  let names: string[];
  try {
    names = (await readdir(resolve(io.cwd, folder))).sort();
  } catch {
    throw new InputFileError(folder, "no such folder");
  }
  const hash = modelHash(context.model);
  const problems: Problem[] = [];
  const contents: WorkbookContent[] = [];
  const inputs: InputRecord[] = [];
  const toRead: { path: string; bytes: Uint8Array }[] = [];
  for (const name of names) {
    if (name.startsWith(".") || name.startsWith("~$")) continue;
    const path = join(folder, name);
    if (OTHER_SPREADSHEETS.test(name)) {
      problems.push(problem("sheets.unreadable", { file: path }, { detail: "it is not an .xlsx workbook: open it and save it as Excel Workbook (.xlsx)" }));
      continue;
    }
    if (!/\.xlsx$/i.test(name)) continue;
    const bytes = await readInputFile(io, path);
    inputs.push({ file: path, sha256: createHash("sha256").update(bytes).digest("hex") });
    toRead.push({ path, bytes });
  }
  const parsed = await parseWorkbooks(toRead.map((f) => f.bytes));
  toRead.forEach((file, i) => {
    const read = interpretWorkbook(parsed[i]!, file.path, { ...context, modelHash: hash });
    problems.push(...read.problems);
    if (read.ok) contents.push(read.value);
  });
  if (contents.length === 0 && problems.length === 0) {
    problems.push(problem("sheets.not-recognised", { file: folder }, {}));
  }
  if (problems.some((p) => p.severity === "error")) return { ok: false, problems };
  const assembled = assembleBids(context.bids, contents);
  if (!assembled.ok) return { ok: false, problems: [...problems, ...assembled.problems] };
  return { ok: true, value: { bids: assembled.value, inputs }, problems };
}
