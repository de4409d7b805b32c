import { z } from "zod";
import { problem, type Outcome, type PathSegment, type Problem } from "../problems/problem.js";
import { IsoDate, NonEmptyText } from "./common.js";
import { locateProblems, parseInputDocument } from "./parse-document.js";
import type { Parsed } from "./parse.js";

/*
 * The bank holidays that make a day not a "working day" under the Procurement Act 2023 s.123(1): "a day
 * other than (a) a Saturday or Sunday, or (b) a day which is a bank holiday in any part of the United
 * Kingdom under the Banking and Financial Dealings Act 1971". Any part counts, so the file lists each
 * part's holidays and a day off in one part is a day off for the count. Christmas Day and Good Friday are
 * not named in s.123, but both are bank holidays in Scotland (1971 Act, Schedule 1 para. 2).
 */

const Holiday = z
  .strictObject({
    date: IsoDate.describe("The day, YYYY-MM-DD"),
    name: NonEmptyText.describe("The holiday's name as GOV.UK gives it, with \"(substitute day)\" where it is one"),
  })
  .describe("One bank holiday");

const Holidays = (part: string) => z.array(Holiday).describe(`Bank holidays in ${part} that year`);

const Year = z
  .strictObject({
    year: z.int().min(2000).max(2100).describe("The calendar year"),
    status: z
      .enum(["published", "projected"])
      .describe("published: copied from GOV.UK; projected: not yet published there, derived as `projection` says"),
    englandAndWales: Holidays("England and Wales"),
    scotland: Holidays("Scotland"),
    northernIreland: Holidays("Northern Ireland"),
  })
  .describe("One year's bank holidays in each part of the United Kingdom");

export const BankHolidays = z
  .strictObject({
    id: z.string().min(1).describe("The file's id"),
    title: NonEmptyText.describe("The file's title"),
    covers: z
      .strictObject({
        from: z.int().min(2000).max(2100).describe("First year listed"),
        to: z.int().min(2000).max(2100).describe("Last year listed"),
      })
      .describe("The years the file lists, every one of them: a working-day count outside them is refused"),
    source: z
      .strictObject({
        name: NonEmptyText.describe("Who publishes the list"),
        page: z.url().describe("The page that lists the bank holidays"),
        data: z.url().describe("The published data the dates were copied from"),
        asOf: IsoDate.describe("The date of the copy of that data the dates were checked against"),
      })
      .describe("Where the dates come from"),
    law: NonEmptyText.describe("The law that makes these days bank holidays, and the law that counts them"),
    projection: NonEmptyText.optional().describe("How the projected years were derived (required when any year is projected)"),
    years: z.array(Year).min(1).describe("Each year's bank holidays, oldest first"),
  })
  .describe("Bank holidays in every part of the United Kingdom, for counting working days");
export type BankHolidays = z.infer<typeof BankHolidays>;

const at = (...path: PathSegment[]) => ({ document: "policy" as const, path });
const parts = ["englandAndWales", "scotland", "northernIreland"] as const;

/** Rules the schema cannot say: the years listed are the years covered, each date in its own year, once. */
export function checkBankHolidays(calendar: BankHolidays): Problem[] {
  const problems: Problem[] = [];
  const { from, to } = calendar.covers;
  if (from > to) problems.push(problem("holidays.bad-coverage", at("covers"), { from, to }));
  const listed = new Map<number, number>();
  calendar.years.forEach((y, i) => {
    if (listed.has(y.year)) problems.push(problem("holidays.duplicate-year", at("years", i, "year"), { year: y.year }));
    else listed.set(y.year, i);
    if (y.year < from || y.year > to) problems.push(problem("holidays.year-not-covered", at("years", i, "year"), { year: y.year, from, to }));
    if (y.status === "projected" && calendar.projection === undefined) problems.push(problem("holidays.projection-unexplained", at("years", i, "status"), { year: y.year }));
    for (const part of parts) {
      const seen = new Set<string>();
      y[part].forEach((h, j) => {
        if (Number(h.date.slice(0, 4)) !== y.year) problems.push(problem("holidays.date-in-wrong-year", at("years", i, part, j, "date"), { date: h.date, year: y.year }));
        if (seen.has(h.date)) problems.push(problem("holidays.duplicate-date", at("years", i, part, j, "date"), { date: h.date }));
        seen.add(h.date);
      });
    }
  });
  for (let year = from; year <= to && to - from < 200; year++) {
    if (!listed.has(year)) problems.push(problem("holidays.year-missing", at("years"), { year, from, to }));
  }
  return problems;
}

/** Parse and check a bank-holiday file (YAML or JSON), e.g. `policies/uk-bank-holidays.yaml`. */
export function parseBankHolidays(text: string, file = "uk-bank-holidays.yaml"): Outcome<Parsed<BankHolidays>> {
  const parsed = parseInputDocument(BankHolidays, text, "policy", file);
  if (!parsed.ok) return parsed;
  const problems = locateProblems(checkBankHolidays(parsed.value.data), [parsed.value.source]);
  return problems.length > 0 ? { ok: false, problems } : parsed;
}
