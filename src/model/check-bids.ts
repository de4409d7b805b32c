import { exact } from "../arithmetic/exact.js";
import { formatMoney } from "../language/uk-format.js";
import { problem, type PathSegment, type Problem } from "../problems/problem.js";
import type { TenderBids } from "./bids.js";
import type { Criterion, ScoredSection, ScoredSectionKey, ScoringModel, SectionKind } from "./scoring-model.js";
import { scoredSections } from "./sections.js";
import type { TenderSpecification } from "./specification.js";
import { criterionScaleId } from "./weights.js";

const at = (...path: PathSegment[]) => ({ document: "bids" as const, path });
const scorePath = (b: number, criterionId: string, evaluatorId: string) => ["bids", b, "scores", criterionId, evaluatorId] as const;

export interface CriterionInModel {
  section: ScoredSectionKey;
  /** The section's kind: a user-panel section is scored by the user panel. */
  kind: SectionKind;
  /** The section's name as shown (Quality, or a further section's own title). */
  sectionName: string;
  sectionModel: ScoredSection;
  criterion: Criterion;
}

export function criteriaById(model: ScoringModel): Map<string, CriterionInModel> {
  const map = new Map<string, CriterionInModel>();
  for (const { key, kind, name, section } of scoredSections(model)) {
    for (const criterion of section.criteria) map.set(criterion.id, { section: key, kind, sectionName: name, sectionModel: section, criterion });
  }
  return map;
}

/**
 * The panel members expected to score a section: evaluators by their sections, the user panel for every
 * user-panel section (the known userPanel, or a further section of kind user-panel).
 */
export function evaluatorsFor(bids: TenderBids, section: ScoredSectionKey, kind: SectionKind, criterionId?: string): string[] {
  if (kind === "user-panel") return bids.panel.userPanel.map((m) => m.id);
  // A specialist assessor named for some criteria scores only those; everyone else scores every criterion of their sections.
  return bids.panel.evaluators
    .filter((e) => (e.sections as readonly string[]).includes(section) && (criterionId === undefined || e.criteria === undefined || e.criteria.includes(criterionId)))
    .map((e) => e.id);
}

/** Rules that need the specification, the model and the bids together. Every problem is collected. */
export interface CheckOptions {
  /** Missing scores are warnings rather than errors (`--allow-incomplete`). */
  allowIncomplete?: boolean;
}

/** A scale's values as a set, made once per scale rather than searched once per score. */
const scaleSets = new WeakMap<readonly number[], Set<number>>();
function scaleValues(values: readonly number[]): Set<number> {
  let set = scaleSets.get(values);
  if (set === undefined) scaleSets.set(values, (set = new Set(values)));
  return set;
}

