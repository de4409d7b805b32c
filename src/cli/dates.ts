import { UsageError } from "./io.js";

const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Today as an ISO date, unless the user fixed it with --date (the clock stays out of the library). */
export function todayOr(date: string | undefined, option = "--date"): string {
  if (date === undefined) return new Date().toISOString().slice(0, 10);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!match) throw new UsageError(`${option} must be written YYYY-MM-DD, e.g. 2026-11-21 (got "${date}")`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) throw new UsageError(`${option} ${date}: there is no month ${month}`);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) throw new UsageError(`${option} ${date}: ${day} ${months[month - 1]} ${year} does not exist`);
  return date.trim();
}
