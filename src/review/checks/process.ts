import { HUNDRED, exact, type Exact } from "../../arithmetic/exact.js";
import type { ScoringModel } from "../../model/scoring-model.js";
import { scoredSections } from "../../model/sections.js";
import type { TenderSpecification } from "../../model/specification.js";
import { flag, type ReviewFlag, type ValueBasis } from "../../problems/problem.js";
import type { ReviewPolicy } from "../policy.js";

const spec = (...path: (string | number)[]) => ({ document: "specification" as const, path });

/** Calendar days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The contract's estimated value as procurement thresholds measure it: the whole term including
 * extensions (the initial term's value pro rata), inclusive of VAT.
 */
export function thresholdValue(s: TenderSpecification, policy: ReviewPolicy): Exact {
  const whole = exact(s.contract.estimatedValue).mul(s.contract.years + s.contract.extensionYears).div(s.contract.years);
  return s.contract.includesVat ? whole : whole.mul(HUNDRED.add(exact(policy.thresholds.vatRatePercent))).div(HUNDRED);
}

/** What `thresholdValue` is made of, for the sentence that states it. */
export function valueBasis(s: TenderSpecification, policy: ReviewPolicy): ValueBasis {
  return { stated: exact(s.contract.estimatedValue), years: s.contract.years, extensionYears: s.contract.extensionYears, includesVat: s.contract.includesVat, vatRatePercent: policy.thresholds.vatRatePercent };
}

export function checkTenderingPeriod(s: TenderSpecification, policy: ReviewPolicy): ReviewFlag[] {
  const days = daysBetween(s.dates.published, s.dates.submissionDeadline);
  const minimum = policy.tenderingPeriod.statutoryMinimumDays[s.procedure];
  const at = spec("dates", "submissionDeadline");
  if (days < minimum) {
    return [flag("review.tendering-period-below-statutory-minimum", "error", at, { days, minimum, procedure: s.procedure }, policy.tenderingPeriod.source)];
  }
  if (days < policy.tenderingPeriod.recommendedMinimumDays) {
    return [flag("review.tendering-period-short", "warning", at, { days, recommended: policy.tenderingPeriod.recommendedMinimumDays }, policy.tenderingPeriod.source)];
  }
  return [];
}

export function checkWordsAsked(s: TenderSpecification, m: ScoringModel, policy: ReviewPolicy): ReviewFlag[] {
  const limits = scoredSections(m).flatMap(({ section }) => section.criteria.flatMap((c) => (c.wordLimit ? [c.wordLimit] : [])));
  if (limits.length === 0) return [];
  const words = limits.reduce((a, b) => a + b, 0);
  const annual = exact(s.contract.estimatedValue).div(s.contract.years);
  const allowance = exact(policy.wordsAsked.baseAllowance).add(annual.mul(policy.wordsAsked.wordsPer100kAnnualValue).div(100000)).floor();
  if (exact(words).compare(allowance) <= 0) return [];
  return [
    flag("review.words-disproportionate", "warning", { document: "model", path: ["sections"] }, {
      words,
      allowance,
      annualValue: annual,
      includesVat: s.contract.includesVat,
    }, policy.wordsAsked.source),
  ];
}

function regimeThreshold(s: TenderSpecification, policy: ReviewPolicy) {
  return s.serviceKind === "care-and-support"
    ? (["light-touch", policy.thresholds.lightTouch] as const)
    : s.authorityType === "central-government"
      ? (["central-government", policy.thresholds.centralGovernment] as const)
      : (["sub-central", policy.thresholds.subCentral] as const);
}

export function checkRegimeLotsAndApproval(s: TenderSpecification, policy: ReviewPolicy): ReviewFlag[] {
  const value = thresholdValue(s, policy);
  const basis = valueBasis(s, policy);
  const [regime, threshold] = regimeThreshold(s, policy);
  const above = value.compare(exact(threshold)) >= 0;
  const flags: ReviewFlag[] = [
    flag("review.regime", "advice", spec("contract", "estimatedValue"), {
      value,
      basis,
      threshold: exact(threshold),
      regime,
      above,
    }, policy.thresholds.source),
  ];
  if (above && s.lots.length === 0) {
    flags.push(flag("review.consider-lots", "advice", spec("lots"), { value, basis }, policy.lots.source));
  }
  const route = policy.approvalRoutes.routes.find((r) => r.upTo === undefined || value.compare(exact(r.upTo)) <= 0);
  if (route) {
    flags.push(flag("review.approval-route", "advice", spec("contract", "estimatedValue"), { value, basis, approver: route.approver }, policy.approvalRoutes.source));
  }
  return flags;
}

export function checkReservedContract(s: TenderSpecification, policy: ReviewPolicy): ReviewFlag[] {
  if (s.procedure === "reserved") return [];
  const text = `${s.serviceUsers.description} ${s.title}`.toLowerCase();
  if (!policy.reservedContracts.serviceUserTerms.some((t) => text.includes(t.toLowerCase()))) return [];
  return [
    flag("review.consider-reserved-contract", "advice", spec("procedure"), { minimum: policy.reservedContracts.minimumWorkforcePercent }, policy.reservedContracts.source),
  ];
}

/**
 * A below-threshold reservation (to suppliers based in an area, and/or to SMEs and VCSEs) is for contracts
 * below the threshold only (PPN 005 for central government; for councils in England, the guidance of
 * 3 December 2025), must say what it reserves, and for central government reserves to SMEs and VCSEs only
 * together with a location reservation (PPN 005).
 */
export function checkBelowThresholdReservation(s: TenderSpecification, policy: ReviewPolicy): ReviewFlag[] {
  const reservation = s.reservation;
  if (s.procedure !== "reserved" || reservation?.basis !== "below-threshold") return [];
  const value = thresholdValue(s, policy);
  const threshold = exact(regimeThreshold(s, policy)[1]);
  const args = { value, basis: valueBasis(s, policy), threshold };
  const source = policy.reservedContracts.source;
  const flags: ReviewFlag[] = [];
  if (value.compare(threshold) >= 0) flags.push(flag("review.below-threshold-reservation", "error", spec("contract", "estimatedValue"), { problem: "value-above-threshold", ...args }, source));
  if (reservation.area === undefined && !reservation.smallAndVoluntaryOnly) {
    flags.push(flag("review.below-threshold-reservation", "error", spec("reservation"), { problem: "no-area-or-sme", ...args }, source));
  } else if (reservation.area === undefined && s.authorityType === "central-government") {
    flags.push(flag("review.below-threshold-reservation", "warning", spec("reservation", "area"), { problem: "sme-without-area", ...args }, source));
  }
  return flags;
}
