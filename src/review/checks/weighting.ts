import { HUNDRED, ZERO, exact, sum, type Exact } from "../../arithmetic/exact.js";
import { availablePoints, criterionScale, pointsSpan, scaleRange, sectionPercent } from "../../model/weights.js";
import type { Scale, ScoredSectionKey, ScoringModel } from "../../model/scoring-model.js";
import { scoredSections, sectionsOfKind, type SectionEntry } from "../../model/sections.js";
import type { TenderSpecification } from "../../model/specification.js";
import { flag, type ReviewFlag } from "../../problems/problem.js";
import type { BidResult, TenderResult } from "../../scoring/result.js";
import { isAwardOnValue } from "../../scoring/award-on-value.js";
import type { ReviewPolicy } from "../policy.js";

const model = (...path: (string | number)[]) => ({ document: "model" as const, path });

/** Smallest gap between two allowed scores. */
function smallestStep(scale: Scale): Exact {
  const values = [...scale.values].sort((a, b) => a - b).map((v) => exact(v));
  let step: Exact | undefined;
  for (let i = 1; i < values.length; i++) {
    const gap = values[i]!.sub(values[i - 1]!);
    if (step === undefined || gap.compare(step) < 0) step = gap;
  }
  return step ?? ZERO;
}

interface WeightedCriterion {
  path: (string | number)[];
  section: ScoredSectionKey;
  id: string;
  title: string;
  /** Points between the lowest and highest score on the scale. */
  swing: Exact;
  /** Points one scale step is worth. */
  step: Exact;
}

/** Criteria and sections whose whole range is smaller than one step on the heaviest criterion. */
export function checkTokenWeights(m: ScoringModel, policy: ReviewPolicy): ReviewFlag[] {
  const criteria: WeightedCriterion[] = [];
  const sections: { key: ScoredSectionKey; name: string; swing: Exact }[] = [];
  const names = new Map<ScoredSectionKey, string>();
  for (const { key, name, section } of scoredSections(m)) {
    names.set(key, name);
    if (!m.scales[section.scale]) continue;
    // The share of a criterion's points between the lowest and the top score: all of them when the
    // scale is normalised from its lowest, (top − lowest) ÷ top when from zero. Each criterion on its own scale.
    const rangeOf = (scale: Scale) => exact(scaleRange(scale)[1] - scaleRange(scale)[0]).div(pointsSpan(scale));
    const sectionSwing = sum(section.criteria.map((c) => availablePoints(m, section, c).mul(c.measure !== undefined ? exact(1) : rangeOf(criterionScale(m, section, c) ?? m.scales[section.scale]!))));
    sections.push({ key, name, swing: sectionSwing });
    section.criteria.forEach((c, i) => {
      const scale = criterionScale(m, section, c);
      if (!scale) return;
      if (c.measure !== undefined) {
        // A figure earns any share of the points, so there is no step: the whole range is its swing.
        criteria.push({ path: ["sections", key, "criteria", i, "weight"], section: key, id: c.id, title: c.title, swing: availablePoints(m, section, c), step: ZERO });
        return;
      }
      const span = pointsSpan(scale);
      const range = rangeOf(scale);
      const available = availablePoints(m, section, c);
      criteria.push({
        path: ["sections", key, "criteria", i, "weight"],
        section: key,
        id: c.id,
        title: c.title,
        swing: available.mul(range),
        step: available.mul(smallestStep(scale)).div(span),
      });
    });
  }
  if (criteria.length < 2) return [];
  const heaviest = criteria.reduce((a, b) => (b.step.compare(a.step) > 0 ? b : a));
  const flags: ReviewFlag[] = [];
  const tokenSections = new Set<ScoredSectionKey>();
  for (const s of sections) {
    if (s.swing.compare(0) > 0 && s.swing.compare(heaviest.step) < 0) {
      tokenSections.add(s.key);
      flags.push(
        flag("review.token-weight", "warning", model("sections", s.key, "weight"), {
          section: s.key,
          sectionTitle: s.name,
          swing: s.swing,
          step: heaviest.step,
          heaviest: { id: heaviest.id, title: heaviest.title },
        }, policy.tokenWeight.source),
      );
    }
  }
  for (const c of criteria) {
    if (tokenSections.has(c.section) || c === heaviest) continue;
    if (c.swing.compare(0) > 0 && c.swing.compare(heaviest.step) < 0) {
      flags.push(
        flag("review.token-weight", "warning", model(...c.path), {
          section: c.section,
          sectionTitle: names.get(c.section)!,
          criterion: { id: c.id, title: c.title },
          swing: c.swing,
          step: heaviest.step,
          heaviest: { id: heaviest.id, title: heaviest.title },
        }, policy.tokenWeight.source),
      );
    }
  }
  return flags;
}

