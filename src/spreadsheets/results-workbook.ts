import { roundForDisplay, toNumber, type Exact } from "../arithmetic/exact.js";
import type { ScoredSectionKey } from "../model/scoring-model.js";
import { titleOfKey } from "../model/sections.js";
import { explainExclusion } from "../presentation/explain.js";
import { awardFigure, awardRuleSentence } from "../presentation/award-value.js";
import { GUIDE_VALUE_SCALE, isAwardOnValue } from "../scoring/award-on-value.js";
import { lotHeading } from "../presentation/lot-award.js";
import type { BidResult, CriterionResult, TenderResult } from "../scoring/result.js";
import { roundingFormula } from "../scoring/rounding.js";
import { withUserPanelCombined } from "../scoring/user-panel.js";
import { sheetName } from "./sheet-style.js";
import { XF, XlsxWriter, fittedHeight, type XfId, type XlsxFormula, type XlsxSheet, type XlsxValue, type ZipDeflater } from "./xlsx-writer.js";

/**
 * An exact value as the nearest double, remembered by the value itself: the results share one Exact for
 * each distinct score, points and weight (see planSections), so a framework's hundreds of thousands of
 * cells convert a few hundred values.
 */
const doubles = new WeakMap<Exact, number>();
const num = (value: Exact): number => {
  let double = doubles.get(value);
  if (double === undefined) doubles.set(value, (double = value.valueOf()));
  return double;
};
/** A live formula with the engine's value stored as its result, so the workbook shows numbers before it is recalculated. */
const formula = (text: string, value: Exact | number): XlsxFormula => ({ formula: text, result: typeof value === "number" ? value : num(value) });
/** Rows written between waits for the deflater (see XlsxSheet.drain): a few dozen kilobytes of text. */
const DRAIN_EVERY = 64;
/** In a tender in lots, every sheet's title names the lot its results are for. */
const lotSuffix = (result: TenderResult) => (result.lot === undefined ? "" : ` – ${lotHeading(result.lot)}`);

interface SectionLayout {
  sheet: string;
  /** Row of each bid's subtotal on the section sheet. */
  subtotalCell: Map<string, string>;
}

/**
 * The results workbook a procurement officer can audit by hand: totals and points are Excel formulas over
 * the scores and weights on the sheets (with the engine's exact values, as decimals, stored as results).
 * Bidder names, justifications and reasons are written as text, never as formulas, whatever they start with.
 */
