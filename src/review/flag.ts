import { formatLocation } from "../problems/format.js";
import type { Location } from "../problems/problem.js";

/**
 * A weighting-review finding. Like a problem it is data: a stable code, a severity, where it points and
 * the figures behind it; the English comes from `flagMessage`, and `docs/flags.md` explains each code.
 */
export type FlagSeverity = "error" | "warning" | "advice";

export interface FlagArgsByCode {
  "review.token-weight": { what: string; swing: string; step: string; heaviest: string };
  "review.price-weight-above-policy": { weight: string; maximum: string; kind: string };
  "review.price-above-quality": { price: string; quality: string };
  "review.social-value-missing": Record<string, never>;
  "review.social-value-token": { weight: string; token: string };
  "review.social-value-below-minimum": { weight: string; minimum: string; of: string };
  "review.social-value-hard-to-evidence": { criterion: string; terms: string };
  "review.no-user-panel": Record<string, never>;
  "review.user-panel-too-light": { weight: string; minimum: string };
  "review.price-heavy-without-quality-threshold": { weight: string; trigger: string };
  "review.relative-price-scoring": Record<string, never>;
  "review.interpolation-price-scoring": Record<string, never>;
  "review.tendering-period-below-statutory-minimum": { days: number; minimum: number; procedure: string };
  "review.tendering-period-short": { days: number; recommended: number };
  "review.words-disproportionate": { words: string; allowance: string; annualValue: string };
  "review.regime": { value: string; threshold: string; regime: string; above: string };
  "review.consider-lots": { value: string };
  "review.consider-reserved-contract": { minimum: string };
  "review.approval-route": { value: string; approver: string };
  "review.effective-price-weight": { effective: string; nominal: string; factor: string };
  "review.rank-reversal": { withdrawn: string; first: string; second: string };
  "review.abnormally-low-price": { bidder: string; price: string; average: string; nextLowest: string; belowAverage: string; belowNext: string };
  "review.moderation-share-high": { share: string; maximum: string; count: number; total: number };
  "review.evaluator-outlier": { evaluator: string; offset: string; direction: string; limit: string };
  "review.weak-justification": { bidder: string; criterion: string; evaluator: string; reason: string };
  "review.reserved-eligibility": { bidder: string; declared: string; minimum: string };
  "review.reserved-eligibility-undeclared": { bidder: string; minimum: string };
  "review.user-panel-identity": { member: string };
}

export type FlagCode = keyof FlagArgsByCode;

export type ReviewFlag<C extends FlagCode = FlagCode> = {
  [K in C]: { code: K; severity: FlagSeverity; location: Location; args: FlagArgsByCode[K]; source: string };
}[C];

export function flag<C extends FlagCode>(
  code: C,
  severity: FlagSeverity,
  location: Location,
  args: FlagArgsByCode[C],
  source: string,
): ReviewFlag<C> {
  return { code, severity, location, args, source } as ReviewFlag<C>;
}

type Messages = { [K in FlagCode]: (a: FlagArgsByCode[K]) => string };

