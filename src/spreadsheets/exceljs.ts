import type ExcelJSModule from "exceljs";

/** exceljs is large: load it only in the commands that read or write spreadsheets. */
export async function loadExcelJS(): Promise<typeof ExcelJSModule> {
  return (await import("exceljs")).default;
}
