import { withZipDates } from "../arithmetic/zip-dates.js";

/** What a workbook's properties say about it: its title, who it is by (the authority), and its date. */
export interface WorkbookProperties {
  title: string;
  creator: string;
  /** YYYY-MM-DD: created and last modified. */
  date: string;
}

/** The part of an exceljs workbook (or streaming writer) that holds its document properties. */
interface PropertiesOf {
  title: string;
  creator: string;
  lastModifiedBy: string;
  created: Date;
  modified: Date;
}

/** The workbook's own properties, not the tool's or the clock's. */
export function setWorkbookProperties(workbook: object, properties: WorkbookProperties): void {
  const target = workbook as PropertiesOf;
  const when = new Date(`${properties.date}T00:00:00Z`);
  target.title = properties.title;
  target.creator = properties.creator;
  target.lastModifiedBy = properties.creator;
  target.created = when;
  target.modified = when;
}

/**
 * The workbook's bytes with every entry of its zip dated the workbook's date, so the same inputs and date
 * give the same bytes (exceljs stamps each entry with the time of writing).
 */
export function reproducibleXlsx(bytes: ArrayBuffer | Uint8Array, properties: Pick<WorkbookProperties, "date">): Uint8Array {
  return withZipDates(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), properties.date);
}
