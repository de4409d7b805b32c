import { exact, plainNumber, sum } from "../arithmetic/exact.js";
import { problem, type PathSegment, type Problem } from "../problems/problem.js";
import { scoredSectionKeys, sectionTitles, type Criterion, type ScoringModel, type TieBreakRule } from "./scoring-model.js";
import { criteriaWeightTotal, scaleRange, sectionWeightTotal } from "./weights.js";

const at = (...path: PathSegment[]) => ({ document: "model" as const, path });

/**
 * Rules a scoring model must satisfy beyond its schema. Each rule adds its problems; none stops the others.
 * Whether a custom price formula compiles is scoring's to say (src/scoring/check-price-formula.ts), since
 * the formula language lives with the price methods; `validateTender` runs both.
 */
export function checkScoringModel(model: ScoringModel): Problem[] {
  const problems: Problem[] = [];
  checkScales(model, problems);
  checkSectionWeights(model, problems);
  checkScoredSections(model, problems);
  checkPrice(model, problems);
  checkIds(model, problems);
  checkTieBreaks(model, problems);
  return problems;
}

function checkScales(model: ScoringModel, problems: Problem[]): void {
  for (const [id, scale] of Object.entries(model.scales)) {
    const ascending = scale.values.every((v, i, all) => i === 0 || v > all[i - 1]!);
    if (!ascending) problems.push(problem("model.scale-not-ascending", at("scales", id, "values"), { scale: id }));
    for (const key of Object.keys(scale.descriptors)) {
      const onScale = scale.values.some((v) => String(v) === key.trim());
      if (!onScale) {
        problems.push(problem("model.descriptor-not-on-scale", at("scales", id, "descriptors", key), { value: key, scale: id }));
      }
    }
  }
}

function checkSectionWeights(model: ScoringModel, problems: Problem[]): void {
  const sections = Object.entries(model.sections).flatMap(([key, s]) => (s === undefined ? [] : [[key, s] as const]));
  if (sections.length === 0) {
    problems.push(problem("model.no-sections", at("sections"), {}));
    return;
  }
  const total = sum(sections.map(([, s]) => exact(s.weight)));
  const expected = sectionWeightTotal(model);
  if (!total.equals(expected)) {
    problems.push(
      problem("model.weights-do-not-add-up", at("sections"), {
        what: `the sections (${sections.map(([k, s]) => `${k} ${s.weight}`).join(", ")})`,
        sum: plainNumber(total),
        expected: plainNumber(expected),
        outOfField: "sectionWeightsOutOf",
        ...(model.sectionWeightsOutOf !== undefined ? { statedTotal: true } : {}),
      }),
    );
  }
}

function checkScoredSections(model: ScoringModel, problems: Problem[]): void {
  const scaleIds = Object.keys(model.scales);
  for (const key of scoredSectionKeys) {
    const section = model.sections[key];
    if (section === undefined) continue;
    const criteriaTotal = sum(section.criteria.map((c) => exact(c.weight)));
    const expected = criteriaWeightTotal(section);
    if (!criteriaTotal.equals(expected)) {
      problems.push(
        problem("model.weights-do-not-add-up", at("sections", key, "criteria"), {
          what: `the ${sectionTitles[key].toLowerCase()} criteria`,
          sum: plainNumber(criteriaTotal),
          expected: plainNumber(expected),
          outOfField: `sections.${key}.criteriaWeightsOutOf`,
          ...(section.criteriaWeightsOutOf !== undefined ? { statedTotal: true } : {}),
        }),
      );
    }
    const scale = model.scales[section.scale];
    if (scale === undefined) {
      problems.push(
        problem("model.unknown-scale", at("sections", key, "scale"), { scale: section.scale, known: scaleIds.join(", ") || "none" }),
      );
    }
    section.criteria.forEach((criterion, i) => {
      if (criterion.measure !== undefined) {
        checkMeasured(criterion, at("sections", key, "criteria", i), problems);
        return;
      }
      // A criterion on its own scale is checked against that scale; the others against the section's.
      const own = criterion.scale !== undefined ? model.scales[criterion.scale] : scale;
      if (criterion.scale !== undefined && own === undefined) {
        problems.push(
          problem("model.unknown-scale", at("sections", key, "criteria", i, "scale"), { scale: criterion.scale, known: scaleIds.join(", ") || "none" }),
        );
      }
      if (own === undefined) return;
      const [low, high] = scaleRange(own);
      if (criterion.minimumScore !== undefined && (criterion.minimumScore < low || criterion.minimumScore > high)) {
        problems.push(
          problem("model.threshold-not-on-scale", at("sections", key, "criteria", i, "minimumScore"), {
            value: String(criterion.minimumScore),
            low: String(low),
            high: String(high),
          }),
        );
      }
    });
    if (scale === undefined) continue;
    const [low, high] = scaleRange(scale);
    const combination = section.combination ?? model.combination;
    const range = high - low;
    if (combination.tolerance !== undefined && combination.tolerance > range) {
      const path = section.combination ? at("sections", key, "combination", "tolerance") : at("combination", "tolerance");
      problems.push(problem("model.tolerance-too-large", path, { tolerance: String(combination.tolerance), range: String(range) }));
    }
  }
}

function checkMeasured(criterion: Criterion, where: { path: PathSegment[] }, problems: Problem[]): void {
  const measure = criterion.measure!;
  if (measure.method === "interpolation" && measure.best === measure.worst) {
    problems.push(problem("model.measure-bounds-equal", at(...where.path, "measure"), { criterion: criterion.id, value: measure.best }));
  }
  if (criterion.minimumScore !== undefined) {
    problems.push(problem("model.minimum-on-measured-criterion", at(...where.path, "minimumScore"), { criterion: criterion.id }));
  }
}

function checkPrice(model: ScoringModel, problems: Problem[]): void {
  const price = model.sections.price;
  if (price === undefined) return;
  if (price.method.type === "price-per-quality-point") {
    if (price.weight !== 0) {
      problems.push(
        problem("model.price-weight-with-price-per-quality-point", at("sections", "price", "weight"), { weight: String(price.weight) }),
      );
    }
    if (!scoredSectionKeys.some((k) => model.sections[k] !== undefined)) {
      problems.push(problem("model.no-quality-for-price-per-quality-point", at("sections"), {}));
    }
  }
}

function checkIds(model: ScoringModel, problems: Problem[]): void {
  const seen = new Set<string>();
  for (const key of scoredSectionKeys) {
    model.sections[key]?.criteria.forEach((criterion, i) => {
      if (seen.has(criterion.id)) {
        problems.push(problem("model.duplicate-id", at("sections", key, "criteria", i, "id"), { id: criterion.id, what: "criterion" }));
      }
      seen.add(criterion.id);
    });
  }
  const gates = new Set<string>();
  model.gates.forEach((gate, i) => {
    if (gates.has(gate.id)) problems.push(problem("model.duplicate-id", at("gates", i, "id"), { id: gate.id, what: "gate" }));
    gates.add(gate.id);
  });
}

const tieBreakSection = {
  "highest-quality": "quality",
  "highest-social-value": "socialValue",
  "highest-user-panel": "userPanel",
  "lowest-price": "price",
} as const satisfies Record<TieBreakRule, keyof ScoringModel["sections"]>;

function checkTieBreaks(model: ScoringModel, problems: Problem[]): void {
  model.tieBreak.forEach((rule, i) => {
    const section = tieBreakSection[rule];
    if (model.sections[section] === undefined) {
      problems.push(problem("model.tie-break-without-section", at("tieBreak", i), { rule, section: sectionTitles[section].toLowerCase() }));
    }
  });
}
