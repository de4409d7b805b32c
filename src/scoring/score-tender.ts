import { Fraction, HUNDRED, ONE, ZERO, exact, sum, type Exact } from "../arithmetic/exact.js";
import type { Measure } from "../model/measure.js";
import { bestOffered, measuredShare } from "./measured.js";
import { roundToStep } from "./rounding.js";
import type { Bid, TenderBids } from "../model/bids.js";
import { evaluatorsFor } from "../model/check-bids.js";
import { availablePoints as criterionPoints, criterionScale, moderationTolerance, noPointsAt, scaleRange, scoreShare, sectionPercent, shareOfSection } from "../model/weights.js";
import type { Combination, Criterion, Scale, ScoredSectionKey, KnownTieBreakRule, ScoringModel, SectionKind, TieBreakRule } from "../model/scoring-model.js";
import { isKnownSectionKey, scoredSections } from "../model/sections.js";
import type { TenderSpecification } from "../model/specification.js";
import { hasErrors, problem, type Outcome, type Problem } from "../problems/problem.js";
import { combineScores, type CombinedScore } from "./combine.js";
import { describePriceMethod, isDiscountMethod, priceBasis, scorePrices, wholeLifeCost } from "./price-methods.js";
import { rankBids, type Rankable } from "./rank.js";
import { awardValues, isAwardOnValue, rankOnValue, type AwardOnValueMethod, type ValueRanking } from "./award-on-value.js";
import type { BidResult, CriterionResult, EvaluatorScoreResult, Exclusion, SectionResult, TenderResult } from "./result.js";
import { validateTender } from "./validate-tender.js";

export interface TenderInput {
  specification: TenderSpecification;
  model: ScoringModel;
  bids: TenderBids;
}

/**
 * Score a tender: combine evaluators' scores, apply weights, thresholds and gates, score price by the
 * model's method among the bids still in contention, total and rank. Pure: the same input always gives
 * the same result, whatever order the bids are listed in.
 */
export interface ScoreOptions {
  /**
   * Score with some evaluators' scores missing: answers are combined from the scores there are, and a
   * bid with an answer nobody scored is excluded (never given 0 for it). The missing scores are warnings.
   */
  allowIncomplete?: boolean;
}