export async function makeResultsWorkbook(
  scored: TenderResult,
  options: {
    roundingNote: string;
    inputs: { file: string; sha256: string }[];
    date: string;
    /** For one lot: how it is awarded, and the rule, in words. */
    lotAward?: string[] | undefined;
    /** The platform's deflater (Node's zlib in the CLI); fflate when not given. */
    deflater?: ZipDeflater | undefined;
  },
): Promise<Uint8Array> {
  // Never a user-panel member's id beside their own score: the panel's combined score per criterion only.
  const result = withUserPanelCombined(scored);
  const writer = new XlsxWriter({ title: `Results: ${result.tender.title}${lotSuffix(result)}`, creator: result.tender.authority, date: options.date }, { deflater: options.deflater });

  // Sheets appear in the order they are added; the summary is written after the others because it refers to them.
  const summary = writer.addSheet("Summary", { widths: [], headerRows: 2 });
  const sectionKeys = [...new Set(result.bids.flatMap((b) => b.sections.map((s) => s.section)))] as ScoredSectionKey[];
  const layouts = new Map<ScoredSectionKey, SectionLayout>();
  for (const key of sectionKeys) {
    // A further section titled like one of this workbook's own sheets (Price, Moderation) gets "section" added.
    const name = sectionTitleIn(result, key);
    layouts.set(key, await writeSection(writer, key, result, sheetName(["summary", "price", "moderation"].includes(name.toLowerCase()) && !(key in KNOWN) ? `${name} section` : name)));
  }
  let priceCells = new Map<string, string>();
  let wholeLifeCells = new Map<string, string>();
  if (result.price) ({ points: priceCells, wholeLife: wholeLifeCells } = await writePrice(writer, result, layouts));
  await writeModeration(writer, result);

  // Under an award-on-value method price earns no points: the total is the quality score, and the figure the award rests on has its own column.
  const figure = awardFigure(result);
  const onValue = figure !== undefined;
  // Each column says what it holds: the whole-life price with the years it covers, and each section's weight.
  const withExtensions = result.price?.includesExtensionYears === true && result.bids.some((b) => (b.price?.extensionYears.length ?? 0) > 0);
  // A price given as one total or as a discount does not show which years it covers: then the header names none.
  const yearsKnown = withExtensions || result.bids.every((b) => b.price === undefined || b.price.basis === "years");
  const wholeLifeHeader = result.price ? [yearsKnown ? `Whole-life price (${withExtensions ? "contract and extension years" : "contract years"})` : "Whole-life price"] : [];
  const weightOf = (k: ScoredSectionKey) => result.bids[0]?.sections.find((s) => s.section === k)?.weight;
  const sectionHeader = (k: ScoredSectionKey) => (weightOf(k) === undefined ? sectionTitleIn(result, k) : `${sectionTitleIn(result, k)} (${roundForDisplay(weightOf(k)!, 2).replace(/\.?0+$/, "")})`);
  const headers = [
    "Rank",
    "Bidder",
    ...wholeLifeHeader,
    ...(result.price && !onValue ? [`Price (${num(result.price.maxPoints)})`] : []),
    ...sectionKeys.map(sectionHeader),
    onValue ? "Quality total (100)" : "Total (100)",
    ...(figure ? [figure.header] : []),
    "Status",
    "Why",
  ];
  summary.options.widths = [7, 38, ...wholeLifeHeader.map(() => 18), ...headers.slice(2 + wholeLifeHeader.length, -2).map(() => 14), 14, 60];
  titleAndHeader(summary, `Results: ${result.tender.title} (${result.tender.reference})${lotSuffix(result)}`, headers);
  // Every cell of a bid's row wraps at the top; the figures are points, the whole-life price (and a money figure) pounds.
  const numericColumns = headers.length - 2; // all but Status and Why
  const first = result.price ? 4 : 3;
  const rowStyles: XfId[] = headers.map((_, i) => {
    const c = i + 1;
    if (result.price && c === 3) return XF.moneyWrap;
    if (c < first || c > numericColumns) return XF.wrap;
    return figure?.money === true && c === numericColumns ? XF.moneyWrap : XF.pointsWrap;
  });
  for (const bid of result.bids) {
    const rowNumber = summary.nextRow;
    const cells: XlsxValue[] = [bid.rank === null ? "–" : `${bid.rank}${bid.tiedWith.length > 0 ? "=" : ""}`, bid.bidder];
    if (result.price) {
      const ref = wholeLifeCells.get(bid.bidId);
      cells.push(ref && bid.price ? formula(ref, bid.price.wholeLifeCost) : "–");
    }
    if (result.price && !onValue) {
      const ref = priceCells.get(bid.bidId);
      cells.push(ref && bid.price?.points !== undefined ? formula(ref, bid.price.points) : "–");
    }
    for (const key of sectionKeys) {
      const section = bid.sections.find((s) => s.section === key)!;
      cells.push(formula(`'${layouts.get(key)!.sheet}'!${layouts.get(key)!.subtotalCell.get(bid.bidId)}`, section.points));
    }
    // Columns are 1-based: the last points column is the last cell pushed so far.
    const last = cells.length;
    // An excluded bid has no total beside the ranked ones, as in the report and the letters: its points stay in their columns.
    cells.push(bid.status === "excluded" ? "–" : formula(`SUM(${summary.letter(first)}${rowNumber}:${summary.letter(last)}${rowNumber})`, bid.total));
    if (figure) {
      const ref = priceCells.get(bid.bidId);
      cells.push(ref && bid.price?.awardValue !== undefined ? formula(ref, bid.price.awardValue.mul(figure.scale)) : "–");
    }
    cells.push(bid.status === "excluded" ? "Excluded" : bid.provisional ? "Provisional (moderation pending)" : "Ranked");
    const why = bid.exclusions.map(explainExclusion).join("; ");
    cells.push(why.charAt(0).toUpperCase() + why.slice(1));
    if (summary.row(cells, rowStyles, fittedHeight(summary, cells)) % DRAIN_EVERY === 0) await summary.drain();
  }
  summary.skip();
  for (const line of options.lotAward ?? []) summary.row([line]);
  summary.row([options.roundingNote]);
  const fromLowest = result.bids.some((b) => b.sections.some((s) => s.criteria.some((c) => !c.noPointsAt.equals(0))));
  summary.row([
    fromLowest
      ? "Each section's points come from its own sheet; each criterion's points = (combined score − the lowest score on the scale) ÷ (top of the scale − the lowest score) × the points the criterion is worth, where the scale is normalised from its lowest score (so the lowest score earns none), and combined score ÷ top of the scale × the points the criterion is worth elsewhere."
      : "Each section's points come from its own sheet; each criterion's points = combined score ÷ top of the scale × the points the criterion is worth.",
  ]);
  // Under an award-on-value method the ranking follows the figure, not the total: say so where the table is.
  // One sentence a row, so a long rule does not widen the printed page.
  if (figure !== undefined) for (const line of awardRuleSentence(result).split(/(?<=[.:;]) (?=[A-Z]|the |Price |only )/)) summary.row([line]);
  summary.end();

  const notes = writer.addSheet("Audit", { widths: [50, 70], headerRows: 2 });
  titleAndHeader(notes, "Input files", ["File", "SHA-256"]);
  for (const input of options.inputs) notes.row([input.file, input.sha256]);
  notes.skip();
  notes.row(["Scoring model", `${result.model.title}, version ${result.model.version}`]);
  if (result.lot !== undefined) notes.row(["Lot", lotHeading(result.lot)]);
  return writer.finish();
}

