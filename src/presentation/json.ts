import { isExact, toExactText } from "../arithmetic/exact.js";
import { findingMessage, formatLocation, formatPath } from "../problems/format.js";
import type { Finding, ReviewFlag } from "../problems/problem.js";

/**
 * JSON for exact values: each number is `{ "value": 88.31, "exact": "3226963/36540" }`, so a
 * reader can use the decimal and an auditor can check the fraction.
 */
export function toJsonValue(value: unknown): unknown {
  if (isExact(value)) return { value: value.valueOf(), exact: toExactText(value) };
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonValue(v)]));
  }
  return value;
}

/**
 * A problem or review flag for JSON readers: the English message beside the raw args, which stay numbers
 * (exact ones as above) so a program never has to parse "£1,015,000" back.
 */
export function findingToJson(f: Finding) {
  return {
    code: f.code,
    severity: f.severity,
    message: findingMessage(f),
    where: formatLocation(f.location),
    ...(f.location.file !== undefined ? { file: f.location.file } : {}),
    ...(f.location.sheet !== undefined ? { sheet: f.location.sheet } : {}),
    ...(f.location.cell !== undefined ? { cell: f.location.cell } : {}),
    ...(f.location.path !== undefined && f.location.path.length > 0 ? { path: formatPath(f.location.path) } : {}),
    ...(f.location.line !== undefined ? { line: f.location.line } : {}),
    ...(f.location.option !== undefined ? { option: f.location.option } : {}),
    args: f.args,
    ...(f.source !== undefined ? { source: f.source } : {}),
  };
}

/**
 * A review flag for JSON readers: as any finding, with every bid it is about by id in one place
 * (`bidIds`), so a program need not know each code's argument names, and where the flag is explained.
 */
export function flagToJson(f: ReviewFlag) {
  const { source, ...rest } = findingToJson(f);
  return { ...rest, bidIds: bidIdsIn(f.args), source: source ?? f.source, docs: `docs/flags.md#${f.code.replace(".", "")}` };
}

/** Bid ids in a flag's args, by the naming rule of FlagArgsByCode: `bidId`, or a name ending in `BidId`. */
function bidIdsIn(args: unknown): string[] {
  if (args === null || typeof args !== "object") return [];
  return Object.entries(args).flatMap(([key, value]) => (typeof value === "string" && /^(bidId|\w+BidId)$/.test(key) ? [value] : bidIdsIn(value)));
}

/** Problems have no source, so their JSON is exactly what it always was. */
export const problemToJson = findingToJson;

export function problemsJson(problems: readonly Finding[]) {
  return problems.map(problemToJson);
}

export function stringifyJson(value: unknown): string {
  return `${JSON.stringify(toJsonValue(value), null, 2)}\n`;
}
