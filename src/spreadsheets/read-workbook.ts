import type { Declaration, TenderBids } from "../model/bids.js";
import { criteriaById, evaluatorsFor, type CriterionInModel } from "../model/check-bids.js";
import type { ScoringModel } from "../model/scoring-model.js";
import { criterionScaleId } from "../model/weights.js";
import type { TenderSpecification } from "../model/specification.js";
import { checkText } from "../model/text-safety.js";
import { problem, type Location, type Outcome, type Problem } from "../problems/problem.js";
import { cellProblem, cellText, readScore, type CellContent } from "./cell-value.js";
import { readDeclaration } from "./declaration-sheet.js";
import { cellAt, columnLetter, columnsOf, lightSheets, rowEntriesAfter, rowsAfter, type LightSheet } from "./light-workbook.js";
import { METADATA_SHEET, readMetadata } from "./metadata.js";
import { XLSX_LIMITS, XlsxReadError, readXlsxPackageAsync, type RawInflate, type RawInflateAsync, type XlsxPackage } from "./xlsx-package.js";

export interface ReadContext {
  specification: TenderSpecification;
  model: ScoringModel;
  bids: TenderBids;
  modelHash: string;
  /** With --allow-incomplete an empty score is a warning, not an error. */
  allowIncomplete: boolean;
}

export interface ScoreEntry {
  evaluatorId: string;
  bidId: string;
  criterionId: string;
  score: number;
  justification: string;
}

export type WorkbookContent =
  | {
      kind: "scores";
      file: string;
      evaluators: string[];
      entries: ScoreEntry[];
      /** A panel matrix's sheet for each evaluator, so what is missing from it can be pointed at there. */
      sheetOf?: Record<string, string>;
      /** The declaration of interests ticked and dated on an evaluator's score sheet. */
      declaration?: Declaration;
    }
  | { kind: "price"; file: string; bidId: string; years: number[]; extensionYears: number[]; total?: number; discountPercent?: number }
  | {
      kind: "moderation";
      file: string;
      agreed: { bidId: string; criterionId: string; score: number; reason: string; location: Location }[];
      /** The panel's feedback to the bidder, per answer, from the Feedback to the bidder column. */
      feedback: { bidId: string; criterionId: string; text: string }[];
    };

type Columns = Partial<Record<"bid" | "criterion" | "score" | "justification" | "agreed" | "reason" | "feedback" | "year" | "kind" | "price", number>>;

const headerKeys: Record<string, keyof Columns> = {
  bidid: "bid",
  bid: "bid",
  criterionid: "criterion",
  score: "score",
  justification: "justification",
  agreedscore: "agreed",
  reason: "reason",
  feedbacktothebidder: "feedback",
  year: "year",
  kind: "kind",
  "price(£)": "price",
  // Price schedules say their VAT basis in the header.
  "price(£,excludingvat)": "price",
  "price(£,includingvat)": "price",
  price: "price",
  // Under a discount method the price schedule asks for a discount in the same column.
  "discount(%)": "price",
};
const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, "");

/** Find a header row (within the first 30 rows, so title rows and blank rows above it are fine). */
function findHeader(sheet: LightSheet, required: (keyof Columns)[]): { row: number; columns: Columns } | undefined {
  for (let r = 1; r <= Math.min(30, sheet.lastRow); r++) {
    const columns: Columns = {};
    for (const col of columnsOf(sheet, r)) {
      const key = headerKeys[normalise(cellText(cellAt(sheet, r, col)))];
      // A merged header may repeat its text in each cell it covers: the first column wins.
      if (key !== undefined && columns[key] === undefined) columns[key] = col;
    }
    if (required.every((k) => columns[k] !== undefined)) return { row: r, columns };
  }
  return undefined;
}

/** A workbook's rows, or why it could not be read: plain data, so it can come back from a worker thread. */
export type ParsedWorkbook = { ok: true; sheets: LightSheet[] } | { ok: false; reason: "empty" | "unreadable"; detail?: string };