export function scoreTender(input: TenderInput, options: ScoreOptions = {}): Outcome<TenderResult> {
  const { specification, model, bids: tenderBids } = input;
  const problems: Problem[] = validateTender(input, options);
  if (hasErrors(problems)) return { ok: false, problems };

  const agreed = new Map(tenderBids.moderation.map((m) => [`${m.bid}\u0000${m.criterion}`, m]));
  const plans = planSections(model, tenderBids);
  const bidResults: BidResult[] = tenderBids.bids.map((bid) => scoreQualitativeSections(model, plans, bid, agreed));
  const resultById = new Map(bidResults.map((r) => [r.bidId, r]));
  const bidIndex = new Map(tenderBids.bids.map((b, i) => [b.id, i]));

  // s.32(3): the authority must disregard a tender from a supplier that is not a supported employment
  // provider, so a bid that has not declared its workforce share is not ranked (nor priced) until it does.
  if (reservedForSupportedEmployment(specification)) {
    const minimumPercent = exact(specification.reservation?.minimumWorkforcePercent ?? STATUTORY_WORKFORCE_PERCENT);
    for (const bid of tenderBids.bids) {
      if (bid.disadvantagedWorkforcePercent !== undefined) continue;
      resultById.get(bid.id)!.exclusions.push({ rule: "workforce-share-undeclared", minimumPercent });
      problems.push(
        problem("scoring.workforce-share-undeclared", { document: "bids", path: ["bids", bidIndex.get(bid.id)!] }, { bid: bid.id, minimum: minimumPercent.toString() }, "warning"),
      );
    }
  }

  // Spreads and tolerances are shared values (see CriterionPlan): each is written as text once, not once a warning.
  const texts = new Map<Exact, string>();
  const text = (value: Exact) => {
    let written = texts.get(value);
    if (written === undefined) texts.set(value, (written = value.toString()));
    return written;
  };
  for (const result of bidResults) {
    for (const section of result.sections) {
      for (const c of section.criteria) {
        if (c.moderationCause === "decides-exclusion") {
          problems.push(
            problem("scoring.exclusion-needs-moderation", { document: "bids", path: ["bids", bidIndex.get(result.bidId)!, "scores", c.criterionId] }, {
              bid: result.bidId,
              criterion: c.criterionId,
              score: c.combined.toString(),
              minimum: exclusionMinimum(result, c.criterionId),
            }, "warning"),
          );
        } else if (c.needsModeration) {
          problems.push(
            problem("scoring.moderation-needed", { document: "bids", path: ["bids", bidIndex.get(result.bidId)!, "scores", c.criterionId] }, {
              bid: result.bidId,
              criterion: c.criterionId,
              spread: text(c.spread),
              tolerance: text(c.tolerance),
            }, "warning"),
          );
        }
      }
    }
  }

  const priceSection = model.sections.price;
  const onValue = isAwardOnValue(priceSection?.method) ? priceSection!.method as AwardOnValueMethod : undefined;
  let priceSummary: TenderResult["price"];
  if (priceSection !== undefined) {
    const bidById = new Map(tenderBids.bids.map((b) => [b.id, b]));
    for (const result of bidResults) {
      const schedule = bidById.get(result.bidId)!.price!;
      result.price = {
        basis: priceBasis(schedule, priceSection.method),
        years: (schedule.years ?? []).map((y) => exact(y)),
        extensionYears: schedule.extensionYears.map((y) => exact(y)),
        includesExtensionYears: priceSection.includeExtensionYears,
        wholeLifeCost: wholeLifeCost(schedule, priceSection.includeExtensionYears, priceSection.method),
        ...(schedule.discountPercent !== undefined && isDiscountMethod(priceSection.method) ? { discountPercent: exact(schedule.discountPercent) } : {}),
        variables: {},
      };
    }
    const maxPoints = sectionPercent(model, priceSection);
    const inContention = bidResults.filter((r) => r.exclusions.length === 0);
    const scoring = scorePrices(
      priceSection.method,
      maxPoints,
      inContention.map((r) => ({ bidId: r.bidId, wholeLifeCost: r.price!.wholeLifeCost })),
    );
    problems.push(...scoring.problems.map((p) => locateBidProblem(p, tenderBids)));
    for (const over of scoring.aboveBudget) {
      resultById.get(over.bidId)!.exclusions.push({ rule: "above-budget", wholeLifeCost: over.wholeLifeCost, budget: over.budget });
    }
    for (const scored of scoring.points) {
      const price = resultById.get(scored.bidId)!.price!;
      price.points = scored.points;
      price.variables = scored.variables;
      if (model.rounding !== undefined) Object.assign(price, roundedPoints(scored.points, model.rounding.step));
    }
    priceSummary = {
      method: priceSection.method,
      description: describePriceMethod(priceSection.method),
      maxPoints,
      includesExtensionYears: priceSection.includeExtensionYears,
      ...(scoring.field ?? {}),
    };
    delete (priceSummary as { count?: number }).count;
  }
  if (hasErrors(problems)) return { ok: false, problems };

  for (const result of bidResults) {
    result.total = sum([...result.sections.map((s) => s.points), result.price?.points ?? ZERO]);
    if (result.exclusions.length > 0) result.status = "excluded";
  }

  const contenders = bidResults.filter((r) => r.status === "ranked");
  let ranking: ValueRanking;
  if (onValue !== undefined) {
    const valued = awardValues(onValue, contenders, describePriceMethod(onValue).name);
    problems.push(...valued.problems.map((p) => locateBidProblem(p, tenderBids)));
    if (hasErrors(problems)) return { ok: false, problems };
    for (const v of valued.values) {
      const price = resultById.get(v.bidId)!.price!;
      price.awardValue = v.value;
      price.variables = v.variables;
      if (onValue.type === "price-per-quality-point") price.pricePerQualityPoint = v.value;
      if (v.deductions !== undefined) price.deductions = v.deductions;
    }
    ranking = rankOnValue(
      onValue,
      contenders.map((r) => ({ ...toRankable(r), value: r.price!.awardValue!, qualityScore: r.total, price: r.price!.wholeLifeCost })),
      model.tieBreak,
    );
    if (ranking.band !== undefined) {
      const inBand = new Set(ranking.band.bidIds);
      for (const r of contenders) r.price!.withinBand = inBand.has(r.bidId);
    }
  } else {
    ranking = rankBids(contenders.map((r) => toRankable(r)), false, model.tieBreak);
  }
  for (const entry of ranking.order) {
    const r = resultById.get(entry.bidId)!;
    r.rank = entry.rank;
    r.tiedWith = entry.tiedWith;
  }

  const ordered = [
    ...ranking.order.map((e) => resultById.get(e.bidId)!),
    ...bidResults
      .filter((r) => r.status === "excluded")
      .sort((a, b) => a.bidder.localeCompare(b.bidder, "en-GB") || (a.bidId < b.bidId ? -1 : 1)),
  ];

  const result: TenderResult = {
    tender: { title: specification.title, reference: specification.reference, authority: specification.authority },
    model: { id: model.id, title: model.title, version: model.version },
    rankingBasis: onValue?.type ?? "total-points",
    bids: ordered,
    winners: ranking.order.filter((e) => e.rank === 1).map((e) => e.bidId),
    ties: ranking.ties,
    ...(model.rounding !== undefined ? { rounding: model.rounding } : {}),
    ...(ranking.band !== undefined ? { band: ranking.band } : {}),
    moderationNeeded: [],
  };
  for (const r of ordered) {
    for (const s of r.sections) {
      for (const c of s.criteria) if (c.needsModeration) result.moderationNeeded.push({ bidId: r.bidId, criterionId: c.criterionId, spread: c.spread, tolerance: c.tolerance });
    }
  }
  if (priceSummary !== undefined) result.price = priceSummary;
  return { ok: true, value: result, problems };
}

