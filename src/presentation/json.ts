import { isExact, toExactText } from "../arithmetic/exact.js";
import { findingMessage, formatLocation, formatPath } from "../problems/format.js";
import type { Finding } from "../problems/problem.js";

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
    ...(f.location.path !== undefined ? { path: formatPath(f.location.path) } : {}),
    ...(f.location.line !== undefined ? { line: f.location.line } : {}),
    args: f.args,
    ...(f.source !== undefined ? { source: f.source } : {}),
  };
}

/** Problems have no source, so their JSON is exactly what it always was. */
export const problemToJson = findingToJson;

export function problemsJson(problems: readonly Finding[]) {
  return problems.map(problemToJson);
}

export function stringifyJson(value: unknown): string {
  return `${JSON.stringify(toJsonValue(value), null, 2)}\n`;
}