/**
 * Parse a workbook's bytes into rows: the slow part, which a caller may run in a worker thread. A
 * platform's faster inflater may be given (see `RawInflate`); the result is the same with or without it.
 */
export async function parseWorkbook(bytes: Uint8Array, inflateRaw?: RawInflate): Promise<ParsedWorkbook> {
  return parseUnpacked(await unpackWorkbook(bytes, inflateRaw));
}

/** A workbook unpacked but not yet read into rows (see `unpackWorkbook`), or why it could not be. */
export type UnpackedWorkbook = { ok: true; package: XlsxPackage } | Extract<ParsedWorkbook, { ok: false }>;

/**
 * `parseWorkbook` in two steps, so that a caller can unpack the next workbook while this one is read: its
 * parts unpacked, the worksheets by `inflateRawAsync` where the platform has it (off this thread), then
 * `parseUnpacked`. The result, and any reason for refusing the workbook, are the same as `parseWorkbook`'s.
 */
export async function unpackWorkbook(bytes: Uint8Array, inflateRaw?: RawInflate, inflateRawAsync?: RawInflateAsync): Promise<UnpackedWorkbook> {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  try {
    return { ok: true, package: await readXlsxPackageAsync(bytes, XLSX_LIMITS, inflateRaw, inflateRawAsync) };
  } catch (error) {
    return unreadable(error);
  }
}

export function parseUnpacked(unpacked: UnpackedWorkbook): ParsedWorkbook {
  if (!unpacked.ok) return unpacked;
  try {
    return parsedSheets(lightSheets(unpacked.package));
  } catch (error) {
    return unreadable(error);
  }
}

function parsedSheets(sheets: LightSheet[]): ParsedWorkbook {
  return sheets.length === 0 ? { ok: false, reason: "unreadable", detail: "it has no worksheets" } : { ok: true, sheets };
}

function unreadable(error: unknown): Extract<ParsedWorkbook, { ok: false }> {
  const message = (error as Error).message.slice(0, 200);
  return { ok: false, reason: "unreadable", detail: error instanceof XlsxReadError ? message : `it is not an .xlsx file, or it is damaged (${message})` };
}

export async function readWorkbook(bytes: Uint8Array, file: string, context: ReadContext): Promise<Outcome<WorkbookContent>> {
  return interpretWorkbook(await parseWorkbook(bytes), file, context);
}

/** What a parsed workbook holds, checked against the tender: pure. */
export function interpretWorkbook(parsed: ParsedWorkbook, file: string, context: ReadContext): Outcome<WorkbookContent> {
  const at = (extra: Partial<Location> = {}): Location => ({ file, ...extra });
  if (!parsed.ok) {
    return parsed.reason === "empty"
      ? { ok: false, problems: [problem("sheets.empty-file", at(), {})] }
      : {
          ok: false,
          problems: [problem("sheets.unreadable", at(), { detail: parsed.detail ?? "it is not an .xlsx file, or it is damaged" })],
        };
  }
  const workbook = parsed.sheets;
  const metadata = readMetadata(workbook);
  if (metadata === undefined) return readPanelMatrix(workbook, file, context);

  const expectedTender = `${context.specification.title} (${context.specification.reference})`;
  if (metadata.tenderReference !== context.specification.reference) {
    return { ok: false, problems: [problem("sheets.wrong-tender", at(), { found: metadata.tenderReference, expected: expectedTender })] };
  }
  if (metadata.modelHash !== context.modelHash) {
    return {
      ok: false,
      problems: [problem("sheets.out-of-date-model", at(), { found: metadata.modelHash.slice(0, 12), expected: context.modelHash.slice(0, 12) })],
    };
  }
  switch (metadata.kind) {
    case "evaluator-scores":
    case "user-panel-scores": {
      const evaluatorId = metadata.evaluatorId ?? "";
      const members = [...context.bids.panel.evaluators.map((e) => e.id), ...context.bids.panel.userPanel.map((m) => m.id)];
      if (!members.includes(evaluatorId)) return { ok: false, problems: [problem("sheets.unknown-evaluator", at(), { evaluator: evaluatorId })] };
      const problems: Problem[] = [];
      const entries: ScoreEntry[] = [];
      const tables = workbook.filter((s) => s.name !== METADATA_SHEET && findHeader(s, ["bid", "criterion", "score"]));
      if (tables.length === 0) return { ok: false, problems: [problem("sheets.no-score-table", at(), { sheet: workbook.map((s) => s.name).filter((n) => n !== METADATA_SHEET).join(", ") })] };
      const seen = seenAnswers();
      for (const sheet of tables) readScoreTable(sheet, file, evaluatorId, context, entries, problems, seen);
      const declaration = readDeclaration(workbook, file, evaluatorId, problems);
      return finish({ kind: "scores", file, evaluators: [evaluatorId], entries, ...(declaration ? { declaration } : {}) }, problems);
    }
    case "price-schedule":
      return readPriceSchedule(workbook, file, metadata.bidId ?? "", context);
    case "moderation":
      return readModeration(workbook, file, context);
  }
}

