/**
 * Problems are data: a stable code, a severity, where it points and the figures behind it.
 * English is written in one place (`format.ts`) so the terminal, JSON and Word outputs agree.
 */
export type Severity = "error" | "warning";

/** Which input a problem points into; the CLI maps this to a file name and line. */
export type DocumentRole = "specification" | "model" | "bids" | "policy" | "findings" | "profiles";

export type PathSegment = string | number;

export interface Location {
  document?: DocumentRole;
  file?: string;
  /** For spreadsheets: the sheet and cell, e.g. "Quality scores", "E7". */
  sheet?: string;
  cell?: string;
  path?: readonly PathSegment[];
  line?: number;
  column?: number;
}

export interface ProblemArgsByCode {
  "input.unreadable": { detail: string };
  "input.empty": Record<string, never>;
  "input.too-large": { size: string; limit: string };
  "input.binary": Record<string, never>;
  "input.too-deep": { limit: number };
  "input.too-many-aliases": { anchor: string };
  "input.duplicate-key": { key: string };
  "input.unsafe-character": { character: string };
  "schema.missing": { expected: string };
  "schema.wrong-type": { expected: string; received: string };
  "schema.unknown-field": { field: string };
  "schema.not-allowed": { received: string; allowed: string };
  "schema.invalid": { detail: string };
  "model.weights-do-not-add-up": { what: string; sum: string; expected: string };
  "model.unknown-scale": { scale: string; known: string };
  "model.scale-not-ascending": { scale: string };
  "model.descriptor-not-on-scale": { value: string; scale: string };
  "model.threshold-not-on-scale": { value: string; low: string; high: string };
  "model.duplicate-id": { id: string; what: string };
  "model.price-weight-with-price-per-quality-point": { weight: string };
  "model.no-quality-for-price-per-quality-point": Record<string, never>;
  "model.formula-invalid": { formula: string; detail: string };
  "model.tolerance-too-large": { tolerance: string; range: string };
  "model.no-sections": Record<string, never>;
  "model.tie-break-without-section": { rule: string; section: string };
  "bids.no-evaluators-for-section": { section: string };
  "bids.duplicate-bid": { bid: string };
  "bids.unknown-criterion": { criterion: string; known: string };
  "bids.unknown-evaluator": { evaluator: string };
  "bids.evaluator-not-on-section": { evaluator: string; section: string };
  "bids.score-not-on-scale": { score: string; scale: string; allowed: string };
  "bids.missing-score": { bid: string; criterion: string; evaluator: string };
  "bids.missing-justification": { bid: string; criterion: string; evaluator: string };
  "bids.unknown-gate": { gate: string; known: string };
  "bids.missing-gate-result": { bid: string; gate: string };
  "bids.missing-price": { bid: string };
  "bids.price-years-mismatch": { bid: string; which: string; given: number; expected: number };
  "bids.zero-price": { bid: string; method: string };
  "bids.duplicate-evaluator": { evaluator: string };
  "bids.moderation-unknown-bid": { bid: string };
  "bids.moderation-duplicate": { bid: string; criterion: string };
  "price.formula-failed": { bid: string; formula: string; detail: string };
  "price.formula-out-of-range": { bid: string; formula: string; value: string; maxPoints: string };
  "price.zero-quality": { bid: string };
  "template.unreadable": { detail: string };
  "template.invalid-tag": { tag: string; detail: string };
  "template.unknown-tag": { tag: string; where: string };
  "template.missing-value": { tag: string };
  "sheets.unreadable": { detail: string };
  "sheets.wrong-tender": { found: string; expected: string };
  "sheets.out-of-date-model": { found: string; expected: string };
  "sheets.not-recognised": Record<string, never>;
  "sheets.unknown-evaluator": { evaluator: string };
  "sheets.duplicate-workbook": { evaluator: string; other: string };
  "sheets.no-score-table": { sheet: string };
  "sheets.unknown-bid": { bid: string };
  "sheets.unknown-criterion": { criterion: string };
  "sheets.duplicate-row": { bid: string; criterion: string; other: string };
  "sheets.score-unreadable": { detail: string };
  "sheets.score-empty": { bid: string; criterion: string };
  "sheets.formula-error": { detail: string };
  "sheets.price-unreadable": { detail: string; bid: string };
  "sheets.moderation-without-reason": { bid: string; criterion: string };
  "sheets.empty-file": Record<string, never>;
  "profiles.unknown-score": { key: string; known: string };
  "profiles.missing-score": { profile: string; criterion: string; section: string };
  "profiles.score-out-of-range": { score: string; low: string; high: string };
  "profiles.missing-price": { profile: string };
  "profiles.unsupported-method": { method: string };
  "profiles.above-budget": { profile: string };
  "profiles.unknown-weight-range": { section: string; known: string };
  "profiles.impossible-weight-ranges": { lows: string; highs: string };
  "profiles.no-table": Record<string, never>;
  "profiles.bad-role": { value: string };
  "profiles.not-one-organisation": { count: number };
  "profiles.bad-score": { value: string };
  "profiles.bad-price": { value: string };
  "profiles.bad-weight-limit": { value: string };
  "scoring.moderation-needed": { bid: string; criterion: string; spread: string; tolerance: string };
}

export type ProblemCode = keyof ProblemArgsByCode;

export type Problem<C extends ProblemCode = ProblemCode> = {
  [K in C]: { code: K; severity: Severity; location: Location; args: ProblemArgsByCode[K] };
}[C];

export function problem<C extends ProblemCode>(
  code: C,
  location: Location,
  args: ProblemArgsByCode[C],
  severity: Severity = "error",
): Problem<C> {
  return { code, severity, location, args } as Problem<C>;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

/** Result of anything that can fail on bad input: expected problems are values, not exceptions. */
export type Outcome<T> =
  | { ok: true; value: T; problems: Problem[] }
  | { ok: false; problems: Problem[] };