/** A bold title merged across the table, then a bold, shaded header row tall enough for its wrapped labels. */
function titleAndHeader(sheet: XlsxSheet, title: string, headers: readonly string[]): void {
  const row = sheet.row([title], XF.title, 36);
  sheet.mergeAcross(row, 1, headers.length);
  sheet.row(headers, XF.header, fittedHeight(sheet, headers));
}

/** A live formula under the model's rounding rule, when the rule rounds figures at this level. */
function roundedAs(result: TenderResult, level: "criterion" | "section", expression: string): string {
  return result.rounding?.of === level ? roundingFormula(expression, result.rounding.step) : expression;
}

const plainFigure = (value: Exact) => roundForDisplay(value, 6).replace(/\.?0+$/, "");

/** A criterion's points as a live formula: its share of the scale (from zero, or from the scale's lowest score) × its worth. */
function criterionPointsFormula(combined: string, top: string, worth: string, c: CriterionResult): string {
  if (c.measure !== undefined) {
    // A quantitative criterion: interpolation clamped between the published bounds, or against the best offer (in `top`).
    if (c.measure.method === "interpolation") return `MAX(0,MIN(1,(${combined}-(${plainFigure(c.measure.worst!)}))/(${top}-(${plainFigure(c.measure.worst!)}))))*${worth}`;
    return c.measure.better === "lower" ? `${top}/${combined}*${worth}` : `${combined}/${top}*${worth}`;
  }
  if (c.noPointsAt.equals(0)) return `${combined}/${top}*${worth}`;
  const low = String(toNumber(c.noPointsAt)); // a score on the scale, as written in the model
  return `(${combined}-${low})/(${top}-${low})*${worth}`;
}

const KNOWN = { quality: true, socialValue: true, userPanel: true };

/** The usual name of a known section (Quality, …), or a further section's own title, from the result. */
function sectionTitleIn(result: TenderResult, key: ScoredSectionKey): string {
  return titleOfKey(key, result.bids[0]?.sections.find((s) => s.section === key)?.title);
}

