import { WhatifProfiles } from "../model/whatif-profiles.js";
import type { SourceDocument } from "../model/parse-document.js";
import { scoredSectionKeys, sectionTitles, type ScoringModel } from "../model/scoring-model.js";
import { scoredSections } from "../model/sections.js";
import { zodIssueToProblem } from "../model/zod-issues.js";
import { locateIn } from "../model/parse-document.js";
import { problem, type PathSegment, type Problem, type Outcome } from "../problems/problem.js";
import { cellProblem, cellText, unreadableText, type CellContent } from "./cell-value.js";
import { loadExcelJS } from "./exceljs.js";
import { reproducibleXlsx, setWorkbookProperties } from "./workbook-properties.js";
import { cellAt, columnsOf, formatAt, rowsAfter, type LightSheet } from "./light-workbook.js";
import { parseWorkbook } from "./read-workbook.js";
import { INPUT_FILL, THIN, tableSheet, titleGuidanceAndHeader } from "./sheet-style.js";
import { addWeightLimitsSheet, readWeightLimits } from "./weight-limits-sheet.js";

/**
 * What-if profiles as a simple sheet, for people who would rather fill in a table than write YAML:
 * a header row with Name, Role, Price and a column per section (or criterion id), then a row for your
 * organisation (Role "us") and one per likely competitor; optionally a second sheet of weight limits.
 * Read into the same WhatifProfiles data as the YAML, so the same checks apply, and every problem is
 * reported at its cell. Read with the reader score sheets use, so it has the same limits on what a
 * workbook may unpack to and answers a file it cannot read in the same words; exceljs only writes it.
 */
const normalise = (text: string) => text.toLowerCase().replace(/[\s_£()-]/g, "");
const sectionByHeader: Record<string, string> = { quality: "quality", socialvalue: "socialValue", userpanel: "userPanel" };
const ORGANISATION_ROLES = new Set(["us", "ours", "we", "organisation", "ourorganisation"]);
const COMPETITOR_ROLES = new Set(["", "competitor", "them", "rival"]);
const IGNORED = new Set(["notes", "note", "comments", "comment", "why"]);

type Column = { kind: "name" | "role" | "price" } | { kind: "score"; key: string };

interface SheetCell {
  content: CellContent;
  /** Excel's number format, to tell -15% (a number shown as a percentage) from a price. */
  numFmt: string;
}

function cellOf(sheet: LightSheet, row: number, column: number): SheetCell {
  return { content: cellAt(sheet, row, column), numFmt: formatAt(sheet, row, column) };
}

function findHeader(sheet: LightSheet): { row: number; columns: Map<number, Column> } | undefined {
  for (let r = 1; r <= Math.min(30, sheet.lastRow); r++) {
    const columns = new Map<number, Column>();
    const seen = new Set<string>();
    // Only the cells that hold something: one cell in column XFD must not mean 16,384 to look at.
    for (const c of columnsOf(sheet, r)) {
      const text = cellText(cellOf(sheet, r, c).content);
      const key = normalise(text);
      // A header typed again across the cells of a merge (as some programs show it): the first column wins.
      if (key === "" || IGNORED.has(key) || seen.has(key)) continue;
      seen.add(key);
      if (key === "name") columns.set(c, { kind: "name" });
      else if (key === "role") columns.set(c, { kind: "role" });
      else if (key === "price" || key === "wholelifeprice") columns.set(c, { kind: "price" });
      else columns.set(c, { kind: "score", key: sectionByHeader[key] ?? text.trim() });
    }
    const kinds = [...columns.values()].map((k) => k.kind);
    if (kinds.includes("name") && kinds.includes("role") && kinds.includes("score")) return { row: r, columns };
  }
  return undefined;
}

const RANGE = /^\s*(\d+(?:\.\d+)?)\s*(?:-|–|—|to)\s*(\d+(?:\.\d+)?)\s*$/i;

function readScore(cell: SheetCell): number | [number, number] | undefined | { bad: string } {
  const c = cell.content;
  if (c.kind === "empty") return undefined;
  if (c.kind === "number") return c.value;
  if (c.kind === "text") {
    const text = c.value.trim();
    if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
    const range = RANGE.exec(text);
    if (range) return [Number(range[1]), Number(range[2])];
    return { bad: text };
  }
  return { bad: unreadableText(c) };
}

function readPrice(cell: SheetCell): number | string | undefined | { bad: string } {
  const c = cell.content;
  if (c.kind === "empty") return undefined;
  if (c.kind === "number") {
    if (!cell.numFmt.includes("%")) return c.value;
    // Shown as a percentage: a price relative to the organisation's.
    const percent = Math.round(c.value * 100 * 10_000) / 10_000;
    return `${percent >= 0 ? "+" : ""}${percent}%`;
  }
  if (c.kind === "text") {
    const text = c.value.trim().replace(/[£,\s]/g, "");
    if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
    if (/^[+-]\d+(\.\d+)?%$/.test(text)) return text;
    return { bad: c.value.trim() };
  }
  return { bad: c.kind === "error" ? c.value : c.kind };
}

