import Fraction from "fraction.js";

/**
 * Every score, weight, price and total is an exact rational number, so two bids whose totals are
 * mathematically equal compare equal and ties are real ties, never floating-point accidents.
 * Rounding happens only in `roundForDisplay`.
 */
export type Exact = Fraction;
export { Fraction };

const smallIntegers: Exact[] = [];

export const ZERO: Exact = new Fraction(0);
export const ONE: Exact = new Fraction(1);
export const HUNDRED: Exact = new Fraction(100);

/** A number as written in an input file: 0.1 is exactly one tenth, not the nearest binary double. */
export function exact(value: number | string | Exact): Exact {
  if (value instanceof Fraction) return value;
  if (typeof value === "number") {
    // Scores are small whole numbers: share one immutable Fraction per value instead of parsing text.
    if (Number.isInteger(value) && value >= 0 && value <= 100) return (smallIntegers[value] ??= new Fraction(value));
    if (Number.isSafeInteger(value)) return new Fraction(value);
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    // String(n) is the shortest decimal that round-trips, i.e. what the author typed.
    const text = String(value);
    return new Fraction(/e/i.test(text) ? value.toFixed(20) : text);
  }
  return new Fraction(value);
}

export function isExact(value: unknown): value is Exact {
  return value instanceof Fraction;
}

export function sum(values: readonly Exact[]): Exact {
  let total = ZERO;
  for (const v of values) total = total.add(v);
  return total;
}

export function mean(values: readonly Exact[]): Exact {
  if (values.length === 0) throw new RangeError("mean of no values");
  return sum(values).div(values.length);
}

/** The middle value; for an even count, the mean of the two middle values (the usual convention). */
export function median(values: readonly Exact[]): Exact {
  if (values.length === 0) throw new RangeError("median of no values");
  const sorted = [...values].sort((a, b) => a.compare(b));
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid]!;
  return sorted[mid - 1]!.add(sorted[mid]!).div(2);
}

export function min(values: readonly Exact[]): Exact {
  if (values.length === 0) throw new RangeError("min of no values");
  return values.reduce((a, b) => (b.compare(a) < 0 ? b : a));
}

export function max(values: readonly Exact[]): Exact {
  if (values.length === 0) throw new RangeError("max of no values");
  return values.reduce((a, b) => (b.compare(a) > 0 ? b : a));
}

/** Round half away from zero to `places` decimals, for display only. */
export function roundForDisplay(value: Exact, places: number): string {
  const scale = 10n ** BigInt(places);
  const negative = value.s < 0n;
  const scaled = value.n * scale;
  let whole = scaled / value.d;
  if ((scaled % value.d) * 2n >= value.d) whole += 1n;
  const digits = whole.toString().padStart(places + 1, "0");
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative && whole !== 0n ? `-${text}` : text;
}

export function toNumber(value: Exact): number {
  return value.valueOf();
}

/** "157/3" — lossless text for JSON and audit trails. */
export function toExactText(value: Exact): string {
  return value.toFraction();
}

/** A number for a sentence: "102.5" when exact in 4 decimals, otherwise "about 33.3333". */
export function plainNumber(value: Exact): string {
  const rounded = roundForDisplay(value, 4).replace(/\.?0+$/, "");
  return value.equals(new Fraction(rounded)) ? rounded : `about ${rounded}`;
}