export function checkBids(specification: Pick<TenderSpecification, "contract">, model: ScoringModel, tenderBids: TenderBids, options: CheckOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const criteria = criteriaById(model);
  const knownCriteria = [...criteria.keys()].join(", ");
  const sections = scoredSections(model);
  const panelFor = new Map(sections.map(({ key, kind }) => [key, evaluatorsFor(tenderBids, key, kind)]));
  // Who scores each criterion, once rather than once per bid (a framework has thousands of bids).
  const scorersOf = new Map([...criteria].map(([id, known]) => [id, evaluatorsFor(tenderBids, known.section, known.kind, id)]));

  const memberIds = new Set<string>();
  [...tenderBids.panel.evaluators.map((e, i) => ["evaluators", i, e.id] as const), ...tenderBids.panel.userPanel.map((m, i) => ["userPanel", i, m.id] as const)].forEach(
    ([group, i, id]) => {
      if (memberIds.has(id)) problems.push(problem("bids.duplicate-evaluator", at("panel", group, i, "id"), { evaluator: id }));
      memberIds.add(id);
    },
  );
  for (const { key, kind, name, section } of sections) {
    // A section of quantitative criteria only is scored from the bids' figures and needs no evaluators.
    const marked = section.criteria.some((c) => c.measure === undefined);
    if (marked && evaluatorsFor(tenderBids, key, kind).length === 0) {
      problems.push(problem("bids.no-evaluators-for-section", at("panel"), { section: name.toLowerCase() }));
    } else {
      for (const criterion of section.criteria) {
        if (criterion.measure !== undefined) continue; // scored from each bid's figure, not by evaluators
        if (evaluatorsFor(tenderBids, key, kind, criterion.id).length === 0) problems.push(problem("bids.no-evaluators-for-criterion", at("panel", "evaluators"), { criterion: criterion.id }));
      }
    }
  }
  // Evaluators score quality and social value unless they list their sections; a listed section must be one
  // the evaluators score here (not the user panel's, whose members are listed apart for their anonymity).
  const evaluatorSections = sections.filter((s) => s.kind !== "user-panel").map((s) => s.key);
  tenderBids.panel.evaluators.forEach((e, i) =>
    e.sections.forEach((key, j) => {
      const isDefault = key === "quality" || key === "socialValue";
      if (!evaluatorSections.includes(key) && !(isDefault && !sections.some((s) => s.key === key))) {
        problems.push(problem("bids.evaluator-unknown-section", at("panel", "evaluators", i, "sections", j), { evaluator: e.id, section: key, known: evaluatorSections.join(", ") || "none" }));
      }
    }),
  );
  tenderBids.panel.evaluators.forEach((e, i) =>
    (e.criteria ?? []).forEach((criterionId, j) => {
      const known = criteria.get(criterionId);
      if (known === undefined || !(e.sections as readonly string[]).includes(known.section)) {
        problems.push(problem("bids.evaluator-criterion-not-in-sections", at("panel", "evaluators", i, "criteria", j), { evaluator: e.id, criterion: criterionId, sections: e.sections.join(", ") }));
      }
    }),
  );

  const bidIds = new Set<string>();
  tenderBids.bids.forEach((bid, b) => {
    if (bidIds.has(bid.id)) problems.push(problem("bids.duplicate-bid", at("bids", b, "id"), { bid: bid.id }));
    bidIds.add(bid.id);

    checkPrice(specification, model, tenderBids, b, problems);
    checkGates(model, tenderBids, b, problems);

    // Keys rather than entries, and a score's path made only for a problem: a framework's bids hold a
    // million scores, and an array per score was most of this check's time.
    for (const criterionId of Object.keys(bid.scores)) {
      const byEvaluator = bid.scores[criterionId]!;
      const known = criteria.get(criterionId);
      if (known === undefined) {
        problems.push(problem("bids.unknown-criterion", at("bids", b, "scores", criterionId), { criterion: criterionId, known: knownCriteria }));
        continue;
      }
      if (known.criterion.measure !== undefined) {
        problems.push(problem("bids.scores-for-measured-criterion", at("bids", b, "scores", criterionId), { criterion: criterionId }));
        continue;
      }
      const scaleId = criterionScaleId(known.sectionModel, known.criterion);
      const scale = model.scales[scaleId];
      const onScale = scale === undefined ? undefined : scaleValues(scale.values);
      const expected = panelFor.get(known.section)!;
      const forCriterion = scorersOf.get(criterionId)!;
      for (const evaluatorId of Object.keys(byEvaluator)) {
        const given = byEvaluator[evaluatorId]!;
        if (!memberIds.has(evaluatorId)) {
          problems.push(problem("bids.unknown-evaluator", at(...scorePath(b, criterionId, evaluatorId)), { evaluator: evaluatorId }));
          continue;
        }
        if (!expected.includes(evaluatorId)) {
          problems.push(
            problem("bids.evaluator-not-on-section", at(...scorePath(b, criterionId, evaluatorId)), { evaluator: evaluatorId, section: known.sectionName.toLowerCase() }),
          );
          continue;
        }
        if (!forCriterion.includes(evaluatorId)) {
          problems.push(problem("bids.evaluator-not-on-criterion", at(...scorePath(b, criterionId, evaluatorId)), { evaluator: evaluatorId, criterion: criterionId }));
          continue;
        }
        if (scale !== undefined && !onScale!.has(given.score)) {
          problems.push(
            problem("bids.score-not-on-scale", at(...scorePath(b, criterionId, evaluatorId), "score"), {
              score: String(given.score),
              scale: scaleId,
              allowed: scale.values.join(", "),
            }),
          );
        }
        if (known.criterion.justificationRequired && given.justification.trim() === "") {
          problems.push(
            problem("bids.missing-justification", at(...scorePath(b, criterionId, evaluatorId), "justification"), { bid: bid.id, criterion: criterionId, evaluator: evaluatorId }),
          );
        }
      }
    }
    for (const criterionId of Object.keys(bid.feedback)) {
      if (!criteria.has(criterionId)) problems.push(problem("bids.unknown-criterion", at("bids", b, "feedback", criterionId), { criterion: criterionId, known: knownCriteria }));
    }
    checkFigures(criteria, tenderBids, b, options, problems);
    for (const [criterionId, known] of criteria) {
      if (known.criterion.measure !== undefined) continue;
      const byEvaluator = bid.scores[criterionId];
      for (const evaluatorId of scorersOf.get(criterionId)!) {
        if (byEvaluator?.[evaluatorId] === undefined) {
          problems.push(
            problem("bids.missing-score", at("bids", b, "scores"), { bid: bid.id, criterion: criterionId, evaluator: evaluatorId }, options.allowIncomplete ? "warning" : "error"),
          );
        }
      }
    }
  });

  const moderated = new Set<string>();
  tenderBids.moderation.forEach((m, i) => {
    if (!bidIds.has(m.bid)) problems.push(problem("bids.moderation-unknown-bid", at("moderation", i, "bid"), { bid: m.bid }));
    const known = criteria.get(m.criterion);
    if (known === undefined) {
      problems.push(problem("bids.unknown-criterion", at("moderation", i, "criterion"), { criterion: m.criterion, known: knownCriteria }));
    } else if (known.criterion.measure !== undefined) {
      problems.push(problem("bids.scores-for-measured-criterion", at("moderation", i, "criterion"), { criterion: m.criterion }));
    } else {
      const scaleId = criterionScaleId(known.sectionModel, known.criterion);
      const scale = model.scales[scaleId];
      if (scale !== undefined && !scale.values.includes(m.score)) {
        problems.push(
          problem("bids.score-not-on-scale", at("moderation", i, "score"), {
            score: String(m.score),
            scale: scaleId,
            allowed: scale.values.join(", "),
          }),
        );
      }
    }
    const key = `${m.bid}\u0000${m.criterion}`;
    if (moderated.has(key)) problems.push(problem("bids.moderation-duplicate", at("moderation", i), { bid: m.bid, criterion: m.criterion }));
    moderated.add(key);
  });
  checkDeclarations(tenderBids, problems);
  return problems;
}

