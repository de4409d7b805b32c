import { describe, expect, it } from "vitest";
import { exact } from "../../src/arithmetic/exact.js";
import { formatProblem } from "../../src/problems/format.js";
import { compilePriceFormula, evaluatePriceFormula } from "../../src/scoring/price-formula.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { aTender } from "../builders.js";

describe("custom price formulas are locked down", () => {
  // Each of these would, in a plain mathjs instance, run code, read state, hang Node or exhaust memory.
  it.each([
    ["1:1e9 + price", "a range"],
    ["zeros(1e5, 1e5) + price", 'calls "zeros"'],
    ['import({x: 1}, {}) + price', 'calls "import"'],
    ['evaluate("1+1") + price', 'calls "evaluate"'],
    ['parse("1") + price', 'calls "parse"'],
    ['createUnit("x") + price', 'calls "createUnit"'],
    ["f(x) = x", "a function definition"],
    ["price = 1", "an assignment"],
    ["price.constructor", "property access"],
    ['price["constructor"]', "property access"],
    ["[1, 2] + price", "a list or matrix"],
    ["{a: 1}", "an object"],
    ['"text" + price', "is not a number"],
    ["price ^ 1e9", "whole-number exponent"],
    ["price ^ 0.5", "whole-number exponent"],
    ["sqrt(price)", 'calls "sqrt"'],
    ["secret + price", '"secret", which is not one of the variables'],
    ["1; price", "several statements"],
    ["maxPoints", "does not use the bid's price"],
  ])("refuses %s", (formula, reason) => {
    const check = compilePriceFormula(formula);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.detail).toContain(reason);
  });

  it("refuses a formula longer than 500 characters", () => {
    const check = compilePriceFormula(`price${" + 1".repeat(200)}`);
    expect(check.ok).toBe(false);
  });

  it("allows arithmetic, comparisons, conditionals and min/max/abs/round", () => {
    const check = compilePriceFormula("price <= budget ? min(maxPoints, maxPoints * lowest / price) : 0");
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const scope = { price: exact(120), lowest: exact(100), budget: exact(150), maxPoints: exact(30) };
    expect(evaluatePriceFormula(check.formula, scope).toFraction()).toBe("25");
    expect(evaluatePriceFormula(check.formula, { ...scope, price: exact(200) }).toFraction()).toBe("0");
  });
});

describe("a formula that fails is an error naming the bid", () => {
  const tender = (formula: string) =>
    aTender()
      .withPrice(40, { type: "custom", formula, description: "test" })
      .withBids({ id: "A", price: 100, scores: { Q1: [3], Q2: [3] } }, { id: "B", price: 200, scores: { Q1: [3], Q2: [3] } })
      .build();

  it("division by zero", () => {
    const outcome = scoreTender(tender("maxPoints * lowest / (price - 100)"));
    expect(outcome.ok).toBe(false);
    expect(outcome.problems.map(formatProblem)).toContain(
      'model: sections.price.method.formula: the price formula "maxPoints * lowest / (price - 100)" failed for bid "A": it divides by zero',
    );
  });

  it("a result outside 0..maxPoints", () => {
    const outcome = scoreTender(tender("price / 2"));
    expect(outcome.ok).toBe(false);
    const messages = outcome.problems.map(formatProblem);
    expect(messages).toContain('model: sections.price.method.formula: the price formula "price / 2" gave bid "A" 50 points, outside 0 to 40');
    expect(messages).toContain('model: sections.price.method.formula: the price formula "price / 2" gave bid "B" 100 points, outside 0 to 40');
  });

  it("an unsafe formula is refused when the model is checked, before any bid is scored", () => {
    const outcome = scoreTender(tender("1:1e9"));
    expect(outcome.ok).toBe(false);
    expect(outcome.problems[0]!.code).toBe("model.formula-invalid");
  });

  it("a formula using budget without a budget is refused", () => {
    const outcome = scoreTender(tender("maxPoints * (budget - price) / budget"));
    expect(outcome.problems.map((p) => p.code)).toContain("model.formula-invalid");
  });
});
