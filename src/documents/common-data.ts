import { z } from "zod";
import { exact, plainNumber, type Exact } from "../arithmetic/exact.js";
import type { ScoringModel } from "../model/scoring-model.js";
import { scoredSections } from "../model/sections.js";
import type { TenderSpecification } from "../model/specification.js";
import { availablePoints, criterionScale, shareOfSection } from "../model/weights.js";
import { formatDate, formatMoney, formatPercent, formatPoints } from "../language/uk-format.js";
import type { TenderResult } from "../scoring/result.js";
import type { RoundingRule } from "../scoring/rounding.js";
import { describeMeasure } from "../scoring/measured.js";

export const text = (description: string) => z.string().describe(description);
export const flagOf = (description: string) => z.boolean().describe(description);

/** A finding as a sentence: capital letter, full stop. */
export function sentence(text: string): string {
  const t = text.trim();
  const capitalised = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

export const TenderFields = z.object({
  title: text("Tender title"),
  reference: text("Tender reference"),
  authority: text("Contracting authority"),
  serviceArea: text("Service area"),
  procedure: text("Procedure, in words"),
  contractValue: text("Estimated value of the initial term, saying what it includes, e.g. £1,000,000 including VAT, for the initial 3 years, not the optional extension"),
  contractLength: text("Contract length, e.g. 3 years, with an option to extend by 2 years"),
  published: text("Date published, e.g. 1 September 2026"),
  submissionDeadline: text("Submission deadline, e.g. 13 October 2026"),
});

const procedures: Record<TenderSpecification["procedure"], string> = {
  open: "Open procedure",
  restricted: "Restricted procedure",
  "light-touch": "Light-touch regime",
  reserved: "Reserved contract",
};

export function tenderFields(s: TenderSpecification): z.infer<typeof TenderFields> {
  const years = `${s.contract.years} year${s.contract.years === 1 ? "" : "s"}`;
  const extension = s.contract.extensionYears > 0 ? `, with an option to extend by ${s.contract.extensionYears} year${s.contract.extensionYears === 1 ? "" : "s"}` : "";
  return {
    title: s.title,
    reference: s.reference,
    authority: s.authority,
    serviceArea: s.serviceArea,
    procedure: procedures[s.procedure],
    // The estimate covers the initial term only (specification.contract.estimatedValue): say so.
    contractValue: `${formatMoney(exact(s.contract.estimatedValue))} ${s.contract.includesVat ? "including" : "excluding"} VAT, for ${s.contract.extensionYears > 0 ? `the initial ${years}, not the optional extension year${s.contract.extensionYears === 1 ? "" : "s"}` : `the whole ${years}`}`,
    contractLength: `${years}${extension}`,
    published: formatDate(s.dates.published),
    submissionDeadline: formatDate(s.dates.submissionDeadline),
  };
}


export const CriterionFields = z.object({
  id: text("Criterion id, e.g. Q1"),
  title: text("Criterion title"),
  section: text("Section the criterion belongs to"),
  weightInSection: text("Weight within its section, e.g. 30%"),
  importance: text("Relative importance: percentage points of the total, e.g. 13.5% of the total score"),
  scale: text("The scores available, e.g. 0 to 5 (0, 1, 2, 3, 4, 5)"),
  minimum: text("Minimum score, or 'none'"),
});

/**
 * The model's criteria for a document. A criterion's importance is the points it was worth in the scored
 * result when there is one (the figure the scores used), otherwise the model's own weights.
 */
export function criterionFields(model: ScoringModel, result?: TenderResult): z.infer<typeof CriterionFields>[] {
  const scored = new Map(result?.bids[0]?.sections.flatMap((s) => s.criteria.map((c) => [c.criterionId, c.availablePoints] as const)) ?? []);
  return scoredSections(model).flatMap(({ name, section }) => {
    return section.criteria.map((c) => {
      const scale = criterionScale(model, section, c)!;
      // A quantitative criterion has no scale of marks: the figure and its published formula take its place.
      const scaleText = c.measure !== undefined ? `A figure in ${c.measure.unit}: ${describeMeasure(c.measure).formula}` : `${scale.title} (${scale.values.join(", ")})`;
      return {
        id: c.id,
        title: c.title,
        section: section.title ?? name,
        weightInSection: weightText(c.weight, section.criteriaWeightsOutOf, shareOfSection(section, c).mul(100)),
        importance: `${formatPercent(scored.get(c.id) ?? availablePoints(model, section, c))} of the total score${fictionalWorth(model, c.id)}`,
        scale: scaleText,
        minimum: c.minimumScore !== undefined ? `${c.minimumScore}` : "none",
      };
    });
  });
}

/** Under a fictional price, what a criterion's top score takes off the price: its weight in the award. */
function fictionalWorth(model: ScoringModel, criterionId: string): string {
  const method = model.sections.price?.method;
  const value = method?.type === "fictional-price" ? method.values[criterionId] : undefined;
  return value === undefined ? "" : `; at the top score, ${formatMoney(exact(value))} off the fictional price`;
}

/**
 * A weight as the model gives it: "30%", or for weights given as points of a stated total
 * "60 of 130 points (46.15%)", so the published figure and its exact share both show.
 */
export function weightText(weight: number, outOf: number | undefined, percent: Exact): string {
  return outOf === undefined ? `${weight}%` : `${weight} of ${outOf} points (${formatPercent(percent)})`;
}

export const ResultRow = z.object({
  rank: text("Rank, e.g. 1, 2= or – when excluded"),
  bidder: text("Bidder's name"),
  price: text("Price points, or – "),
  wholeLifeCost: text("Whole-life price, e.g. £1,015,000"),
  quality: text("Quality points, or –"),
  socialValue: text("Social value points, or –"),
  userPanel: text("User panel points, or –"),
  total: text("Total points out of 100 (2 decimal places)"),
  status: text("Ranked, provisional or excluded"),
});

/**
 * The points of sections beyond the three known ones (e.g. Fair work practices), which the results table
 * has no column of its own for: one line per bid, so the total can still be followed.
 */
export const FurtherSectionRow = z.object({
  bidder: text("Bidder's name"),
  points: text("Each further section's points, e.g. Fair work practices: 8.00 of 10"),
});

export function furtherSectionRows(result: TenderResult): z.infer<typeof FurtherSectionRow>[] {
  const known = ["quality", "socialValue", "userPanel"];
  if (!result.bids.some((b) => b.sections.some((s) => !known.includes(s.section)))) return [];
  return result.bids.map((b) => ({
    bidder: b.bidder,
    points: b.sections
      .filter((s) => !known.includes(s.section))
      .map((s) => `${s.title}: ${formatPoints(s.points)} of ${formatPoints(s.weight, 0)}`)
      .join("; "),
  }));
}

export function resultRows(result: TenderResult): z.infer<typeof ResultRow>[] {
  return result.bids.map((b) => {
    const section = (key: string) => {
      const s = b.sections.find((x) => x.section === key);
      return s ? formatPoints(s.points) : "–";
    };
    return {
      rank: b.rank === null ? "–" : `${b.rank}${b.tiedWith.length > 0 ? "=" : ""}`,
      bidder: b.bidder,
      price: b.price?.points !== undefined ? formatPoints(b.price.points) : "–",
      // Under a discount method the discount is what the bidder offered, so it is shown beside the price it gives.
      wholeLifeCost: !b.price ? "–" : b.price.discountPercent !== undefined ? `${formatMoney(b.price.wholeLifeCost)} (${formatPercent(b.price.discountPercent, 4)} discount)` : formatMoney(b.price.wholeLifeCost),
      quality: section("quality"),
      socialValue: section("socialValue"),
      userPanel: section("userPanel"),
      total: formatPoints(b.total),
      status: b.status === "excluded" ? "Excluded" : b.provisional ? "Provisional (moderation pending)" : "Ranked",
    };
  });
}

export const ROUNDING_STATEMENT =
  "Points are shown rounded to 2 decimal places. Every total was calculated exactly from the unrounded scores, so shown figures may not add up exactly.";

/**
 * What every document says about rounding: display rounding only, or the model's published rule (which
 * changes the points, so a bidder must be able to read it where their points are stated).
 */
export function roundingStatement(rule: RoundingRule | undefined): string {
  if (rule === undefined) return ROUNDING_STATEMENT;
  const what = rule.of === "criterion" ? "each criterion's points and the price points are" : "each section's points (price included) are";
  const to = rule.step === 1 ? "whole points" : rule.step === 0.01 ? "2 decimal places" : rule.step === 0.1 ? "1 decimal place" : `the nearest ${plainNumber(exact(rule.step))} of a point`;
  return `Under the scoring model's rounding rule, ${what} rounded half up to ${to}, and each total is the sum of those rounded figures. Other figures are shown rounded to 2 decimal places.`;
}
