import { exact, plainNumber, type Exact } from "../arithmetic/exact.js";
import { counted, formatCount, formatDate, formatMoney, formatPercent } from "../language/uk-format.js";
import {
  isFlagCode,
  type Finding,
  type FindingArgsByCode,
  type FindingCode,
  type FlagCode,
  type Location,
  type PathSegment,
  type Problem,
  type ProblemCode,
  type ReviewFlag,
  type ValueBasis,
} from "./problem.js";

type Messages = { [K in FindingCode]: (args: FindingArgsByCode[K]) => string };

const supplierDetailWords = { postalAddress: "postal address (postalAddress)", email: "email address (email)", uniqueIdentifier: "unique identifier (uniqueIdentifier)" } as const;
const regimeWords = { "light-touch": "light-touch contracts", "central-government": "central government", "sub-central": "sub-central authority" } as const;
const relativePriceWords = {
  proportional:
    "price is scored relative to the lowest bid (lowest ÷ price): a third bid's price changes everyone's price points and can reverse the order of two others",
  "deviation-from-lowest":
    "price is scored by how far it is above the lowest bid: a third bid's price changes everyone's price points and can reverse the order of two others",
  "discount-ratio":
    "price is scored as a discount relative to the highest discount offered (discount ÷ highest discount): a third bid's discount changes everyone's price points and can reverse the order of two others",
  "discount-bilinear":
    "price is scored as a discount against the mean and the highest discount of all the bids (the ANAC bilinear formula): every bid's discount moves the mean, so a third bid changes everyone's price points and can reverse the order of two others",
} as const;
const named = (x: { id: string; title: string }) => `${x.id} (${x.title})`;
const monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const yearsOf = (n: number) => `${n} year${n === 1 ? "" : "s"}`;

/** A contract value with exactly what it includes, from the specification (see ValueBasis). */
/** A section's weight in percent: whole as given (30%), or a share of a points total to 2 places (46.15%). */
const weightPercent = (weight: number): string => formatPercent(exact(weight));

export function valueWithBasis(value: Exact, b: ValueBasis): string {
  const vat = b.includesVat ? "including VAT" : "excluding VAT";
  const vatAdded = b.includesVat ? "" : `, with VAT at ${b.vatRatePercent}% added`;
  if (b.extensionYears === 0) {
    return b.includesVat
      ? `${formatMoney(value)} (the estimated value of the whole ${b.years}-year term, including VAT)`
      : `${formatMoney(value)} (the estimated ${formatMoney(b.stated)} for the whole ${b.years}-year term, excluding VAT${vatAdded})`;
  }
  const extension = `${b.extensionYears} optional extension year${b.extensionYears === 1 ? "" : "s"}`;
  return `${formatMoney(value)} (the estimated ${formatMoney(b.stated)} for the initial ${yearsOf(b.years)}, ${vat}, with the ${extension} counted at the same yearly rate${vatAdded})`;
}

/** "1 score", "108 scores": a count with its noun, singular or plural. */