async function writeSection(writer: XlsxWriter, key: ScoredSectionKey, result: TenderResult, name: string): Promise<SectionLayout> {
  // In order of first appearance; a loop, not arrays of every score's evaluator (a million at framework scale).
  const seen = new Set<string>();
  for (const b of result.bids) for (const c of b.sections.find((s) => s.section === key)!.criteria) for (const e of c.evaluatorScores) seen.add(e.evaluatorId);
  const evaluators = [...seen];
  const headers = ["Bid ID", "Bidder", "Criterion", ...evaluators, "Combined score", "How combined", "Top of scale", "Criterion worth (points)", "Points"];
  const sheet = writer.addSheet(name, { widths: [9, 30, 34, ...evaluators.map(() => 8), 12, 22, 10, 12, 10], headerRows: 2 });
  titleAndHeader(sheet, `${sectionTitleIn(result, key)}: every criterion's scores and points${lotSuffix(result)}`, headers);
  const col = (name: string) => headers.indexOf(name) + 1;
  const letter = (n: number) => sheet.letter(n);
  // Every cell at the top of its row, beside the first line of a wrapped criterion; the combined score and the points to two places.
  const rowStyles: XfId[] = headers.map((_, i) => (i + 1 === col("Combined score") || i + 1 === col("Points") ? XF.pointsWrap : XF.wrap));
  const firstEval = 4;
  const lastEval = firstEval + evaluators.length - 1;
  const firstRow = 3;
  // The same text for every bid's row of a criterion: made once, so the shared-strings lookup hashes it once.
  const criterionText = new Map<string, string>();
  const [firstLetter, lastLetter, combinedLetter, topLetter, worthLetter] = [letter(firstEval), letter(lastEval), letter(col("Combined score")), letter(col("Top of scale")), letter(col("Criterion worth (points)"))];
  for (const bid of result.bids) {
    const section = bid.sections.find((s) => s.section === key)!;
    for (const c of section.criteria) {
      const r = sheet.nextRow;
      const scores = evaluators.map((e, i) => {
        // Usually each evaluator's score is where the evaluator is in the list; otherwise search.
        const given = c.evaluatorScores[i]?.evaluatorId === e ? c.evaluatorScores[i] : c.evaluatorScores.find((x) => x.evaluatorId === e);
        return given ? num(given.score) : null;
      });
      const range = `${firstLetter}${r}:${lastLetter}${r}`;
      // The user panel's combined score is written as a value: its members' own scores are not in this workbook.
      const panel = c.panelMembers !== undefined;
      const measured = c.measure !== undefined;
      const scored = c.evaluatorScores.length > 0 || (panel && c.panelMembers! > 0) || c.basis === "moderated" || measured;
      const combined =
        c.basis === "moderated" || panel || measured ? num(c.combined) : c.evaluatorScores.length === 0 ? "–" : formula(c.basis === "median" ? `MEDIAN(${range})` : `AVERAGE(${range})`, c.combined);
      const how =
        c.measure !== undefined
          ? `The figure offered, in ${c.measure.unit}; ${c.measure.method === "interpolation" ? `${plainFigure(c.measure.best)} earns all the points (Top of scale), ${plainFigure(c.measure.worst!)} none` : "against the best figure offered (Top of scale)"}`
          : c.basis === "moderated"
          ? `Agreed at moderation: ${c.moderation?.reason ?? ""}`
          : panel
            ? `${c.basis === "median" ? "Median" : "Mean"} of ${c.panelMembers} user-panel members' scores`
            : c.basis === "median"
              ? "Median"
              : "Mean";
      const combinedRef = `${combinedLetter}${r}`;
      let criterion = criterionText.get(c.criterionId);
      if (criterion === undefined) criterionText.set(c.criterionId, (criterion = `${c.criterionId} ${c.title}`));
      const cells: XlsxValue[] = [
        bid.bidId,
        bid.bidder,
        criterion,
        ...scores,
        combined,
        how,
        num(c.measure?.best ?? c.scaleMax),
        num(c.availablePoints),
        !scored
          ? "–"
          : formula(roundedAs(result, "criterion", criterionPointsFormula(combinedRef, `${topLetter}${r}`, `${worthLetter}${r}`, c)), c.points),
      ];
      if (sheet.row(cells, rowStyles, fittedHeight(sheet, cells)) % DRAIN_EVERY === 0) await sheet.drain();
    }
  }
  const lastRow = sheet.nextRow - 1;
  sheet.skip();
  sheet.row(["Bid ID", "Bidder", `${sectionTitleIn(result, key)} subtotal (points)`], XF.bold);
  const subtotalCell = new Map<string, string>();
  const pointsLetter = letter(col("Points"));
  const subtotalStyles = [XF.plain, XF.plain, XF.points] as const;
  for (const bid of result.bids) {
    const r = sheet.nextRow;
    const section = bid.sections.find((s) => s.section === key)!;
    // SUMIF by bid id, so the subtotals stay right if someone sorts the rows above.
    const subtotal = `SUMIF($A$${firstRow}:$A$${lastRow},A${r},$${pointsLetter}$${firstRow}:$${pointsLetter}$${lastRow})`;
    sheet.row([bid.bidId, bid.bidder, formula(roundedAs(result, "section", subtotal), section.points)], subtotalStyles);
    subtotalCell.set(bid.bidId, `C${r}`);
  }
  sheet.end();
  return { sheet: sheet.name, subtotalCell };
}