function finish<T>(value: T, problems: Problem[]): Outcome<T> {
  return problems.some((p) => p.severity === "error") ? { ok: false, problems } : { ok: true, value, problems };
}

function readScoreTable(sheet: LightSheet, file: string, evaluatorId: string, context: ReadContext, entries: ScoreEntry[], problems: Problem[], seen: SeenAnswers): void {
  const header = findHeader(sheet, ["bid", "criterion", "score"])!;
  const { columns } = header;
  const bidColumn = columns.bid!;
  const criterionColumn = columns.criterion!;
  const scoreColumn = columns.score!;
  const justificationColumn = columns.justification;
  const scoreLetter = columnLetter(scoreColumn);
  const bidIds = new Set(context.bids.bids.map((b) => b.id));
  const criteria = criteriaById(context.model);
  // Whether the evaluator scores each criterion, and its scale, worked out once per criterion rather than once per row.
  const byCriterion = new Map<string, { known: CriterionInModel; scores: "yes" | "not-on-section" | "not-on-criterion"; scale: readonly number[]; justificationRequired: boolean }>();
  // The text of each id cell read, by the cell's own string: a framework's sheet names the same 2,000 bids
  // and 30 criteria 60,000 times, and each is checked against the text rule once.
  const idTexts = new Map<string, string>();
  const table = seen.tables.push(sheet.name) - 1;
  const where = (col: number, r: number) => ({ file, sheet: sheet.name, cell: `${columnLetter(col)}${r}` });
  // A framework's rows come bid by bid: the last bid's text, whether it is known and where its answers
  // were seen are kept, by its cell's own string, so a row for the same bid looks none of them up again.
  let lastBidValue: string | undefined;
  let lastBid = "";
  let lastBidKnown = false;
  let lastSeenForBid: Map<string, number> | undefined;
  for (const [r, values] of rowEntriesAfter(sheet, header.row)) {
    // Each cell is read as `checkedText` reads it; a value that could hold a problem is left to it.
    const bidValue = values[bidColumn];
    let bid: string | undefined;
    if (typeof bidValue === "string" && bidValue === lastBidValue) bid = lastBid;
    else {
      bid = plainText(bidValue, idTexts);
      if (bid !== undefined && typeof bidValue === "string") {
        lastBidValue = bidValue;
        lastBid = bid;
        lastBidKnown = bidIds.has(bid);
        lastSeenForBid = undefined;
      }
      bid ??= checkedText(sheet, r, bidColumn, file, problems);
    }
    const criterion = plainText(values[criterionColumn], idTexts) ?? checkedText(sheet, r, criterionColumn, file, problems);
    if (bid === undefined || criterion === undefined) continue; // refused, and reported at its cell
    if (bid === "" && criterion === "") continue; // blank rows are fine
    const sameBid = typeof bidValue === "string" && bidValue === lastBidValue;
    if (!(sameBid ? lastBidKnown : bidIds.has(bid))) {
      problems.push(problem("sheets.unknown-bid", where(bidColumn, r), { bid }));
      continue;
    }
    let about = byCriterion.get(criterion);
    const known = about?.known ?? criteria.get(criterion);
    if (known === undefined) {
      problems.push(problem("sheets.unknown-criterion", where(criterionColumn, r), { criterion }));
      continue;
    }
    if (about === undefined) {
      const scores = !evaluatorsFor(context.bids, known.section, known.kind).includes(evaluatorId) ? "not-on-section" : !evaluatorsFor(context.bids, known.section, known.kind, criterion).includes(evaluatorId) ? "not-on-criterion" : "yes";
      // (A scale missing from the model leaves every row to `acceptReading`, as before.)
      const scale = context.model.scales[criterionScaleId(known.sectionModel, known.criterion)]?.values ?? [];
      byCriterion.set(criterion, (about = { known, scores, scale, justificationRequired: known.criterion.justificationRequired === true }));
    }
    if (about.scores === "not-on-section") {
      problems.push(problem("bids.evaluator-not-on-section", where(scoreColumn, r), { evaluator: evaluatorId, section: known.section }));
      continue;
    }
    if (about.scores === "not-on-criterion") {
      problems.push(problem("bids.evaluator-not-on-criterion", where(scoreColumn, r), { evaluator: evaluatorId, criterion }));
      continue;
    }
    // Where each bid's answers were read, by criterion: keyed by the cells' own strings, which are
    // hashed once, rather than by a string made for every row; the place is a number until it is needed.
    let seenForBid = sameBid ? lastSeenForBid : undefined;
    if (seenForBid === undefined) {
      seenForBid = seen.answers.get(bid);
      if (seenForBid === undefined) seen.answers.set(bid, (seenForBid = new Map()));
      if (sameBid) lastSeenForBid = seenForBid;
    }
    const other = seenForBid.get(criterion);
    if (other !== undefined) {
      problems.push(problem("sheets.duplicate-row", where(bidColumn, r), { bid, criterion, other: seen.place(other) }));
      continue;
    }
    seenForBid.set(criterion, table * ROWS_PER_TABLE + r);
    const justification = justificationColumn === undefined ? "" : (plainJustification(values[justificationColumn]) ?? checkedJustification(sheet, r, justificationColumn, file, problems));
    if (justification === undefined) continue;
    const raw = values[scoreColumn];
    // A number on the scale, with a justification where one is required, is a score read: no problem can be.
    if (typeof raw === "number" && about.scale.includes(raw) && (justification !== "" || !about.justificationRequired)) {
      entries.push({ evaluatorId, bidId: bid, criterionId: criterion, score: raw, justification });
      continue;
    }
    const scoreWhere = () => ({ file, sheet: sheet.name, cell: scoreLetter + r });
    const answer = { bid, criterion, evaluatorId, justification };
    const justificationWhere = () => where(justificationColumn ?? scoreColumn, r);
    // A number in the cell is a score read; anything else is read, or refused, by `acceptScore`.
    const score =
      typeof raw === "number" && Number.isFinite(raw)
        ? acceptReading(raw, scoreWhere, justificationWhere, answer, known, context, problems)
        : acceptScore(cellAt(sheet, r, scoreColumn), scoreWhere, justificationWhere, answer, known, context, problems);
    if (score === undefined) continue;
    entries.push({ evaluatorId, bidId: bid, criterionId: criterion, score, justification });
  }
}

