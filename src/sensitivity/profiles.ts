import { HUNDRED, ZERO, exact, type Exact } from "../arithmetic/exact.js";
import type { WhatifProfiles } from "../model/whatif-profiles.js";
import { criterionScale, scaleRange, scoreShare, sectionPercent, shareOfSection } from "../model/weights.js";
import type { ScoringModel, SectionKey } from "../model/scoring-model.js";
import { scoredSections } from "../model/sections.js";
import { problem, type Outcome, type Problem } from "../problems/problem.js";
import { scorePrices } from "../scoring/price-methods.js";
import type { WeightingProblem } from "./weight-sweep.js";
import { weightRangesOf } from "./weight-ranges.js";

const at = (...path: (string | number)[]) => ({ document: "profiles" as const, path });

/**
 * Turn rough profiles into a weighting problem under a scoring model: each profile's share of each
 * section (its expected scores weighted by the criteria), and its price points by the model's own price
 * method, computed among the profiles as a real tender would be. Every problem is reported at once.
 */
export function problemFromProfiles(model: ScoringModel, profiles: WhatifProfiles): Outcome<WeightingProblem> {
  const problems: Problem[] = [];
  const everyone = [
    { id: "organisation", name: profiles.organisation.name, price: profiles.organisation.price as number | string | undefined, scores: profiles.organisation.scores, path: ["organisation"] as (string | number)[] },
    ...profiles.competitors.map((c, i) => ({ id: `competitor-${i + 1}`, name: c.name, price: c.price, scores: c.scores, path: ["competitors", i] as (string | number)[] })),
  ];
  const sections = scoredSections(model);
  const sectionKeys = sections.map((s) => s.key);
  const criterionIds = new Set(sections.flatMap((s) => s.section.criteria.map((c) => c.id)));
  const weights = new Map<SectionKey, Exact>();
  const titles = new Map<SectionKey, string>();
  for (const s of sections) {
    weights.set(s.key, sectionPercent(model, s.section));
    titles.set(s.key, s.name);
  }

  const ranges = everyone.map(() => new Map<SectionKey, [Exact, Exact]>());
  const shares = everyone.map((p, index) => {
    const byKey = new Map<SectionKey, Exact>();
    for (const key of Object.keys(p.scores)) {
      if (!criterionIds.has(key) && !sectionKeys.includes(key)) {
        problems.push(problem("profiles.unknown-score", at(...p.path, "scores", key), { key, known: [...sectionKeys, ...criterionIds].join(", ") }));
      }
    }
    for (const { key, section } of sections) {
      let low_ = ZERO;
      let high_ = ZERO;
      for (const criterion of section.criteria) {
        // A score given for the whole section is on the section's scale; one given for a criterion, on its own.
        const scale = p.scores[criterion.id] !== undefined ? criterionScale(model, section, criterion)! : model.scales[section.scale]!;
        const [low, high] = scaleRange(scale);
        const given = p.scores[criterion.id] ?? p.scores[key];
        const where = at(...p.path, "scores", p.scores[criterion.id] !== undefined ? criterion.id : key);
        if (given === undefined) {
          problems.push(problem("profiles.missing-score", at(...p.path, "scores"), { profile: p.name, criterion: criterion.id, section: key }));
          continue;
        }
        const [from, to] = typeof given === "number" ? [given, given] : given;
        if (from < low || to > high) {
          problems.push(problem("profiles.score-out-of-range", where, { score: typeof given === "number" ? String(given) : `[${from}, ${to}]`, low: String(low), high: String(high) }));
          continue;
        }
        const worth = shareOfSection(section, criterion);
        low_ = low_.add(scoreShare(scale, exact(from)).mul(worth));
        high_ = high_.add(scoreShare(scale, exact(to)).mul(worth));
      }
      // An uncertain section is sampled between its lowest and highest share; the sweeps use the middle.
      byKey.set(key, low_.add(high_).div(2));
      if (!low_.equals(high_)) ranges[index]!.set(key, [low_, high_]);
    }
    return byKey;
  });

  const price = model.sections.price;
  if (price !== undefined && price.weight > 0) {
    if (price.method.type === "price-per-quality-point") {
      problems.push(problem("profiles.unsupported-method", at("organisation", "price"), { method: "price per quality point" }));
    } else {
      const own = profiles.organisation.price;
      const costs = everyone.map((p) => {
        if (p.price === undefined) {
          problems.push(problem("profiles.missing-price", at(...p.path), { profile: p.name }));
          return undefined;
        }
        if (typeof p.price === "number") return exact(p.price);
        if (own === undefined) {
          problems.push(problem("profiles.missing-price", at("organisation"), { profile: profiles.organisation.name }));
          return undefined;
        }
        return exact(own).mul(HUNDRED.add(exact(p.price.slice(0, -1)))).div(HUNDRED);
      });
      if (costs.every((c) => c !== undefined)) {
        const priceWeight = sectionPercent(model, price);
        const scored = scorePrices(price.method, priceWeight, costs.map((c, i) => ({ bidId: everyone[i]!.id, wholeLifeCost: c! })));
        problems.push(...scored.problems);
        for (const over of scored.aboveBudget) {
          const p = everyone.find((e) => e.id === over.bidId)!;
          problems.push(problem("profiles.above-budget", at(...p.path, "price"), { profile: p.name }));
        }
        weights.set("price", priceWeight);
        for (const [i, p] of everyone.entries()) {
          const points = scored.points.find((x) => x.bidId === p.id)?.points ?? ZERO;
          shares[i]!.set("price", points.div(priceWeight));
        }
      }
    }
  }
  const limits = weightRangesOf(profiles);
  for (const { section } of limits) {
    if (!weights.has(section)) {
      problems.push(problem("profiles.unknown-weight-range", at("weightRanges", section), { section, known: [...weights.keys()].join(", ") }));
    }
  }
  // Weights add up to 100%, so limits whose lows add up to more, or whose highs (100 where none is given) to less, admit no weighting.
  const lows = limits.reduce((sum, { low }) => sum.add(exact(low)), ZERO);
  const highs = [...weights.keys()].reduce((sum, k) => sum.add(exact(limits.find((r) => r.section === k)?.high ?? 100)), ZERO);
  if (lows.compare(HUNDRED) > 0 || highs.compare(HUNDRED) < 0) {
    problems.push(problem("profiles.impossible-weight-ranges", at("weightRanges"), { lows: lows.toString(), highs: highs.toString() }));
  }
  // A section-level score is checked once per criterion it covers: report each problem once.
  const unique = problems.filter((p, i) => problems.findIndex((q) => JSON.stringify(q) === JSON.stringify(p)) === i);
  if (unique.some((p) => p.severity === "error")) return { ok: false, problems: unique };
  return { ok: true, value: { weights, titles, bids: everyone.map((p, i) => ({ bidId: p.id, bidder: p.name, shares: shares[i]!, ...(ranges[i]!.size > 0 ? { ranges: ranges[i]! } : {}) })) }, problems: unique };
}
