import { HUNDRED, ZERO, exact, type Exact } from "../arithmetic/exact.js";
import { availablePoints, criterionScale, pointsSpan } from "../model/weights.js";
import type { ScoringModel } from "../model/scoring-model.js";
import { scoredSections } from "../model/sections.js";
import type { WhatifProfiles } from "../model/whatif-profiles.js";
import { highestWinningPrice, neededScore, type CriterionImprovement, type PriceImprovement } from "./improvement.js";
import { problemFromProfiles } from "./profiles.js";
import type { WeightingProblem } from "./weight-sweep.js";

const ORGANISATION = "organisation";

function totals(problem: WeightingProblem): Map<string, Exact> {
  return new Map(
    problem.bids.map((b) => {
      let total = ZERO;
      for (const [k, w] of problem.weights) total = total.add(w.mul(b.shares.get(k) ?? ZERO));
      return [b.bidId, total];
    }),
  );
}

/** How far the organisation is behind the best competitor (negative: ahead of it). */
function gapToFirst(problem: WeightingProblem): Exact | undefined {
  const all = totals(problem);
  const own = all.get(ORGANISATION);
  const others = [...all].filter(([id]) => id !== ORGANISATION).map(([, t]) => t);
  if (own === undefined || others.length === 0) return undefined;
  return others.reduce((a, b) => (b.compare(a) > 0 ? b : a)).sub(own);
}

/**
 * Where to invest effort before a tender, from profiles: the lowest expected score on each criterion,
 * and the highest whole-life price, that would put the organisation first under the proposed weights,
 * everything else as expected. Scores given as ranges count at their middle, as in the exact sweeps.
 * A competitor's price given relative to yours ("-15%") is taken in pounds at your current price: they
 * will not follow you down.
 */
export function improvementsFromProfiles(model: ScoringModel, profiles: WhatifProfiles): { criteria: CriterionImprovement[]; price: PriceImprovement | undefined } {
  const built = problemFromProfiles(model, profiles);
  if (!built.ok) return { criteria: [], price: undefined };
  const gap = gapToFirst(built.value);
  if (gap === undefined) return { criteria: [], price: undefined };
  const own = profiles.organisation;
  const middle = (given: number | [number, number]) => (typeof given === "number" ? exact(given) : exact(given[0]).add(exact(given[1])).div(2));

  const criteria = scoredSections(model).flatMap(({ key, section }) => {
    return section.criteria.flatMap((criterion) => {
      const scale = own.scores[criterion.id] !== undefined ? criterionScale(model, section, criterion)! : model.scales[section.scale]!;
      const span = pointsSpan(scale);
      const given = own.scores[criterion.id] ?? own.scores[key];
      if (given === undefined) return [];
      const current = middle(given);
      const improvement: CriterionImprovement = { criterionId: criterion.id, title: criterion.title, current, gap };
      if (gap.compare(0) < 0) return [improvement];
      const available = availablePoints(model, section, criterion);
      const needed = neededScore(current, gap, span, available, scale.values);
      return [needed === undefined ? improvement : { ...improvement, needed }];
    });
  });

  let price: PriceImprovement | undefined;
  if (typeof own.price === "number" && model.sections.price !== undefined && model.sections.price.weight > 0) {
    const current = exact(own.price);
    // Competitors' prices fixed in pounds at today's figures, then the organisation's own price varied.
    const fixed = profiles.competitors.map((c) =>
      typeof c.price === "string" ? { ...c, price: current.mul(HUNDRED.add(exact(c.price.slice(0, -1)))).div(HUNDRED).valueOf() } : c,
    );
    const firstAt = (p: Exact) => {
      const at = problemFromProfiles(model, { organisation: { ...own, price: p.valueOf() }, competitors: fixed });
      const g = at.ok ? gapToFirst(at.value) : undefined;
      return g !== undefined && g.compare(0) < 0;
    };
    if (firstAt(current)) price = { current, alreadyFirst: true };
    else {
      const needed = highestWinningPrice(current, firstAt);
      price = needed === undefined ? { current, alreadyFirst: false } : { current, needed, alreadyFirst: false };
    }
  }
  return { criteria, price };
}
