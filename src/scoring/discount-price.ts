import { HUNDRED, ONE, exact, max, mean, type Exact } from "../arithmetic/exact.js";
import { formatMoney } from "../language/uk-format.js";

/**
 * Prices offered as a percentage discount ("ribasso") on a published base price, as Italian buyers ask
 * for them. A bid's whole-life price is base × (100 − discount) ÷ 100, and the discount is read back from
 * the price the same way, so everything that works on prices (ranking ties by lowest price, the what-if
 * sweeps that move one bid's price) works unchanged on a discount method.
 *
 * Two formulas score the discount:
 * - discount ratio: Ci = Ra ÷ Rmax (Ra the bid's discount, Rmax the highest discount), as published for
 *   example by the Stazione Unica Appaltante of the Province of Brindisi ("Ci = Ra/Rmax … Ra = ribasso
 *   percentuale dell'offerta del concorrente esaminato; Rmax = ribasso percentuale più elevato").
 * - bilinear (ANAC, Linee guida n. 2): Ci = X × Ra ÷ Rsoglia for Ra ≤ Rsoglia, and
 *   Ci = X + (1 − X) × (Ra − Rsoglia) ÷ (Rmax − Rsoglia) above it, Rsoglia being the mean discount and X a
 *   published coefficient (0.80, 0.85, 0.90). It rewards discounts up to the mean steeply and flattens
 *   above it, so a reckless discount gains little.
 * Points = maximum points × Ci. Both need some bid to offer a discount (Rmax > 0): otherwise they divide
 * by zero, which price-methods.ts reports as a problem rather than inventing points.
 */
export function discountOf(price: Exact, base: Exact): Exact {
  return base.sub(price).div(base).mul(HUNDRED);
}

export function priceAfterDiscount(base: Exact, discountPercent: Exact): Exact {
  return base.mul(HUNDRED.sub(discountPercent)).div(HUNDRED);
}

export interface DiscountField {
  highestDiscount: Exact;
  meanDiscount: Exact;
}

export function discountField(discounts: readonly Exact[]): DiscountField {
  return { highestDiscount: max(discounts), meanDiscount: mean(discounts) };
}

export function discountRatioPoints(maxPoints: Exact, discount: Exact, field: DiscountField): Exact {
  return maxPoints.mul(discount).div(field.highestDiscount);
}

export function bilinearPoints(maxPoints: Exact, discount: Exact, field: DiscountField, coefficient: number): Exact {
  const x = exact(coefficient);
  const threshold = field.meanDiscount;
  if (discount.compare(threshold) <= 0) return maxPoints.mul(x).mul(discount).div(threshold);
  const above = discount.sub(threshold).div(field.highestDiscount.sub(threshold));
  return maxPoints.mul(x.add(ONE.sub(x).mul(above)));
}

export function describeDiscountRatio(base: number): { name: string; formula: string } {
  return {
    name: "Discount ratio (discount ÷ highest discount)",
    formula: `bidders offer a percentage discount on the base price of ${formatMoney(exact(base))}; points = maximum points × bid's discount ÷ highest discount`,
  };
}

export function describeBilinear(base: number, coefficient: number): { name: string; formula: string } {
  const x = String(coefficient);
  return {
    name: "Bilinear formula on the discount (ANAC guideline no. 2)",
    formula:
      `bidders offer a percentage discount on the base price of ${formatMoney(exact(base))}; up to the mean discount of the bids, points = maximum points × ${x} × bid's discount ÷ mean discount; ` +
      `above it, points = maximum points × (${x} + (1 − ${x}) × (bid's discount − mean discount) ÷ (highest discount − mean discount))`,
  };
}