const isBad = (v: unknown): v is { bad: string } => typeof v === "object" && v !== null && !Array.isArray(v) && "bad" in v;

export async function readProfilesSheet(bytes: Uint8Array, file: string): Promise<Outcome<{ data: WhatifProfiles; source: SourceDocument }>> {
  const read = await parseWorkbook(bytes);
  if (!read.ok) {
    const where = { document: "profiles" as const, file };
    return {
      ok: false,
      problems: [read.reason === "empty" ? problem("sheets.empty-file", where, {}) : problem("sheets.unreadable", where, { detail: read.detail ?? "it is not an .xlsx file, or it is damaged" })],
    };
  }
  const workbook = read.sheets;
  const sheet = workbook.find((ws) => ws.state === "visible" && findHeader(ws) !== undefined);
  const header = sheet && findHeader(sheet);
  if (!sheet || !header) return { ok: false, problems: [problem("profiles.no-table", { document: "profiles", file }, {})] };

  const at = (cell: string) => ({ document: "profiles" as const, file, sheet: sheet.name, cell });
  const problems: Problem[] = [];
  // Where each part of the profiles came from, for locating problems found later.
  const cells = new Map<string, string>();
  const place = (path: readonly PathSegment[], cell: string) => cells.set(JSON.stringify(path), cell);

  type Row = { name: string; price?: number | string; scores: Record<string, number | [number, number]> };
  const rows: { row: Row; organisation: boolean; nameCell: string; cellsByPart: [readonly PathSegment[], string][] }[] = [];
  const columnOf = (kind: Column["kind"]) => [...header.columns].find(([, k]) => k.kind === kind)?.[0];
  const roleColumn = columnOf("role")!;
  const nameColumn = columnOf("name")!;
  for (const r of rowsAfter(sheet, header.row)) {
    const values = [...header.columns.keys()].map((c) => cellOf(sheet, r, c));
    if (values.every((v) => v.content.kind === "empty")) continue; // blank rows are fine
    const nameCell = cellOf(sheet, r, nameColumn);
    const roleCell = cellOf(sheet, r, roleColumn);
    const role = normalise(cellText(roleCell.content));
    let organisation = false;
    // Text with a refused character is reported at its cell, never read as an empty name or a bad score;
    // the row still counts towards "one organisation", so that is not reported as well.
    const refused = values.flatMap((v) => cellProblem(v.content, { document: "profiles", file, sheet: sheet.name }) ?? []);
    if (refused.length > 0) {
      problems.push(...refused);
      rows.push({ row: { name: "", scores: {} }, organisation: ORGANISATION_ROLES.has(role), nameCell: nameCell.content.address, cellsByPart: [] });
      continue;
    }
    if (ORGANISATION_ROLES.has(role)) organisation = true;
    else if (!COMPETITOR_ROLES.has(role)) problems.push(problem("profiles.bad-role", at(roleCell.content.address), { value: cellText(roleCell.content) }));
    const row: Row = { name: cellText(nameCell.content), scores: {} };
    const parts: [readonly PathSegment[], string][] = [[["name"], nameCell.content.address], [["scores"], nameCell.content.address], [[], nameCell.content.address]];
    for (const [column, kind] of header.columns) {
      const cell = cellOf(sheet, r, column);
      if (kind.kind === "price") {
        const price = readPrice(cell);
        if (isBad(price)) problems.push(problem("profiles.bad-price", at(cell.content.address), { value: price.bad }));
        else if (price !== undefined) row.price = price;
        parts.push([["price"], cell.content.address]);
      } else if (kind.kind === "score") {
        const score = readScore(cell);
        if (isBad(score)) problems.push(problem("profiles.bad-score", at(cell.content.address), { value: score.bad }));
        else if (score !== undefined) row.scores[kind.key] = score;
        parts.push([["scores", kind.key], cell.content.address]);
      }
    }
    rows.push({ row, organisation, nameCell: nameCell.content.address, cellsByPart: parts });
  }
  const limits = readWeightLimits(workbook, file);
  problems.push(...limits.problems);
  const organisations = rows.filter((r) => r.organisation);
  if (organisations.length !== 1) {
    const roleHeader = cellOf(sheet, header.row, roleColumn).content.address;
    problems.push(problem("profiles.not-one-organisation", at(roleHeader), { count: organisations.length }));
  }
  if (problems.length > 0) return { ok: false, problems };

  const competitors = rows.filter((r) => !r.organisation);
  const hasLimits = Object.keys(limits.ranges).length > 0;
  const data = { organisation: organisations[0]!.row, competitors: competitors.map((c) => c.row), ...(hasLimits ? { weightRanges: limits.ranges } : {}) };
  const cellSheets = new Map<string, string>();
  for (const [path, cell] of organisations[0]!.cellsByPart) place(["organisation", ...path], cell);
  competitors.forEach((c, i) => {
    for (const [path, cell] of c.cellsByPart) place(["competitors", i, ...path], cell);
  });
  if (competitors.length === 0) place(["competitors"], cellOf(sheet, header.row, nameColumn).content.address);
  const limitCells: [readonly PathSegment[], string | undefined][] = [[["weightRanges"], limits.headerCell], ...[...limits.cells].map(([key, cell]): [PathSegment[], string] => [["weightRanges", key], cell])];
  for (const [path, cell] of limitCells) {
    if (cell === undefined) continue;
    place(path, cell);
    cellSheets.set(JSON.stringify(path), limits.sheet!);
  }

  const source: SourceDocument = {
    role: "profiles",
    file,
    locate(path) {
      // The nearest part of the path that came from a cell.
      for (let n = path.length; n >= 0; n--) {
        const key = JSON.stringify(path.slice(0, n));
        const cell = cells.get(key);
        if (cell !== undefined) return { sheet: cellSheets.get(key) ?? sheet.name, cell };
      }
      return undefined;
    },
  };
  const parsed = WhatifProfiles.safeParse(data);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.flatMap((issue) => zodIssueToProblem(issue, data)).map((p) => locateIn(p, source)) };
  }
  return { ok: true, value: { data: parsed.data, source }, problems: [] };
}