async function writePrice(writer: XlsxWriter, result: TenderResult, layouts: Map<ScoredSectionKey, SectionLayout>): Promise<{ points: Map<string, string>; wholeLife: Map<string, string> }> {
  const price = result.price!;
  const years = Math.max(...result.bids.map((b) => b.price?.years.length ?? 0));
  const extensions = Math.max(...result.bids.map((b) => b.price?.extensionYears.length ?? 0));
  const figure = awardFigure(result);
  // Under a discount method each bid offers a discount on the base, and its whole-life price follows from it.
  const discount = price.base !== undefined;
  const headers = [
    "Bid ID",
    "Bidder",
    ...Array.from({ length: years }, (_, i) => `Year ${i + 1}`),
    ...Array.from({ length: extensions }, (_, i) => `Extension year ${i + 1}`),
    ...(discount ? ["Discount (%)"] : []),
    "Whole-life price",
    "In contention",
    figure ? figure.header : "Price points",
  ];
  // Rows: title, formula, maximum, lowest, highest, then budget or base and discounts (if any), a blank row, the table.
  const maxRow = 3;
  const extraRows = (price.budget ? 1 : 0) + (discount ? 2 + (price.method.type === "discount-bilinear" ? 1 : 0) : 0);
  const headerRow = maxRow + 2 + extraRows + 2;
  // The rows above the table and its header stay in view, and head every printed page.
  const sheet = writer.addSheet("Price", { widths: headers.map((_, i) => (i === 1 ? 34 : 16)), headerRows: headerRow });
  sheet.row([`Price: ${price.description.name}${lotSuffix(result)}`], XF.heading);
  sheet.row([`Formula: ${price.description.formula}`]);
  sheet.row(["Maximum points", num(price.maxPoints)]);
  const firstBidRow = headerRow + 1;
  const discountCol = 3 + years + extensions;
  const wlcCol = discountCol + (discount ? 1 : 0);
  const contentionCol = wlcCol + 1;
  const letter = (n: number) => sheet.letter(n);
  const wlc = letter(wlcCol);
  const contenders = result.bids.map((b, i) => ({ b, r: firstBidRow + i })).filter(({ b }) => b.price?.points !== undefined || b.price?.awardValue !== undefined);
  const contentionRefs = contenders.map(({ r }) => `${wlc}${r}`).join(",");
  const money = [XF.plain, XF.money] as const;
  const percent = [XF.plain, XF.discount] as const;
  const lowestRow = sheet.row(["Lowest whole-life price (bids in contention)", contenders.length > 0 ? formula(`MIN(${contentionRefs})`, price.lowest ?? 0) : "–"], money);
  const highestRow = sheet.row(["Highest whole-life price (bids in contention)", contenders.length > 0 ? formula(`MAX(${contentionRefs})`, price.highest ?? 0) : "–"], money);
  const budgetRow = price.budget ? sheet.row(["Budget", num(price.budget)], money) : 0;
  const baseRow = discount ? sheet.row(["Base price", num(price.base!)], money) : 0;
  const discountRefs = contenders.map(({ r }) => `${letter(discountCol)}${r}`).join(",");
  const highestDiscountRow = discount ? sheet.row(["Highest discount (%)", contenders.length > 0 ? formula(`MAX(${discountRefs})`, price.highestDiscount ?? 0) : "–"], percent) : 0;
  const meanDiscountRow =
    discount && price.method.type === "discount-bilinear" ? sheet.row(["Mean discount (%)", contenders.length > 0 ? formula(`AVERAGE(${discountRefs})`, price.meanDiscount ?? 0) : "–"], percent) : 0;

  sheet.skip();
  const header = sheet.row(headers, XF.bold);
  if (header !== headerRow) throw new Error(`price table header at row ${header}, expected ${headerRow}`);
  const bidStyles: XfId[] = headers.map((_, i) => {
    const c = i + 1;
    if (c >= 3 && c <= wlcCol) return discount && c === discountCol ? XF.discount : XF.money;
    if (c === contentionCol + 1) return figure?.money === true ? XF.money : XF.points;
    return XF.plain;
  });

  const refs = {
    M: `$B$${maxRow}`,
    L: `$B$${lowestRow}`,
    H: `$B$${highestRow}`,
    B: budgetRow ? `$B$${budgetRow}` : "",
    HD: highestDiscountRow ? `$B$${highestDiscountRow}` : "",
    MD: meanDiscountRow ? `$B$${meanDiscountRow}` : "",
  };
  const cells = new Map<string, string>();
  const wholeLife = new Map<string, string>();
  for (const [i, bid] of result.bids.entries()) {
    const r = firstBidRow + i;
    const p = bid.price;
    const includeExt = price.includesExtensionYears;
    const lastIncluded = includeExt ? discountCol - 1 : 2 + years;
    // The whole-life price is worked out in the sheet when it follows from the cells beside it; one total is entered as given.
    const whole = !p
      ? "–"
      : p.basis === "discount"
        ? formula(`$B$${baseRow}*(100-${letter(discountCol)}${r})/100`, p.wholeLifeCost)
        : p.basis === "total"
          ? num(p.wholeLifeCost)
          : formula(`SUM(C${r}:${letter(lastIncluded)}${r})`, p.wholeLifeCost);
    const row = sheet.row(
      [
      bid.bidId,
      bid.bidder,
      ...Array.from({ length: years }, (_, y) => (p?.years[y] ? num(p.years[y]!) : null)),
      ...Array.from({ length: extensions }, (_, y) => (p?.extensionYears[y] ? num(p.extensionYears[y]!) : null)),
      ...(discount ? [p?.discountPercent !== undefined ? num(p.discountPercent) : null] : []),
      whole,
      bid.price?.points !== undefined || bid.price?.awardValue !== undefined ? "Yes" : "No",
        pointsFormula(bid, { ...refs, wlc: `${wlc}${r}`, discount: `${letter(discountCol)}${r}`, result, layouts }),
      ],
      bidStyles,
    );
    if (row !== r) throw new Error(`price row for ${bid.bidId} at ${row}, expected ${r}`);
    if (row % DRAIN_EVERY === 0) await sheet.drain();
    cells.set(bid.bidId, `'${sheet.name}'!${letter(contentionCol + 1)}${r}`);
    if (p) wholeLife.set(bid.bidId, `'${sheet.name}'!${wlc}${r}`);
  }
  sheet.end();
  return { points: cells, wholeLife };
}