/** Without a specification the limit, which depends on the kind of service, is not checked. */
export function checkPriceWeight(spec: TenderSpecification | undefined, m: ScoringModel, policy: ReviewPolicy): ReviewFlag[] {
  const price = m.sections.price;
  // Under an award-on-value method price has weight 0 by rule: these checks on price's weight do not apply.
  if (!price || isAwardOnValue(price.method)) return [];
  const flags: ReviewFlag[] = [];
  const care = spec?.serviceKind === "care-and-support";
  const maximum = care ? policy.priceWeight.maxForCareAndSupport : policy.priceWeight.maxOtherwise;
  const priceWeight = sectionPercent(m, price);
  if (spec !== undefined && priceWeight.compare(maximum) > 0) {
    flags.push(
      flag("review.price-weight-above-policy", "warning", model("sections", "price", "weight"), {
        weight: priceWeight.valueOf(),
        maximum,
        careAndSupport: care,
      }, policy.priceWeight.source),
    );
  }
  // Quality against price adds up every quality-kind section (quality, and any further section of kind quality).
  const qualitySections = sectionsOfKind(m, "quality");
  const quality = kindPercent(m, qualitySections);
  if (qualitySections.length > 0 && priceWeight.compare(quality) > 0) {
    flags.push(
      flag("review.price-above-quality", "warning", model("sections", "price", "weight"), { price: priceWeight.valueOf(), quality: quality.valueOf() }, policy.priceWeight.source),
    );
  }
  const hasThreshold = scoredSections(m).some(
    ({ kind, section: s }) => kind !== "user-panel" && (s.minimumPercent !== undefined || s.criteria.some((c) => c.minimumScore !== undefined)),
  );
  if (priceWeight.compare(policy.qualityThreshold.requiredWhenPriceWeightAtLeast) >= 0 && !hasThreshold) {
    flags.push(
      flag("review.price-heavy-without-quality-threshold", "warning", model("sections", "price", "weight"), {
        weight: priceWeight.valueOf(),
        trigger: policy.qualityThreshold.requiredWhenPriceWeightAtLeast,
      }, policy.qualityThreshold.source),
    );
  }
  const relative = "Relative scoring is allowed, but publish the formula with a worked example and check the results for rank reversal once bids are in.";
  const type = price.method.type;
  // The discount methods are relative too: Ra ÷ Rmax and the bilinear formula's mean and highest discount
  // make one bid's points depend on every other bid's discount (Consip's "interdipendenza tra i punteggi").
  if (type === "proportional" || type === "deviation-from-lowest" || type === "discount-ratio" || type === "discount-bilinear") {
    flags.push(flag("review.relative-price-scoring", "advice", model("sections", "price", "method", "type"), { method: type }, relative));
  }
  if (price.method.type === "linear-interpolation") {
    flags.push(flag("review.interpolation-price-scoring", "advice", model("sections", "price", "method", "type"), {}, relative));
  }
  return flags;
}

/** The share of the total score, in percent, of some sections together (e.g. every section of one kind). */
function kindPercent(m: ScoringModel, sections: readonly SectionEntry[]): Exact {
  return sum(sections.map((s) => sectionPercent(m, s.section)));
}

