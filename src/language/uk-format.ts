import { roundForDisplay, type Exact } from "../arithmetic/exact.js";

/*
 * How figures are written in UK English. It sits just above arithmetic and below problems, so the one
 * findings formatter (src/problems/format.ts) and every output layer share it without importing upwards.
 */

/** Group thousands with commas: "1234567.5" → "1,234,567.5". */
function groupThousands(decimal: string): string {
  const [whole, fraction] = decimal.split(".") as [string, string | undefined];
  const negative = whole.startsWith("-");
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${fraction !== undefined ? `.${fraction}` : ""}`;
}

/** £1,234,567 — pence shown only when there are any: £1,234,567.50. */
export function formatMoney(value: Exact): string {
  const pence = roundForDisplay(value, 2);
  const text = pence.endsWith(".00") ? pence.slice(0, -3) : pence;
  return text.startsWith("-") ? `-£${groupThousands(text.slice(1))}` : `£${groupThousands(text)}`;
}

/** Points to a fixed number of decimal places (display only). */
export function formatPoints(value: Exact, places = 2): string {
  return groupThousands(roundForDisplay(value, places));
}

/** A count of things, e.g. words: 7,250. */
export function formatCount(value: number | Exact): string {
  return groupThousands(typeof value === "number" ? String(Math.round(value)) : roundForDisplay(value, 0));
}

/** The noun for a count: "tender" for 1, "tenders" otherwise (or the plural given). */
export const plural = (n: number, noun: string, pluralForm = `${noun}s`): string => (n === 1 ? noun : pluralForm);

/** A count with its noun, never "(s)": "1 answer", "1,200 answers". */
export const counted = (n: number, noun: string, pluralForm = `${noun}s`): string => `${formatCount(n)} ${plural(n, noun, pluralForm)}`;

/** 62.5% — trailing zeros dropped. */
export function formatPercent(value: Exact, places = 2): string {
  return `${trimZeros(roundForDisplay(value, places))}%`;
}

/**
 * Shares shown as percentages to `places` decimals that add up to exactly 100 as displayed (largest
 * remainder): weights of 33⅓% each show as 33.4, 33.3 and 33.3, never 33.3 three times. `shares` are
 * fractions of a whole (they sum to 1).
 */
export function percentagesAddingTo100(shares: readonly number[], places = 1): string[] {
  const unit = 10 ** places;
  const scaled = shares.map((s) => s * 100 * unit);
  const floors = scaled.map(Math.floor);
  let left = Math.round(100 * unit - floors.reduce((a, b) => a + b, 0));
  const order = scaled.map((v, i) => ({ i, rest: v - floors[i]! })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors.map((f) => `${(f / unit).toFixed(places)}%`);
}

/**
 * A probability estimate (0 to 1) as a percentage to `places` decimals: never "0%" for something that
 * happened in some samples, nor "100%" for something that did not happen in all of them.
 */
export function formatChance(p: number, places = 0): string {
  // Shares summed over ranks can miss 1 or 0 by a rounding error of the floating-point sum.
  if (Math.abs(p) < 1e-9) return "0%";
  if (Math.abs(p - 1) < 1e-9) return "100%";
  const step = 10 ** -places;
  const percent = p * 100;
  if (percent < step / 2) return `less than ${step}%`;
  if (percent >= 100 - step / 2) return `more than ${trimZeros((100 - step).toFixed(places))}%`;
  return `${trimZeros(percent.toFixed(places))}%`;
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 101st. */
export function formatOrdinal(n: number): string {
  const lastTwo = n % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** A score as evaluators see it: 4, 3.67. */
export function formatScore(value: Exact, places = 2): string {
  return trimZeros(roundForDisplay(value, places));
}

function trimZeros(decimal: string): string {
  return decimal.includes(".") ? decimal.replace(/\.?0+$/, "") : decimal;
}

const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-11-21" → "21 November 2026". */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) throw new RangeError(`not an ISO date: ${isoDate}`);
  return `${Number(match[3])} ${months[Number(match[2]) - 1]} ${match[1]}`;
}

const weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** "2026-12-22" → "Tuesday 22 December 2026": for a date someone must act on, where the day of the week helps. */
export function formatDayAndDate(isoDate: string): string {
  return `${weekdays[new Date(`${isoDate.slice(0, 10)}T00:00:00Z`).getUTCDay()]} ${formatDate(isoDate)}`;
}
