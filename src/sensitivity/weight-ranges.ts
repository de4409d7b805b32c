import { percentagesAddingTo100 } from "../language/uk-format.js";
import type { SectionKey } from "../model/scoring-model.js";
import { titleOfKey } from "../model/sections.js";
import type { WhatifProfiles } from "../model/whatif-profiles.js";

/** A limit on one section's weight, in percent: "social value will be weighted between 10% and 25%". */
export interface WeightRange {
  section: SectionKey;
  low: number;
  high: number;
}

/** The limits a profiles file (or sheet) gives, as ranges. */
export function weightRangesOf(profiles: WhatifProfiles): WeightRange[] {
  return Object.entries(profiles.weightRanges ?? {}).map(([section, [low, high]]) => ({ section: section as SectionKey, low, high }));
}

/**
 * Ranges from several sources, later ones replacing earlier ones for the same section (the command
 * line's --weight-range over the profiles file's weightRanges).
 */
export function mergeWeightRanges(...sources: readonly (readonly WeightRange[])[]): WeightRange[] {
  const bySection = new Map<SectionKey, WeightRange>();
  for (const source of sources) for (const range of source) bySection.set(range.section, range);
  return [...bySection.values()];
}

/** The ranges as SMAA's bounds: fractions, in the order of `sections`, 0 to 1 where no range is given. */
export function weightBounds(ranges: readonly WeightRange[], sections: readonly SectionKey[]): { min: number[]; max: number[] } | undefined {
  if (ranges.length === 0) return undefined;
  const range = (section: SectionKey) => ranges.find((r) => r.section === section);
  return {
    min: sections.map((s) => (range(s)?.low ?? 0) / 100),
    max: sections.map((s) => (range(s)?.high ?? 100) / 100),
  };
}

/** "social value 10–25%, price 20–40%", in the order of `sections`. */
export function describeWeightRanges(ranges: readonly WeightRange[], sections: readonly SectionKey[], titles?: ReadonlyMap<SectionKey, string>): string {
  return sections
    .flatMap((s) => ranges.filter((r) => r.section === s))
    .map((r) => `${titleOfKey(r.section, titles?.get(r.section)).toLowerCase()} ${r.low}–${r.high}%`)
    .join(", ");
}

/** Weights (0 to 1, in the order of `sections`) in words, to whole percent: "quality 25%, price 24%". */
export function describeWeights(weights: readonly number[], sections: readonly SectionKey[], titles?: ReadonlyMap<SectionKey, string>): string {
  // Whole percentages that add up to 100 as shown: a reader adds them up.
  const shown = percentagesAddingTo100(weights, 0);
  return sections.map((k, j) => `${titleOfKey(k, titles?.get(k)).toLowerCase()} ${shown[j]}`).join(", ");
}