/** The answers a score sheet's tables have read, by bid and criterion, each at `table * ROWS_PER_TABLE + row`. */
interface SeenAnswers {
  answers: Map<string, Map<string, number>>;
  /** The tables' sheet names, by table number. */
  tables: string[];
  place(at: number): string;
}
const ROWS_PER_TABLE = 2 ** 21; // more than a sheet's 1,048,576 rows

function seenAnswers(): SeenAnswers {
  const tables: string[] = [];
  return { answers: new Map(), tables, place: (at) => `sheet "${tables[Math.floor(at / ROWS_PER_TABLE)]}", row ${at % ROWS_PER_TABLE}` };
}

/**
 * What `checkedText` gives for a cell holding `value`, when the cell cannot hold a problem (empty, a
 * number, or text the text rule allows); undefined otherwise, to be read by `checkedText`.
 */
function plainText(value: unknown, texts: Map<string, string>): string | undefined {
  if (typeof value === "string") {
    let text = texts.get(value);
    if (text === undefined) {
      const checked = checkText(value);
      if (!checked.ok) return undefined;
      text = checked.text.trim();
      texts.set(value, text);
    }
    return text;
  }
  if (value === undefined || value === null) return "";
  return typeof value === "number" && Number.isFinite(value) ? String(value) : undefined;
}

