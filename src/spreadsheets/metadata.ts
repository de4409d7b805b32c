import type { Workbook } from "exceljs";
import { cellText } from "./cell-value.js";
import { cellAt, type LightSheet } from "./light-workbook.js";

/** The very hidden sheet that says what a workbook is, so it is read correctly however it is renamed or re-sorted. */
export const METADATA_SHEET = "tender-eval";
export const FORMAT = "tender-eval workbook 1";

export type WorkbookKind = "evaluator-scores" | "user-panel-scores" | "price-schedule" | "moderation";

export interface WorkbookMetadata {
  format: string;
  kind: WorkbookKind;
  tenderReference: string;
  modelId: string;
  modelVersion: string;
  modelHash: string;
  /** Evaluator or user-panel member id, for score sheets. */
  evaluatorId?: string;
  /** Bid id, for a price schedule. */
  bidId?: string;
  bids: string[];
}

export async function writeMetadata(workbook: Workbook, metadata: WorkbookMetadata): Promise<void> {
  const sheet = workbook.addWorksheet(METADATA_SHEET, { state: "veryHidden" });
  const rows: [string, string][] = [
    ["format", metadata.format],
    ["kind", metadata.kind],
    ["tenderReference", metadata.tenderReference],
    ["modelId", metadata.modelId],
    ["modelVersion", metadata.modelVersion],
    ["modelHash", metadata.modelHash],
    ["evaluatorId", metadata.evaluatorId ?? ""],
    ["bidId", metadata.bidId ?? ""],
    ["bids", metadata.bids.join(",")],
  ];
  // Written as text so nothing a bidder or evaluator is called can become a formula.
  for (const [key, value] of rows) sheet.addRow([key, value]);
  await sheet.protect("", { selectLockedCells: false, selectUnlockedCells: false });
}

export function readMetadata(sheets: readonly LightSheet[]): WorkbookMetadata | undefined {
  const sheet = sheets.find((s) => s.name === METADATA_SHEET);
  if (sheet === undefined) return undefined;
  const values = new Map<string, string>();
  for (const r of sheet.rows.keys()) values.set(cellText(cellAt(sheet, r, 1)), cellText(cellAt(sheet, r, 2)));
  if (!values.get("format")?.startsWith("tender-eval workbook")) return undefined;
  const optional = (key: string) => (values.get(key) ? { [key]: values.get(key)! } : {});
  return {
    format: values.get("format")!,
    kind: values.get("kind") as WorkbookKind,
    tenderReference: values.get("tenderReference") ?? "",
    modelId: values.get("modelId") ?? "",
    modelVersion: values.get("modelVersion") ?? "",
    modelHash: values.get("modelHash") ?? "",
    ...optional("evaluatorId"),
    ...optional("bidId"),
    bids: (values.get("bids") ?? "").split(",").filter(Boolean),
  };
}
