import { Fraction, ONE, ZERO, exact, type Exact } from "../arithmetic/exact.js";
import { APPROXIMATE_DECIMALS, logarithm } from "./price-formula.js";

/**
 * The logarithmic relative formula (the "log formula" of the Negometrix/Mercell suite, after T. H. Chen,
 * "An economic approach to public procurement", Journal of Public Procurement 8(3), 2008):
 *
 *   points = maximum × (1 − log(price ÷ lowest) ÷ log A)
 *
 * A is published in advance: a price A times the lowest earns no points. Because only the ratio to the
 * lowest price counts, and log(p ÷ lowest) = log p − log lowest, the gap in points between two bids does
 * not depend on the lowest price, so a new lowest bid cannot swap two others (Negometrix, "The log
 * formula", support.negometrix.com article 9000092065).
 *
 * The suite lets points go negative above A times the lowest; here they stop at 0, as for deviation from
 * the lowest price, and the documents say so. log(price ÷ lowest) ÷ log A is log base A of the ratio, which
 * is exact when the ratio is a whole or simple fractional power of A (A = 4, a price twice the lowest:
 * exactly ½); otherwise it is fixed to APPROXIMATE_DECIMALS places, like a logarithm in a custom formula.
 */
export function logarithmicPoints(maxPoints: Exact, price: Exact, lowest: Exact, multiple: number): Exact {
  const base = exact(multiple);
  const share = logBase(price.div(lowest), base);
  return share.compare(ONE) >= 0 ? ZERO : maxPoints.mul(ONE.sub(share));
}

export function describeLogarithmic(multiple: number): { name: string; formula: string } {
  const a = String(multiple);
  return {
    name: "Logarithmic relative formula (log formula)",
    formula:
      `points = maximum points × (1 − log(bid price ÷ lowest price) ÷ log ${a}), and never below 0: the lowest price earns maximum points and a price ${a} times the lowest or more earns none; ` +
      `a logarithm that is not a whole number or a simple fraction is worked out to ${APPROXIMATE_DECIMALS} decimal places`,
  };
}

/** log_base(x), exact when x^q = base^p for a small q, else to APPROXIMATE_DECIMALS places. */
function logBase(x: Exact, base: Exact): Exact {
  if (x.equals(1)) return ZERO;
  const approximate = logarithm(x, base);
  for (let q = 1; q <= 6; q++) {
    const p = Math.round(approximate.valueOf() * q);
    if (Math.abs(p) > 60) break;
    const left = x.pow(q);
    const right = p >= 0 ? base.pow(p) : base.inverse().pow(-p);
    if (left.equals(right)) return new Fraction(p, q);
  }
  return approximate;
}
