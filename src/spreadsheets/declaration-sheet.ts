import type { Workbook } from "exceljs";
import type { Declaration } from "../model/bids.js";
import { problem, type Problem } from "../problems/problem.js";
import { cellProblem, cellText, type CellContent } from "./cell-value.js";
import { cellAt, formatAt, type LightSheet } from "./light-workbook.js";
import { INPUT_FILL, THIN, protect } from "./sheet-style.js";

/**
 * The declaration of interests an evaluator ticks and dates on their score sheet, and reading it back.
 * Procurement Act 2023 s.81 asks the authority to identify conflicts of interest of anyone acting for it in
 * the procurement, s.82 to mitigate them: the signed, dated declaration is the usual record.
 */
export const DECLARATION_SHEET = "Declaration";

const labels = {
  declared: "I make this declaration (choose Yes)",
  date: "Date of this declaration",
  interest: "Any interest in a bidder (leave blank if none)",
  handling: "How it is being handled (if you declared an interest)",
} as const;

export function addDeclarationSheet(workbook: Workbook, who: string, bidders: readonly string[]): Promise<void> {
  const sheet = workbook.addWorksheet(DECLARATION_SHEET, { pageSetup: { orientation: "portrait", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  // Narrow enough to print on A4 portrait at full size.
  sheet.getColumn(1).width = 38;
  sheet.getColumn(2).width = 52;
  const text = (line: string, bold = false) => {
    const row = sheet.addRow([line]);
    sheet.mergeCells(row.number, 1, row.number, 2);
    row.alignment = { wrapText: true, vertical: "top" };
    row.font = bold ? { bold: true, size: 14 } : { size: 11 };
    row.height = Math.max(20, 16 * Math.ceil((line.length * 1.15) / 90));
  };
  text(`Declaration of interests and confidentiality – ${who}`, true);
  text(`The bidders are: ${bidders.join("; ")}.`);
  text(
    "I declare that I have no personal, professional or financial interest, direct or indirect, in any bidder that could affect, or could reasonably be thought to affect, how I score, other than any I describe below. I will tell the panel chair at once if one arises. I will keep the bids, my scores and the panel's discussions confidential.",
  );
  text("");
  for (const [key, label] of Object.entries(labels) as [keyof typeof labels, string][]) {
    const row = sheet.addRow([label, null]);
    row.getCell(1).font = { bold: true, size: 11 };
    row.alignment = { wrapText: true, vertical: "top" };
    row.height = key === "interest" || key === "handling" ? 60 : 20;
    const input = row.getCell(2);
    input.protection = { locked: false };
    input.fill = INPUT_FILL;
    input.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    if (key === "declared") {
      input.dataValidation = { type: "list", allowBlank: true, formulae: ['"Yes,No"'], showErrorMessage: true, errorTitle: "Declaration", error: "Choose Yes or No" };
    } else if (key === "date") {
      input.numFmt = "d mmmm yyyy";
      input.dataValidation = { type: "date", operator: "greaterThan", formulae: [new Date(Date.UTC(2000, 0, 1))], allowBlank: true, showErrorMessage: true, errorTitle: "Date", error: "Type the date, e.g. 14/10/2026" };
    }
  }
  return protect(sheet);
}

const isoOf = (date: Date) => date.toISOString().slice(0, 10);
/** Excel's day 0 is 30 December 1899 (with its 1900 leap-year bug already folded in for serials after February 1900). */
const fromSerial = (serial: number) => new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000);

function dateOf(content: CellContent, format: string): string | undefined {
  if (content.kind === "date") return isoOf(content.value);
  if (content.kind === "number" && /[dmy]/i.test(format) && content.value > 0) return isoOf(fromSerial(content.value));
  if (content.kind === "text") {
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(content.value.trim());
    if (iso) return content.value.trim();
    const uk = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(content.value.trim());
    if (uk) return `${uk[3]}-${uk[2]!.padStart(2, "0")}-${uk[1]!.padStart(2, "0")}`;
  }
  return undefined;
}

/**
 * The declaration on a returned score sheet, or undefined when the workbook has no Declaration sheet (one
 * made before sheets carried it, or a panel matrix). An unreadable date or refused text is a located problem.
 */
export function readDeclaration(sheets: readonly LightSheet[], file: string, evaluator: string, problems: Problem[]): Declaration | undefined {
  const sheet = sheets.find((s) => s.name === DECLARATION_SHEET);
  if (sheet === undefined) return undefined;
  const found: Partial<Record<keyof typeof labels, number>> = {};
  for (let r = 1; r <= Math.min(40, sheet.lastRow); r++) {
    const label = cellText(cellAt(sheet, r, 1));
    for (const [key, text] of Object.entries(labels) as [keyof typeof labels, string][]) if (label === text) found[key] = r;
  }
  const value = (key: keyof typeof labels) => (found[key] === undefined ? { kind: "empty" as const, address: "" } : cellAt(sheet, found[key]!, 2));
  const text = (key: keyof typeof labels): string | undefined => {
    const content = value(key);
    const refused = cellProblem(content, { file, sheet: sheet.name });
    if (refused !== undefined) {
      problems.push(refused);
      return undefined;
    }
    const t = cellText(content).trim();
    return t === "" ? undefined : t;
  };
  const tick = value("declared");
  const declared = tick.kind === "boolean" ? tick.value : /^(yes|y|true|x|✓|✔)$/i.test(text("declared") ?? "");
  const dateCell = value("date");
  // A sheet left blank says nothing: a declaration recorded in the bids file stands.
  if (!declared && ["declared", "date", "interest", "handling"].every((k) => value(k as keyof typeof labels).kind === "empty")) return undefined;
  const date = found.date === undefined ? undefined : dateOf(dateCell, formatAt(sheet, found.date, 2));
  if (date === undefined && dateCell.kind !== "empty") {
    problems.push(problem("sheets.declaration-date-unreadable", { file, sheet: sheet.name, cell: dateCell.address }, { evaluator }, "warning"));
  }
  // "None" or "N/A" typed into the interest cell is no interest.
  const interest = /^(none|n\/?a|nil|no|-|–)\.?$/i.test(text("interest") ?? "") ? undefined : text("interest");
  const handling = text("handling");
  return { evaluator, declared, ...(date !== undefined ? { date } : {}), ...(interest !== undefined ? { interest } : {}), ...(handling !== undefined ? { handling } : {}) };
}