// One sentence per code, problems and review flags alike, in plain English: the figures arrive raw and
// are written out here, so money, percents and points read the same everywhere. `satisfies` makes a new
// code impossible to ship without text.
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
  "schema.unknown-field": (a) =>
    `"${a.field}" is not a field tender-eval knows here${a.suggestion !== undefined ? `: did you mean "${a.suggestion}"?` : " (check the spelling)"}${
      a.allowed !== undefined && a.allowed.length > 0 ? `${a.suggestion !== undefined ? " The fields" : "; the fields"} allowed here are: ${a.allowed.join(", ")}` : ""
    }`,
  "schema.impossible-date": (a) =>
    a.day === undefined || a.month < 1 || a.month > 12
      ? `${a.date} is not a date: there is no month ${a.month} (write YYYY-MM-DD, e.g. 2026-11-21)`
      : `${a.day} ${monthNames[a.month - 1]} ${a.year} does not exist (${a.date}): check the day and month`,
  "schema.text-for-mapping": (a) =>
    `expected a mapping of fields, got ${a.received}: write each entry as "- ${a.field}: ${a.value}" (one per line), not just "- ${a.value}"`,
  "schema.not-allowed": (a) => `${a.received} is not allowed; use one of ${a.allowed}`,
  "schema.invalid": (a) => a.detail,
  "model.weights-do-not-add-up": (a) =>
    a.outOfField === undefined
      ? `the weights of ${a.what} add up to ${a.sum}, not ${a.expected}`
      : a.statedTotal
        ? `the weights of ${a.what} add up to ${a.sum}, not the ${a.expected} points given as ${a.outOfField}`
        : `the weights of ${a.what} add up to ${a.sum}, not 100 (weights given as points of another total, e.g. 60, 40 and 30 of 130, need that total stated as ${a.outOfField})`,
  "model.unknown-scale": (a) => `uses the scale "${a.scale}", which the model does not define (defined: ${a.known})`,
  "model.scale-not-ascending": (a) => `the values of scale "${a.scale}" must be listed from lowest to highest, each once`,
  "model.descriptor-not-on-scale": (a) => `describes the score ${a.value}, which is not on scale "${a.scale}"`,
  "model.threshold-not-on-scale": (a) => `the minimum ${a.value} is outside the scale's range ${a.low} to ${a.high}`,
  "model.duplicate-id": (a) => `the ${a.what} id "${a.id}" is used more than once`,
  "model.price-weight-with-price-per-quality-point": (a) =>
    `price per quality point ranks bids by price ÷ quality score, so the price section must have weight 0, not ${a.weight}`,
  "model.no-quality-for-price-per-quality-point": () =>
    "price per quality point needs at least one scored section (quality, social value or user panel) to divide by",
  "model.price-weight-with-award-on-value": (a) =>
    `under the ${a.method} price earns no points (the award rule itself weighs price against quality), so the price section must have weight 0, not ${a.weight}`,
  "model.no-quality-for-award-on-value": (a) =>
    `the ${a.method} needs at least one scored section (quality, social value or user panel) for a quality score`,
  "model.fictional-price-value-missing": (a) =>
    `the fictional price needs a value in pounds for every scored criterion, and ${a.criterion} has none: add it under values`,
  "model.fictional-price-unknown-criterion": (a) =>
    `values names the criterion "${a.criterion}", which the model does not have (criteria: ${a.known})`,
  "model.formula-invalid": (a) => `the price formula "${a.formula}" cannot be used: ${a.detail}`,
  "model.measure-bounds-equal": (a) => `criterion ${a.criterion} interpolates between a best and a worst figure that are both ${a.value}, so no figure can be placed between them`,
  "model.minimum-on-measured-criterion": (a) =>
    `criterion ${a.criterion} is quantitative, so a minimumScore (a mark on a scale) does not apply to it; to exclude figures beyond a limit, state the limit as a requirement (a gate)`,
  "model.tolerance-too-large": (a) =>
    `a moderation tolerance of ${a.tolerance} is wider than the whole scale (${a.range}), so no disagreement would ever be flagged`,
  "model.no-sections": () => "the model has no sections to score",
  "model.tie-break-without-section": (a) => `the tie-break rule "${a.rule}" needs a ${a.section} section, which the model does not have`,
  "model.tie-break-unknown-section": (a) =>
    `the tie-break rule "${a.rule}" names a section "${a.section}" that the model does not have: ${
      a.known === "" ? "the model has no further sections, so use highest-quality, highest-social-value, highest-user-panel or lowest-price" : `its further sections are ${a.known} (write highest- and the id, e.g. highest-${a.known.split(", ")[0]})`
    }`,
  "model.duplicate-section-title": (a) =>
    `the section title "${a.title}" is too like that of the section ${a.other} (the same in its first 24 letters, which name its worksheet): give it a title of its own`,
  "model.section-id": (a) =>
    a.suggestion !== undefined
      ? `"${a.id}" is not a section the model knows: did you mean ${a.suggestion}? (a further section needs an id of its own, e.g. fairWork)`
      : `the section id "${a.id}" must start with a letter and use only letters, digits, '-' and '_', e.g. fairWork`,
  "bids.no-evaluators-for-section": (a) => `nobody on the panel scores the ${a.section} section`,
  "bids.duplicate-bid": (a) => `bid "${a.bid}" appears more than once`,
  "bids.unknown-criterion": (a) => `"${a.criterion}" is not a criterion of the scoring model (criteria: ${a.known})`,
  "bids.unknown-evaluator": (a) => `"${a.evaluator}" is not an evaluator or user-panel member listed under panel`,
  "bids.evaluator-not-on-section": (a) => `evaluator "${a.evaluator}" is not on the panel for the ${a.section} section`,
  "bids.evaluator-not-on-criterion": (a) =>
    `evaluator "${a.evaluator}" scores only some criteria (panel.evaluators: criteria), and ${a.criterion} is not one of them: remove this score, or add ${a.criterion} to the evaluator's criteria`,
  "bids.no-evaluators-for-criterion": (a) => `no evaluator scores criterion ${a.criterion}: every evaluator of its section is named for other criteria only`,
  "bids.evaluator-criterion-not-in-sections": (a) =>
    `evaluator "${a.evaluator}" is named for criterion ${a.criterion}, which is not a criterion of the sections they score (${a.sections})`,
  "bids.evaluator-unknown-section": (a) =>
    `evaluator "${a.evaluator}" is listed for the section "${a.section}", which is not a section evaluators score in this model (sections: ${a.known}); the user panel's sections are scored by panel.userPanel`,
  "bids.score-not-on-scale": (a) => `the score ${a.score} is not on the scale "${a.scale}" (allowed: ${a.allowed})`,
  "bids.missing-score": (a) => `bid "${a.bid}" has no score from ${a.evaluator} for criterion ${a.criterion}`,
  "bids.missing-figure": (a) => `bid "${a.bid}" gives no figure (in ${a.unit}) for the quantitative criterion ${a.criterion}: add it under figures, e.g. ${a.criterion}: 4`,
  "bids.figure-not-positive": (a) => `bid "${a.bid}" offers ${a.figure} for criterion ${a.criterion}, which is scored against the best offer by division, so every figure must be above 0`,
  "bids.scores-for-measured-criterion": (a) => `criterion ${a.criterion} is quantitative: its points come from each bid's figure under figures, not from evaluators' or moderated scores`,
  "bids.missing-justification": (a) =>
    `the score ${a.evaluator} gave bid "${a.bid}" for ${a.criterion} has no justification, and the model requires one`,
  "bids.unknown-gate": (a) => `"${a.gate}" is not a pass/fail gate of the scoring model (gates: ${a.known})`,
  "bids.missing-gate-result": (a) => `bid "${a.bid}" has no pass or fail recorded for the gate "${a.gate}"`,
  "bids.missing-price": (a) => `bid "${a.bid}" has no price, and the scoring model scores price`,
  "bids.price-years-mismatch": (a) =>
    `bid "${a.bid}" gives ${counted(a.given, `${a.which} price`)}, but the contract has ${counted(a.expected, a.which === "contract-year" ? "contract year" : "extension year")}`,
  "bids.zero-price": (a) =>
    `bid "${a.bid}" has a whole-life price of £0, which the ${a.method} method cannot score (it divides by the price)`,
  "bids.no-discount": (a) =>
    `no bid in contention offers a discount (${a.bids}), which the ${a.method} method cannot score (it divides by the highest discount)`,
  "bids.price-form-mismatch": (a) =>
    a.expected === "discount"
      ? `bid "${a.bid}" gives prices, but the price method (${a.method}) scores a percentage discount on the base price: give discountPercent`
      : `bid "${a.bid}" gives a discount, but the price method (${a.method}) scores prices: give a price for each year (years) or one whole-life total (total)`,
  "bids.price-total-mismatch": (a) =>
    `bid "${a.bid}" gives a whole-life total of ${a.total}, but its yearly prices add up to ${a.sum}: correct one of them`,
  "bids.duplicate-evaluator": (a) => `the panel member id "${a.evaluator}" is used more than once`,
  "bids.moderation-unknown-bid": (a) => `moderation is recorded for bid "${a.bid}", which is not among the bids`,
  "bids.moderation-duplicate": (a) => `more than one agreed score is recorded for bid "${a.bid}", criterion ${a.criterion}`,
  "bids.missing-declaration": (a) =>
    `evaluator ${a.evaluator} has ${a.reason === "missing" ? "no declaration of interests recorded" : a.reason === "not-declared" ? "not made the declaration of interests" : "made the declaration of interests without a date"}: tick and date it on the score sheet's Declaration sheet, or record it under panel.declarations in the bids file`,
  "bids.interest-not-handled": (a) =>
    `evaluator ${a.evaluator} declared an interest but not how it was handled: record what was done (e.g. did not score that bid) under handling`,
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
    `was made from the scoring model as it was before it was changed (its fingerprint on the sheet is ${a.found}…, the model's now is ${a.expected}…): score with the model the sheets were made from, or make new sheets with tender-eval scoresheets and copy the scores into them`,
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
  "sheets.declaration-date-unreadable": (a) => `${a.evaluator}'s declaration date cannot be read as a date: type it as e.g. 14/10/2026`,
  "sheets.empty-file": () => "is empty (0 bytes): it may not have finished saving or copying",
  "sheets.matrix-no-reference": (a) =>
    `is a panel matrix that does not say which tender it scores: in the first rows of its first sheet, type "Tender reference" in a cell and ${a.reference} in the cell to its right`,
  "sheets.matrix-wrong-tender": (a) =>
    `is a panel matrix for another tender (${a.found}), not ${a.expected}: put this tender's matrix in the folder, or correct the reference if it was mistyped`,
  "sheets.matrix-no-header": (a) =>
    `sheet "${a.sheet}" has no panel-matrix header row: in its first 30 rows, a row with "Bid ID" and the criterion ids (Q1, Q2 …) as column headings`,
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
  "scoring.exclusion-needs-moderation": (a) =>
    `bid "${a.bid}" scored ${plainNumber(exact(a.score))} on criterion ${a.criterion}, below the minimum of ${a.minimum}, which excludes it: an exclusion must rest on the panel's agreed score, so the panel must moderate this answer and record the agreed score and its reason, even though the evaluators' scores are within the tolerance`,
  "scoring.workforce-share-undeclared": (a) =>
    `bid "${a.bid}" has not declared the share of its workforce who are disabled or disadvantaged: the contract is reserved for supported employment providers (at least ${plainNumber(exact(a.minimum))}%), so the bid is not ranked until it does; record the declared share as disadvantagedWorkforcePercent under the bid`,
  "lots.award-without-lots": () => "gives lotAward, the rules for awarding lots, but lists no lots: list the lots under lots, or remove lotAward",
  "lots.value-needed": (a) =>
    `lot ${a.lot} has no estimatedValue, but lots are awarded from the highest estimated value down (lotAward.order: highest-value): give every lot its estimated value, or award in lot order`,
  "lots.bid-without-lot": (a) => `bid "${a.bid}" names no lot, but the tender is in lots: add lot: with the id of the lot it is for (lots: ${a.known})`,
  "lots.unknown-lot": (a) =>
    a.known === ""
      ? `bid "${a.bid}" is for lot "${a.lot}", but the specification lists no lots: list the lots in the specification, or remove lot: from the bid`
      : `bid "${a.bid}" is for lot "${a.lot}", which the specification does not list (lots: ${a.known})`,
  "lots.same-bidder-twice": (a) => `the same bidder has more than one bid for lot ${a.lot} (bids ${a.bids}): a bidder makes one bid for each lot it bids for`,
  "lots.too-many-lots-bid": (a) =>
    `one bidder has bid for ${a.lots} lots (bids ${a.bids}), more than the ${a.maximum} the tender notice allows (lotAward.maxLotsBidPerBidder)`,
  "lots.no-bids": (a) => `no bid was made for lot ${a.lot}: it is not scored, and cannot be awarded`,
  "lots.choose-lot": (a) =>
    a.known === ""
      ? `there is no lot "${a.lot}": this tender is not in lots (its specification lists none), so leave out --lot`
      : a.lot === ""
        ? `this tender is in lots, and each lot has its own results: name the lot with --lot (lots: ${a.known})`
        : `"${a.lot}" is not one of this tender's lots (lots: ${a.known})`,
  "lots.weight-unknown-section": (a) => `lot ${a.lot} gives a weight for "${a.section}", which is not a section of the scoring model (its sections: ${a.known})`,
  "lots.weight-missing-section": (a) => `lot ${a.lot} gives its own weights but none for ${a.sections}: give a weight for every section of the scoring model`,
  "lots.weights-do-not-add-up": (a) => `lot ${a.lot}'s weights add up to ${a.sum}, not ${a.expected} as the scoring model's sections must`,
  "lots.award-tied": (a) =>
    `bids ${a.bids} share first place in lot ${a.lot} after every tie-break rule, so the lot is not awarded here: the panel must settle the tie by the procedure the tender documents publish, and the award of lots after it may depend on the outcome`,
  "tender.nothing-to-score": () =>
    "records no scores or prices yet: give the folder of returned score sheets and price schedules with --sheets, or record the scores in the bids file",
  "tender.not-scored-yet": () =>
    "no scores or prices are recorded yet, so this review covers the scoring model and the process; review again with --sheets once the score sheets are back",
  "tender.scores-to-come": (a) => {
    const from = [counted(a.evaluators, "evaluator"), ...(a.userPanelMembers > 0 ? [counted(a.userPanelMembers, "user-panel member")] : [])];
    const scores = a.scores > 0 ? `${counted(a.scores, "score")} from ${from.join(" and ")}` : "";
    const sheets = [scores, ...(a.prices > 0 ? [counted(a.prices, "price")] : [])].filter((x) => x !== "").join(" and ");
    // Gate results are recorded by the panel in bids.yaml: the score sheets have no place for them.
    const example = a.gates.map((g) => `${g}: pass`).join(", ");
    const gates = a.gateResults > 0 ? `; ${counted(a.gateResults, "pass/fail gate result")} to record in the bids file (under each bid, gates: { ${example} }, with pass or fail)` : "";
    return `Still to come: ${sheets}, from the score sheets and price schedules (send them with tender-eval scoresheets)${gates}`;
  },
  "input.no-bids": () =>
    "there is no bids file: scoring needs one naming the panel and the bidders (bids.yaml); their scores and prices can come from the returned score sheets",
  "input.results-not-bids": () =>
    "this is a results file written by tender-eval score, not a bids file: give the bids file (bids.yaml), and the returned score sheets with --sheets",
  "sheets.none": (a) => `holds no .xlsx workbook to read (${a.files === 0 ? "it is empty" : `${a.files} other file${a.files === 1 ? "" : "s"}`})`,
  "whatif.award-on-value": (a) =>
    `the what-if analysis moves section weights and ranks on points totals, but under the ${a.method} the award follows another figure, so it is not run for this model`,
  "whatif.unknown-bid": (a) => `there is no bid "${a.bid}" (bids: ${a.known})`,
  "whatif.unknown-weight-range": (a) => `the scoring model has no weighted section "${a.section}" to limit (its sections: ${a.known})`,
  "whatif.weight-limits-too-narrow": (a) => `the weight limits (${a.limits}) leave almost no possible weightings: ${a.detail}`,
  "whatif.no-organisation": () => "the briefing is written for one organisation: say which bid is yours with --bid (or give --profiles)",
  "holidays.bad-coverage": (a) => `covers years from ${a.from} to ${a.to}: the first year must not come after the last`,
  "holidays.duplicate-year": (a) => `lists ${a.year} more than once: give each year once`,
  "holidays.year-not-covered": (a) => `lists ${a.year}, outside the years the file says it covers (${a.from} to ${a.to}): change covers, or remove the year`,
  "holidays.year-missing": (a) =>
    `says it covers ${a.from} to ${a.to} but has no bank holidays for ${a.year}: add them (from https://www.gov.uk/bank-holidays), or narrow covers`,
  "holidays.projection-unexplained": (a) => `${a.year} is marked projected, but the file does not say how projected years were derived (projection)`,
  "holidays.date-in-wrong-year": (a) => `${formatDate(a.date)} is listed under ${a.year}: move it to its own year`,
  "holidays.duplicate-date": (a) => `${formatDate(a.date)} is listed twice for the same part of the United Kingdom`,
  "standstill.outside-holidays": (a) =>
    a.which === "notice"
      ? `${formatDate(a.date)} is outside the years the bank-holiday list covers (${a.from} to ${a.to}), so the standstill period cannot be counted: give a list that covers it with --bank-holidays`
      : `the standstill period would run into ${formatDate(a.date)}, outside the years the bank-holiday list covers (${a.from} to ${a.to}), so its end cannot be counted: give a list that covers it with --bank-holidays`,
  "standstill.too-short": (a) =>
    `the standstill period is ${counted(a.days, "working day")}, shorter than the ${a.minimum} working days the Procurement Act 2023 requires (s.51(2), and s.51(5) for a voluntary period)`,
  "standstill.notice-before-summaries": (a) =>
    `the contract award notice (${formatDate(a.notice)}) would be published before the assessment summaries are dated (${formatDate(a.issued)}), but the Procurement Act 2023 s.50(3) requires the summaries first: check --award-notice-date and --date`,
  "standstill.projected-holidays": (a) =>
    `the standstill end date relies on bank holidays for ${a.years.join(" and ")} that GOV.UK has not yet published (projected from the usual pattern): check https://www.gov.uk/bank-holidays before sending`,
  "equality.bids-not-used": (a) =>
    `the bids could not be scored yet (${a.problems} problem${a.problems === 1 ? "" : "s"}: run tender-eval score to see them), so the weighting review in the assessment covers the model and the process only`,
  "summaries.feedback-missing": (a) =>
    `no feedback to the bidder is recorded for bid ${a.bid} (${a.bidder}), criterion ${a.criterion}: write the panel's agreed explanation of the score in the bids file (bids[].feedback.${a.criterion}) or the moderation sheet's Feedback to the bidder column`,
  "summaries.feedback-names-panel": (a) =>
    `the feedback to the bidder for bid ${a.bid} (${a.bidder}), criterion ${a.criterion} names ${a.ids.length === 1 ? "the panel member" : "the panel members"} ${a.ids.join(", ")}: a summary goes to bidders, who must not see who scored what or individual marks; rewrite it as the panel's agreed explanation of the score, by reference to the tender`,
  "summaries.supplier-details-missing": (a) =>
    `bid ${a.bid} (${a.bidder}) has no ${a.missing.map((m) => supplierDetailWords[m]).join(", no ")}: the assessment summaries must state them (Procurement Regulations 2024 reg. 31(2)(b) and (c))`,
  "summaries.award-criteria-location-missing": () =>
    "does not say where bidders can read the award criteria in full: add awardCriteriaLocation (a web address or the tender document and part), which the assessment summaries must state (Procurement Regulations 2024 reg. 31(2)(d)(ii))",
  "summaries.moderation-pending": (a) =>
    `the scores for bid ${a.bid} (${a.bidder}), criterion ${a.criterion} differ by more than the tolerance and the panel has not agreed a score yet: moderate first, so no summary states a provisional score`,
  "summaries.contact-missing": () => "names no contact for bidders' questions: add contact (name and email), whom the assessment summaries name",
  "summaries.regime-not-built": (a) =>
    `regime ${a.regime} is not built yet: tender-eval writes assessment summaries under the Procurement Act 2023 with the Procurement Regulations 2024 only (${
      a.regime === "procurement-act-2023-wales" ? "for devolved Welsh authorities, regulation 32 of the Procurement (Wales) Regulations 2024 sets the contents" : "Scottish authorities send a standstill letter under the Public Contracts (Scotland) Regulations 2015"
    }), so no summaries were written`,

  // Weighting-review flags (docs/flags.md)
  "review.token-weight": (a) =>
    `${a.criterion ? `Criterion ${named(a.criterion)}` : `The ${a.sectionTitle.toLowerCase()} section`} can move a bid's total by at most ${plainNumber(a.swing)} points, less than one scale step (${plainNumber(a.step)} points) on ${named(a.heaviest)}, so it carries little weight beside it${
      // Without bids the arithmetic proves only the comparison of weights: averaged marks and differences
      // that cancel elsewhere can still let a light criterion decide an order, so only re-ranking says whether it did.
      a.outcome === undefined
        ? ""
        : a.outcome.overtaken === undefined
          ? "; with these bids it decided no place in the ranking"
          : `; with these bids it did decide an order: without it, ${a.outcome.overtaken.behind} would rank above ${a.outcome.overtaken.ahead}`
    }`,
  "review.price-weight-above-policy": (a) =>
    `price carries ${weightPercent(a.weight)} of the marks, above the ${a.maximum}% this policy allows for ${a.careAndSupport ? "care, support and other labour-intensive services" : "this kind of service"}`,
  "review.price-above-quality": (a) => `price (${weightPercent(a.price)}) is weighted above quality (${weightPercent(a.quality)}), so the cheapest bid can win over a better service`,
  "review.social-value-missing": () => "the model has no social value section (the Public Services (Social Value) Act 2012 asks you to consider it)",
  "review.social-value-token": (a) =>
    `social value carries ${plainNumber(a.weight)}%, the token "added value" share (${a.token}% or less) that is too small to reward what local and user-led organisations add`,
  "review.social-value-below-minimum": (a) =>
    `social value carries ${plainNumber(a.weight)}% of ${a.of === "quality-score" ? "the quality score" : "the total score"}, below the minimum of ${a.minimum}%`,
  "review.social-value-hard-to-evidence": (a) =>
    `social value criterion ${a.criterion} is measured by ${a.terms.map((t) => `"${t}"`).join(", ")}, which small organisations and charities cannot readily evidence`,
  "review.no-user-panel": () => "the service has users but the model has no section scored by a user panel",
  "review.user-panel-too-light": (a) => `the user-panel section carries ${weightPercent(a.weight)}, below the ${a.minimum}% that lets it matter`,
  "review.price-heavy-without-quality-threshold": (a) =>
    `price carries ${weightPercent(a.weight)} (at least ${a.trigger}%) but no quality criterion or section has a minimum score, so a low-quality, low-price bid can win`,
  "review.relative-price-scoring": (a) => relativePriceWords[a.method],
  "review.interpolation-price-scoring": () =>
    "price is interpolated between lowest and highest: a tiny gap between two prices turns into the full price weight, and one outlying bid reshapes everyone's points",
  "review.tendering-period-below-statutory-minimum": (a) =>
    `bidders have ${a.days} days from publication to the deadline, below the statutory minimum of ${a.minimum} days for a ${a.procedure} procedure`,
  "review.tendering-period-short": (a) =>
    `bidders have ${a.days} days from publication to the deadline, less than the ${a.recommended} days small user-led organisations need to respond`,
  "review.words-disproportionate": (a) =>
    `the tender asks for up to ${formatCount(a.words)} words of answers, more than the ${formatCount(a.allowance)} words proportionate to a contract worth ${formatMoney(a.annualValue)} a year (${a.includesVat ? "including" : "excluding"} VAT)`,
  "review.regime": (a) =>
    `the estimated value ${valueWithBasis(a.value, a.basis)} is ${a.above ? "at or above" : "below"} the ${regimeWords[a.regime]} threshold of ${formatMoney(a.threshold)}`,
  "review.consider-lots": (a) =>
    `a single contract worth ${valueWithBasis(a.value, a.basis)} with no lots: consider splitting it so smaller organisations can bid, and record the reasons if not`,
  "review.consider-reserved-contract": (a) =>
    `the service is for disabled people but is not reserved: a contract reserved for supported employment providers (at least ${a.minimum}% disabled or disadvantaged workers) or public service mutuals may be possible`,
  "review.below-threshold-reservation": (a) =>
    a.problem === "value-above-threshold"
      ? `the contract is reserved as a below-threshold contract, but its estimated value ${valueWithBasis(a.value, a.basis)} is at or above the threshold of ${formatMoney(a.threshold)}: only contracts below the threshold may be reserved to suppliers in an area or to SMEs and VCSEs`
      : a.problem === "no-area-or-sme"
        ? "the contract is reserved as a below-threshold contract but says neither the area suppliers must be based in (reservation.area) nor that only SMEs and VCSEs may bid (reservation.smallAndVoluntaryOnly)"
        : "for central government, a reservation to SMEs and VCSEs may be used only together with a reservation by supplier location (PPN 005): give reservation.area as well",
  "review.approval-route": (a) => `under the scheme of delegation in the review policy, a contract worth ${valueWithBasis(a.value, a.basis)} is approved by: ${a.approver} (check it against your authority's own)`,
  "review.effective-weight": (a) => {
    const decides = `${a.section === "price" ? "price" : a.sectionTitle.toLowerCase()} decides ${a.direction === "less" ? "only " : ""}${plainNumber(a.effective.round(1))}% of the differences between bids' totals, against its published weight of ${plainNumber(a.nominal)}%`;
    if (a.direction === "more") {
      return a.section === "price"
        ? `${decides} (more than ${a.factor} times): the arithmetic of the price method, not the bids' quality, is deciding the outcome`
        : `${decides} (more than ${a.factor} times): it counts for more in the outcome than the model publishes, because the bids' scores differ most on it`;
    }
    return `${decides} (less than its published weight divided by ${a.factor}): it counts for far less in the outcome than the model publishes, because the bids ${a.section === "price" ? "are priced closely" : "score alike on it"}`;
  },
  "review.rank-reversal": (a) =>
    `withdrawing ${a.bidder} would reverse the order of ${a.firstBidder} and ${a.secondBidder}: their ranking depends on a third bid's price`,
  "review.abnormally-low-price": (a) =>
    `${a.bidder}'s price ${formatMoney(a.price)} is ${formatPercent(a.belowAverage, 1)} below the average of all prices excluding the highest (${formatMoney(a.average)}) and ${formatPercent(a.belowNext, 1)} below the next lowest (${formatMoney(a.nextLowest)}): investigate before award and give the bidder the chance to show it can deliver`,
  "review.moderation-share-high": (a) =>
    `${a.count} of ${a.total} answers (${plainNumber(a.share.round(1))}%) need moderation, more than ${a.maximum}%: check that evaluators read the scale descriptors the same way`,
  "review.evaluator-outlier": (a) =>
    `evaluator ${a.evaluator} scores on average ${plainNumber(a.offset.round(1))}% of the scale ${a.direction} the other evaluators (limit ${plainNumber(a.limit)}%)`,
  "review.weak-justification": (a) =>
    `the justification ${a.evaluator} gave ${a.bidder} for ${a.criterion} ${
      a.reason === "empty"
        ? "is empty"
        : a.reason === "too-short"
          ? `is only ${a.words} word${a.words === 1 ? "" : "s"} long`
          : `mostly repeats the criterion or the scale descriptor (${Math.round(a.overlapPercent)}% of its words)`
    }; it may not defend the score if challenged`,
  "review.reserved-eligibility": (a) =>
    `${a.bidder} declares ${a.declared}% disabled or disadvantaged workers, below the ${a.minimum}% this reserved contract requires`,
  "review.reserved-eligibility-undeclared": (a) =>
    `${a.bidder} has not declared its share of disabled or disadvantaged workers, which this reserved contract requires (at least ${a.minimum}%)`,
  "review.user-panel-identity": (a) =>
    `user-panel member id "${a.member}" looks like a person's name; panel members' identities must never appear in outputs, so use an anonymous id`,
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
  if (location.option !== undefined) parts.push(location.option);
  if (location.sheet !== undefined) parts.push(location.cell !== undefined ? `sheet "${location.sheet}", cell ${location.cell}` : `sheet "${location.sheet}"`);
  if (location.path !== undefined && location.path.length > 0) {
    const line = location.line !== undefined ? ` (line ${location.line})` : "";
    parts.push(`${formatPath(location.path)}${line}`);
  } else if (location.line !== undefined) {
    parts.push(`line ${location.line}`);
  }
  return parts.join(": ");
}

/** The sentence for any finding, without where it points. */
export function findingMessage(f: Finding): string {
  return (messages[f.code] as (args: unknown) => string)(f.args);
}

/** `model.yaml: sections.quality.criteria[2].weight (line 14): expected a number, got "ten"` */
export function formatFinding(f: Finding): string {
  const where = formatLocation(f.location);
  return where === "" ? findingMessage(f) : `${where}: ${findingMessage(f)}`;
}

// Problems and review flags are the same shape, so their formatters are the finding formatters.
export const problemMessage: (p: Problem) => string = findingMessage;
export const formatProblem: (p: Problem) => string = formatFinding;
export const flagMessage: (f: ReviewFlag) => string = findingMessage;
export const formatFlag: (f: ReviewFlag) => string = formatFinding;

export const findingCodes = Object.keys(messages) as FindingCode[];
/** Documented in docs/problems.md. */
export const problemCodes: ProblemCode[] = findingCodes.filter((c): c is ProblemCode => !isFlagCode(c));
/** Documented in docs/flags.md. */
export const flagCodes: FlagCode[] = findingCodes.filter(isFlagCode);
