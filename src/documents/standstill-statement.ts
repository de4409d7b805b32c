import { formatDayAndDate } from "../language/uk-format.js";
import type { StandstillPeriod } from "../model/standstill.js";

/*
 * What an assessment summary says about the standstill period (Procurement Act 2023 s.51; working days as
 * s.123(1) defines them). The period starts when the contract award notice is published, which comes after
 * the summaries are sent (s.50(3)); so without the notice's date the letter states the rule and the length,
 * never a date, which counted from the letter could be too early. With the date the authority plans to
 * publish the notice, it also states the day the period ends, counted with the bank-holiday list, and says
 * that a later notice moves the end.
 */

const RULE =
  "It starts on the day the contract award notice is published, and counts working days only: not weekends, Christmas Day, Good Friday or bank holidays in any part of the United Kingdom.";

/** The standstill paragraph's sentences: the rule and length, and with a planned notice date, its end. */
export function standstillStatement(workingDays: number, period?: StandstillPeriod): string {
  const length = `There is a standstill period of ${workingDays} working days before the contract is entered into. ${RULE}`;
  if (period === undefined) return `${length} The contract will not be entered into before it ends.`;
  return (
    `${length} We will publish the contract award notice on ${formatDayAndDate(period.noticeDate)}, so the standstill period ends at midnight at the end of ` +
    `${formatDayAndDate(period.lastDay)}, and the contract will not be entered into before then. If the notice is published later, the period ends later.`
  );
}
