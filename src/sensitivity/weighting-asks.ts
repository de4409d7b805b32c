import type { SectionKey } from "../model/scoring-model.js";
import type { WeightRange } from "./weight-ranges.js";
import { firstPlaceInterval, type WeightSweep } from "./weight-sweep.js";

/**
 * What weighting an organisation could ask for, from the exact sweeps: for each section whose weight
 * alone (the others in proportion) decides whether it comes first, the whole-percent limit on the safe
 * side of the break-even: "price at 27% or less", "user panel at 14% or more". An organisation already
 * first asks to keep the weights on its side of them. At most `most` asks, those needing the smallest
 * change from the proposed weights first.
 *
 * Each ask is true of one weight moving alone. Together they are a region of weightings, not a promise:
 * the caller says how often the organisation came first among weightings drawn within it.
 */
export interface WeightingAsk {
  section: SectionKey;
  side: "at most" | "at least";
  /** Whole percent, inside the range where the organisation comes first. */
  weight: number;
  /** Whether the proposed weight already meets it (an ask to keep it so). */
  alreadyMet: boolean;
}

export function weightingAsks(sweeps: readonly WeightSweep[], organisationId: string, most = 2): WeightingAsk[] {
  const asks: (WeightingAsk & { change: number })[] = [];
  for (const sweep of sweeps) {
    const interval = firstPlaceInterval(sweep, organisationId);
    if (interval === undefined) continue;
    const from = interval.from.valueOf();
    const to = interval.to.valueOf();
    const current = sweep.currentWeight.valueOf();
    // Only one-sided limits make a simple ask; a narrow band in the middle is reported by the sweeps themselves.
    if (from === 0 && to < 100) {
      const weight = Math.floor(to);
      if (weight >= 1) asks.push({ section: sweep.section, side: "at most", weight, alreadyMet: current <= weight, change: Math.max(0, current - weight) });
    } else if (to === 100 && from > 0) {
      const weight = Math.ceil(from);
      if (weight <= 99) asks.push({ section: sweep.section, side: "at least", weight, alreadyMet: current >= weight, change: Math.max(0, weight - current) });
    }
  }
  return asks
    .sort((a, b) => a.change - b.change || a.weight - b.weight)
    .slice(0, most)
    .map(({ change: _change, ...ask }) => ask);
}

/** The asks as limits on the weights, within any limits already given (the tighter of the two wins). */
export function asksAsRanges(asks: readonly WeightingAsk[], given: readonly WeightRange[]): WeightRange[] | undefined {
  const bySection = new Map(given.map((r) => [r.section, { ...r }]));
  for (const ask of asks) {
    const range = bySection.get(ask.section) ?? { section: ask.section, low: 0, high: 100 };
    if (ask.side === "at most") range.high = Math.min(range.high, ask.weight);
    else range.low = Math.max(range.low, ask.weight);
    if (range.low > range.high) return undefined;
    bySection.set(ask.section, range);
  }
  return [...bySection.values()];
}
