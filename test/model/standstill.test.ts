import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBankHolidays, type BankHolidays } from "../../src/model/bank-holidays.js";
import { isWorkingDay, holidaysByDate, standstillPeriod } from "../../src/model/standstill.js";
import { formatProblem } from "../../src/problems/format.js";

const bundledText = readFileSync(new URL("../../policies/uk-bank-holidays.yaml", import.meta.url), "utf8");
const parsed = parseBankHolidays(bundledText, "policies/uk-bank-holidays.yaml");
if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join("\n"));
const calendar: BankHolidays = parsed.value.data;

/** The end of an 8-working-day standstill beginning with the notice date (Procurement Act 2023 s.51(2)). */
const endOf = (notice: string, days = 8) => {
  const period = standstillPeriod(notice, days, calendar);
  if (!period.ok) throw new Error(period.problems.map(formatProblem).join("\n"));
  return period.value;
};

describe("the bundled bank-holiday list", () => {
  it("names its source and covers 2025 to 2029, 2025–2028 as GOV.UK published them and 2029 projected", () => {
    expect(calendar.source.data).toBe("https://www.gov.uk/bank-holidays.json");
    expect(calendar.covers).toEqual({ from: 2025, to: 2029 });
    expect(calendar.years.map((y) => `${y.year} ${y.status}`)).toEqual(["2025 published", "2026 published", "2027 published", "2028 published", "2029 projected"]);
    expect(calendar.projection).toContain("Banking and Financial Dealings Act 1971");
  });

  it("has every part's days that only that part keeps", () => {
    const byDate = holidaysByDate(calendar);
    expect(byDate.get("2027-01-04")).toEqual(["2nd January (substitute day) (Scotland)"]);
    expect(byDate.get("2026-11-30")).toEqual(["St Andrew’s Day (Scotland)"]);
    expect(byDate.get("2027-03-17")).toEqual(["St Patrick’s Day (Northern Ireland)"]);
    expect(byDate.get("2027-07-12")).toEqual(["Battle of the Boyne (Orangemen’s Day) (Northern Ireland)"]);
    expect(byDate.get("2027-03-29")).toEqual(["Easter Monday (England and Wales)", "Easter Monday (Northern Ireland)"]);
  });
});

describe("working days (Procurement Act 2023 s.123(1))", () => {
  const holidays = holidaysByDate(calendar);
  it.each([
    ["2026-12-05", false, "a Saturday"],
    ["2026-12-06", false, "a Sunday"],
    ["2026-12-07", true, "an ordinary Monday"],
    ["2026-12-25", false, "Christmas Day"],
    ["2026-12-28", false, "Boxing Day's substitute"],
    ["2026-04-03", false, "Good Friday"],
    ["2026-04-06", false, "Easter Monday (not a bank holiday in Scotland, but in England, Wales and Northern Ireland)"],
    ["2027-01-04", false, "2 January's substitute, in Scotland only"],
    ["2026-11-30", false, "St Andrew's Day, in Scotland only"],
    ["2027-03-17", false, "St Patrick's Day, in Northern Ireland only"],
    ["2026-07-13", false, "the Battle of the Boyne's substitute, in Northern Ireland only"],
    ["2026-08-03", false, "the summer bank holiday in Scotland (first Monday in August)"],
    ["2026-08-31", false, "the summer bank holiday elsewhere (last Monday in August)"],
  ])("%s is a working day: %s (%s)", (date, working) => {
    expect(isWorkingDay(date, holidays)).toBe(working);
  });
});

