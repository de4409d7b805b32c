import { problem, type Location, type Outcome, type Problem } from "../problems/problem.js";
import type { BankHolidays } from "./bank-holidays.js";

/*
 * The standstill period under the Procurement Act 2023 s.51. A contracting authority may not enter into a
 * public contract before the end of the mandatory standstill period (s.51(1)), "the period of eight
 * working days beginning with the day on which a contract award notice is published" (s.51(2)); a
 * voluntary standstill period, for the contracts s.51(3) exempts, may not be shorter (s.51(5)), and the
 * notice may provide for a longer one (s.51(1)(b)).
 *
 * "Beginning with the day" means the day of publication is the first day of the period when it is a
 * working day (unlike "after", which would start the count the next day). When the notice is published
 * on a day that is not a working day, that day cannot be one of the working days, so the count starts
 * with the next working day. The period ends at the end (midnight) of its last working day; the contract
 * may be entered into from the next calendar day.
 *
 * A "working day" is "a day other than (a) a Saturday or Sunday, or (b) a day which is a bank holiday in
 * any part of the United Kingdom under the Banking and Financial Dealings Act 1971" (s.123(1)).
 */

/** The Act's minimum, for mandatory and voluntary standstill periods alike (s.51(2), s.51(5)). */
export const MINIMUM_STANDSTILL_WORKING_DAYS = 8;

export interface StandstillPeriod {
  /** The day the contract award notice is published (ISO date). */
  noticeDate: string;
  workingDays: number;
  /** The working days counted, in order: the first is the notice date when that is a working day. */
  days: string[];
  /** The period ends at the end of this day. */
  lastDay: string;
  /** The first day the contract may be entered into: the calendar day after `lastDay`. */
  earliestEntry: string;
  /** The bank holidays in any part of the UK that fell in the period and were not counted. */
  holidaysSkipped: { date: string; names: string[] }[];
  /** Years of the bank-holiday list the period relies on that are projected, not yet published. */
  projectedYears: number[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The calendar day after an ISO date. */
export function nextDay(iso: string): string {
  return toIso(toTime(iso) + DAY_MS);
}

/** Every bank holiday in any part of the UK, by date, with the names it goes by in each part. */
export function holidaysByDate(calendar: BankHolidays): Map<string, string[]> {
  const byDate = new Map<string, string[]>();
  const partNames = { englandAndWales: "England and Wales", scotland: "Scotland", northernIreland: "Northern Ireland" } as const;
  for (const year of calendar.years) {
    for (const part of ["englandAndWales", "scotland", "northernIreland"] as const) {
      for (const h of year[part]) byDate.set(h.date, [...(byDate.get(h.date) ?? []), `${h.name} (${partNames[part]})`]);
    }
  }
  return byDate;
}

/** Whether a day is a working day under s.123(1): not a Saturday or Sunday, and not a bank holiday in any part of the UK. */
export function isWorkingDay(iso: string, holidays: ReadonlyMap<string, readonly string[]>): boolean {
  const weekday = new Date(toTime(iso)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(iso);
}

/**
 * The standstill period that begins with the day the contract award notice is published. Refused, as a
 * located problem, when the notice date or any day the count reaches lies outside the years the
 * bank-holiday list covers: a day off there would be unknown, and the end date could be too early.
 */
export function standstillPeriod(
  noticeDate: string,
  workingDays: number,
  calendar: BankHolidays,
  where: Location = { option: "--award-notice-date" },
): Outcome<StandstillPeriod> {
  const { from, to } = calendar.covers;
  const covered = (iso: string) => {
    const year = Number(iso.slice(0, 4));
    return year >= from && year <= to;
  };
  const outside = (date: string, which: "notice" | "end"): Problem => problem("standstill.outside-holidays", where, { date, which, from, to });
  if (!covered(noticeDate)) return { ok: false, problems: [outside(noticeDate, "notice")] };
  const holidays = holidaysByDate(calendar);
  const days: string[] = [];
  const holidaysSkipped: StandstillPeriod["holidaysSkipped"] = [];
  let day = noticeDate;
  for (;;) {
    if (!covered(day)) return { ok: false, problems: [outside(day, "end")] };
    const names = holidays.get(day);
    if (names !== undefined) holidaysSkipped.push({ date: day, names });
    if (isWorkingDay(day, holidays)) days.push(day);
    if (days.length >= workingDays) break;
    day = nextDay(day);
  }
  const lastDay = days[days.length - 1] ?? noticeDate;
  const years = new Set([noticeDate, lastDay].map((d) => Number(d.slice(0, 4))));
  for (let y = Number(noticeDate.slice(0, 4)); y <= Number(lastDay.slice(0, 4)); y++) years.add(y);
  const projectedYears = calendar.years.filter((y) => y.status === "projected" && years.has(y.year)).map((y) => y.year);
  return { ok: true, value: { noticeDate, workingDays, days, lastDay, earliestEntry: nextDay(lastDay), holidaysSkipped, projectedYears }, problems: [] };
}