/**
 * What every bid's result shares for one criterion, worked out once per model rather than once per bid
 * (issue 15: at framework scale the per-bid recomputation and its garbage were most of the time). The
 * values are the same exact numbers the per-bid code computed, and, being immutable, are shared.
 */
interface CriterionPlan {
  criterion: Criterion;
  scale: Scale;
  /** Who scores it: a specialist assessor named for some criteria counts only on those. */
  evaluators: string[];
  combination: Combination;
  tolerance: Exact;
  scaleMax: Exact;
  noPointsAt: Exact;
  weightInSection: Exact;
  availablePoints: Exact;
  minimumScore: Exact | undefined;
  rounding: ScoringModel["rounding"];
  /**
   * Whole-number scores (nearly every scale) take a short path: the combined score is summed as an
   * integer and divided once, and what follows from it (points, rounding, the minimum) depends only on
   * that value, so it is computed once per distinct value and shared. Keyed by numerator × 64 + denominator.
   */
  byCombined: Map<number, CombinedPoints>;
  /** Whether a whole-number spread exceeds the tolerance, by spread. */
  bySpread: Map<number, { spread: Exact; exceeds: boolean }>;
  /**
   * An evaluator's whole-number score given without a justification, one shared (never changed) record
   * per evaluator (in `evaluators` order) and score: a framework's results held 180,000 copies of a few
   * hundred records, and building them was much of scoring's garbage.
   */
  unjustified: EvaluatorScoreResult[][];
  /** A quantitative criterion: the best figure among the assessed bids, the same for every bid. */
  best?: Exact | undefined;
}

