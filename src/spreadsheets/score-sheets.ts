import type { Workbook, Worksheet } from "exceljs";
import { exact } from "../arithmetic/exact.js";
import { formatMoney } from "../language/uk-format.js";
import type { TenderBids } from "../model/bids.js";
import { evaluatorsFor } from "../model/check-bids.js";
import { criterionScale, scaleIdsInUse } from "../model/weights.js";
import type { ScoringModel } from "../model/scoring-model.js";
import { scoredSections, type SectionEntry } from "../model/sections.js";
import type { TenderSpecification } from "../model/specification.js";
import { lotHeading } from "../presentation/lot-award.js";
import { addDeclarationSheet } from "./declaration-sheet.js";
import { loadExcelJS } from "./exceljs.js";
import { FORMAT, writeMetadata, type WorkbookKind } from "./metadata.js";
import { HEADER_FILL, INPUT_FILL, THIN, fitHeight, protect, sheetName, tableSheet, titleAndHeader } from "./sheet-style.js";
import { reproducibleXlsx, setWorkbookProperties } from "./workbook-properties.js";

/** The user panel's sheets print large: 12 point at least, as large-print guidance asks, on one page per organisation. */
const LARGE = 12;

/** A sheet printed at full size (never shrunk to fit), landscape, header rows repeated on every page. */
function largePrintSheet(): ReturnType<typeof tableSheet> {
  const options = tableSheet(2);
  return { ...options, pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: false, scale: 100, printTitlesRow: "1:2", margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } } };
}

function largePrint(sheet: Worksheet, noQuestions: boolean): void {
  sheet.getCell("A1").font = { bold: true, size: 16 };
  sheet.getRow(2).font = { bold: true, size: LARGE };
  sheet.getRow(2).height = 36;
  // The criterion's id, and "what to look for" when there is none, are hidden: still there, for reading the sheet back.
  sheet.getColumn(3).hidden = true;
  if (noQuestions) sheet.getColumn(5).hidden = true;
  sheet.headerFooter = { oddFooter: "&L&12&A&R&12Page &P of &N" };
}

export const SCORE_HEADERS = ["Bid ID", "Bidder", "Criterion ID", "Criterion", "What to look for", "Score", "Justification"] as const;

export interface GeneratedWorkbook {
  fileName: string;
  /** Who it is for, in words. */
  purpose: string;
  bytes: Uint8Array;
}

export interface SheetContext {
  specification: TenderSpecification;
  model: ScoringModel;
  bids: TenderBids;
  modelHash: string;
  /** The workbooks' date (YYYY-MM-DD), in their properties: the same tender and date give the same bytes. */
  date: string;
}

const safe = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, "_");

/** The lot a bid is for, in a tender in lots. */
function lotOf(specification: TenderSpecification, bid: { lot?: string | undefined }) {
  return bid.lot === undefined ? undefined : specification.lots.find((l) => l.id === bid.lot);
}

/** The bidder as a score sheet names it: with the lot, in a tender in lots, since one bidder may bid for several. */
function bidderWithLot(specification: TenderSpecification, bid: { bidder: string; lot?: string | undefined }): string {
  const lot = lotOf(specification, bid);
  return lot === undefined ? bid.bidder : `${bid.bidder} – Lot ${lot.id}: ${lot.title}`;
}

/**
 * One workbook per evaluator (only the sections they score; no prices, no one else's scores, as UK
 * guidance asks for evaluator independence), one per user-panel member on the panel's own scale, and
 * one price schedule per bid.
 */
export async function makeScoreSheets(context: SheetContext, options: { priceSchedules?: boolean } = {}): Promise<GeneratedWorkbook[]> {
  const out: GeneratedWorkbook[] = [];
  for (const evaluator of context.bids.panel.evaluators) {
    const sections = scoredSections(context.model).filter((s) => s.kind !== "user-panel" && evaluatorsFor(context.bids, s.key, s.kind).includes(evaluator.id));
    if (sections.length === 0) continue;
    out.push({
      fileName: `score-sheet-${safe(evaluator.id)}.xlsx`,
      purpose: `${evaluator.role} (${evaluator.id}): ${andList(sections.map((s) => s.name.toLowerCase()))}`,
      bytes: await scoreWorkbook(context, "evaluator-scores", evaluator.id, `${evaluator.role} (${evaluator.id})`, sections),
    });
  }
  // Every user-panel-kind section (the known userPanel, or a further one) goes on the members' large-print sheets.
  const panelSections = scoredSections(context.model).filter((s) => s.kind === "user-panel");
  if (panelSections.length > 0) {
    for (const member of context.bids.panel.userPanel) {
      out.push({
        fileName: `user-panel-sheet-${safe(member.id)}.xlsx`,
        purpose: `user-panel member ${member.id}: ${andList(panelSections.map((s) => s.name.toLowerCase()))}`,
        bytes: await scoreWorkbook(context, "user-panel-scores", member.id, `User panel member ${member.id}`, panelSections),
      });
    }
  }
  if (context.model.sections.price && options.priceSchedules !== false) {
    for (const bid of context.bids.bids) {
      out.push({ fileName: `price-schedule-${safe(bid.id)}.xlsx`, purpose: `price schedule for ${bidderWithLot(context.specification, bid)}`, bytes: await priceWorkbook(context, bid.id) });
    }
  }
  return out;
}