function pointsFormula(
  bid: BidResult,
  refs: { M: string; L: string; H: string; B: string; HD: string; MD: string; wlc: string; discount: string; result: TenderResult; layouts: Map<ScoredSectionKey, SectionLayout> },
): XlsxValue {
  const { M, L, H, B, HD, MD, wlc, discount: D, result } = refs;
  const method = result.price!.method;
  if (isAwardOnValue(method)) {
    const value = bid.price?.awardValue;
    if (value === undefined) return "–";
    const subtotals = bid.sections.map((s) => `'${refs.layouts.get(s.section)!.sheet}'!${refs.layouts.get(s.section)!.subtotalCell.get(bid.bidId)}`);
    switch (method.type) {
      case "price-per-quality-point":
        return formula(`${wlc}/(${subtotals.join("+")})`, value);
      case "guide-value":
      case "extended-guide-value":
        // Shown per £1 million, as the column says: the exact guide value is in the JSON results.
        return formula(`${GUIDE_VALUE_SCALE}*(${subtotals.join("+")})/${wlc}`, value.mul(GUIDE_VALUE_SCALE));
      case "fictional-price":
        // The deductions rest on each criterion's combined score; the figure is tender-eval's, not re-written as a formula.
        return num(value);
    }
  }
  const points = bid.price?.points;
  if (points === undefined) return "–";
  // Price points are rounded under either kind of rounding rule: price is a section of one figure.
  const rounded = (expression: string) => (result.rounding ? roundingFormula(expression, result.rounding.step) : expression);
  switch (method.type) {
    case "proportional":
      return formula(rounded(`${M}*${L}/${wlc}`), points);
    case "linear-interpolation":
      return formula(rounded(`IF(${H}=${L},${M},${M}*(${H}-${wlc})/(${H}-${L}))`), points);
    case "deviation-from-lowest":
      return formula(rounded(`MAX(0,${M}*(1-(${wlc}-${L})/${L}))`), points);
    case "budget-ceiling":
      return formula(rounded(`IF(${B}=${L},${M},${M}*(${B}-${wlc})/(${B}-${L}))`), points);
    case "logarithmic":
      // Excel works the logarithm in floating point; tender-eval's own figure (exact, or to 12 places) is the cached result.
      return formula(rounded(`MAX(0,${M}*(1-LN(${wlc}/${L})/LN(${method.multiple})))`), points);
    case "discount-ratio":
      return formula(rounded(`${M}*${D}/${HD}`), points);
    case "discount-bilinear": {
      const x = method.coefficient;
      return formula(rounded(`IF(${D}<=${MD},${M}*${x}*${D}/${MD},${M}*(${x}+(1-${x})*(${D}-${MD})/(${HD}-${MD})))`), points);
    }
    case "custom":
      // The commissioner's formula is evaluated by tender-eval, not re-written as an Excel formula.
      return num(points);
  }
}

