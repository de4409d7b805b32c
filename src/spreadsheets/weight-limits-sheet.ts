import type { Workbook } from "exceljs";
import { sectionTitles, type ScoringModel, type SectionKey } from "../model/scoring-model.js";
import { scoredSections } from "../model/sections.js";
import type { WhatifProfiles } from "../model/whatif-profiles.js";
import { problem, type Problem } from "../problems/problem.js";
import { cellProblem, cellText, unreadableText } from "./cell-value.js";
import { cellAt, columnsOf, formatAt, rowsAfter, type LightSheet } from "./light-workbook.js";
import { INPUT_FILL, THIN, tableSheet, titleGuidanceAndHeader } from "./sheet-style.js";

/**
 * The profiles sheet's second table: limits on the sections' weights ("social value will be between 10%
 * and 25%"), one row per section, blank for no limit. Read into `weightRanges`, as in the YAML.
 */
export const WEIGHT_LIMITS_SHEET = "Weight limits";

const SECTION_ORDER = ["price", "quality", "socialValue", "userPanel"] as const;
const normalise = (text: string) => text.toLowerCase().replace(/[\s_%()-]/g, "");
const sectionByText = new Map<string, SectionKey>(SECTION_ORDER.flatMap((k) => [[normalise(sectionTitles[k]), k] as const, [normalise(k), k] as const]));

export function addWeightLimitsSheet(workbook: Workbook, model: ScoringModel, ranges: WhatifProfiles["weightRanges"]): void {
  // A further section is named by its id (e.g. fairWork), which reads back as itself without the model.
  const sections = [...(model.sections.price !== undefined && model.sections.price.weight > 0 ? ["price"] : []), ...scoredSections(model).map((s) => s.key)];
  const sheet = workbook.addWorksheet(WEIGHT_LIMITS_SHEET, tableSheet(3));
  titleGuidanceAndHeader(
    sheet,
    "Weight limits (optional)",
    "If you know, or want to test, the range a section's weight will fall in, give its lowest and highest weight in percent. The chance of winning is then estimated only over weightings within these limits. Leave a row blank for no limit.",
    ["Section", "Lowest weight (%)", "Highest weight (%)"],
    [24, 20, 20],
  );
  for (const section of sections) {
    const range = ranges?.[section];
    const row = sheet.addRow([(sectionTitles as Record<string, string>)[section] ?? section, range?.[0] ?? null, range?.[1] ?? null]);
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      if (column > 3) return;
      if (column > 1) cell.fill = INPUT_FILL;
      cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    });
  }
}

export interface WeightLimitsRead {
  ranges: Record<string, [number, number]>;
  /** Where each range came from: section key → its row's section cell. */
  cells: Map<string, string>;
  sheet: string | undefined;
  /** The table's "Section" header cell, for problems with the limits as a whole. */
  headerCell: string | undefined;
  problems: Problem[];
}

/** Read the weight limits table, if the workbook has one; a missing table means no limits. */
export function readWeightLimits(workbook: readonly LightSheet[], file: string): WeightLimitsRead {
  const read: WeightLimitsRead = { ranges: {}, cells: new Map(), sheet: undefined, headerCell: undefined, problems: [] };
  for (const sheet of workbook) {
    if (sheet.state !== "visible") continue;
    const header = findHeader(sheet);
    if (!header) continue;
    read.sheet = sheet.name;
    read.headerCell = cellAt(sheet, header.row, header.section).address;
    const at = (cell: string) => ({ document: "profiles" as const, file, sheet: sheet.name, cell });
    for (const r of rowsAfter(sheet, header.row)) {
      const sectionCell = cellAt(sheet, r, header.section);
      // Text with a refused character is reported at its cell, never read as a blank limit or an unknown section.
      const refused = [sectionCell, cellAt(sheet, r, header.low), cellAt(sheet, r, header.high)].flatMap((c) => cellProblem(c, { document: "profiles", file, sheet: sheet.name }) ?? []);
      if (refused.length > 0) {
        read.problems.push(...refused);
        continue;
      }
      const low = readPercent(sheet, r, header.low);
      const high = readPercent(sheet, r, header.high);
      if (low === undefined && high === undefined) continue; // no limit (or a blank row)
      const text = cellText(sectionCell);
      const key = sectionByText.get(normalise(text)) ?? text;
      read.cells.set(key, sectionCell.address);
      for (const bound of [low, high]) {
        if (bound !== undefined && typeof bound !== "number") read.problems.push(problem("profiles.bad-weight-limit", at(bound.address), { value: bound.bad }));
      }
      if (typeof low === "object" || typeof high === "object") continue;
      read.ranges[key] = [low ?? 0, high ?? 100];
    }
    break;
  }
  return read;
}

function findHeader(sheet: LightSheet): { row: number; section: number; low: number; high: number } | undefined {
  for (let r = 1; r <= Math.min(30, sheet.lastRow); r++) {
    const found: Partial<Record<"section" | "low" | "high", number>> = {};
    // Only the cells that hold something: one cell in column XFD must not mean 16,384 to look at.
    for (const c of columnsOf(sheet, r)) {
      const key = normalise(cellText(cellAt(sheet, r, c)));
      if (key === "section" && found.section === undefined) found.section = c;
      else if (/^(lowest|low|min|minimum|from)(weight)?$/.test(key) && found.low === undefined) found.low = c;
      else if (/^(highest|high|max|maximum|to)(weight)?$/.test(key) && found.high === undefined) found.high = c;
    }
    if (found.section !== undefined && found.low !== undefined && found.high !== undefined) return { row: r, section: found.section, low: found.low, high: found.high };
  }
  return undefined;
}

/** 10, "10", "10%", or 0.1 shown as a percentage → 10; blank → undefined. */
function readPercent(sheet: LightSheet, row: number, column: number): number | undefined | { bad: string; address: string } {
  const content = cellAt(sheet, row, column);
  if (content.kind === "empty") return undefined;
  if (content.kind === "number") return formatAt(sheet, row, column).includes("%") ? Math.round(content.value * 100 * 1e6) / 1e6 : content.value;
  if (content.kind === "text") {
    const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(content.value);
    if (match) return Number(match[1]);
    return { bad: content.value.trim(), address: content.address };
  }
  return { bad: unreadableText(content), address: content.address };
}
