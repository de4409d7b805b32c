import { parseBankHolidays, type BankHolidays } from "../model/bank-holidays.js";
import type { Parsed } from "../model/parse.js";
import { MINIMUM_STANDSTILL_WORKING_DAYS, standstillPeriod, type StandstillPeriod } from "../model/standstill.js";
import { problem, type Outcome, type Problem } from "../problems/problem.js";
import { textOf, type NamedFile } from "./files.js";
import { locate, type LoadedTender } from "./tender.js";

/** Parse a bank-holiday list: the bundled `policies/uk-bank-holidays.yaml`, or an authority's own. */
export function loadBankHolidays(file: NamedFile): Outcome<Parsed<BankHolidays>> {
  const text = textOf(file);
  return text.ok ? parseBankHolidays(text.text, file.name) : { ok: false, problems: [text.problem] };
}

export interface StandstillOptions {
  /** ISO date the summaries are dated. */
  date: string;
  /** ISO date the contract award notice is to be published; without it the summaries state the rule and length, no date. */
  awardNoticeDate?: string | undefined;
  /** The bank-holiday list to count working days with; needed with `awardNoticeDate`. */
  bankHolidays?: NamedFile | undefined;
}

/**
 * The standstill period the assessment summaries state: checked against the Act's minimum of eight working
 * days (s.51(2), s.51(5)) always, and with a planned award notice date, counted with the bank-holiday list.
 * Without a date there is nothing to count: the summaries state the rule and the length only.
 */
export function awardStandstill(tender: LoadedTender, options: StandstillOptions): Outcome<StandstillPeriod | undefined> {
  const workingDays = tender.specification.dates.standstillWorkingDays;
  const problems: Problem[] = [];
  if (workingDays < MINIMUM_STANDSTILL_WORKING_DAYS) {
    problems.push(problem("standstill.too-short", { document: "specification", path: ["dates", "standstillWorkingDays"] }, { days: workingDays, minimum: MINIMUM_STANDSTILL_WORKING_DAYS }));
  }
  const notice = options.awardNoticeDate;
  if (notice === undefined) return problems.length > 0 ? { ok: false, problems: locate(problems, tender) } : { ok: true, value: undefined, problems: [] };
  // s.50(3): the assessment summaries are provided before the contract award notice is published.
  if (notice < options.date) problems.push(problem("standstill.notice-before-summaries", { option: "--award-notice-date" }, { notice, issued: options.date }));
  if (options.bankHolidays === undefined) throw new Error("awardStandstill: an award notice date needs a bank-holiday list to count with");
  const calendar = loadBankHolidays(options.bankHolidays);
  if (!calendar.ok) return { ok: false, problems: [...locate(problems, tender), ...calendar.problems] };
  const period = standstillPeriod(notice, Math.max(workingDays, 1), calendar.value.data);
  if (!period.ok || problems.length > 0) return { ok: false, problems: [...locate(problems, tender), ...(period.ok ? [] : period.problems)] };
  const projected = period.value.projectedYears;
  const warnings = projected.length > 0 ? [problem("standstill.projected-holidays", { document: "policy", file: options.bankHolidays.name }, { years: projected }, "warning")] : [];
  return { ok: true, value: period.value, problems: warnings };
}