describe("the standstill period: eight working days beginning with the day the award notice is published (s.51(2))", () => {
  it("an ordinary fortnight", () => {
    // Notice Monday 9 November 2026. 1 Mon 9, 2 Tue 10, 3 Wed 11, 4 Thu 12, 5 Fri 13, (Sat 14, Sun 15),
    // 6 Mon 16, 7 Tue 17, 8 Wed 18. Ends at the end of Wednesday 18 November; entry from Thursday 19.
    const period = endOf("2026-11-09");
    expect(period.days).toEqual(["2026-11-09", "2026-11-10", "2026-11-11", "2026-11-12", "2026-11-13", "2026-11-16", "2026-11-17", "2026-11-18"]);
    expect(period.lastDay).toBe("2026-11-18");
    expect(period.earliestEntry).toBe("2026-11-19");
    expect(period.holidaysSkipped).toEqual([]);
  });

  it("a notice published on a Saturday starts the count on the Monday", () => {
    // Notice Saturday 7 November 2026: not a working day, so not counted. (Sun 8), 1 Mon 9 … 8 Wed 18.
    expect(endOf("2026-11-07").lastDay).toBe("2026-11-18");
  });

  it("Christmas and New Year 2026, with Scotland's 2 January moved to Monday 4 January", () => {
    // Notice Tuesday 22 December 2026. 1 Tue 22, 2 Wed 23, 3 Thu 24, (Fri 25 Christmas Day, Sat 26, Sun 27,
    // Mon 28 Boxing Day substitute), 4 Tue 29, 5 Wed 30, 6 Thu 31, (Fri 1 Jan New Year's Day, Sat 2, Sun 3,
    // Mon 4 2nd January substitute in Scotland), 7 Tue 5, 8 Wed 6. Ends at the end of Wednesday 6 January 2027.
    const period = endOf("2026-12-22");
    expect(period.lastDay).toBe("2027-01-06");
    expect(period.earliestEntry).toBe("2027-01-07");
    expect(period.holidaysSkipped.map((h) => h.date)).toEqual(["2026-12-25", "2026-12-28", "2027-01-01", "2027-01-04"]);
  });

  it("a notice the next day, Wednesday 23 December 2026", () => {
    // 1 Wed 23, 2 Thu 24, (Fri 25 – Mon 28), 3 Tue 29, 4 Wed 30, 5 Thu 31, (Fri 1 – Mon 4), 6 Tue 5, 7 Wed 6,
    // 8 Thu 7 January 2027.
    expect(endOf("2026-12-23").lastDay).toBe("2027-01-07");
  });

  it("a notice published on Christmas Day starts the count on the next working day", () => {
    // Notice Friday 25 December 2026 (not a working day). (Sat 26, Sun 27, Mon 28), 1 Tue 29, 2 Wed 30,
    // 3 Thu 31, (Fri 1 – Mon 4), 4 Tue 5, 5 Wed 6, 6 Thu 7, 7 Fri 8, (Sat 9, Sun 10), 8 Mon 11 January 2027.
    expect(endOf("2026-12-25").lastDay).toBe("2027-01-11");
  });

  it("Easter 2027: Good Friday 26 March and Easter Monday 29 March", () => {
    // Notice Monday 22 March 2027. 1 Mon 22, 2 Tue 23, 3 Wed 24, 4 Thu 25, (Fri 26 Good Friday, Sat 27,
    // Sun 28, Mon 29 Easter Monday), 5 Tue 30, 6 Wed 31, 7 Thu 1 April, 8 Fri 2 April.
    const period = endOf("2027-03-22");
    expect(period.lastDay).toBe("2027-04-02");
    expect(period.holidaysSkipped.map((h) => h.date)).toEqual(["2027-03-26", "2027-03-29"]);
  });

  it("Easter 2026: Good Friday 3 April and Easter Monday 6 April", () => {
    // Notice Wednesday 1 April 2026. 1 Wed 1, 2 Thu 2, (Fri 3 Good Friday, Sat 4, Sun 5, Mon 6 Easter Monday),
    // 3 Tue 7, 4 Wed 8, 5 Thu 9, 6 Fri 10, (Sat 11, Sun 12), 7 Mon 13, 8 Tue 14 April 2026.
    expect(endOf("2026-04-01").lastDay).toBe("2026-04-14");
  });

  it("St Patrick's Day in Northern Ireland counts for the whole United Kingdom", () => {
    // Notice Friday 12 March 2027. 1 Fri 12, (Sat 13, Sun 14), 2 Mon 15, 3 Tue 16, (Wed 17 St Patrick's Day),
    // 4 Thu 18, 5 Fri 19, (Sat 20, Sun 21), 6 Mon 22, 7 Tue 23, 8 Wed 24 March 2027.
    expect(endOf("2027-03-12").lastDay).toBe("2027-03-24");
  });

  it("the Battle of the Boyne holiday in Northern Ireland", () => {
    // Notice Wednesday 7 July 2027. 1 Wed 7, 2 Thu 8, 3 Fri 9, (Sat 10, Sun 11, Mon 12 Battle of the Boyne),
    // 4 Tue 13, 5 Wed 14, 6 Thu 15, 7 Fri 16, (Sat 17, Sun 18), 8 Mon 19 July 2027.
    expect(endOf("2027-07-07").lastDay).toBe("2027-07-19");
  });

  it("St Andrew's Day in Scotland", () => {
    // Notice Thursday 26 November 2026. 1 Thu 26, 2 Fri 27, (Sat 28, Sun 29, Mon 30 St Andrew's Day),
    // 3 Tue 1 Dec, 4 Wed 2, 5 Thu 3, 6 Fri 4, (Sat 5, Sun 6), 7 Mon 7, 8 Tue 8 December 2026.
    expect(endOf("2026-11-26").lastDay).toBe("2026-12-08");
  });

  it("a longer standstill the notice provides for is counted the same way (s.51(1)(b))", () => {
    // Notice Monday 9 November 2026, 10 working days: … 8 Wed 18, 9 Thu 19, 10 Fri 20 November.
    expect(endOf("2026-11-09", 10).lastDay).toBe("2026-11-20");
  });

  it("says when the count relies on a projected year", () => {
    // Notice Friday 22 December 2028. 1 Fri 22, (Sat 23, Sun 24, Mon 25 Christmas Day, Tue 26 Boxing Day),
    // 2 Wed 27, 3 Thu 28, 4 Fri 29, (Sat 30, Sun 31, Mon 1 Jan 2029 New Year's Day, Tue 2 2nd January),
    // 5 Wed 3, 6 Thu 4, 7 Fri 5, (Sat 6, Sun 7), 8 Mon 8 January 2029.
    const period = endOf("2028-12-22");
    expect(period.lastDay).toBe("2029-01-08");
    expect(period.projectedYears).toEqual([2029]);
    expect(endOf("2026-12-22").projectedYears).toEqual([]);
  });

  it("refuses a notice date, or an end, outside the years the list covers", () => {
    const before = standstillPeriod("2024-12-20", 8, calendar);
    expect(before.ok).toBe(false);
    if (!before.ok) expect(formatProblem(before.problems[0]!)).toBe("--award-notice-date: 20 December 2024 is outside the years the bank-holiday list covers (2025 to 2029), so the standstill period cannot be counted: give a list that covers it with --bank-holidays");
    const after = standstillPeriod("2029-12-24", 8, calendar);
    expect(after.ok).toBe(false);
    if (!after.ok) {
      expect(after.problems[0]!.args).toEqual({ date: "2030-01-01", which: "end", from: 2025, to: 2029 });
      expect(formatProblem(after.problems[0]!)).toContain("the standstill period would run into 1 January 2030, outside the years the bank-holiday list covers");
    }
  });
});