/** A workbook whose properties are the authority's and the tender's, dated the context's date. */
export async function newWorkbook(context: Pick<SheetContext, "specification" | "date">, title: string): Promise<Workbook> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  setWorkbookProperties(workbook, { title, creator: context.specification.authority, date: context.date });
  return workbook;
}

/** The workbook's bytes, the same for the same content and date. */
export async function workbookBytes(workbook: Workbook, context: Pick<SheetContext, "date">): Promise<Uint8Array> {
  return reproducibleXlsx(await workbook.xlsx.writeBuffer(), context);
}

function metadataFor(context: SheetContext, kind: WorkbookKind) {
  return {
    format: FORMAT,
    kind,
    tenderReference: context.specification.reference,
    modelId: context.model.id,
    modelVersion: context.model.version,
    modelHash: context.modelHash,
    bids: context.bids.bids.map((b) => b.id),
  };
}

/** "quality and social value"; "quality, social value and fair work practices". */
function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

async function scoreWorkbook(context: SheetContext, kind: WorkbookKind, evaluatorId: string, who: string, sections: readonly SectionEntry[]): Promise<Uint8Array> {
  const { model, specification, bids } = context;
  const workbook = await newWorkbook(context, `Score sheet: ${who} – ${specification.title}`);
  const userPanel = kind === "user-panel-scores";
  const instructions = workbook.addWorksheet("Instructions", tableSheet(0));
  const lines = [
    `${specification.title} (${specification.reference})`,
    `Score sheet for: ${who}`,
    "",
    userPanel ? "How to fill this in" : "How to score",
    userPanel
      ? "1. For each organisation and each question, choose a score from the list in the Score column."
      : "1. Score each bid on its own, against the criterion and the scale, without discussing scores with other evaluators before moderation.",
    userPanel ? "2. In the Justification column, say in your own words why you gave that score." : "2. Choose a score from the drop-down list in the Score column. Only the scores on the scale are allowed.",
    userPanel ? "3. Save the file and send it back. Do not rename the columns." : "3. Write a justification for every score, by reference to what the bid says. It stays in the evaluation record and helps the panel agree its feedback; bidders see the panel's agreed feedback, never your own words or scores.",
    userPanel ? "" : "4. Do not rename the Bid ID or Criterion ID columns; you may sort the rows or add notes on other sheets.",
    userPanel ? "" : "5. Save the file and return it. The panel will moderate where scores differ by more than the agreed tolerance.",
    "",
    "The scale, with what each score means, is on the sheet named Scale.",
    ...(userPanel ? [] : ["Before you score, tick and date the declaration of interests on the sheet named Declaration."]),
  ];
  if (userPanel) lines.push("", "You can also fill in the Word form sent with this sheet instead, and give it back in the same way.");
  // The user panel's instructions leave out the evaluators' blank steps.
  for (const line of userPanel ? lines.filter((l, i) => l !== "" || lines[i - 1] !== "") : lines) {
    const row = instructions.addRow([line]);
    // The user panel's sheets print large: at least 12 point.
    if (userPanel) row.font = { size: LARGE };
  }
  instructions.getColumn(1).width = 110;
  instructions.getCell("A1").font = { bold: true, size: userPanel ? 16 : 14 };
  instructions.getRow(1).height = userPanel ? 44 : 20;
  instructions.getCell("A4").font = { bold: true, ...(userPanel ? { size: LARGE } : {}) };
  instructions.getColumn(1).alignment = { wrapText: true, vertical: "top" };
  await protect(instructions);

  const scaleIds = scaleIdsInUse(model, sections.map((s) => s.key));
  const scaleSheet = workbook.addWorksheet("Scale", tableSheet(2));
  titleAndHeader(scaleSheet, "What each score means", ["Scale", "Score", "Meaning"], [28, 10, 90]);
  for (const id of scaleIds) {
    const scale = model.scales[id]!;
    for (const v of scale.values) {
      const row = scaleSheet.addRow([scale.title, v, scale.descriptors[String(v)] ?? ""]);
      row.alignment = { wrapText: true, vertical: "top" };
      if (userPanel) row.font = { size: LARGE };
      fitHeight(row, scaleSheet);
      if (userPanel) row.height = Math.max(18, (row.height ?? 15) * 1.25);
    }
  }
  await protect(scaleSheet);

  for (const { key: section, kind: sectionKind, name, section: s } of sections) {
    const sheet = workbook.addWorksheet(sheetName(`${name} scores`), userPanel ? largePrintSheet() : tableSheet(2));
    const noQuestions = s.criteria.every((c) => (c.question ?? "") === "");
    titleAndHeader(sheet, `${name} scores – ${who}`, [...SCORE_HEADERS], userPanel ? [7, 22, 6, 32, noQuestions ? 2 : 20, 8, noQuestions ? 36 : 18] : [10, 30, 12, 34, 40, 9, 60]);
    if (userPanel) largePrint(sheet, noQuestions);
    // The user panel reads one organisation at a time, a page each; evaluators score one criterion across the bids.
    // A specialist assessor's sheet has only the criteria they were named for.
    // A quantitative criterion is scored from the bids' figures, not on a sheet.
    const theirs = s.criteria.filter((c) => c.measure === undefined && (userPanel || evaluatorsFor(bids, section, sectionKind, c.id).includes(evaluatorId)));
    const order = userPanel ? bids.bids.flatMap((bid) => theirs.map((criterion) => ({ bid, criterion }))) : theirs.flatMap((criterion) => bids.bids.map((bid) => ({ bid, criterion })));
    for (const [i, { bid, criterion }] of order.entries()) {
      const row = sheet.addRow([bid.id, bidderWithLot(specification, bid), criterion.id, criterion.title, criterion.question ?? "", null, null]);
      row.alignment = { wrapText: true, vertical: "top" };
      fitHeight(row, sheet);
      if (userPanel) {
        row.font = { size: LARGE };
        row.height = Math.max(36, (row.height ?? 15) * 1.3);
        if (order[i + 1]?.bid.id !== bid.id) row.addPageBreak();
      }
      // A criterion may be marked on its own scale: its drop-down offers that scale's scores.
      const scale = criterionScale(model, s, criterion)!;
      const ownScale = criterion.scale !== undefined && criterion.scale !== s.scale ? ` (${scale.title})` : "";
      const score = row.getCell(6);
      const justification = row.getCell(7);
      for (const input of [score, justification]) {
        input.protection = { locked: false };
        input.fill = INPUT_FILL;
        input.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
      }
      score.dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: [`"${scale.values.join(",")}"`],
        showErrorMessage: true,
        errorTitle: "Score not on the scale",
        error: `Choose one of: ${scale.values.join(", ")}`,
        showInputMessage: true,
        promptTitle: "Score",
        prompt: `Choose from ${scale.values.join(", ")}${ownScale}. See the Scale sheet for what each means.`,
      };
      if (criterion.justificationRequired) {
        justification.note = "A justification is required for every score.";
      }
    }
    await protect(sheet);
  }
  // A bidder bidding for several lots is one organisation to declare an interest in.
  if (!userPanel) await addDeclarationSheet(workbook, who, specification.lots.length > 0 ? [...new Set(bids.bids.map((b) => b.bidder))] : bids.bids.map((b) => b.bidder));
  await writeMetadata(workbook, { ...metadataFor(context, kind), evaluatorId });
  return workbookBytes(workbook, context);
}