interface CombinedPoints {
  combined: Exact;
  points: Exact;
  unroundedPoints?: Exact;
  belowMinimum: boolean;
}

interface SectionPlan {
  key: ScoredSectionKey;
  kind: SectionKind;
  weight: Exact;
  title: string;
  minimumPercent: Exact | undefined;
  criteria: CriterionPlan[];
}

function planSections(model: ScoringModel, tenderBids: TenderBids): SectionPlan[] {
  const plans: SectionPlan[] = [];
  for (const { key, kind, name, section: sectionModel } of scoredSections(model)) {
    const sectionScale = model.scales[sectionModel.scale]!;
    const combination = sectionModel.combination ?? model.combination;
    const criteria = sectionModel.criteria.map((criterion): CriterionPlan => {
      // A criterion may be marked on its own scale (one question out of 10 in a section marked 0–5).
      const scale = criterion.measure === undefined ? criterionScale(model, sectionModel, criterion)! : sectionScale;
      const plan: CriterionPlan = {
        criterion,
        scale,
        evaluators: criterion.measure === undefined ? evaluatorsFor(tenderBids, key, kind, criterion.id) : [],
        combination,
        tolerance: criterion.measure === undefined ? moderationTolerance(scale, combination, sectionScale) : ZERO,
        scaleMax: criterion.measure === undefined ? exact(scaleRange(scale)[1]) : ONE,
        noPointsAt: criterion.measure === undefined ? exact(noPointsAt(scale)) : ZERO,
        weightInSection: shareOfSection(sectionModel, criterion).mul(HUNDRED),
        availablePoints: criterionPoints(model, sectionModel, criterion),
        minimumScore: criterion.minimumScore === undefined ? undefined : exact(criterion.minimumScore),
        rounding: model.rounding,
        byCombined: new Map(),
        bySpread: new Map(),
        unjustified: [],
      };
      if (criterion.measure !== undefined) {
        // The best offer is taken among the bids not disregarded and not failing a gate, since those are not assessed.
        const assessed = tenderBids.bids.filter((b) => b.disregarded === undefined && !model.gates.some((g) => b.gates[g.id] === "fail"));
        plan.best = bestOffered(criterion.measure, assessed.flatMap((b) => (b.figures?.[criterion.id] !== undefined ? [exact(b.figures[criterion.id]!)] : [])));
      }
      return plan;
    });
    plans.push({
      key,
      kind,
      weight: sectionPercent(model, sectionModel),
      title: sectionModel.title ?? name,
      minimumPercent: sectionModel.minimumPercent === undefined ? undefined : exact(sectionModel.minimumPercent),
      criteria,
    });
  }
  return plans;
}

/** Reused by scoreQualitativeSections for one criterion at a time (it is synchronous, so never shared). */
const scratchMarks: number[] = [];
const scratchScores: EvaluatorScoreResult[] = [];

