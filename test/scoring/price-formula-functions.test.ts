import { describe, expect, it } from "vitest";
import { exact } from "../../src/arithmetic/exact.js";
import { compilePriceFormula, evaluatePriceFormula, usesApproximation, type PriceFormulaScope } from "../../src/scoring/price-formula.js";

/** A formula must use the bid's price: `0 * price` lets a test look at one function alone. */
const run = (text: string, given: PriceFormulaScope = {}) => {
  const scope = { price: exact(1), ...given };
  const compiled = compilePriceFormula(text.includes("price") ? text : `${text} + 0 * price`);
  if (!compiled.ok) throw new Error(compiled.detail);
  return evaluatePriceFormula(compiled.formula, scope).toFraction();
};

/**
 * sqrt, ln, log and exp in a commissioner's own formula: exact where the value is a fraction, otherwise
 * fixed to 12 decimal places. Expected values below are from tables (and checked on a calculator), not
 * from the code under test.
 */
describe("square roots, logarithms and exponentials in a price formula", () => {
  it("are exact where the answer is a fraction", () => {
    expect(run("sqrt(9/4)")).toBe("3/2");
    expect(run("sqrt(price)", { price: exact(250000) })).toBe("500");
    expect(run("log(1000)")).toBe("3"); // base 10, as in Excel
    expect(run("log(1/100)")).toBe("-2");
    expect(run("log(8, 2)")).toBe("3");
    expect(run("ln(1)")).toBe("0");
    expect(run("exp(0)")).toBe("1");
  });

  it("are fixed to 12 decimal places where it is not", () => {
    // √2 = 1.41421356237309504…; ln 2 = 0.69314718055994530…; log₁₀ 2 = 0.30102999566398119…; e = 2.71828182845904523…
    expect(run("sqrt(2)")).toBe("1414213562373/1000000000000");
    expect(run("ln(2)")).toBe(exact("0.693147180560").toFraction());
    expect(run("log(2)")).toBe(exact("0.301029995664").toFraction());
    expect(run("exp(1)")).toBe(exact("2.718281828459").toFraction());
  });

  it("a logarithmic price formula scores as its published arithmetic says", () => {
    // 30 × (1 − log₁₀(price ÷ lowest)): £100,000 against a lowest of £80,000 → log₁₀ 1.25 = 0.096910013008…
    // → 30 × 0.903089986992 = 27.09269960976.
    expect(run("maxPoints * (1 - log(price / lowest))", { maxPoints: exact(30), price: exact(100000), lowest: exact(80000) })).toBe(
      exact("27.09269960976").toFraction(),
    );
  });

  it("refuses what has no value, with a reason", () => {
    expect(() => run("sqrt(0 - 1)")).toThrow("square root of a negative number");
    expect(() => run("ln(0)")).toThrow("no logarithm");
    expect(() => run("log(10, 1)")).toThrow("base");
    expect(() => run("exp(5000)")).toThrow("too large");
    expect(compilePriceFormula("log(price, 2, 3)")).toMatchObject({ ok: false, detail: expect.stringContaining("a value and a base") });
    expect(compilePriceFormula("ln(price, 2)")).toMatchObject({ ok: false, detail: expect.stringContaining("it takes one") });
  });

  it("says when a formula's points are fixed to decimal places", () => {
    const uses = (text: string) => {
      const compiled = compilePriceFormula(text);
      if (!compiled.ok) throw new Error(compiled.detail);
      return usesApproximation(compiled.formula);
    };
    expect(uses("maxPoints * lowest / price")).toBe(false);
    expect(uses("maxPoints * (1 - log(price / lowest))")).toBe(true);
  });
});

describe("where the price method is stated", () => {
  it("says the points rest on figures fixed to 12 decimal places", async () => {
    const { describePriceMethod } = await import("../../src/scoring/price-methods.js");
    const custom = (formula: string) => describePriceMethod({ type: "custom", formula, description: "Thirty points less thirty times the log of the ratio to the lowest" }).formula;
    expect(custom("maxPoints * (1 - log(price / lowest))")).toContain("square roots, logarithms and exponentials in it are worked out to 12 decimal places");
    expect(custom("maxPoints * lowest / price")).not.toContain("decimal places");
  });
});