/** What `checkedJustification` gives for a cell holding `value`, when the cell cannot hold a problem; undefined otherwise. */
function plainJustification(value: unknown): string | undefined {
  if (value === "") return "";
  if (typeof value === "string") {
    const checked = checkText(value);
    return checked.ok ? checked.text.trim() : undefined;
  }
  if (value === undefined || value === null) return "";
  return typeof value === "number" && Number.isFinite(value) ? String(value) : undefined;
}

/**
 * Check one score cell: it must hold a number on the criterion's scale, with a justification where the
 * model requires one. Returns the score, or records a located problem and returns undefined.
 */
function acceptScore(
  content: CellContent,
  scoreWhere: () => Location,
  justificationWhere: () => Location,
  answer: { bid: string; criterion: string; evaluatorId: string; justification: string },
  known: CriterionInModel,
  context: ReadContext,
  problems: Problem[],
): number | undefined {
  const { bid, criterion } = answer;
  const where = scoreWhere();
  const refused = cellProblem(content, { ...where, sheet: where.sheet ?? "" });
  if (refused !== undefined) {
    problems.push(refused);
    return undefined;
  }
  const reading = readScore(content);
  if (!reading.ok) {
    if (reading.reason === "empty") problems.push(problem("sheets.score-empty", where, { bid, criterion }, context.allowIncomplete ? "warning" : "error"));
    else if (reading.reason === "error" || reading.reason === "uncalculated") problems.push(problem("sheets.formula-error", where, { detail: reading.detail }));
    else problems.push(problem("sheets.score-unreadable", where, { detail: reading.detail }));
    return undefined;
  }
  return acceptReading(reading.value, () => where, justificationWhere, answer, known, context, problems);
}

/** Check a score read from its cell (its place made only for a problem): on the criterion's scale, with a justification where the model requires one. */
function acceptReading(
  value: number,
  where: () => Location,
  justificationWhere: () => Location,
  answer: { bid: string; criterion: string; evaluatorId: string; justification: string },
  known: CriterionInModel,
  context: ReadContext,
  problems: Problem[],
): number | undefined {
  const scaleId = criterionScaleId(known.sectionModel, known.criterion);
  const scale = context.model.scales[scaleId]!;
  if (!scale.values.includes(value)) {
    problems.push(problem("bids.score-not-on-scale", where(), { score: String(value), scale: scaleId, allowed: scale.values.join(", ") }));
    return undefined;
  }
  if (known.criterion.justificationRequired && answer.justification === "") {
    problems.push(problem("bids.missing-justification", justificationWhere(), { bid: answer.bid, criterion: answer.criterion, evaluator: answer.evaluatorId }));
    return undefined;
  }
  return value;
}

function justificationText(content: CellContent): string {
  if (content.kind === "text") return content.value.trim();
  if (content.kind === "number") return String(content.value);
  return "";
}

/**
 * A cell's text for an id or a sentence. Text holding a refused character (cell-value.ts) is reported at
 * its cell and comes back undefined, so it is never mistaken for an empty cell, a blank row or an unknown id.
 */
function checkedText(sheet: LightSheet, row: number, column: number, file: string, problems: Problem[], read: (content: CellContent) => string = cellText): string | undefined {
  const content = cellAt(sheet, row, column);
  const refused = cellProblem(content, { file, sheet: sheet.name });
  if (refused !== undefined) {
    problems.push(refused);
    return undefined;
  }
  return read(content);
}

