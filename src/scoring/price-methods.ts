import { ZERO, exact, max, mean, median, min, plainNumber, type Exact } from "../arithmetic/exact.js";
import type { PriceMethod, PriceMethodType } from "../model/scoring-model.js";
import type { PriceSchedule as BidPriceSchedule } from "../model/bids.js";
import { problem, type Problem } from "../problems/problem.js";
import { formatMoney } from "../language/uk-format.js";
import { GUIDE_VALUE_UNIT, isAwardOnValue } from "./award-on-value.js";
import { bilinearPoints, describeBilinear, describeDiscountRatio, discountField, discountOf, discountRatioPoints, priceAfterDiscount } from "./discount-price.js";
import { describeLogarithmic, logarithmicPoints } from "./logarithmic-price.js";
import { APPROXIMATE_DECIMALS, compilePriceFormula, describeValue, evaluatePriceFormula, excerpt, PriceFormulaError, usesApproximation, type PriceFormulaScope } from "./price-formula.js";


export interface PriceMethodInfo {
  /** The name used in UK guidance and the literature. */
  name: string;
  /** The formula in words, for reports and bidders. */
  formula: string;
}

export const priceMethods = {
  proportional: {
    name: "Lowest price ÷ bid price (proportional scoring)",
    formula: "points = maximum points × lowest price ÷ bid price",
  },
  "linear-interpolation": {
    name: "Linear interpolation between lowest and highest price",
    formula:
      "points = maximum points × (highest price − bid price) ÷ (highest price − lowest price); when every price is the same, every bid gets maximum points",
  },
  "deviation-from-lowest": {
    name: "Deviation from the lowest price",
    formula: "points = maximum points × (1 − (bid price − lowest price) ÷ lowest price), and never below 0",
  },
  "budget-ceiling": {
    name: "Against a budget ceiling",
    formula:
      "a bid above the budget is excluded; points = maximum points × (budget − bid price) ÷ (budget − lowest price); when the lowest price equals the budget, it gets maximum points",
  },
  "price-per-quality-point": {
    name: "Price per quality point (Bid Evaluation Guidance Note)",
    formula: "price per quality point = whole-life price ÷ quality score out of 100; the lowest price per quality point wins",
  },
  "guide-value": {
    name: "Simple guide value method (UfAB)",
    formula: `guide value = quality score out of 100 ÷ whole-life price (shown as quality points per ${GUIDE_VALUE_UNIT}); the highest guide value wins`,
  },
  "extended-guide-value": {
    name: "Extended guide value method (UfAB)",
    formula: `guide value = quality score out of 100 ÷ whole-life price (shown as quality points per ${GUIDE_VALUE_UNIT}); the tenders whose guide value is within a stated band below the highest are compared on a stated criterion, which decides between them`,
  },
  "fictional-price": {
    name: "Fictional price (award on value)",
    formula: "fictional price = whole-life price − for each criterion, its stated value × the share of its points the tender earned; the lowest fictional price wins",
  },
  logarithmic: {
    name: "Logarithmic relative formula (log formula)",
    formula: "points = maximum points × (1 − log(bid price ÷ lowest price) ÷ log A), and never below 0; A is published: a price A times the lowest earns none",
  },
  "discount-ratio": {
    name: "Discount ratio (discount ÷ highest discount)",
    formula: "bidders offer a percentage discount on a base price; points = maximum points × bid's discount ÷ highest discount",
  },
  "discount-bilinear": {
    name: "Bilinear formula on the discount (ANAC guideline no. 2)",
    formula:
      "bidders offer a percentage discount on a base price; up to the mean discount, points = maximum points × X × discount ÷ mean discount; above it, maximum points × (X + (1 − X) × (discount − mean discount) ÷ (highest discount − mean discount))",
  },
  custom: {
    name: "Commissioner's own formula",
    formula: "as written by the commissioner",
  },
} as const satisfies Record<PriceMethodType, PriceMethodInfo>;

/** Which form of a bid's price was scored: a price for each year, one whole-life total, or a discount on the base. */
export type PriceBasis = "years" | "total" | "discount";

export function isDiscountMethod(method: PriceMethod): method is Extract<PriceMethod, { type: "discount-ratio" | "discount-bilinear" }> {
  return method.type === "discount-ratio" || method.type === "discount-bilinear";
}