describe("a bank-holiday list with mistakes", () => {
  it("lists every problem at once, each at its line", () => {
    const text = bundledText
      .replace("  to: 2029", "  to: 2030")
      .replace("      - { date: 2026-12-25, name: Christmas Day }", "      - { date: 2025-12-25, name: Christmas Day }")
      .replace(/projection: >-[\s\S]*?\nyears:/, "years:");
    const result = parseBankHolidays(text, "ours.yaml");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.problems.map(formatProblem);
    expect(messages).toContainEqual(expect.stringMatching(/^ours\.yaml: years\[1\]\.englandAndWales\[6\]\.date \(line \d+\): 25 December 2025 is listed under 2026: move it to its own year$/));
    expect(messages).toContainEqual(expect.stringMatching(/2029 is marked projected, but the file does not say how projected years were derived/));
    expect(messages).toContainEqual(expect.stringMatching(/says it covers 2025 to 2030 but has no bank holidays for 2030/));
  });

  it("refuses a date that is not a date, with its line", () => {
    const result = parseBankHolidays(bundledText.replace("2027-03-26, name: Good Friday }", "2027-02-30, name: Good Friday }"), "ours.yaml");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map(formatProblem).join("\n")).toMatch(/^ours\.yaml: years\[2\]\.englandAndWales\[1\]\.date \(line \d+\): 30 February 2027 does not exist/);
  });
});