async function priceWorkbook(context: SheetContext, bidId: string): Promise<Uint8Array> {
  const { specification, bids, model } = context;
  const bid = bids.bids.find((b) => b.id === bidId)!;
  const lot = lotOf(specification, bid);
  const workbook = await newWorkbook(context, `Price schedule: ${bid.bidder} – ${specification.title}${lot !== undefined ? ` – Lot ${lot.id}` : ""}`);
  const price = model.sections.price;
  const contractYears = `the ${specification.contract.years} contract year${specification.contract.years === 1 ? "" : "s"}`;
  const scoredYears =
    specification.contract.extensionYears === 0
      ? contractYears
      : price?.includeExtensionYears
        ? `${contractYears} and the ${specification.contract.extensionYears} optional extension year${specification.contract.extensionYears === 1 ? "" : "s"}`
        : `${contractYears} only (the optional extension years are priced but not scored)`;
  // The form of the price the method scores: a price per year (the default), one whole-life total, or a discount on a base price.
  const form = price?.method.type === "discount-ratio" || price?.method.type === "discount-bilinear" ? "discount" : price?.priceSchedule === "total" ? "total" : "yearly";
  const base = price?.method.type === "discount-ratio" || price?.method.type === "discount-bilinear" ? formatMoney(exact(price.method.base)) : "";
  const vat = price?.vatBasis === "including-vat" ? "including" : "excluding";
  // What to enter, said before the table where people look first: what a price covers, the VAT basis, and which years count.
  const guidance: [string, string][] = [
    ["Tender", `${specification.title} (${specification.reference})`],
    ["Bidder", bid.bidder],
    ...(lot !== undefined ? [["Lot", lotHeading(lot)] as [string, string]] : []),
    ...(form === "discount"
      ? ([
          ["What to enter", `The percentage discount you offer on the base price of ${base} (${vat} VAT), e.g. 12.5 for 12.5%. The base price covers ${price?.priceCovers ?? "everything needed to deliver the service as specified"}.`],
          ["Scored", `Your discount is scored; your whole-life price is the base price less your discount, over ${scoredYears}.`],
        ] as [string, string][])
      : form === "total"
        ? ([
            ["What to include", `One price for the whole contract: ${price?.priceCovers ?? "everything needed to deliver the service as specified"}.`],
            ["VAT", `Enter the price ${vat} VAT.`],
            ["Scored", `The whole-life price is this one total, over ${scoredYears}.`],
          ] as [string, string][])
        : ([
            ["What to include", `The full price for each year: ${price?.priceCovers ?? "everything needed to deliver the service as specified in that year"}.`],
            ["VAT", `Enter every price ${vat} VAT.`],
            ["Scored", `The whole-life price is the sum of ${scoredYears}.`],
          ] as [string, string][])),
  ];
  const headerRows = 2 + guidance.length + 1;
  const sheet = workbook.addWorksheet("Price schedule", { ...tableSheet(headerRows), pageSetup: { ...tableSheet(headerRows).pageSetup, orientation: "portrait" } });
  [16, 50, 28].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.addRow(["Price schedule"]).font = { bold: true, size: 14 };
  sheet.getRow(1).height = 22;
  for (const [label, text] of guidance) {
    const row = sheet.addRow([label, text]);
    sheet.mergeCells(row.number, 2, row.number, 3);
    row.getCell(1).font = { bold: true };
    row.alignment = { wrapText: true, vertical: "top" };
    // The merged cell spans two columns: fit the row to their width together.
    row.height = Math.max(15, 15 * Math.ceil((text.length * 1.1) / 78));
  }
  sheet.addRow([]);
  const header = sheet.addRow(["Year", "Kind", form === "discount" ? "Discount (%)" : `Price (£, ${vat} VAT)`]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  header.height = 18;
  header.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
  if (form !== "yearly") {
    // One input row, labelled "All years": the reader takes it as the total, or as the discount under a discount method.
    const row = sheet.addRow(["All years", form === "discount" ? `Discount on the base price of ${base}` : "Whole-life price: one total", null]);
    row.alignment = { wrapText: true, vertical: "top" };
    const cell = row.getCell(3);
    cell.protection = { locked: false };
    cell.fill = INPUT_FILL;
    cell.numFmt = form === "discount" ? '0.00##"%"' : '"£"#,##0.00';
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    cell.dataValidation =
      form === "discount"
        ? { type: "decimal", operator: "between", formulae: [0, 100], allowBlank: true, showErrorMessage: true, errorTitle: "Discount", error: "Enter the discount in percent, from 0 to 100, e.g. 12.5" }
        : { type: "decimal", operator: "greaterThanOrEqual", formulae: [0], allowBlank: true, showErrorMessage: true, errorTitle: "Price", error: "Enter the price in pounds, e.g. 550000" };
    fitHeight(row, sheet);
    await protect(sheet);
    await writeMetadata(workbook, { ...metadataFor(context, "price-schedule"), bidId });
    return workbookBytes(workbook, context);
  }
  const years = specification.contract.years;
  const extension = specification.contract.extensionYears;
  for (let y = 1; y <= years + extension; y++) {
    const isExtension = y > years;
    const row = sheet.addRow([`Year ${y}`, isExtension ? "Optional extension year" : "Contract year", null]);
    const cell = row.getCell(3);
    cell.protection = { locked: false };
    cell.fill = INPUT_FILL;
    cell.numFmt = '"£"#,##0.00';
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    cell.dataValidation = { type: "decimal", operator: "greaterThanOrEqual", formulae: [0], allowBlank: true, showErrorMessage: true, errorTitle: "Price", error: "Enter the price in pounds, e.g. 185000" };
    if (isExtension) row.font = { italic: true };
  }
  const first = header.number + 1;
  const total = sheet.addRow([
    "Whole-life total",
    extension === 0 ? "All contract years" : price?.includeExtensionYears ? "All years, including the optional extension years" : "Contract years only (extension years are priced but not scored)",
    { formula: `SUM(C${first}:C${first + (model.sections.price?.includeExtensionYears ? years + extension : years) - 1})` },
  ]);
  total.font = { bold: true };
  total.alignment = { wrapText: true, vertical: "top" };
  fitHeight(total, sheet);
  total.getCell(3).numFmt = '"£"#,##0.00';
  await protect(sheet);
  await writeMetadata(workbook, { ...metadataFor(context, "price-schedule"), bidId });
  return workbookBytes(workbook, context);
}