function scoreQualitativeSections(
  model: ScoringModel,
  plans: readonly SectionPlan[],
  bid: Bid,
  agreed: ReadonlyMap<string, { score: number; reason: string }>,
): BidResult {
  const exclusions: Exclusion[] = [];
  if (bid.disregarded === "abnormally-low") exclusions.push({ rule: "disregarded-abnormally-low" });
  for (const gate of model.gates) {
    if (bid.gates[gate.id] === "fail") exclusions.push({ rule: "gate-failed", gateId: gate.id, gateTitle: gate.title });
  }
  const sections: SectionResult[] = [];
  for (const plan of plans) {
    const { key } = plan;
    const sectionWeight = plan.weight;
    const criteria: CriterionResult[] = plan.criteria.map((c) => {
      const criterion = c.criterion;
      if (criterion.measure !== undefined) return measuredCriterion(model, c, criterion.measure, bid, exclusions);
      // Every expected score is present unless scoring was allowed to be incomplete.
      const byEvaluator = bid.scores[criterion.id];
      // Collected in scratch arrays and copied at their exact length: a result holds hundreds of thousands of
      // these lists at framework scale, and an array grown by push keeps room for 17.
      let count = 0;
      for (let j = 0; j < c.evaluators.length; j++) {
        const evaluatorId = c.evaluators[j]!;
        const given = byEvaluator?.[evaluatorId];
        if (!given) continue;
        const score = given.score;
        scratchMarks[count] = score;
        scratchScores[count++] =
          given.justification === "" && Number.isInteger(score) && score >= 0 && score <= 100
            ? ((c.unjustified[j] ??= [])[score] ??= { evaluatorId, score: exact(score), justification: "" })
            : { evaluatorId, score: exact(score), justification: given.justification };
      }
      const evaluatorScores = scratchScores.slice(0, count);
      const moderation = agreed.size === 0 ? undefined : agreed.get(`${bid.id}\u0000${criterion.id}`);
      if (count === 0 && moderation === undefined) {
        exclusions.push({ rule: "not-scored", criterionId: criterion.id, criterionTitle: criterion.title });
      }
      const fast = moderation === undefined && count > 0 ? combineWholeScores(c, scratchMarks, count) : undefined;
      const combined =
        fast !== undefined
          ? fast
          : evaluatorScores.length === 0 && moderation === undefined
            ? { combined: ZERO, basis: "mean" as const, spread: ZERO, needsModeration: false }
            : combineScores(evaluatorScores.length > 0 ? evaluatorScores.map((e) => e.score) : [exact(moderation!.score)], c.combination.method, c.tolerance, moderation?.score);
      const scored = fast?.scored ?? pointsFor(c, combined.combined);
      const belowMinimum = scored.belowMinimum;
      // A score that excludes the bid is always put to the panel, even when the evaluators agree within the
      // tolerance: the exclusion must rest on the panel's agreed score, not on one evaluator's mark or an average.
      const decidesExclusion = belowMinimum && moderation === undefined && evaluatorScores.length > 0;
      const result: CriterionResult = {
        criterionId: criterion.id,
        title: criterion.title,
        weightInSection: c.weightInSection,
        availablePoints: c.availablePoints,
        scaleMax: c.scaleMax,
        noPointsAt: c.noPointsAt,
        evaluatorScores,
        combined: combined.combined,
        basis: combined.basis,
        combinationMethod: c.combination.method,
        spread: combined.spread,
        tolerance: c.tolerance,
        needsModeration: combined.needsModeration || decidesExclusion,
        points: scored.points,
      };
      if (scored.unroundedPoints !== undefined) result.unroundedPoints = scored.unroundedPoints;
      if (combined.needsModeration) result.moderationCause = "scores-differ";
      else if (decidesExclusion) result.moderationCause = "decides-exclusion";
      if (moderation !== undefined) result.moderation = { score: exact(moderation.score), reason: moderation.reason };
      if (belowMinimum && c.minimumScore !== undefined) {
        exclusions.push({
          rule: "below-criterion-minimum",
          criterionId: criterion.id,
          criterionTitle: criterion.title,
          score: combined.combined,
          minimum: c.minimumScore,
        });
      }
      return result;
    });
    const exactSum = sumOfPoints(criteria);
    const section = model.rounding?.of === "section" ? roundedPoints(exactSum, model.rounding.step) : { points: exactSum };
    const points = section.points;
    const percentOfSection = sectionWeight.equals(0) ? ZERO : points.div(sectionWeight).mul(HUNDRED);
    if (plan.minimumPercent !== undefined && percentOfSection.compare(plan.minimumPercent) < 0) {
      exclusions.push({ rule: "below-section-minimum", section: key, sectionTitle: plan.title, percent: percentOfSection, minimumPercent: plan.minimumPercent });
    }
    sections.push({
      section: key,
      kind: plan.kind,
      title: plan.title,
      weight: sectionWeight,
      points,
      ...(section.unroundedPoints !== undefined ? { unroundedPoints: section.unroundedPoints } : {}),
      percentOfSection,
      criteria,
    });
  }
  const result: BidResult = {
    bidId: bid.id,
    bidder: bid.bidder,
    status: "ranked",
    exclusions,
    provisional: sections.some((s) => s.criteria.some((c) => c.needsModeration)),
    sections,
    total: ZERO,
    rank: null,
    tiedWith: [],
  };
  if (bid.organisationType !== undefined) result.organisationType = bid.organisationType;
  return result;
}

