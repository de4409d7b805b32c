import type { TenderBids } from "../model/bids.js";
import { modelHash } from "../model/model-hash.js";
import type { ScoringModel } from "../model/scoring-model.js";
import type { TenderSpecification } from "../model/specification.js";
import { hasErrors, problem, type Location, type Outcome, type Problem } from "../problems/problem.js";
import { assembleBids } from "../spreadsheets/assemble-bids.js";
import { interpretWorkbook, parseUnpacked, unpackWorkbook, type UnpackedWorkbook, type WorkbookContent } from "../spreadsheets/read-workbook.js";
import { bytesOf, inputRecord, type InputRecord, type NamedFile } from "./files.js";
import type { ParallelRuntime } from "./runtime.js";

const OTHER_SPREADSHEETS = /\.(xls|xlsm|ods|csv|numbers)$/i;

/** Which returned files are workbooks to read: Excel's ~$ lock files and hidden files are skipped. */
export function isReturnedWorkbook(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return !base.startsWith(".") && !base.startsWith("~$") && /\.xlsx$/i.test(base);
}

/**
 * Read returned workbooks, collecting every problem from every file before deciding, then put their
 * scores, prices and agreed scores into the bids.
 *
 * The workbooks are parsed on this thread, one after another, and each one's rows are checked and let go
 * before the next is parsed. Parsing them on worker threads was slower and took more memory, measured on
 * three 60,000-row score sheets (2 cores): every row had to be copied back from the worker. From the
 * runtime only its inflaters and hash are used, where the platform has them: with an inflater that works
 * off this thread, the next workbook is unpacked while this one is read (and no more than that one is held ahead).
 */
export async function readReturnedSheets(
  sheets: readonly NamedFile[],
  context: { specification: TenderSpecification; model: ScoringModel; bids: TenderBids; allowIncomplete: boolean },
  runtime?: ParallelRuntime,
): Promise<Outcome<{ bids: TenderBids; inputs: InputRecord[]; scoredIn: Map<string, Location> }>> {
  const problems: Problem[] = [];
  for (const file of sheets) {
    if (OTHER_SPREADSHEETS.test(file.name)) {
      problems.push(problem("sheets.unreadable", { file: file.name }, { detail: "it is not an .xlsx workbook: open it and save it as Excel Workbook (.xlsx)" }));
    }
  }
  const workbooks = sheets.filter((f) => isReturnedWorkbook(f.name));
  const inputs = workbooks.map((file) => inputRecord(file, runtime?.sha256Hex));
  const hash = modelHash(context.model);
  const contents: WorkbookContent[] = [];
  const unpack = (file: NamedFile) => unpackWorkbook(bytesOf(file), runtime?.inflateRaw, runtime?.inflateRawAsync);
  let next: Promise<UnpackedWorkbook> | undefined = workbooks[0] && unpack(workbooks[0]);
  for (const [i, file] of workbooks.entries()) {
    const unpacked = await next!;
    next = workbooks[i + 1] && unpack(workbooks[i + 1]!);
    const read = interpretWorkbook(parseUnpacked(unpacked), file.name, { ...context, modelHash: hash });
    problems.push(...read.problems);
    if (read.ok) contents.push(read.value);
  }
  if (contents.length === 0 && problems.length === 0) problems.push(problem("sheets.none", {}, { files: sheets.length }));
  if (hasErrors(problems)) return { ok: false, problems };
  const assembled = assembleBids(context.bids, contents);
  if (!assembled.ok) return { ok: false, problems: [...problems, ...assembled.problems] };
  // Where each evaluator's scores came from, so a score missing from a workbook is reported there.
  const scoredIn = new Map<string, Location>();
  for (const content of contents) {
    if (content.kind !== "scores") continue;
    for (const evaluator of content.evaluators) {
      const sheet = content.sheetOf?.[evaluator];
      if (!scoredIn.has(evaluator)) scoredIn.set(evaluator, sheet === undefined ? { file: content.file } : { file: content.file, sheet });
    }
  }
  return { ok: true, value: { bids: assembled.value, inputs, scoredIn }, problems };
}
