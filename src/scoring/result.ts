import type { RoundingRule } from "./rounding.js";
import type { Exact } from "../arithmetic/exact.js";
import type { CombinationMethod, PriceMethod, ScoredSectionKey, SectionKind, TieBreakRule } from "../model/scoring-model.js";
import type { CombinedBasis } from "./combine.js";
import type { PriceBasis, PriceMethodInfo } from "./price-methods.js";
import type { AwardOnValueType, Band } from "./award-on-value.js";

export interface EvaluatorScoreResult {
  evaluatorId: string;
  score: Exact;
  justification: string;
}

export interface CriterionResult {
  criterionId: string;
  title: string;
  /** Percent of the section. */
  weightInSection: Exact;
  /** Percentage points of the whole score this criterion is worth: section weight × weight in section ÷ 100. */
  availablePoints: Exact;
  scaleMax: Exact;
  /** The score that earns no points: 0, or the scale's lowest when the scale is normalised from its lowest. */
  noPointsAt: Exact;
  /**
   * Each evaluator's score and justification. Empty for the user panel's criteria in anything published
   * (see `withUserPanelCombined`): there `panelMembers` says how many members' scores were combined.
   */
  evaluatorScores: EvaluatorScoreResult[];
  /** User panel only, in outputs: how many members' scores make up `combined` (their own scores and words are left out). */
  panelMembers?: number;
  combined: Exact;
  basis: CombinedBasis;
  combinationMethod: CombinationMethod;
  spread: Exact;
  tolerance: Exact;
  needsModeration: boolean;
  /**
   * Why the panel must moderate: the evaluators' scores differ beyond the tolerance, or the combined score
   * is below the criterion's minimum and so would exclude the bid (an exclusion must not rest on one mark
   * or an average, even within tolerance). Set only while moderation is needed.
   */
  moderationCause?: "scores-differ" | "decides-exclusion";
  moderation?: { score: Exact; reason: string };
  /**
   * A quantitative criterion (basis "measured"): `combined` is the figure the bid offered, and its points
   * are share × availablePoints, where `best` earns all of them (the stated best, or the best offered).
   */
  measure?: { method: "interpolation" | "best-offer"; unit: string; better: "higher" | "lower"; best: Exact; worst?: Exact; share: Exact };
  /** (combined − noPointsAt) ÷ (scaleMax − noPointsAt) × availablePoints, rounded if the model's rounding rule is of criteria */
  points: Exact;
  /** The exact points before the model's rounding rule, when it changed them. */
  unroundedPoints?: Exact;
}

export interface SectionResult {
  /** The section's key in the model: quality, socialValue, userPanel or a further section's id. */
  section: ScoredSectionKey;
  /** What the section is, for the review: a known key's implicit kind, or the kind a further section states. */
  kind: SectionKind;
  title: string;
  weight: Exact;
  points: Exact;
  /** The exact points before the model's rounding rule, when it changed them. */
  unroundedPoints?: Exact;
  /** points ÷ weight × 100, for section thresholds. */
  percentOfSection: Exact;
  criteria: CriterionResult[];
}

export interface PriceResult {
  /** What was scored: the sum of the yearly prices, one whole-life total, or a discount on the base price. */
  basis: PriceBasis;
  /** The yearly prices, when the bid gave them (none when it gave only a total or a discount). */
  years: Exact[];
  extensionYears: Exact[];
  includesExtensionYears: boolean;
  wholeLifeCost: Exact;
  /** Under a discount method: the discount offered on the base price, in percent. */
  discountPercent?: Exact;
  /** Undefined when the bid was excluded before price scoring or under price per quality point. */
  points?: Exact;
  /** The exact points before the model's rounding rule, when it changed them. */
  unroundedPoints?: Exact;
  /** The variables the method used for this bid, e.g. price, lowest, maxPoints. */
  variables: Record<string, Exact>;
  pricePerQualityPoint?: Exact;
  /**
   * Under an award-on-value method (see award-on-value.ts), the figure the award rests on: £ per quality
   * point, guide value Z (quality points per pound) or fictional price (£). Undefined for a bid not ranked.
   */
  awardValue?: Exact;
  /** Extended guide value only: whether the bid's guide value is within the band below the best. */
  withinBand?: boolean;
  /** Fictional price only: the sum deducted from the price for each criterion, by criterion id. */
  deductions?: Record<string, Exact>;
}

export type Exclusion =
  | { rule: "gate-failed"; gateId: string; gateTitle: string }
  /** The bids file records the tender as disregarded after an abnormally-low-price investigation (Procurement Act 2023 s.19). */
  | { rule: "disregarded-abnormally-low" }
  | { rule: "below-criterion-minimum"; criterionId: string; criterionTitle: string; score: Exact; minimum: Exact }
  | { rule: "below-section-minimum"; section: ScoredSectionKey; sectionTitle: string; percent: Exact; minimumPercent: Exact }
  | { rule: "above-budget"; wholeLifeCost: Exact; budget: Exact }
  /** Only with --allow-incomplete: no evaluator scored this answer, so the bid cannot be ranked. */
  | { rule: "not-scored"; criterionId: string; criterionTitle: string }
  /**
   * A contract reserved for supported employment providers (Procurement Act 2023 s.32): the bid has not
   * declared the share of its workforce who are disabled or disadvantaged, so it cannot be ranked until it does.
   */
  | { rule: "workforce-share-undeclared"; minimumPercent: Exact };

export interface BidResult {
  bidId: string;
  bidder: string;
  organisationType?: string;
  status: "ranked" | "excluded";
  exclusions: Exclusion[];
  /** Some of its scores still await moderation, so its total and rank may change. */
  provisional: boolean;
  sections: SectionResult[];
  price?: PriceResult;
  /** Total points out of 100 (under an award-on-value method, where price earns no points: the quality score out of 100). */
  total: Exact;
  rank: number | null;
  /** Other bids sharing this rank after every tie-break rule. */
  tiedWith: string[];
}

export interface Tie {
  bidIds: string[];
  /** The first tie-break rule that separated any of them, or null if they still share a rank. */
  brokenBy: TieBreakRule | null;
}

export type RankingBasis = "total-points" | AwardOnValueType;

export interface TenderResult {
  tender: { title: string; reference: string; authority: string };
  /** For a tender in lots: the lot these results are for (each lot is scored and ranked on its own). */
  lot?: { id: string; title: string; estimatedValue?: number };
  model: { id: string; title: string; version: string };
  rankingBasis: RankingBasis;
  /** Bids in rank order (ties by bidder name), excluded bids last. */
  bids: BidResult[];
  /** The bids the contract is to be awarded to: those ranked first, or for a lot, those its award names (see lots.ts). */
  winners: string[];
  ties: Tie[];
  moderationNeeded: { bidId: string; criterionId: string; spread: Exact; tolerance: Exact }[];
  /** The model's published rule for rounding points, when it has one. */
  rounding?: RoundingRule;
  /** Extended guide value only: the fluctuation band and the bids within it. */
  band?: Band;
  price?: {
    method: PriceMethod;
    description: PriceMethodInfo;
    maxPoints: Exact;
    includesExtensionYears: boolean;
    lowest?: Exact;
    highest?: Exact;
    mean?: Exact;
    median?: Exact;
    budget?: Exact;
    /** Under a discount method: the base price, and the highest and mean discounts offered, in percent. */
    base?: Exact;
    highestDiscount?: Exact;
    meanDiscount?: Exact;
  };
}
