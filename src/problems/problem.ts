import type { Exact } from "../arithmetic/exact.js";

/**
 * Findings are data: a stable code, a severity, where it points and the raw figures behind it (exact
 * numbers, plain numbers, ids and names, never pre-formatted text). Input problems and weighting-review
 * flags are the same shape, so one formatter (`format.ts`) writes all the English and the terminal, JSON
 * and Word outputs agree.
 */
export type Severity = "error" | "warning" | "advice";

/** Price methods whose points for one bid depend on the other bids' prices or discounts. */
export type RelativePriceMethod = "proportional" | "deviation-from-lowest" | "discount-ratio" | "discount-bilinear";

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
  /** A setting given on the command line (or its equivalent in a program), e.g. "--weight-range". */
  option?: string;
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
  "schema.unknown-field": { field: string; allowed?: string[]; suggestion?: string };
  "schema.impossible-date": { date: string; year: number; month: number; day: number | undefined };
  "schema.text-for-mapping": { received: string; field: string; value: string };
  "schema.not-allowed": { received: string; allowed: string };
  "schema.invalid": { detail: string };
  /** outOfField: where a points total may be stated; statedTotal: the model stated `expected` there (else it is the default 100). */
  "model.weights-do-not-add-up": { what: string; sum: string; expected: string; outOfField?: string; statedTotal?: true };
  "model.unknown-scale": { scale: string; known: string };
  "model.scale-not-ascending": { scale: string };
  "model.descriptor-not-on-scale": { value: string; scale: string };
  "model.threshold-not-on-scale": { value: string; low: string; high: string };
  "model.duplicate-id": { id: string; what: string };
  "model.price-weight-with-price-per-quality-point": { weight: string };
  "model.no-quality-for-price-per-quality-point": Record<string, never>;
  "model.price-weight-with-award-on-value": { weight: string; method: string };
  "model.no-quality-for-award-on-value": { method: string };
  "model.fictional-price-value-missing": { criterion: string };
  "model.fictional-price-unknown-criterion": { criterion: string; known: string };
  "model.formula-invalid": { formula: string; detail: string };
  "model.tolerance-too-large": { tolerance: string; range: string };
  "model.no-sections": Record<string, never>;
  "model.tie-break-without-section": { rule: string; section: string };
  /** highest-<id> naming no further section; known: the model's further sections' ids, comma-separated ("" if none). */
  "model.tie-break-unknown-section": { rule: string; section: string; known: string };
  /** A further section's id that is not letters and digits from a letter, or that is a near miss (suggestion) of a known key. */
  "model.section-id": { id: string; suggestion?: string };
  /** other: the key of the section whose name it repeats. */
  "model.duplicate-section-title": { title: string; other: string };
  "model.measure-bounds-equal": { criterion: string; value: number };
  "model.minimum-on-measured-criterion": { criterion: string };
  "bids.no-evaluators-for-section": { section: string };
  "bids.duplicate-bid": { bid: string };
  "bids.unknown-criterion": { criterion: string; known: string };
  "bids.unknown-evaluator": { evaluator: string };
  "bids.evaluator-not-on-section": { evaluator: string; section: string };
  "bids.evaluator-not-on-criterion": { evaluator: string; criterion: string };
  "bids.no-evaluators-for-criterion": { criterion: string };
  "bids.evaluator-criterion-not-in-sections": { evaluator: string; criterion: string; sections: string };
  /** known: the sections evaluators can score in this model (not the user panel's). */
  "bids.evaluator-unknown-section": { evaluator: string; section: string; known: string };
  "bids.score-not-on-scale": { score: string; scale: string; allowed: string };
  "bids.missing-score": { bid: string; criterion: string; evaluator: string };
  "bids.missing-figure": { bid: string; criterion: string; unit: string };
  "bids.figure-not-positive": { bid: string; criterion: string; figure: number };
  "bids.scores-for-measured-criterion": { criterion: string };
  "bids.missing-justification": { bid: string; criterion: string; evaluator: string };
  "bids.unknown-gate": { gate: string; known: string };
  "bids.missing-gate-result": { bid: string; gate: string };
  "bids.missing-price": { bid: string };
  "bids.price-years-mismatch": { bid: string; which: string; given: number; expected: number };
  "bids.zero-price": { bid: string; method: string };
  "bids.no-discount": { bids: string; method: string };
  "bids.price-form-mismatch": { bid: string; expected: "discount" | "price"; method: string };
  "bids.price-total-mismatch": { bid: string; total: string; sum: string };
  "bids.duplicate-evaluator": { evaluator: string };
  "bids.moderation-unknown-bid": { bid: string };
  "bids.moderation-duplicate": { bid: string; criterion: string };
  "bids.missing-declaration": { evaluator: string; reason: "missing" | "not-declared" | "no-date" };
  "bids.interest-not-handled": { evaluator: string };
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
  "sheets.declaration-date-unreadable": { evaluator: string };
  "sheets.matrix-no-reference": { reference: string };
  "sheets.matrix-wrong-tender": { found: string; expected: string };
  "sheets.matrix-no-header": { sheet: string };
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
  "scoring.exclusion-needs-moderation": { bid: string; criterion: string; score: string; minimum: string };
  "scoring.workforce-share-undeclared": { bid: string; minimum: string };
  "lots.award-without-lots": Record<string, never>;
  "lots.value-needed": { lot: string };
  "lots.bid-without-lot": { bid: string; known: string };
  "lots.unknown-lot": { bid: string; lot: string; known: string };
  "lots.same-bidder-twice": { lot: string; bids: string };
  "lots.too-many-lots-bid": { bids: string; lots: number; maximum: number };
  "lots.no-bids": { lot: string };
  "lots.award-tied": { lot: string; bids: string };
  "lots.choose-lot": { lot: string; known: string };
  "lots.weight-unknown-section": { lot: string; section: string; known: string };
  "lots.weight-missing-section": { lot: string; sections: string };
  "lots.weights-do-not-add-up": { lot: string; sum: string; expected: string };
  "input.no-bids": Record<string, never>;
  "tender.not-scored-yet": Record<string, never>;
  "tender.nothing-to-score": Record<string, never>;
  "tender.scores-to-come": { scores: number; evaluators: number; userPanelMembers: number; prices: number; gateResults: number; gates: string[] };
  "input.results-not-bids": Record<string, never>;
  "sheets.none": { files: number };
  "whatif.unknown-bid": { bid: string; known: string };
  "whatif.award-on-value": { method: string };
  "whatif.unknown-weight-range": { section: string; known: string };
  "whatif.weight-limits-too-narrow": { limits: string; detail: string };
  "equality.bids-not-used": { problems: number };
  "summaries.feedback-missing": { bid: string; bidder: string; criterion: string };
  "summaries.feedback-names-panel": { bid: string; bidder: string; criterion: string; ids: string[] };
  "summaries.supplier-details-missing": { bid: string; bidder: string; missing: ("postalAddress" | "email" | "uniqueIdentifier")[] };
  "summaries.award-criteria-location-missing": Record<string, never>;
  "summaries.contact-missing": Record<string, never>;
  "summaries.moderation-pending": { bid: string; bidder: string; criterion: string };
  "summaries.regime-not-built": { regime: "procurement-act-2023-wales" | "public-contracts-scotland-2015" };
  "whatif.no-organisation": Record<string, never>;
  "holidays.bad-coverage": { from: number; to: number };
  "holidays.duplicate-year": { year: number };
  "holidays.year-not-covered": { year: number; from: number; to: number };
  "holidays.year-missing": { year: number; from: number; to: number };
  "holidays.projection-unexplained": { year: number };
  "holidays.date-in-wrong-year": { date: string; year: number };
  "holidays.duplicate-date": { date: string };
  /** `which`: the notice date itself, or a later day the count of working days reached. */
  "standstill.outside-holidays": { date: string; which: "notice" | "end"; from: number; to: number };
  "standstill.too-short": { days: number; minimum: number };
  "standstill.notice-before-summaries": { notice: string; issued: string };
  "standstill.projected-holidays": { years: number[] };
}