/** A justification or a moderation reason: what bidders see in their feedback, so refused text is reported. */
const checkedJustification = (sheet: LightSheet, row: number, column: number, file: string, problems: Problem[]) => checkedText(sheet, row, column, file, problems, justificationText);

/**
 * The documented "panel matrix" layout for panels that keep their own spreadsheet: one sheet per
 * evaluator named with the evaluator's id, a header row with "Bid" (or "Bid ID") and the criterion ids,
 * bids as rows; optional "<criterion id> justification" columns.
 */
function readPanelMatrix(workbook: LightSheet[], file: string, context: ReadContext): Outcome<WorkbookContent> {
  const members = [...context.bids.panel.evaluators.map((e) => e.id), ...context.bids.panel.userPanel.map((m) => m.id)];
  const isMatrix = workbook.some((sheet) => sheet.state === "visible" && members.some((m) => m.toLowerCase() === sheet.name.trim().toLowerCase()));
  if (!isMatrix) return { ok: false, problems: [problem("sheets.not-recognised", { file }, {})] };
  // Bid, evaluator and criterion ids (B1, E1, Q1) recur from tender to tender, so only the matrix's own
  // word says which tender it scores: without it, last year's matrix would be scored without a murmur.
  const reference = matrixTenderReference(workbook);
  const expected = `${context.specification.title} (${context.specification.reference})`;
  const where: Location = { file, sheet: reference.sheet, ...(reference.cell !== undefined ? { cell: reference.cell } : {}) };
  if (reference.found === undefined) return { ok: false, problems: [problem("sheets.matrix-no-reference", where, { reference: context.specification.reference })] };
  if (reference.found !== context.specification.reference) return { ok: false, problems: [problem("sheets.matrix-wrong-tender", where, { found: reference.found, expected })] };
  return readMatrixSheets(workbook, file, context);
}

/** How many rows at the top of a panel matrix's first sheet are searched for its "Tender reference" label. */
export const MATRIX_REFERENCE_ROWS = 10;

/**
 * The tender a panel matrix names: the cell to the right of a cell reading "Tender reference" in the
 * first rows of its first visible sheet (a title block above the table, or a sheet of its own).
 */
function matrixTenderReference(workbook: LightSheet[]): { sheet: string; cell?: string; found?: string } {
  const first = workbook.find((s) => s.state === "visible") ?? workbook[0]!;
  for (const r of rowsAfter(first, 0)) {
    if (r > MATRIX_REFERENCE_ROWS) break;
    for (const col of columnsOf(first, r)) {
      if (normalise(cellText(cellAt(first, r, col))).replace(/:$/, "") !== "tenderreference") continue;
      const value = cellAt(first, r, col + 1);
      const found = cellText(value);
      return found === "" ? { sheet: first.name, cell: value.address } : { sheet: first.name, cell: value.address, found };
    }
  }
  return { sheet: first.name };
}