/**
 * A profiles sheet to fill in, for a scoring model: a column per section the model scores, and either
 * the given profiles or a row for your organisation and three for competitors.
 */
export async function makeProfilesSheet(model: ScoringModel, profiles: WhatifProfiles | undefined, options: { date: string }): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  // The sheet is the organisation's own (a blank one is nobody's yet), never the authority's or the tool's.
  setWorkbookProperties(workbook, { title: `What-if profiles: ${model.title}`, creator: profiles?.organisation.name ?? "", date: options.date });
  const sections = scoredSections(model).map((s) => s.key);
  const criterionKeys = [...new Set([profiles?.organisation, ...(profiles?.competitors ?? [])].flatMap((p) => Object.keys(p?.scores ?? {})))].filter(
    (k) => !sections.includes(k),
  );
  const scoreKeys = [...sections, ...criterionKeys];
  const hasPrice = model.sections.price !== undefined && model.sections.price.weight > 0;
  const headers = ["Name", "Role", ...(hasPrice ? ["Price"] : []), ...sections.map((k) => (scoredSectionKeys as readonly string[]).includes(k) ? sectionTitles[k as keyof typeof sectionTitles] : k), ...criterionKeys];
  const sheet = workbook.addWorksheet("Profiles", tableSheet(3));
  titleGuidanceAndHeader(
    sheet,
    `What-if profiles: ${model.title}`,
    `Role: "us" for your organisation (one row), "competitor" for the others. ${hasPrice ? "Price: whole-life, in pounds; for a competitor you may write it relative to yours, e.g. -15%. " : ""}Scores: on the model's scale, or a range such as 3-4.5 when unsure. Add a column headed with a criterion id (e.g. Q2) to give one criterion its own score. Limits on the weights, if you know them, go on the "Weight limits" sheet.`,
    headers,
    [34, 14, ...(hasPrice ? [16] : []), ...scoreKeys.map(() => 14)],
  );
  const scoreText = (v: number | [number, number] | undefined) => (v === undefined ? null : Array.isArray(v) ? `${v[0]}-${v[1]}` : v);
  const rowsOf = profiles
    ? [{ p: profiles.organisation as { name: string; price?: number | string; scores: Record<string, number | [number, number]> }, role: "us" }, ...profiles.competitors.map((p) => ({ p, role: "competitor" }))]
    : [{ p: { name: "Our organisation", scores: {} }, role: "us" }, ...[1, 2, 3].map((n) => ({ p: { name: `Competitor ${n}`, scores: {} }, role: "competitor" }))];
  for (const { p, role } of rowsOf) {
    const row = sheet.addRow([p.name, role, ...(hasPrice ? [p.price ?? null] : []), ...scoreKeys.map((k) => scoreText(p.scores[k]))]);
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      if (column > headers.length) return;
      cell.fill = INPUT_FILL;
      cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    });
    if (hasPrice) row.getCell(3).numFmt = '"£"#,##0';
  }
  addWeightLimitsSheet(workbook, model, profiles?.weightRanges);
  return reproducibleXlsx(await workbook.xlsx.writeBuffer(), options);
}