/**
 * What a contract value flagged by the review is made of, from the specification, so the sentence can say
 * exactly what it includes: the stated estimate of the initial term, with or without VAT, and how many
 * optional extension years were added to it at the same yearly rate.
 */
export interface ValueBasis {
  stated: Exact;
  years: number;
  extensionYears: number;
  includesVat: boolean;
  vatRatePercent: number;
}

/**
 * Weighting-review flags. Bid flags carry the bid's id (for machines) beside the bidder's name (for the
 * sentence), the id always named `bidId` or `…BidId`: the JSON's `bidIds` gathers them by that name.
 * Money, shares and points are `Exact` so JSON readers get numbers, not "£1,015,000". Each flag's
 * published shape is in src/presentation/output-schemas/flags.ts (the type check there names a flag missing).
 */
export interface FlagArgsByCode {
  "review.token-weight": {
    /** The section, or the section the criterion is in. */
    section: string;
    sectionTitle: string;
    /** Absent when the whole section is token. */
    criterion?: { id: string; title: string };
    /** Points between the lowest and highest score on the scale. */
    swing: Exact;
    /** Points one scale step is worth on the heaviest criterion. */
    step: Exact;
    heaviest: { id: string; title: string };
    /**
     * With scored bids: what re-ranking without it showed. `overtaken` is the first pair whose order it
     * decided (the bid it put ahead, and the bid that would otherwise have been ahead); absent when it
     * decided no place.
     */
    outcome?: { overtaken?: { aheadBidId: string; ahead: string; behindBidId: string; behind: string } };
  };
  "review.price-weight-above-policy": { weight: number; maximum: number; careAndSupport: boolean };
  "review.price-above-quality": { price: number; quality: number };
  "review.social-value-missing": Record<string, never>;
  "review.social-value-token": { weight: Exact; token: number };
  /** `of`: whether the share is of the total score or, under price per quality point, of the quality score. */
  "review.social-value-below-minimum": { weight: Exact; minimum: number; of: "total-score" | "quality-score" };
  "review.social-value-hard-to-evidence": { criterion: string; terms: string[] };
  "review.no-user-panel": Record<string, never>;
  "review.user-panel-too-light": { weight: number; minimum: number };
  "review.price-heavy-without-quality-threshold": { weight: number; trigger: number };
  /** `method`: the relative price method, whose wording names what every bid is measured against. */
  "review.relative-price-scoring": { method: RelativePriceMethod };
  "review.interpolation-price-scoring": Record<string, never>;
  "review.tendering-period-below-statutory-minimum": { days: number; minimum: number; procedure: string };
  "review.tendering-period-short": { days: number; recommended: number };
  "review.words-disproportionate": { words: number; allowance: Exact; annualValue: Exact; includesVat: boolean };
  "review.regime": { value: Exact; basis: ValueBasis; threshold: Exact; regime: "light-touch" | "central-government" | "sub-central"; above: boolean };
  "review.consider-lots": { value: Exact; basis: ValueBasis };
  "review.consider-reserved-contract": { minimum: number };
  "review.below-threshold-reservation": { problem: "value-above-threshold" | "no-area-or-sme" | "sme-without-area"; value: Exact; basis: ValueBasis; threshold: Exact };
  "review.approval-route": { value: Exact; basis: ValueBasis; approver: string };
  /** Percent of the differences between bids' totals, against the published weight. */
  "review.effective-weight": { section: string; sectionTitle: string; effective: Exact; nominal: Exact; factor: number; direction: "more" | "less" };
  /** The withdrawn bid is `bidId`/`bidder`; the pair whose order flips is first and second. */
  "review.rank-reversal": { bidId: string; bidder: string; firstBidId: string; firstBidder: string; secondBidId: string; secondBidder: string };
  "review.abnormally-low-price": {
    bidId: string;
    bidder: string;
    price: Exact;
    average: Exact;
    nextLowest: Exact;
    /** Percent below the average excluding the highest price. */
    belowAverage: Exact;
    /** Percent below the next lowest price. */
    belowNext: Exact;
  };
  "review.moderation-share-high": { share: Exact; maximum: number; count: number; total: number };
  /** `offset`: the evaluator's mean distance from the others, as a percent of the scale's range. */
  "review.evaluator-outlier": { evaluator: string; offset: Exact; direction: "above" | "below"; limit: Exact };
  /** `words` is the justification's length; `overlapPercent` how much of it repeats the criterion or descriptor. */
  "review.weak-justification": {
    bidId: string;
    bidder: string;
    criterion: string;
    evaluator: string;
    reason: "empty" | "too-short" | "repeats-criterion";
    words: number;
    overlapPercent: number;
  };
  "review.reserved-eligibility": { bidId: string; bidder: string; declared: number; minimum: number };
  "review.reserved-eligibility-undeclared": { bidId: string; bidder: string; minimum: number };
  "review.user-panel-identity": { member: string };
}

