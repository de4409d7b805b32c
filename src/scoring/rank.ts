import type { Exact } from "../arithmetic/exact.js";
import type { TieBreakRule } from "../model/scoring-model.js";
import type { Tie } from "./result.js";

export interface Rankable {
  bidId: string;
  bidder: string;
  /** The value bids are ranked on. */
  primary: Exact;
  /** Values the tie-break rules compare; "higher is better" unless the rule says lowest. */
  tieBreakValues: Partial<Record<TieBreakRule, Exact>>;
}

export interface Ranking {
  order: { bidId: string; rank: number; tiedWith: string[] }[];
  ties: Tie[];
}

const lowerIsBetterRules: ReadonlySet<TieBreakRule> = new Set(["lowest-price"]);

/**
 * Standard competition ranking (1, 2, 2, 4). Equal primary values are separated only by the model's
 * tie-break rules, in order; bids still equal share a rank. Input order never matters: the display
 * order of bids sharing a rank is by bidder name, then id.
 */
export function rankBids(bids: readonly Rankable[], primaryLowerIsBetter: boolean, rules: readonly TieBreakRule[]): Ranking {
  const byPrimary = (a: Rankable, b: Rankable) => (primaryLowerIsBetter ? a.primary.compare(b.primary) : b.primary.compare(a.primary));
  const byRule = (rule: TieBreakRule) => (a: Rankable, b: Rankable) => {
    const x = a.tieBreakValues[rule];
    const y = b.tieBreakValues[rule];
    if (x === undefined || y === undefined) return 0;
    return lowerIsBetterRules.has(rule) ? x.compare(y) : y.compare(x);
  };
  const byRules = (a: Rankable, b: Rankable) => {
    for (const rule of rules) {
      const c = byRule(rule)(a, b);
      if (c !== 0) return c;
    }
    return 0;
  };
  const byName = (a: Rankable, b: Rankable) =>
    a.bidder.localeCompare(b.bidder, "en-GB") || (a.bidId < b.bidId ? -1 : a.bidId > b.bidId ? 1 : 0);

  const sorted = [...bids].sort((a, b) => byPrimary(a, b) || byRules(a, b) || byName(a, b));

  const ties: Tie[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && byPrimary(sorted[i]!, sorted[j]!) === 0) j++;
    if (j - i > 1) {
      const group = sorted.slice(i, j);
      const brokenBy = rules.find((rule) => group.some((g) => byRule(rule)(group[0]!, g) !== 0)) ?? null;
      ties.push({ bidIds: group.map((g) => g.bidId), brokenBy });
    }
    i = j;
  }

  const order: Ranking["order"] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && byPrimary(sorted[i]!, sorted[j]!) === 0 && byRules(sorted[i]!, sorted[j]!) === 0) j++;
    const group = sorted.slice(i, j);
    for (const member of group) {
      order.push({ bidId: member.bidId, rank: i + 1, tiedWith: group.filter((g) => g !== member).map((g) => g.bidId) });
    }
    i = j;
  }
  return { order, ties };
}
