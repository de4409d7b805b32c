import type { Location, PathSegment, Problem, ProblemArgsByCode, ProblemCode } from "./problem.js";

type Messages = { [K in ProblemCode]: (args: ProblemArgsByCode[K]) => string };

// One sentence per code, in plain English. `satisfies` makes a new code impossible to ship without text.
const messages = {
  "input.unreadable": (a) => `could not be read: ${a.detail}`,
  "input.empty": () => "the file is empty",
  "input.too-large": (a) => `is ${a.size}, more than the ${a.limit} an input file of this kind can be: is it the right file?`,
  "input.binary": () => "is not a text file: it holds a NUL byte here (is it a spreadsheet, Word or PDF file saved with a .yaml name?)",
  "input.too-deep": (a) => `nests values more than ${a.limit} levels deep (tender-eval's inputs need fewer than 10), so it cannot be read`,
  "input.too-many-aliases": (a) =>
    `this file repeats an anchor (&${a.anchor}) too many times: its aliases (*${a.anchor}) would expand into more values than any tender needs; write the values out instead`,
  "input.duplicate-key": (a) => `the key "${a.key}" appears twice in the same place, and one of its values would be silently lost: remove or rename one`,
  "input.unsafe-character": (a) =>
    `contains ${a.character}, which cannot be shown or printed safely (it usually comes with pasted text): delete it, or retype the text around it`,
  "schema.missing": (a) => `is required but missing (expected ${a.expected})`,
  "schema.wrong-type": (a) => `expected ${a.expected}, got ${a.received}`,
  "schema.unknown-field": (a) => `"${a.field}" is not a field tender-eval knows here (check the spelling)`,
  "schema.not-allowed": (a) => `${a.received} is not allowed; use one of ${a.allowed}`,
  "schema.invalid": (a) => a.detail,
  "model.weights-do-not-add-up": (a) => `the weights of ${a.what} add up to ${a.sum}, not ${a.expected}`,
  "model.unknown-scale": (a) => `uses the scale "${a.scale}", which the model does not define (defined: ${a.known})`,
  "model.scale-not-ascending": (a) => `the values of scale "${a.scale}" must be listed from lowest to highest, each once`,
  "model.descriptor-not-on-scale": (a) => `describes the score ${a.value}, which is not on scale "${a.scale}"`,
  "model.threshold-not-on-scale": (a) => `the minimum ${a.value} is outside the scale's range ${a.low} to ${a.high}`,
  "model.duplicate-id": (a) => `the ${a.what} id "${a.id}" is used more than once`,
  "model.price-weight-with-price-per-quality-point": (a) =>
    `price per quality point ranks bids by price ÷ quality score, so the price section must have weight 0, not ${a.weight}`,
  "model.no-quality-for-price-per-quality-point": () =>
    "price per quality point needs at least one scored section (quality, social value or user panel) to divide by",
  "model.formula-invalid": (a) => `the price formula "${a.formula}" cannot be used: ${a.detail}`,
  "model.tolerance-too-large": (a) =>
    `a moderation tolerance of ${a.tolerance} is wider than the whole scale (${a.range}), so no disagreement would ever be flagged`,
  "model.no-sections": () => "the model has no sections to score",
  "model.tie-break-without-section": (a) => `the tie-break rule "${a.rule}" needs a ${a.section} section, which the model does not have`,
  "bids.no-evaluators-for-section": (a) => `nobody on the panel scores the ${a.section} section`,
  "bids.duplicate-bid": (a) => `bid "${a.bid}" appears more than once`,
  "bids.unknown-criterion": (a) => `"${a.criterion}" is not a criterion of the scoring model (criteria: ${a.known})`,
  "bids.unknown-evaluator": (a) => `"${a.evaluator}" is not an evaluator or user-panel member listed under panel`,
  "bids.evaluator-not-on-section": (a) => `evaluator "${a.evaluator}" is not on the panel for the ${a.section} section`,
  "bids.score-not-on-scale": (a) => `the score ${a.score} is not on the scale "${a.scale}" (allowed: ${a.allowed})`,
  "bids.missing-score": (a) => `bid "${a.bid}" has no score from ${a.evaluator} for criterion ${a.criterion}`,
  "bids.missing-justification": (a) =>
    `the score ${a.evaluator} gave bid "${a.bid}" for ${a.criterion} has no justification, and the model requires one`,
  "bids.unknown-gate": (a) => `"${a.gate}" is not a pass/fail gate of the scoring model (gates: ${a.known})`,
  "bids.missing-gate-result": (a) => `bid "${a.bid}" has no pass or fail recorded for the gate "${a.gate}"`,
  "bids.missing-price": (a) => `bid "${a.bid}" has no price, and the scoring model scores price`,
  "bids.price-years-mismatch": (a) =>
    `bid "${a.bid}" gives ${a.given} ${a.which} price(s), but the contract has ${a.expected}`,
  "bids.zero-price": (a) =>
    `bid "${a.bid}" has a whole-life price of £0, which the ${a.method} method cannot score (it divides by the price)`,
  "bids.duplicate-evaluator": (a) => `the panel member id "${a.evaluator}" is used more than once`,
  "bids.moderation-unknown-bid": (a) => `moderation is recorded for bid "${a.bid}", which is not among the bids`,
  "bids.moderation-duplicate": (a) => `more than one agreed score is recorded for bid "${a.bid}", criterion ${a.criterion}`,
  "price.formula-failed": (a) => `the price formula "${a.formula}" failed for bid "${a.bid}": ${a.detail}`,
  "price.formula-out-of-range": (a) =>
    `the price formula "${a.formula}" gave bid "${a.bid}" ${a.value} points, outside 0 to ${a.maxPoints}`,
  "price.zero-quality": (a) =>
    `bid "${a.bid}" has a quality score of 0, so its price per quality point cannot be calculated`,
  "template.unreadable": (a) => `cannot be used as a template: ${a.detail}`,
  "template.invalid-tag": (a) => (a.tag ? `the tag {${a.tag}} cannot be used: ${a.detail}` : `the template cannot be used: ${a.detail}`),
  "template.unknown-tag": (a) => `the tag {${a.tag}} ${a.where} is not a field this document provides (see: tender-eval templates list)`,
  "template.missing-value": (a) => `the tag {${a.tag}} has no value in the data, so the document would have a gap`,
  "sheets.unreadable": (a) => `cannot be read as a spreadsheet: ${a.detail}`,
  "sheets.wrong-tender": (a) => `is a score sheet for another tender (${a.found}), not ${a.expected}`,
  "sheets.out-of-date-model": (a) =>
    `was made from a different version of the scoring model (${a.found}; current ${a.expected}): generate new score sheets, or copy the scores into them`,
  "sheets.not-recognised": () =>
    "is neither a tender-eval score sheet nor a panel matrix (one sheet per evaluator, named with the evaluator's id, bids as rows, criterion ids as column headers)",
  "sheets.unknown-evaluator": (a) => `is for "${a.evaluator}", who is not on the panel`,
  "sheets.duplicate-workbook": (a) => `holds scores from ${a.evaluator}, who already has scores in ${a.other}`,
  "sheets.no-score-table": (a) => `sheet "${a.sheet}" has no header row with the columns Bid ID, Criterion ID and Score`,
  "sheets.unknown-bid": (a) => `"${a.bid}" is not a bid in this tender`,
  "sheets.unknown-criterion": (a) => `"${a.criterion}" is not a criterion of the scoring model`,
  "sheets.duplicate-row": (a) => `bid ${a.bid}, criterion ${a.criterion} is scored twice (also at ${a.other})`,
  "sheets.score-unreadable": (a) => `${a.detail} cannot be read as a score`,
  "sheets.score-empty": (a) => `bid ${a.bid}, criterion ${a.criterion} has no score`,
  "sheets.formula-error": (a) => `the cell holds a formula that could not be used (${a.detail}): type the score itself`,
  "sheets.price-unreadable": (a) => `the price for bid ${a.bid} cannot be read: ${a.detail}`,
  "sheets.moderation-without-reason": (a) =>
    `the agreed score for bid ${a.bid}, criterion ${a.criterion} has no reason: record a fair summary of the panel's discussion`,
  "sheets.empty-file": () => "is empty (0 bytes): it may not have finished saving or copying",
  "profiles.unknown-score": (a) => `"${a.key}" is neither a section nor a criterion of the scoring model (use one of: ${a.known})`,
  "profiles.missing-score": (a) => `${a.profile} has no expected score for ${a.criterion}: give one for it or for the whole ${a.section} section`,
  "profiles.score-out-of-range": (a) => `the expected score ${a.score} is outside the scale (${a.low} to ${a.high})`,
  "profiles.missing-price": (a) => `${a.profile} has no price, and the scoring model scores price (give pounds, or a competitor's price relative to yours, e.g. "-15%")`,
  "profiles.unsupported-method": (a) => `what-if profiles cannot yet be scored under ${a.method}`,
  "profiles.above-budget": (a) => `${a.profile}'s price is above the model's budget ceiling, so it would be excluded`,
  "profiles.impossible-weight-ranges": (a) =>
    `no weighting fits these limits, as the weights always add up to 100%: the lowest weights add up to ${a.lows}% and the highest to ${a.highs}%`,
  "profiles.unknown-weight-range": (a) => `the scoring model has no weighted section "${a.section}" to limit (its sections: ${a.known})`,
  "profiles.no-table": () => "has no sheet with a header row naming Name, Role and at least one section (Quality, Social value, User panel) or criterion id",
  "profiles.bad-role": (a) => `the role "${a.value}" is not one we know: write "us" for your organisation, or "competitor" (or leave it blank)`,
  "profiles.not-one-organisation": (a) => `exactly one row must have the role "us" (your organisation); ${a.count === 0 ? "none has" : `${a.count} have`}`,
  "profiles.bad-score": (a) => `the score "${a.value}" is not a number or a range: write e.g. 3, 3.5 or 3-4.5`,
  "profiles.bad-weight-limit": (a) => `the weight limit "${a.value}" is not a percentage: write e.g. 10 or 25%`,
  "profiles.bad-price": (a) =>
    `the price "${a.value}" is not a price: write a whole-life price in pounds (e.g. 1015000), or for a competitor a change relative to yours with its sign (e.g. -15%)`,
  "scoring.moderation-needed": (a) =>
    `evaluators' scores for bid "${a.bid}", criterion ${a.criterion} differ by ${a.spread} (tolerance ${a.tolerance}): the panel must agree a moderated score; the mean is used until then`,
} satisfies Messages;

export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}

export function formatLocation(location: Location): string {
  const parts: string[] = [];
  const where = location.file ?? location.document;
  if (where !== undefined) parts.push(where);
  if (location.sheet !== undefined) parts.push(location.cell !== undefined ? `sheet "${location.sheet}", cell ${location.cell}` : `sheet "${location.sheet}"`);
  if (location.path !== undefined && location.path.length > 0) {
    const line = location.line !== undefined ? ` (line ${location.line})` : "";
    parts.push(`${formatPath(location.path)}${line}`);
  } else if (location.line !== undefined) {
    parts.push(`line ${location.line}`);
  }
  return parts.join(": ");
}

export function problemMessage(p: Problem): string {
  return (messages[p.code] as (args: unknown) => string)(p.args);
}

/** `model.yaml: sections.quality.criteria[2].weight (line 14): expected a number, got "ten"` */
export function formatProblem(p: Problem): string {
  const where = formatLocation(p.location);
  return where === "" ? problemMessage(p) : `${where}: ${problemMessage(p)}`;
}

export const problemCodes = Object.keys(messages) as ProblemCode[];