/**
 * Every evaluator declares their interests before scoring (Procurement Act 2023 ss.81–82: conflicts must
 * be identified and mitigated). Warnings, so a missing declaration is shown in the report, not hidden by it.
 */
function checkDeclarations(tenderBids: TenderBids, problems: Problem[]): void {
  const evaluators = new Set(tenderBids.panel.evaluators.map((e) => e.id));
  const declared = new Map<string, number>();
  tenderBids.panel.declarations.forEach((d, i) => {
    if (!evaluators.has(d.evaluator)) problems.push(problem("bids.unknown-evaluator", at("panel", "declarations", i, "evaluator"), { evaluator: d.evaluator }));
    else declared.set(d.evaluator, i);
    if (d.interest !== undefined && d.handling === undefined) {
      problems.push(problem("bids.interest-not-handled", at("panel", "declarations", i, "interest"), { evaluator: d.evaluator }, "warning"));
    }
  });
  for (const evaluator of evaluators) {
    const i = declared.get(evaluator);
    const d = i === undefined ? undefined : tenderBids.panel.declarations[i]!;
    if (d === undefined || !d.declared || d.date === undefined) {
      const reason = d === undefined ? "missing" : !d.declared ? "not-declared" : "no-date";
      problems.push(problem("bids.missing-declaration", i === undefined ? at("panel", "evaluators") : at("panel", "declarations", i), { evaluator, reason }, "warning"));
    }
  }
}

