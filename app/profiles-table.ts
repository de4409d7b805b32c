import type { ScoredSectionKey } from "../src/model/scoring-model.js";
import type { WhatifProfiles } from "../src/model/whatif-profiles.js";

/**
 * The profiles table as people type it: every cell text. Turned into the what-if profiles file the
 * workflow reads, so whatever is typed is checked by the same rules as a file, with the same messages.
 */
export interface ProfileRow {
  name: string;
  price: string;
  scores: Partial<Record<ScoredSectionKey, string>>;
}

/** A section whose weight may be limited: price or a scored section. */
export type LimitedSection = ScoredSectionKey | "price";

/** Limits on a section's weight as typed, in percent: either may be left empty (0% and 100%). */
export interface WeightLimit {
  low: string;
  high: string;
}

export interface ProfilesTable {
  organisation: ProfileRow;
  competitors: ProfileRow[];
  /** Limits on the weights, within which the weightings are tried: what the commissioner has said a weight will stay within. */
  limits: Partial<Record<LimitedSection, WeightLimit>>;
  /** What a file opened into the table held that the table does not show, kept as it was: criterion scores. */
  kept: { organisationScores: Record<string, unknown>; competitorScores: Record<string, unknown>[] };
}

export const emptyRow = (name = ""): ProfileRow => ({ name, price: "", scores: {} });

/** "3.5" → 3.5; "3-4.5" or "3 to 4.5" → [3, 4.5]; anything else stays text, for the workflow to say what is wrong. */
function scoreOf(text: string): unknown {
  const t = text.trim();
  const range = /^(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)$/.exec(t);
  if (range) return [Number(range[1]), Number(range[2])];
  return /^\d+(?:\.\d+)?$/.test(t) ? Number(t) : t;
}

/** "£1,015,000" → 1015000; "-15%" stays "-15%" (relative to your price); anything else stays text. */
function priceOf(text: string): unknown {
  const t = text.trim().replace(/^£/, "").replace(/,/g, "");
  if (/^[+-−]\d+(?:\.\d+)?%$/.test(t)) return t.replace("−", "-");
  return /^\d+(?:\.\d+)?$/.test(t) ? Number(t) : text.trim();
}

/** "20" or "20%" → 20; empty → the end of the range given; anything else stays text, for the workflow to say what is wrong. */
function percentOf(text: string, empty: number): unknown {
  const t = text.trim().replace(/%$/, "").trim();
  if (t === "") return empty;
  return /^\d+(?:\.\d+)?$/.test(t) ? Number(t) : text.trim();
}

/** The limits typed, as the profiles file's weightRanges; none when no limit was typed. */
function weightRangesOf(limits: ProfilesTable["limits"]): Record<string, unknown> | undefined {
  const entries = Object.entries(limits).filter(([, l]) => l !== undefined && (l.low.trim() !== "" || l.high.trim() !== ""));
  return entries.length === 0 ? undefined : Object.fromEntries(entries.map(([section, l]) => [section, [percentOf(l!.low, 0), percentOf(l!.high, 100)]]));
}

function rowScores(row: ProfileRow, kept: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...kept };
  for (const [section, text] of Object.entries(row.scores)) if (text !== undefined && text.trim() !== "") out[section] = scoreOf(text);
  return out;
}

/** The table as a what-if profiles document (JSON, which YAML reads too). */
export function profilesDocument(table: ProfilesTable): string {
  const row = (r: ProfileRow, kept: Record<string, unknown>) => ({
    name: r.name.trim(),
    ...(r.price.trim() !== "" ? { price: priceOf(r.price) } : {}),
    scores: rowScores(r, kept),
  });
  return JSON.stringify(
    {
      organisation: row(table.organisation, table.kept.organisationScores),
      competitors: table.competitors.map((c, i) => row(c, table.kept.competitorScores[i] ?? {})),
      ...(weightRangesOf(table.limits) ? { weightRanges: weightRangesOf(table.limits) } : {}),
    },
    null,
    2,
  );
}

const cellOf = (v: unknown): string => (Array.isArray(v) ? `${v[0]}–${v[1]}` : v === undefined ? "" : String(v));

/** A profiles file opened into the table: section scores into cells, everything else kept aside. */
export function tableOf(profiles: WhatifProfiles, sections: readonly ScoredSectionKey[]): ProfilesTable {
  const split = (scores: Record<string, unknown>) => {
    const shown: Partial<Record<ScoredSectionKey, string>> = {};
    const kept: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(scores)) {
      if ((sections as readonly string[]).includes(k)) shown[k as ScoredSectionKey] = cellOf(v);
      else kept[k] = v;
    }
    return { shown, kept };
  };
  const org = split(profiles.organisation.scores);
  const competitors = profiles.competitors.map((c) => ({ c, s: split(c.scores) }));
  return {
    organisation: { name: profiles.organisation.name, price: cellOf(profiles.organisation.price), scores: org.shown },
    competitors: competitors.map(({ c, s }) => ({ name: c.name, price: cellOf(c.price), scores: s.shown })),
    limits: Object.fromEntries(Object.entries(profiles.weightRanges ?? {}).map(([section, range]) => [section, { low: String(range![0]), high: String(range![1]) }])),
    kept: { organisationScores: org.kept, competitorScores: competitors.map(({ s }) => s.kept) },
  };
}