export function describePriceMethod(method: PriceMethod): PriceMethodInfo {
  if (method.type === "custom") {
    const compiled = compilePriceFormula(method.formula);
    // Points that rest on a rounded square root or logarithm must say so where the method is stated.
    const precision = compiled.ok && usesApproximation(compiled.formula) ? `; square roots, logarithms and exponentials in it are worked out to ${APPROXIMATE_DECIMALS} decimal places` : "";
    return { name: priceMethods.custom.name, formula: `${method.description} (formula: ${method.formula}${precision})` };
  }
  if (method.type === "extended-guide-value") {
    const decides = method.decidedBy === "highest-quality" ? "the highest quality score" : "the lowest whole-life price";
    return {
      name: priceMethods[method.type].name,
      formula: `guide value = quality score out of 100 ÷ whole-life price (shown as quality points per ${GUIDE_VALUE_UNIT}); the tender with the highest guide value leads, and every tender whose guide value is no more than ${plainNumber(exact(method.bandPercent))}% below it is within the band, where ${decides} wins; tenders outside the band follow by guide value`,
    };
  }
  if (method.type === "fictional-price") {
    const values = Object.entries(method.values).map(([id, v]) => `${id} ${formatMoney(exact(v))}`).join(", ");
    return {
      name: priceMethods[method.type].name,
      formula: `fictional price = whole-life price − for each criterion, its stated value × the share of its points the tender earned (${values}); the lowest fictional price wins`,
    };
  }
  if (method.type === "logarithmic") return describeLogarithmic(method.multiple);
  if (method.type === "discount-ratio") return describeDiscountRatio(method.base);
  if (method.type === "discount-bilinear") return describeBilinear(method.base, method.coefficient);
  return priceMethods[method.type];
}

/**
 * The form of a bid's price that is scored: under a discount method its discount; otherwise one whole-life
 * total when the bid gives one (check-bids makes sure a breakdown given as well adds up to it), else the years.
 */
export function priceBasis(schedule: BidPriceSchedule, method?: PriceMethod): PriceBasis {
  if (method !== undefined && isDiscountMethod(method)) return "discount";
  return schedule.total !== undefined ? "total" : "years";
}

/**
 * Whole-life cost: one total when the bid gives it, otherwise the sum over contract years and over the
 * optional extension years if the model says so; under a discount method, the base less the discount.
 */
export function wholeLifeCost(schedule: BidPriceSchedule, includeExtensionYears: boolean, method?: PriceMethod): Exact {
  if (method !== undefined && isDiscountMethod(method)) return priceAfterDiscount(exact(method.base), exact(schedule.discountPercent ?? 0));
  if (schedule.total !== undefined) return exact(schedule.total);
  return sumOfYears(schedule, includeExtensionYears);
}

/** The sum of the yearly prices over the years the model scores. */
export function sumOfYears(schedule: BidPriceSchedule, includeExtensionYears: boolean): Exact {
  let total = ZERO;
  for (const year of schedule.years ?? []) total = total.add(exact(year));
  if (includeExtensionYears) for (const year of schedule.extensionYears) total = total.add(exact(year));
  return total;
}

export interface PricedBid {
  bidId: string;
  wholeLifeCost: Exact;
}

export interface PriceFieldFigures {
  lowest: Exact;
  highest: Exact;
  mean: Exact;
  median: Exact;
  count: number;
  budget?: Exact;
  /** Under a discount method: the base price, and the highest and mean discounts in percent. */
  base?: Exact;
  highestDiscount?: Exact;
  meanDiscount?: Exact;
}

export interface PricePoints {
  bidId: string;
  points: Exact;
  variables: Record<string, Exact>;
}

export interface PriceScoring {
  field: PriceFieldFigures | undefined;
  points: PricePoints[];
  /** Bids above a budget ceiling, with the budget. */
  aboveBudget: { bidId: string; wholeLifeCost: Exact; budget: Exact }[];
  problems: Problem[];
}

/**
 * Score price for the bids still in contention. Excluded bids are left out first, so a bid that
 * failed a quality threshold cannot set the "lowest price" others are measured against.
 * Award-on-value methods (price per quality point, guide value, fictional price) give no price points: the engine ranks on their value (award-on-value.ts).
 */