/**
 * The exact sum of the criteria's points, over their least common denominator and reduced once at the end:
 * the same value `sum` gives, without reducing a fraction at every step (at framework scale, most of the
 * section's time). Criteria usually share a few denominators, so the common one stops growing at once.
 */
function sumOfPoints(criteria: readonly CriterionResult[]): Exact {
  let numerator = 0n;
  let denominator = 1n;
  for (const { points } of criteria) {
    const d = points.d;
    if (denominator % d !== 0n) {
      const scale = d / gcd(denominator, d);
      numerator *= scale;
      denominator *= scale;
    }
    numerator += points.s * points.n * (denominator / d);
  }
  return new Fraction(numerator, denominator);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/** A combined score's points (rounded if the model's rule rounds criteria) and whether it is below the criterion's minimum. */
function pointsFor(c: CriterionPlan, combined: Exact): CombinedPoints {
  const exactPoints = scoreShare(c.scale, combined).mul(c.availablePoints);
  const rounded = c.rounding?.of === "criterion" ? roundedPoints(exactPoints, c.rounding.step) : { points: exactPoints };
  return { combined, ...rounded, belowMinimum: c.minimumScore !== undefined && combined.compare(c.minimumScore) < 0 };
}

/**
 * combineScores for whole-number scores with no agreed score: the same exact values, from integer sums
 * divided once, with the points of each distinct combined value computed once per criterion. Undefined
 * (take the general path) when the numbers would not fit the key.
 */
function combineWholeScores(c: CriterionPlan, given: readonly number[], count: number): (CombinedScore & { scored: CombinedPoints }) | undefined {
  if (count >= 64) return undefined;
  let total = 0;
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < count; i++) {
    const mark = given[i]!;
    if (!Number.isSafeInteger(mark)) return undefined;
    total += mark;
    if (mark < low) low = mark;
    if (mark > high) high = mark;
  }
  let numerator: number;
  let denominator: number;
  if (c.combination.method === "median") {
    const marks = given.slice(0, count).sort((a, b) => a - b);
    const mid = Math.floor(count / 2);
    [numerator, denominator] = count % 2 === 1 ? [marks[mid]!, 1] : [marks[mid - 1]! + marks[mid]!, 2];
  } else {
    [numerator, denominator] = [total, count];
  }
  const key = numerator * 64 + denominator;
  if (!Number.isSafeInteger(key)) return undefined;
  let scored = c.byCombined.get(key);
  if (scored === undefined) c.byCombined.set(key, (scored = pointsFor(c, exact(numerator).div(denominator))));
  let spread = c.bySpread.get(high - low);
  if (spread === undefined) {
    const exactSpread = exact(high - low);
    c.bySpread.set(high - low, (spread = { spread: exactSpread, exceeds: exactSpread.compare(c.tolerance) > 0 }));
  }
  return { combined: scored.combined, basis: c.combination.method === "median" ? "median" : "mean", spread: spread.spread, needsModeration: spread.exceeds, scored };
}

/**
 * A quantitative criterion: the bid's figure earns the points by the criterion's measure (src/scoring/measured.ts).
 * The best offer is taken among the bids not disregarded and not failing a gate, since those are not assessed.
 */
