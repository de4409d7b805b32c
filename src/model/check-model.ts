import { exact, plainNumber, sum } from "../arithmetic/exact.js";
import { problem, type PathSegment, type Problem } from "../problems/problem.js";
import { sectionTitles, type Criterion, type KnownTieBreakRule, type ScoringModel, type TieBreakRule } from "./scoring-model.js";
import { scoredSections } from "./sections.js";
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
  checkFurtherSectionIds(model, problems);
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

/**
 * A further section's id names it in bids, score sheets and the results, and keys keep their order only if
 * they are not numbers, so it must start with a letter. A near miss of a known key (Quality, social-value)
 * is a typing mistake rather than a new section.
 */
function checkFurtherSectionIds(model: ScoringModel, problems: Problem[]): void {
  const known = ["price", "quality", "socialValue", "userPanel"];
  for (const { key, known: isKnown } of scoredSections(model)) {
    if (isKnown) continue;
    const squashed = key.toLowerCase().replace(/[^a-z]/g, "");
    const near = known.find((k) => k.toLowerCase() === squashed);
    if (near !== undefined || !/^[A-Za-z][A-Za-z0-9_-]*$/.test(key)) {
      problems.push(problem("model.section-id", at("sections", key), { id: key, ...(near !== undefined ? { suggestion: near } : {}) }));
    }
  }
  // Score sheets, the results workbook and the documents tell sections apart by name, and a worksheet's name
  // holds 31 characters ("<name> scores"), so two names alike in their first 24 characters would collide.
  const seen = new Map<string, string>();
  for (const { key, name, known: isKnown } of scoredSections(model)) {
    const short = name.trim().toLowerCase().slice(0, 24);
    const other = seen.get(short);
    if (other !== undefined && !isKnown) problems.push(problem("model.duplicate-section-title", at("sections", key, "title"), { title: name, other }));
    if (other === undefined) seen.set(short, key);
  }
}

function checkScoredSections(model: ScoringModel, problems: Problem[]): void {
  const scaleIds = Object.keys(model.scales);
  for (const { key, name, section } of scoredSections(model)) {
    const criteriaTotal = sum(section.criteria.map((c) => exact(c.weight)));
    const expected = criteriaWeightTotal(section);
    if (!criteriaTotal.equals(expected)) {
      problems.push(
        problem("model.weights-do-not-add-up", at("sections", key, "criteria"), {
          what: `the ${name.toLowerCase()} criteria`,
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
    if (scoredSections(model).length === 0) {
      problems.push(problem("model.no-quality-for-price-per-quality-point", at("sections"), {}));
    }
  }
}

function checkIds(model: ScoringModel, problems: Problem[]): void {
  const seen = new Set<string>();
  for (const { key, section } of scoredSections(model)) {
    section.criteria.forEach((criterion, i) => {
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
} as const satisfies Record<KnownTieBreakRule, "price" | "quality" | "socialValue" | "userPanel">;

function checkTieBreaks(model: ScoringModel, problems: Problem[]): void {
  model.tieBreak.forEach((rule, i) => {
    const known = tieBreakKnownSection(rule);
    if (known !== undefined) {
      if (known === "price" ? model.sections.price === undefined : !scoredSections(model).some((s) => s.key === known)) {
        problems.push(problem("model.tie-break-without-section", at("tieBreak", i), { rule, section: sectionTitles[known].toLowerCase() }));
      }
      return;
    }
    // highest-<id>: a further scored section's points break the tie (docs/further-sections.md).
    const id = rule.slice("highest-".length);
    const further = scoredSections(model).filter((s) => !s.known);
    if (!further.some((s) => s.key === id)) {
      problems.push(problem("model.tie-break-unknown-section", at("tieBreak", i), { rule, section: id, known: further.map((s) => s.key).join(", ") }));
    }
  });
}

function tieBreakKnownSection(rule: TieBreakRule): (typeof tieBreakSection)[KnownTieBreakRule] | undefined {
  return Object.hasOwn(tieBreakSection, rule) ? tieBreakSection[rule as KnownTieBreakRule] : undefined;
}
