import { exact, isExact } from "../arithmetic/exact.js";
import type { Whatif } from "./whatif.js";

/**
 * A what-if analysis as data a page can carry (`whatif --html`): the page opens on the DDPO's journey
 * with this analysis loaded and shows the same figures as the terminal, then recomputes only what its
 * sliders change. It carries the weighting problem (each bid's share of each section's points), never
 * the bids file: no evaluator, no individual mark, no user-panel member is in it.
 *
 * Exact numbers travel as their fractions ({"$exact": "292900/4479"}) and maps as their entries, so
 * nothing is rounded on the way.
 */
export function whatifData(whatif: Whatif): string {
  return JSON.stringify({ whatifData: 1, whatif: encode(whatif) });
}

/** The analysis a page carries, or undefined when the text is not one (a page edited by hand). */
export function whatifFromData(text: string): Whatif | undefined {
  try {
    const parsed = JSON.parse(text) as { whatifData?: unknown; whatif?: unknown };
    if (parsed.whatifData !== 1 || typeof parsed.whatif !== "object" || parsed.whatif === null) return undefined;
    const whatif = decode(parsed.whatif) as Whatif;
    return whatif.problem?.weights instanceof Map && Array.isArray(whatif.problem.bids) ? whatif : undefined;
  } catch {
    return undefined;
  }
}

function encode(value: unknown): unknown {
  if (isExact(value)) return { $exact: value.toFraction() };
  if (value instanceof Map) return { $map: [...value].map(([k, v]) => [encode(k), encode(v)]) };
  // JSON has no undefined: in an array (a bid never first has no typical weights) it is marked, not turned into null.
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? { $undefined: 1 } : encode(v)));
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (v === undefined ? [] : [[k, encode(v)]])));
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  if (record.$undefined === 1 && Object.keys(record).length === 1) return undefined;
  if (typeof record.$exact === "string" && Object.keys(record).length === 1) return exact(record.$exact);
  if (Array.isArray(record.$map) && Object.keys(record).length === 1) return new Map((record.$map as [unknown, unknown][]).map(([k, v]) => [decode(k), decode(v)]));
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decode(v)]));
}