function readMatrixSheets(workbook: LightSheet[], file: string, context: ReadContext): Outcome<WorkbookContent> {
  const members = [...context.bids.panel.evaluators.map((e) => e.id), ...context.bids.panel.userPanel.map((m) => m.id)];
  const criteria = criteriaById(context.model);
  const problems: Problem[] = [];
  const entries: ScoreEntry[] = [];
  const evaluators: string[] = [];
  const sheetOf: Record<string, string> = {};
  for (const sheet of workbook) {
    const evaluatorId = members.find((m) => m.toLowerCase() === sheet.name.trim().toLowerCase());
    if (evaluatorId === undefined || sheet.state !== "visible") continue;
    evaluators.push(evaluatorId);
    sheetOf[evaluatorId] = sheet.name;
    let headerRow = 0;
    const scoreColumns = new Map<number, string>();
    const justificationColumns = new Map<string, number>();
    let bidColumn = 0;
    for (let r = 1; r <= Math.min(30, sheet.lastRow) && headerRow === 0; r++) {
      for (const col of columnsOf(sheet, r)) {
        const text = cellText(cellAt(sheet, r, col));
        if (["bid", "bidid"].includes(normalise(text)) && bidColumn === 0) bidColumn = col;
        else if (criteria.has(text)) scoreColumns.set(col, text);
        else {
          const match = /^(.+?)\s+justification$/i.exec(text);
          if (match && criteria.has(match[1]!)) justificationColumns.set(match[1]!, col);
        }
      }
      if (bidColumn > 0 && scoreColumns.size > 0) headerRow = r;
      else {
        bidColumn = 0;
        scoreColumns.clear();
        justificationColumns.clear();
      }
    }
    if (headerRow === 0) {
      problems.push(problem("sheets.matrix-no-header", { file, sheet: sheet.name }, { sheet: sheet.name }));
      continue;
    }
    const bidIds = new Set(context.bids.bids.map((b) => b.id));
    const seen = new Set<string>();
    for (const r of rowsAfter(sheet, headerRow)) {
      const bid = checkedText(sheet, r, bidColumn, file, problems);
      if (bid === undefined || bid === "") continue;
      if (!bidIds.has(bid)) {
        problems.push(problem("sheets.unknown-bid", { file, sheet: sheet.name, cell: `${columnLetter(bidColumn)}${r}` }, { bid }));
        continue;
      }
      if (seen.has(bid)) {
        problems.push(problem("bids.duplicate-bid", { file, sheet: sheet.name, cell: `${columnLetter(bidColumn)}${r}` }, { bid }));
        continue;
      }
      seen.add(bid);
      for (const [col, criterion] of scoreColumns) {
        const known = criteria.get(criterion)!;
        if (!evaluatorsFor(context.bids, known.section, known.kind, criterion).includes(evaluatorId)) continue;
        const where = { file, sheet: sheet.name, cell: `${columnLetter(col)}${r}` };
        const jCol = justificationColumns.get(criterion);
        const justification = jCol !== undefined ? checkedJustification(sheet, r, jCol, file, problems) : "";
        if (justification === undefined) continue;
        const score = acceptScore(cellAt(sheet, r, col), () => where, () => where, { bid, criterion, evaluatorId, justification }, known, context, problems);
        if (score === undefined) continue;
        entries.push({ evaluatorId, bidId: bid, criterionId: criterion, score, justification });
      }
    }
  }
  if (evaluators.length === 0) return { ok: false, problems: [problem("sheets.not-recognised", { file }, {})] };
  return finish({ kind: "scores", file, evaluators, entries, sheetOf }, problems);
}

function readPriceSchedule(workbook: LightSheet[], file: string, bidId: string, context: ReadContext): Outcome<WorkbookContent> {
  const problems: Problem[] = [];
  const sheet = workbook.find((s) => s.name !== METADATA_SHEET && findHeader(s, ["year", "price"]));
  if (!sheet || !context.bids.bids.some((b) => b.id === bidId)) return { ok: false, problems: [problem("sheets.not-recognised", { file }, {})] };
  const { row: headerRow, columns } = findHeader(sheet, ["year", "price"])!;
  const years: number[] = [];
  const extensionYears: number[] = [];
  const discount = /discount/i.test(cellText(cellAt(sheet, headerRow, columns.price!)));
  let whole: { total: number } | { discountPercent: number } | undefined;
  for (const r of rowsAfter(sheet, headerRow)) {
    const label = checkedText(sheet, r, columns.year!, file, problems) ?? "";
    // "All years" holds one whole-life total, or the discount under a discount method.
    const allYears = /^all years$/i.test(label);
    if (!allYears && !/^year \d+$/i.test(label)) continue;
    const extension = /extension/i.test(cellText(cellAt(sheet, r, columns.kind ?? columns.year!)));
    const content = cellAt(sheet, r, columns.price!);
    const reading = readScore(content.kind === "text" ? { ...content, value: content.value.replace(/[£,\s]/g, "") } : content);
    const outOfRange = !reading.ok ? undefined : reading.value < 0 ? "it is negative" : discount && reading.value > 100 ? "a discount is at most 100%" : undefined;
    if (!reading.ok || outOfRange) {
      const missing = discount ? "no discount" : `no price for ${label}`;
      problems.push(problem("sheets.price-unreadable", { file, sheet: sheet.name, cell: `${columnLetter(columns.price!)}${r}` }, { bid: bidId, detail: reading.ok ? outOfRange! : reading.reason === "empty" ? missing : reading.detail }));
      continue;
    }
    if (allYears) whole = discount ? { discountPercent: reading.value } : { total: reading.value };
    else (extension ? extensionYears : years).push(reading.value);
  }
  return finish({ kind: "price", file, bidId, years, extensionYears, ...whole }, problems);
}