const messages = {
  "review.token-weight": (a) =>
    `${a.what} can move a bid's total by at most ${a.swing} points, less than one scale step (${a.step} points) on ${a.heaviest}; it cannot change any ranking except to break a tie`,
  "review.price-weight-above-policy": (a) =>
    `price carries ${a.weight}% of the marks, above the ${a.maximum}% this policy allows for ${a.kind}`,
  "review.price-above-quality": (a) => `price (${a.price}%) is weighted above quality (${a.quality}%), so the cheapest bid can win over a better service`,
  "review.social-value-missing": () => "the model has no social value section (the Public Services (Social Value) Act 2012 asks you to consider it)",
  "review.social-value-token": (a) =>
    `social value carries ${a.weight}%, the token "added value" share (${a.token}% or less) that is too small to reward what local and user-led organisations add`,
  "review.social-value-below-minimum": (a) => `social value carries ${a.weight}% of ${a.of}, below the minimum of ${a.minimum}%`,
  "review.social-value-hard-to-evidence": (a) =>
    `social value criterion ${a.criterion} is measured by ${a.terms}, which small organisations and charities cannot readily evidence`,
  "review.no-user-panel": () => "the service has users but the model has no section scored by a user panel",
  "review.user-panel-too-light": (a) => `the user-panel section carries ${a.weight}%, below the ${a.minimum}% that lets it matter`,
  "review.price-heavy-without-quality-threshold": (a) =>
    `price carries ${a.weight}% (at least ${a.trigger}%) but no quality criterion or section has a minimum score, so a low-quality, low-price bid can win`,
  "review.relative-price-scoring": () =>
    "price is scored relative to the lowest bid (lowest ÷ price): a third bid's price changes everyone's price points and can reverse the order of two others",
  "review.interpolation-price-scoring": () =>
    "price is interpolated between lowest and highest: a tiny gap between two prices turns into the full price weight, and one outlying bid reshapes everyone's points",
  "review.tendering-period-below-statutory-minimum": (a) =>
    `bidders have ${a.days} days from publication to the deadline, below the statutory minimum of ${a.minimum} days for a ${a.procedure} procedure`,
  "review.tendering-period-short": (a) =>
    `bidders have ${a.days} days from publication to the deadline, less than the ${a.recommended} days small user-led organisations need to respond`,
  "review.words-disproportionate": (a) =>
    `the tender asks for up to ${a.words} words of answers, more than the ${a.allowance} words proportionate to a contract worth ${a.annualValue} a year`,
  "review.regime": (a) =>
    `the estimated value ${a.value} (including VAT and extensions) is ${a.above} the ${a.regime} threshold of ${a.threshold}`,
  "review.consider-lots": (a) => `a single contract worth ${a.value} with no lots: consider splitting it so smaller organisations can bid, and record the reasons if not`,
  "review.consider-reserved-contract": (a) =>
    `the service is for disabled people but is not reserved: a contract reserved for supported employment providers (at least ${a.minimum}% disabled or disadvantaged workers) or public service mutuals may be possible`,
  "review.approval-route": (a) => `a contract worth ${a.value} needs approval by: ${a.approver}`,
  "review.effective-price-weight": (a) =>
    `price decides ${a.effective}% of the differences between bids' totals, against its published weight of ${a.nominal}% (more than ${a.factor} times): the arithmetic of the price method, not the bids' quality, is deciding the outcome`,
  "review.rank-reversal": (a) =>
    `withdrawing ${a.withdrawn} would reverse the order of ${a.first} and ${a.second}: their ranking depends on a third bid's price`,
  "review.abnormally-low-price": (a) =>
    `${a.bidder}'s price ${a.price} is ${a.belowAverage}% below the average of all prices excluding the highest (${a.average}) and ${a.belowNext}% below the next lowest (${a.nextLowest}): investigate before award and give the bidder the chance to show it can deliver`,
  "review.moderation-share-high": (a) =>
    `${a.count} of ${a.total} answers (${a.share}%) need moderation, more than ${a.maximum}%: check that evaluators read the scale descriptors the same way`,
  "review.evaluator-outlier": (a) =>
    `evaluator ${a.evaluator} scores on average ${a.offset} ${a.direction} the other evaluators (limit ${a.limit})`,
  "review.weak-justification": (a) =>
    `the justification ${a.evaluator} gave ${a.bidder} for ${a.criterion} ${a.reason}; it may not defend the score if challenged`,
  "review.reserved-eligibility": (a) =>
    `${a.bidder} declares ${a.declared}% disabled or disadvantaged workers, below the ${a.minimum}% this reserved contract requires`,
  "review.reserved-eligibility-undeclared": (a) =>
    `${a.bidder} has not declared its share of disabled or disadvantaged workers, which this reserved contract requires (at least ${a.minimum}%)`,
  "review.user-panel-identity": (a) =>
    `user-panel member id "${a.member}" looks like a person's name; panel members' identities must never appear in outputs, so use an anonymous id`,
} satisfies Messages;

export const flagCodes = Object.keys(messages) as FlagCode[];

export function flagMessage(f: ReviewFlag): string {
  return (messages[f.code] as (a: unknown) => string)(f.args);
}

export function formatFlag(f: ReviewFlag): string {
  const where = formatLocation(f.location);
  return where === "" ? flagMessage(f) : `${where}: ${flagMessage(f)}`;
}