/** One map of every finding's arguments; `format.ts` has one sentence for each of its codes. */
export interface FindingArgsByCode extends ProblemArgsByCode, FlagArgsByCode {}

export type ProblemCode = keyof ProblemArgsByCode;
export type FlagCode = keyof FlagArgsByCode;
export type FindingCode = keyof FindingArgsByCode;

export type Finding<C extends FindingCode = FindingCode> = {
  [K in C]: {
    code: K;
    severity: Severity;
    location: Location;
    args: FindingArgsByCode[K];
    /** The rule or guidance behind a review flag, quoted beside it. */
    source?: string;
  };
}[C];

/** A finding about the inputs: they are unreadable, inconsistent or cannot be scored. */
export type Problem<C extends ProblemCode = ProblemCode> = Finding<C>;

/** A weighting-review finding: always cites the rule or guidance it applies. */
export type ReviewFlag<C extends FlagCode = FlagCode> = Finding<C> & { source: string };

/** Kept for readers of the review's API: review flags and problems share one severity. */
export type FlagSeverity = Severity;

export function finding<C extends FindingCode>(code: C, severity: Severity, location: Location, args: FindingArgsByCode[C], source?: string): Finding<C> {
  return (source === undefined ? { code, severity, location, args } : { code, severity, location, args, source }) as Finding<C>;
}

export function problem<C extends ProblemCode>(
  code: C,
  location: Location,
  args: ProblemArgsByCode[C],
  severity: Severity = "error",
): Problem<C> {
  return finding(code, severity, location, args as FindingArgsByCode[C]);
}

export function flag<C extends FlagCode>(code: C, severity: Severity, location: Location, args: FlagArgsByCode[C], source: string): ReviewFlag<C> {
  return finding(code, severity, location, args as FindingArgsByCode[C], source) as ReviewFlag<C>;
}

const flagPrefix = "review.";

/** Review flags are the codes under `review.`; every other code is a problem with the inputs. */
export function isFlagCode(code: FindingCode): code is FlagCode {
  return code.startsWith(flagPrefix);
}

export function isReviewFlag(f: Finding): f is ReviewFlag {
  return isFlagCode(f.code) && f.source !== undefined;
}

export function hasErrors(problems: readonly Finding[]): boolean {
  return problems.some((p) => p.severity === "error");
}

/** Result of anything that can fail on bad input: expected problems are values, not exceptions. */
export type Outcome<T> =
  | { ok: true; value: T; problems: Problem[] }
  | { ok: false; problems: Problem[] };