function readModeration(workbook: LightSheet[], file: string, context: ReadContext): Outcome<WorkbookContent> {
  const problems: Problem[] = [];
  const sheet = workbook.find((s) => s.name !== METADATA_SHEET && findHeader(s, ["bid", "criterion", "agreed"]));
  if (!sheet) return { ok: false, problems: [problem("sheets.no-score-table", { file }, { sheet: "Moderation" })] };
  const { row: headerRow, columns } = findHeader(sheet, ["bid", "criterion", "agreed"])!;
  const criteria = criteriaById(context.model);
  const agreed: Extract<WorkbookContent, { kind: "moderation" }>["agreed"] = [];
  const feedback: Extract<WorkbookContent, { kind: "moderation" }>["feedback"] = [];
  const bidIds = new Set(context.bids.bids.map((b) => b.id));
  for (const r of rowsAfter(sheet, headerRow)) {
    const bidId = checkedText(sheet, r, columns.bid!, file, problems);
    const criterionId = checkedText(sheet, r, columns.criterion!, file, problems);
    if (bidId === undefined || criterionId === undefined || bidId === "") continue;
    const cell = (col: number) => `${columnLetter(col)}${r}`;
    const where = { file, sheet: sheet.name, cell: cell(columns.agreed!) };
    const known = criteria.get(criterionId);
    if (!bidIds.has(bidId)) {
      problems.push(problem("sheets.unknown-bid", { ...where, cell: cell(columns.bid!) }, { bid: bidId }));
      continue;
    }
    if (known === undefined) {
      problems.push(problem("sheets.unknown-criterion", { ...where, cell: cell(columns.criterion!) }, { criterion: criterionId }));
      continue;
    }
    // Feedback is written for every answer, moderated or not; an empty cell leaves the bids file's.
    const written = columns.feedback !== undefined ? checkedJustification(sheet, r, columns.feedback, file, problems) : "";
    if (written !== undefined && written.trim() !== "") feedback.push({ bidId, criterionId, text: written.trim() });
    const reading = readScore(cellAt(sheet, r, columns.agreed!));
    if (!reading.ok) {
      if (reading.reason !== "empty") problems.push(problem("sheets.score-unreadable", where, { detail: reading.detail }));
      continue; // not yet agreed
    }
    const scaleId = criterionScaleId(known.sectionModel, known.criterion);
    const scale = context.model.scales[scaleId]!;
    if (!scale.values.includes(reading.value)) {
      problems.push(problem("bids.score-not-on-scale", where, { score: String(reading.value), scale: scaleId, allowed: scale.values.join(", ") }));
      continue;
    }
    const reason = columns.reason !== undefined ? checkedJustification(sheet, r, columns.reason, file, problems) : "";
    if (reason === undefined) continue;
    if (reason === "") {
      problems.push(problem("sheets.moderation-without-reason", { ...where, cell: cell(columns.reason ?? columns.agreed!) }, { bid: bidId, criterion: criterionId }));
      continue;
    }
    agreed.push({ bidId, criterionId, score: reading.value, reason, location: where });
  }
  return finish({ kind: "moderation", file, agreed, feedback }, problems);
}
