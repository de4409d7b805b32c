import { isExact, toExactText } from "../arithmetic/exact.js";
import { formatLocation, formatPath, problemMessage } from "../problems/format.js";
import type { Problem } from "../problems/problem.js";

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

export function problemToJson(p: Problem) {
  return {
    code: p.code,
    severity: p.severity,
    message: problemMessage(p),
    where: formatLocation(p.location),
    ...(p.location.file !== undefined ? { file: p.location.file } : {}),
    ...(p.location.path !== undefined ? { path: formatPath(p.location.path) } : {}),
    ...(p.location.line !== undefined ? { line: p.location.line } : {}),
    args: p.args,
  };
}

export function problemsJson(problems: readonly Problem[]) {
  return problems.map(problemToJson);
}

export function stringifyJson(value: unknown): string {
  return `${JSON.stringify(toJsonValue(value), null, 2)}\n`;
}