async function writeModeration(writer: XlsxWriter, result: TenderResult): Promise<void> {
  // A framework has thousands of answers to moderate, with a handful of distinct scores and spreads: each
  // shared value is written to two places once.
  const shown = new WeakMap<Exact, string>();
  const twoPlaces = (value: Exact) => {
    let text = shown.get(value);
    if (text === undefined) shown.set(value, (text = roundForDisplay(value, 2)));
    return text;
  };
  const shownTrimmed = new WeakMap<Exact, string>();
  const trimmed = (value: Exact) => {
    let text = shownTrimmed.get(value);
    if (text === undefined) shownTrimmed.set(value, (text = twoPlaces(value).replace(/\.?0+$/, "")));
    return text;
  };
  const criterionText = new Map<string, string>();
  const sheet = writer.addSheet("Moderation", { widths: [9, 30, 34, 18, 12, 70], headerRows: 2 });
  titleAndHeader(sheet, `Moderation${lotSuffix(result)}`, ["Bid ID", "Bidder", "Criterion", "Evaluators' scores", "Agreed score", "Reason / status"]);
  for (const bid of result.bids) {
    for (const s of bid.sections) {
      for (const c of s.criteria) {
        if (!c.moderation && !c.needsModeration) continue;
        const cells: XlsxValue[] = [
          bid.bidId,
          bid.bidder,
          criterionText.get(c.criterionId) ?? criterionText.set(c.criterionId, `${c.criterionId} ${c.title}`).get(c.criterionId)!,
          c.panelMembers !== undefined
            ? `User panel (${c.panelMembers} members): combined ${trimmed(c.combined)}`
            : c.evaluatorScores.map((e) => trimmed(e.score)).join(", "),
          c.moderation ? num(c.moderation.score) : "–",
          c.moderation
            ? c.moderation.reason
            : c.moderationCause === "decides-exclusion"
              ? `Needs moderation: the combined score ${twoPlaces(c.combined)} is below the minimum and would exclude the bid`
              : `Needs moderation: scores ${twoPlaces(c.spread)} apart (tolerance ${twoPlaces(c.tolerance)})`,
        ];
        if (sheet.row(cells, XF.wrap, fittedHeight(sheet, cells)) % DRAIN_EVERY === 0) await sheet.drain();
      }
    }
  }
  if (!result.bids.some((b) => b.sections.some((s) => s.criteria.some((c) => c.moderation || c.needsModeration)))) {
    sheet.row(["", "No answer needed moderation."]);
  }
  sheet.end();
}
