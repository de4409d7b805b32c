import { exact, type Exact } from "../arithmetic/exact.js";
import { formatMoney, formatPercent, formatPoints } from "../language/uk-format.js";
import { GUIDE_VALUE_SCALE, GUIDE_VALUE_UNIT } from "../scoring/award-on-value.js";
import type { BidResult, TenderResult } from "../scoring/result.js";

/**
 * How an award-on-value figure is shown, in one place for the terminal, the workbook and the documents:
 * £ per quality point, guide value per £1 million, fictional price.
 */
export interface AwardFigure {
  /** Column header. */
  header: string;
  /** Shown in pounds (else as points to 2 decimal places). */
  money: boolean;
  /** What the exact value is multiplied by for display. */
  scale: Exact;
  /** "a guide value of 87.50 quality points per £1 million of whole-life price" */
  phrase(value: Exact): string;
}

const SCALE = exact(GUIDE_VALUE_SCALE);

export function awardFigure(result: Pick<TenderResult, "rankingBasis">): AwardFigure | undefined {
  switch (result.rankingBasis) {
    case "total-points":
      return undefined;
    case "price-per-quality-point":
      return { header: "£ per quality point", money: true, scale: exact(1), phrase: (v) => `a price per quality point of ${formatMoney(v)}` };
    case "guide-value":
    case "extended-guide-value":
      return {
        header: "Guide value (points per £1m)",
        money: false,
        scale: SCALE,
        phrase: (v) => `a guide value of ${formatPoints(v.mul(SCALE))} quality points per ${GUIDE_VALUE_UNIT}`,
      };
    case "fictional-price":
      return { header: "Fictional price", money: true, scale: exact(1), phrase: (v) => `a fictional price of ${formatMoney(v)}` };
  }
}

/** The figure as shown in a table cell, or – when the bid has none (not ranked). */
export function awardCell(figure: AwardFigure, bid: BidResult): string {
  const v = bid.price?.awardValue;
  if (v === undefined) return "–";
  return figure.money ? formatMoney(v.mul(figure.scale)) : formatPoints(v.mul(figure.scale));
}

/**
 * One sentence on how a bid's figure was reached, for the report and the bidder's letter, e.g. "Your
 * whole-life price of £80,000, less £1,500 for quality, gives a fictional price of £78,500."
 */
export function awardSentence(result: TenderResult, bid: BidResult, whose: string): string {
  const figure = awardFigure(result);
  const p = bid.price;
  if (figure === undefined || p === undefined) return "";
  if (p.awardValue === undefined) return `${whose} tender was not ranked, so it has no ${figure.header.toLowerCase().replace(/ \(.*\)$/, "")}.`;
  const quality = formatPoints(bid.total);
  switch (result.rankingBasis) {
    case "price-per-quality-point":
      return `${whose} whole-life price of ${formatMoney(p.wholeLifeCost)} ÷ ${whose.toLowerCase() === "your" ? "your" : "its"} quality score of ${quality} gives ${figure.phrase(p.awardValue)}.`;
    case "guide-value":
    case "extended-guide-value": {
      const band = p.withinBand === undefined ? "" : p.withinBand ? ", within the band" : ", outside the band";
      return `${whose} quality score of ${quality} ÷ whole-life price of ${formatMoney(p.wholeLifeCost)} gives ${figure.phrase(p.awardValue)}${band}.`;
    }
    case "fictional-price": {
      const deducted = p.variables["deducted"] ?? p.wholeLifeCost.sub(p.awardValue);
      return `${whose} whole-life price of ${formatMoney(p.wholeLifeCost)}, less ${formatMoney(deducted)} for the quality of ${whose.toLowerCase() === "your" ? "your" : "its"} answers, gives ${figure.phrase(p.awardValue)}.`;
    }
    default:
      return "";
  }
}

/** The extended guide value method's band as applied: its bounds and which tenders fell within it. */
export function bandSentence(result: TenderResult): string {
  const band = result.band;
  if (band === undefined) return "";
  const names = band.bidIds.map((id) => result.bids.find((b) => b.bidId === id)!.bidder);
  const decides = band.decidedBy === "highest-quality" ? "the highest quality score" : "the lowest whole-life price";
  const within = names.length === 1 ? `only ${names[0]} was within it` : `${names.slice(0, -1).join(", ")} and ${names.at(-1)} were within it, and ${decides} decided between them`;
  return `The highest guide value was ${formatPoints(band.best.mul(SCALE))} quality points per ${GUIDE_VALUE_UNIT}; the band of ${formatPercent(band.percent)} below it reached down to ${formatPoints(band.lowerBound.mul(SCALE))}; ${within}.`;
}

/** What decides the award under an award-on-value method, for the report and the bidders' letters. */
export function awardRuleSentence(result: TenderResult): string {
  const figure = awardFigure(result);
  if (figure === undefined || result.price === undefined) return "";
  const name = result.price.description.name;
  const lead = `The award method is the ${name.charAt(0).toLowerCase()}${name.slice(1)}. Price earns no points under it: the award rests on each ranked tender's`;
  switch (result.rankingBasis) {
    case "price-per-quality-point":
      return `${lead} whole-life price ÷ its quality score, and the lowest price per quality point wins.`;
    case "guide-value":
      return `${lead} guide value (quality score ÷ whole-life price), and the highest guide value wins.`;
    case "extended-guide-value":
      return `${lead} guide value (quality score ÷ whole-life price) and on the band below the highest. ${bandSentence(result)}`.trimEnd();
    case "fictional-price":
      return `${lead} fictional price (whole-life price less the stated value of the quality of its answers), and the lowest fictional price wins.`;
    default:
      return "";
  }
}

/** What tied bids had equal: totals, or the award-on-value figure (within a band, the deciding criterion). */
export function tiedOn(result: TenderResult, bidIds: readonly string[]): string {
  switch (result.rankingBasis) {
    case "total-points":
      return "equal totals";
    case "price-per-quality-point":
      return "equal prices per quality point";
    case "guide-value":
      return "equal guide values";
    case "extended-guide-value":
      if (result.band !== undefined && bidIds.every((id) => result.band!.bidIds.includes(id))) {
        return result.band.decidedBy === "highest-quality" ? "equal quality scores within the band" : "equal whole-life prices within the band";
      }
      return "equal guide values";
    case "fictional-price":
      return "equal fictional prices";
  }
}