/** A quantitative criterion's figure from every bid; figures only for quantitative criteria; above 0 where the best offer divides. */
function checkFigures(criteria: Map<string, CriterionInModel>, tenderBids: TenderBids, b: number, options: CheckOptions, problems: Problem[]): void {
  const bid = tenderBids.bids[b]!;
  const measured = [...criteria.values()].filter((c) => c.criterion.measure !== undefined);
  for (const criterionId of Object.keys(bid.figures ?? {})) {
    if (criteria.get(criterionId)?.criterion.measure === undefined) {
      problems.push(problem("bids.unknown-criterion", at("bids", b, "figures", criterionId), { criterion: criterionId, known: measured.map((c) => c.criterion.id).join(", ") || "none is quantitative" }));
    }
  }
  for (const { criterion } of measured) {
    const figure = bid.figures?.[criterion.id];
    if (figure === undefined) {
      problems.push(problem("bids.missing-figure", at("bids", b, "figures"), { bid: bid.id, criterion: criterion.id, unit: criterion.measure!.unit }, options.allowIncomplete ? "warning" : "error"));
    } else if (criterion.measure!.method === "best-offer" && figure <= 0) {
      problems.push(problem("bids.figure-not-positive", at("bids", b, "figures", criterion.id), { bid: bid.id, criterion: criterion.id, figure }));
    }
  }
}

function checkPrice(specification: Pick<TenderSpecification, "contract">, model: ScoringModel, tenderBids: TenderBids, b: number, problems: Problem[]): void {
  const price = model.sections.price;
  const bid = tenderBids.bids[b]!;
  if (price === undefined) return;
  if (bid.price === undefined) {
    problems.push(problem("bids.missing-price", at("bids", b), { bid: bid.id }));
    return;
  }
  const discountMethod = price.method.type === "discount-ratio" || price.method.type === "discount-bilinear";
  const givesPrice = bid.price.years !== undefined || bid.price.total !== undefined;
  // A discount under a method that scores prices is refused rather than ignored: the model and the bids disagree.
  if (discountMethod ? bid.price.discountPercent === undefined : !givesPrice || bid.price.discountPercent !== undefined) {
    problems.push(
      problem("bids.price-form-mismatch", at("bids", b, "price"), { bid: bid.id, expected: discountMethod ? "discount" : "price", method: price.method.type }),
    );
    return;
  }
  if (discountMethod || bid.price.years === undefined) return;
  if (bid.price.total !== undefined) {
    // One figure is scored, so a total and a breakdown that disagree would leave the reader unsure which.
    const sum = [...bid.price.years, ...(price.includeExtensionYears ? bid.price.extensionYears : [])].reduce((t, y) => t.add(exact(y)), exact(0));
    if (!sum.equals(exact(bid.price.total))) {
      problems.push(
        problem("bids.price-total-mismatch", at("bids", b, "price", "total"), { bid: bid.id, total: formatMoney(exact(bid.price.total)), sum: formatMoney(sum) }),
      );
    }
  }
  if (bid.price.years.length !== specification.contract.years) {
    problems.push(
      problem("bids.price-years-mismatch", at("bids", b, "price", "years"), {
        bid: bid.id,
        which: "contract-year",
        given: bid.price.years.length,
        expected: specification.contract.years,
      }),
    );
  }
  if (price.includeExtensionYears && bid.price.extensionYears.length !== specification.contract.extensionYears) {
    problems.push(
      problem("bids.price-years-mismatch", at("bids", b, "price", "extensionYears"), {
        bid: bid.id,
        which: "extension-year",
        given: bid.price.extensionYears.length,
        expected: specification.contract.extensionYears,
      }),
    );
  }
}

function checkGates(model: ScoringModel, tenderBids: TenderBids, b: number, problems: Problem[]): void {
  const bid = tenderBids.bids[b]!;
  const gateIds = model.gates.map((g) => g.id);
  for (const gate of Object.keys(bid.gates)) {
    if (!gateIds.includes(gate)) {
      problems.push(problem("bids.unknown-gate", at("bids", b, "gates", gate), { gate, known: gateIds.join(", ") || "none" }));
    }
  }
  for (const gate of gateIds) {
    if (bid.gates[gate] === undefined) problems.push(problem("bids.missing-gate-result", at("bids", b, "gates"), { bid: bid.id, gate }));
  }
}