export function scorePrices(method: PriceMethod, maxPoints: Exact, bids: readonly PricedBid[]): PriceScoring {
  const problems: Problem[] = [];
  const aboveBudget: PriceScoring["aboveBudget"] = [];
  let inContention = bids;
  if (method.type === "budget-ceiling") {
    const budget = exact(method.budget);
    inContention = bids.filter((b) => {
      const over = b.wholeLifeCost.compare(budget) > 0;
      if (over) aboveBudget.push({ bidId: b.bidId, wholeLifeCost: b.wholeLifeCost, budget });
      return !over;
    });
  }
  if (inContention.length === 0) return { field: undefined, points: [], aboveBudget, problems };

  const costs = inContention.map((b) => b.wholeLifeCost);
  const field: PriceFieldFigures = {
    lowest: min(costs),
    highest: max(costs),
    mean: mean(costs),
    median: median(costs),
    count: costs.length,
  };
  if (method.type === "budget-ceiling" || (method.type === "custom" && method.budget !== undefined)) {
    field.budget = exact(method.budget!);
  }
  if (isAwardOnValue(method)) return { field, points: [], aboveBudget, problems };
  if (isDiscountMethod(method)) return scoreDiscounts(method, maxPoints, inContention, field, aboveBudget);

  const dividesByPrice = method.type === "proportional" || method.type === "deviation-from-lowest" || method.type === "logarithmic";
  if (dividesByPrice) {
    const zero = inContention.filter((b) => b.wholeLifeCost.equals(0));
    if (zero.length > 0) {
      for (const b of zero) problems.push(problem("bids.zero-price", { document: "bids" }, { bid: b.bidId, method: priceMethods[method.type].name }));
      return { field, points: [], aboveBudget, problems };
    }
  }

  const compiled = method.type === "custom" ? compilePriceFormula(method.formula) : undefined;
  const points: PricePoints[] = [];
  for (const bid of inContention) {
    const price = bid.wholeLifeCost;
    const variables: Record<string, Exact> = {
      price,
      lowest: field.lowest,
      highest: field.highest,
      maxPoints,
      ...(method.type === "budget-ceiling" ? { budget: field.budget! } : {}),
    };
    switch (method.type) {
      case "proportional":
        points.push({ bidId: bid.bidId, points: maxPoints.mul(field.lowest).div(price), variables });
        break;
      case "linear-interpolation": {
        const range = field.highest.sub(field.lowest);
        const p = range.equals(0) ? maxPoints : maxPoints.mul(field.highest.sub(price)).div(range);
        points.push({ bidId: bid.bidId, points: p, variables });
        break;
      }
      case "deviation-from-lowest": {
        const p = maxPoints.mul(exact(1).sub(price.sub(field.lowest).div(field.lowest)));
        points.push({ bidId: bid.bidId, points: p.compare(0) < 0 ? ZERO : p, variables });
        break;
      }
      case "budget-ceiling": {
        const headroom = field.budget!.sub(field.lowest);
        const p = headroom.equals(0) ? maxPoints : maxPoints.mul(field.budget!.sub(price)).div(headroom);
        points.push({ bidId: bid.bidId, points: p, variables });
        break;
      }
      case "logarithmic":
        points.push({
          bidId: bid.bidId,
          points: logarithmicPoints(maxPoints, price, field.lowest, method.multiple),
          variables: { ...variables, multiple: exact(method.multiple) },
        });
        break;
      case "custom": {
        if (compiled === undefined || !compiled.ok) throw new Error("custom formula reached scoring without passing the model check");
        const scope: PriceFormulaScope = { ...field, count: exact(field.count), price, maxPoints };
        const used = Object.fromEntries([...compiled.formula.variables].flatMap((v) => (scope[v] ? [[v, scope[v]]] : [])));
        try {
          const p = evaluatePriceFormula(compiled.formula, scope);
          if (p.compare(0) < 0 || p.compare(maxPoints) > 0) {
            problems.push(
              problem("price.formula-out-of-range", { document: "model", path: ["sections", "price", "method", "formula"] }, {
                bid: bid.bidId,
                formula: excerpt(method.formula, 120),
                value: describeValue(p),
                maxPoints: maxPoints.toString(),
              }),
            );
          } else {
            points.push({ bidId: bid.bidId, points: p, variables: used });
          }
        } catch (error) {
          if (!(error instanceof PriceFormulaError)) throw error;
          problems.push(
            problem("price.formula-failed", { document: "model", path: ["sections", "price", "method", "formula"] }, {
              bid: bid.bidId,
              formula: excerpt(method.formula, 120),
              detail: error.message,
            }),
          );
        }
        break;
      }
    }
  }
  return { field, points, aboveBudget, problems };
}

/**
 * The discount methods score each bid's discount on the base, read back from its price. A price above the
 * base (a negative discount) can come only from a what-if profile: it is set aside as above the budget,
 * as Italian buyers exclude an offer above the base.
 */
function scoreDiscounts(
  method: Extract<PriceMethod, { type: "discount-ratio" | "discount-bilinear" }>,
  maxPoints: Exact,
  bids: readonly PricedBid[],
  field: PriceFieldFigures,
  aboveBudget: PriceScoring["aboveBudget"],
): PriceScoring {
  const base = exact(method.base);
  field.base = base;
  const problems: Problem[] = [];
  const offered = bids.filter((b) => {
    const over = b.wholeLifeCost.compare(base) > 0;
    if (over) aboveBudget.push({ bidId: b.bidId, wholeLifeCost: b.wholeLifeCost, budget: base });
    return !over;
  });
  if (offered.length === 0) return { field, points: [], aboveBudget, problems };
  const discounts = offered.map((b) => discountOf(b.wholeLifeCost, base));
  const figures = discountField(discounts);
  Object.assign(field, figures);
  if (figures.highestDiscount.equals(0)) {
    problems.push(problem("bids.no-discount", { document: "bids" }, { bids: offered.map((b) => b.bidId).join(", "), method: priceMethods[method.type].name }));
    return { field, points: [], aboveBudget, problems };
  }
  const points = offered.map((b, i) => {
    const discount = discounts[i]!;
    const variables: Record<string, Exact> = { discount, highestDiscount: figures.highestDiscount, base, maxPoints };
    if (method.type === "discount-ratio") return { bidId: b.bidId, points: discountRatioPoints(maxPoints, discount, figures), variables };
    return {
      bidId: b.bidId,
      points: bilinearPoints(maxPoints, discount, figures, method.coefficient),
      variables: { ...variables, meanDiscount: figures.meanDiscount, coefficient: exact(method.coefficient) },
    };
  });
  return { field, points, aboveBudget, problems };
}