/** The social value weight is that of every social-value-kind section together; flags point at the first of them. */
export function checkSocialValue(m: ScoringModel, policy: ReviewPolicy): ReviewFlag[] {
  const svSections = sectionsOfKind(m, "social-value");
  const source = policy.socialValue.source;
  if (svSections.length === 0) return [flag("review.social-value-missing", "warning", model("sections"), {}, source)];
  const flags: ReviewFlag[] = [];
  const ppqp = isAwardOnValue(m.sections.price?.method);
  const scoredTotal = kindPercent(m, scoredSections(m));
  const svPercent = kindPercent(m, svSections);
  const share = ppqp && !scoredTotal.equals(0) ? svPercent.div(scoredTotal).mul(HUNDRED) : svPercent;
  const minimum = ppqp ? policy.socialValue.minimumPercentOfQualityScore : policy.socialValue.minimumPercent;
  const at = model("sections", svSections[0]!.key, "weight");
  if (share.compare(exact(policy.socialValue.tokenPercent)) <= 0) {
    flags.push(flag("review.social-value-token", "warning", at, { weight: share, token: policy.socialValue.tokenPercent }, source));
  } else if (share.compare(exact(minimum)) < 0) {
    flags.push(
      flag("review.social-value-below-minimum", "warning", at, {
        weight: share,
        minimum,
        of: ppqp ? "quality-score" : "total-score",
      }, source),
    );
  }
  for (const { key, section: sv } of svSections) {
    sv.criteria.forEach((c, i) => {
      const text = `${c.title} ${c.question ?? ""}`.toLowerCase();
      const found = policy.socialValue.hardToEvidenceTerms.filter((t) => text.includes(t.toLowerCase()));
      if (found.length > 0) {
        flags.push(flag("review.social-value-hard-to-evidence", "warning", model("sections", key, "criteria", i), { criterion: c.id, terms: found }, source));
      }
    });
  }
  return flags;
}

/** The user panel's share is that of every user-panel-kind section together; the flag points at the first of them. */
export function checkUserPanel(m: ScoringModel, policy: ReviewPolicy): ReviewFlag[] {
  const panels = sectionsOfKind(m, "user-panel");
  if (panels.length === 0) {
    return policy.userPanel.requiredWhenServiceHasUsers ? [flag("review.no-user-panel", "warning", model("sections"), {}, policy.userPanel.source)] : [];
  }
  const weight = kindPercent(m, panels);
  if (weight.compare(policy.userPanel.minimumPercent) < 0) {
    return [
      flag("review.user-panel-too-light", "advice", model("sections", panels[0]!.key, "weight"), {
        weight: weight.valueOf(),
        minimum: policy.userPanel.minimumPercent,
      }, policy.userPanel.source),
    ];
  }
  return [];
}


/**
 * With scored bids, say what a light criterion or section actually did: re-rank the ranked bids on their
 * totals without its points, and name the first pair whose order it decided. (Its whole range being less
 * than one step elsewhere does not stop it deciding an order when marks are averaged or differences cancel.)
 * Price per quality point ranks on another basis, so its flags are left as the model alone shows them.
 */
export function withOutcome(flags: readonly ReviewFlag[], result: TenderResult): ReviewFlag[] {
  if (result.rankingBasis !== "total-points") return [...flags];
  const ranked = result.bids.filter((b) => b.rank !== null).sort((a, b) => a.rank! - b.rank!);
  return flags.map((f) => {
    if (f.code !== "review.token-weight") return f;
    const { section, criterion } = f.args;
    const pointsOf = (bid: BidResult) => {
      const s = bid.sections.find((x) => x.section === section);
      if (!s) return ZERO;
      return criterion === undefined ? s.points : (s.criteria.find((c) => c.criterionId === criterion.id)?.points ?? ZERO);
    };
    // Stable: bids equal without it keep their order, so only a strict overtaking counts.
    const without = ranked.map((bid, i) => ({ bid, i, total: bid.total.sub(pointsOf(bid)) })).sort((a, b) => b.total.compare(a.total) || a.i - b.i);
    const at = without.findIndex((w, i) => w.bid !== ranked[i]);
    const overtaken =
      at < 0
        ? undefined
        : { aheadBidId: ranked[at]!.bidId, ahead: ranked[at]!.bidder, behindBidId: without[at]!.bid.bidId, behind: without[at]!.bid.bidder };
    return { ...f, args: { ...f.args, outcome: overtaken === undefined ? {} : { overtaken } } };
  });
}