function measuredCriterion(model: ScoringModel, plan: CriterionPlan, measure: Measure, bid: Bid, exclusions: Exclusion[]): CriterionResult {
  const criterion = plan.criterion;
  const given = bid.figures?.[criterion.id];
  const availablePoints = plan.availablePoints;
  const best = plan.best;
  if (given === undefined || best === undefined) exclusions.push({ rule: "not-scored", criterionId: criterion.id, criterionTitle: criterion.title });
  const figure = given === undefined ? ZERO : exact(given);
  const share = given === undefined || best === undefined ? ZERO : measuredShare(measure, figure, best);
  const result: CriterionResult = {
    criterionId: criterion.id,
    title: criterion.title,
    weightInSection: plan.weightInSection,
    availablePoints,
    scaleMax: ONE,
    noPointsAt: ZERO,
    evaluatorScores: [],
    combined: figure,
    basis: "measured",
    combinationMethod: plan.combination.method,
    spread: ZERO,
    tolerance: ZERO,
    needsModeration: false,
    points: share.mul(availablePoints),
    measure: {
      method: measure.method,
      unit: measure.unit,
      better: measure.method === "best-offer" ? measure.better : measure.best < measure.worst ? "lower" : "higher",
      best: best ?? ZERO,
      ...(measure.method === "interpolation" ? { worst: exact(measure.worst) } : {}),
      share,
    },
  };
  if (model.rounding?.of === "criterion") Object.assign(result, roundedPoints(result.points, model.rounding.step));
  return result;
}

/** Procurement Act 2023 s.32(4)(a): at least 30 per cent of the workforce. */
const STATUTORY_WORKFORCE_PERCENT = 30;

function reservedForSupportedEmployment(specification: TenderSpecification): boolean {
  return specification.procedure === "reserved" && (specification.reservation?.basis ?? "supported-employment") === "supported-employment";
}

function exclusionMinimum(result: BidResult, criterionId: string): string {
  const exclusion = result.exclusions.find((e) => e.rule === "below-criterion-minimum" && e.criterionId === criterionId);
  return exclusion?.rule === "below-criterion-minimum" ? exclusion.minimum.toString() : "";
}

const tieBreakSectionKey: Record<Exclude<KnownTieBreakRule, "lowest-price">, ScoredSectionKey> = {
  "highest-quality": "quality",
  "highest-social-value": "socialValue",
  "highest-user-panel": "userPanel",
};

function toRankable(r: BidResult): Rankable {
  const tieBreakValues: Rankable["tieBreakValues"] = {};
  for (const [rule, key] of Object.entries(tieBreakSectionKey) as [TieBreakRule, ScoredSectionKey][]) {
    const section = r.sections.find((s) => s.section === key);
    if (section) tieBreakValues[rule] = section.points;
  }
  // highest-<id>: a further section's points (a rule naming no section is a model problem, so never reaches here).
  for (const s of r.sections) if (!isKnownSectionKey(s.section)) tieBreakValues[`highest-${s.section}`] = s.points;
  if (r.price) tieBreakValues["lowest-price"] = r.price.wholeLifeCost;
  return { bidId: r.bidId, bidder: r.bidder, primary: r.total, tieBreakValues };
}

function locateBidProblem(p: Problem, tenderBids: TenderBids): Problem {
  if (p.location.document !== "bids" || !("bid" in p.args)) return p;
  const index = tenderBids.bids.findIndex((b) => b.id === (p.args as { bid: string }).bid);
  return index < 0 ? p : ({ ...p, location: { ...p.location, path: ["bids", index, "price"] } } as Problem);
}


/** Points under the model's rounding rule, with the exact figure kept when rounding changed it. */
function roundedPoints(points: Exact, step: number): { points: Exact; unroundedPoints?: Exact } {
  const rounded = roundToStep(points, step);
  return rounded.equals(points) ? { points } : { points: rounded, unroundedPoints: points };
}
