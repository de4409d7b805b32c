import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { exact } from "../../src/arithmetic/exact.js";
import { parseBids, parseScoringModel, parseSpecification } from "../../src/model/parse.js";
import { locateProblems } from "../../src/model/parse-document.js";
import { formatProblem } from "../../src/problems/format.js";
import { compilePriceFormula, evaluatePriceFormula, PriceFormulaError, type PriceFormulaScope } from "../../src/scoring/price-formula.js";
import { scorePrices } from "../../src/scoring/price-methods.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { aTender } from "../builders.js";
import { exampleText } from "../example-tender.js";

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
    ["cbrt(price)", 'calls "cbrt"'],
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

/** Compile `0 * price + (expr)` (a formula must use the price) and evaluate it, for the grammar tests. */
function value(expr: string, scope: PriceFormulaScope = {}): string {
  const check = compilePriceFormula(`0 * price + (${expr})`);
  if (!check.ok) throw new Error(check.detail);
  return evaluatePriceFormula(check.formula, { price: exact(7), ...scope }).toFraction();
}
const truth = (expr: string) => value(`(${expr}) ? 1 : 0`) === "1";
function refusal(formula: string): string {
  const check = compilePriceFormula(formula);
  if (check.ok) throw new Error(`expected "${formula}" to be refused`);
  return check.detail;
}

describe("the formula grammar keeps mathjs's precedence", () => {
  it.each([
    ["-2^2", "-4"], // unary minus binds less tightly than ^
    ["2^3*2", "16"],
    ["2^-2", "1/4"],
    ["(-2)^2", "4"],
    ["2-3-4", "-5"], // left to right
    ["24/4/2", "3"],
    ["1 + 2 * 3", "7"],
    ["(1 + 2) * 3", "9"],
    ["- -3", "3"],
    ["+3", "3"],
    ["1.5e2", "150"],
    ["2E-1", "1/5"],
    [".5", "1/2"],
    ["0.1 + 0.2", "3/10"],
    ["min(3, 1, 2)", "1"],
    ["max(3, 1, 2)", "3"],
    ["abs(-2)", "2"],
    ["floor(-2.5)", "-3"],
    ["ceil(-2.5)", "-2"],
    ["round(2.5)", "3"],
    ["1 > 2 ? 10 : 2 > 1 ? 20 : 30", "20"], // the conditional nests to the right
    ["1 < 2 ? 1 < 3 ? 5 : 6 : 7", "5"],
  ])("%s = %s", (expr, expected) => {
    expect(value(expr)).toBe(expected);
  });

  it.each([
    ["0.1 + 0.2 == 0.3", true],
    ["1 < 2 and 2 < 3", true],
    ["1 > 2 or 2 < 3", true],
    ["1 > 2 or 2 > 3 and 1 < 2", false],
    ["not (1 > 2)", true],
    ["1 != 1", false],
    ["2 >= 2 and 2 <= 2", true],
  ])("%s is %s", (expr, expected) => {
    expect(truth(expr)).toBe(expected);
  });

  it("`not` binds like unary minus, so `not 1 > 2` is `(not 1) > 2`, a type error as before", () => {
    expect(() => value("not 1 > 2 ? 1 : 0")).toThrow(PriceFormulaError);
    expect(() => value("not 1 > 2 ? 1 : 0")).toThrow("a number is used where a comparison");
  });
});

describe("a formula that cannot be read says what was expected and where", () => {
  it.each([
    ["price * (lowest + 1", "at character 20: expected a closing bracket ')', found the end of the formula"],
    ["price +", "at character 8: expected a number, a variable or an opening bracket '(', found the end of the formula"],
    ["price)", "at character 6: a closing bracket ')' without an opening one"],
    ["2price", 'at character 2: expected an operator such as * or + before "price" (write 2 * price, not 2 price)'],
    ["2 (price)", "at character 3: expected an operator such as * or + before '('"],
    ["price < lowest < highest", "at character 16: compare two values at a time"],
    ["price ^ 2 ^ 2", "at character 9: powers must have a whole-number exponent"],
    ["price ^ (1 + 1)", "at character 9: powers must have a whole-number exponent"],
    ["price > 1 ? 1", "at character 14: expected ':' to go with the '?' at character 11, found the end of the formula"],
    ["min(price, )", "at character 12: expected a number, a variable or an opening bracket '(', found ')'"],
    ["min(price price)", 'at character 11: expected an operator such as * or + before "price"'],
    ["max()", 'at character 1: "max" is given the wrong number of values'],
    ["abs(price, 1)", 'at character 1: "abs" is given the wrong number of values'],
    ["price mod 2", 'at character 7: it uses the operator "mod"'],
    ["price && 1", "at character 7: '&' is not allowed: to combine two conditions, write 'and'"],
    ["price * 2.", "at character 10: expected a digit after the decimal point"],
    ["price * 10%", "at character 11: '%' is not allowed"],
    ["price!", "at character 6: '!' (factorial) is not allowed"],
    ["0x10 + price", 'at character 2: expected an operator such as * or + before "x10"'],
    ["Infinity * price", 'at character 1: it uses "Infinity", which is not one of the variables'],
    ["pi * price", 'at character 1: it uses "pi", which is not one of the variables'],
    ["price × 2", "at character 7: \"×\" is not allowed in a price formula"],
    [`${"(".repeat(41)}price${")".repeat(41)}`, "at character 41: it is nested too deeply (more than 40 levels)"],
    [`price${" + 1".repeat(45)}`, "it is nested too deeply"],
  ])("%s", (formula, message) => {
    expect(refusal(formula)).toContain(message);
  });

  it("an unreadable formula is a problem at the formula's line in the model file", () => {
    expect(modelProblems("price * (lowest + 1")).toEqual([
      'model.yaml: sections.price.method.formula (line 32): the price formula "price * (lowest + 1" cannot be used: at character 20: expected a closing bracket \')\', found the end of the formula',
    ]);
  });
});

/** Messages for the bundled example with its price method replaced by a custom formula, located in model.yaml. */
function modelProblems(formula: string): string[] {
  const text = exampleText("scoring-model.yaml").replace(
    "      type: proportional\n",
    `      type: custom\n      formula: ${JSON.stringify(formula)}\n      description: test\n`,
  );
  const model = parseScoringModel(text, "model.yaml");
  const spec = parseSpecification(exampleText("specification.yaml"));
  const bids = parseBids(exampleText("bids.yaml"));
  if (!model.ok || !spec.ok || !bids.ok) throw new Error("the edited example must parse");
  const outcome = scoreTender({ specification: spec.value.data, model: model.value.data, bids: bids.value.data });
  return locateProblems(outcome.problems, [model.value.source]).map(formatProblem);
}

describe("hostile formulas are refused quickly, at the formula's line, without huge numbers", () => {
  const nestedPowers = "((((((price^10)^10)^10)^10)^10)^10)";
  it.each([
    ["maxPoints * lowest / price * 1e21 / 1e21", 'at character 30: the number "1e21" is too large: numbers in a price formula must be less than 10^15'],
    ["1e308 * price", 'at character 1: the number "1e308" is too large'],
    ["price * 1e-999999999999999999999", 'at character 9: the number "1e-9999999999999999…" has more than 15 decimal places'],
    ["price * 0.1234567890123456", "has more than 15 decimal places"],
    ["price * 1234567.12345678901", "has more than 15 significant digits"],
    [nestedPowers, "at character 16: its numbers could grow too large to work with exactly"],
    [`${"(".repeat(9)}price^10)^10)^10)^10)^10)^10)^10)^10)^10)`, "its numbers could grow too large to work with exactly"],
    ["maxPoints * lowest / price * (lowest / price)^10 * (lowest / price)^10 * (lowest / price)^10 * (lowest / price)^10 * (lowest / price)^10", "its numbers could grow too large"],
  ])("%s", (formula, message) => {
    const started = performance.now();
    const messages = modelProblems(formula);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^model\.yaml: sections\.price\.method\.formula \(line 32\): the price formula ".*" cannot be used: /);
    expect(messages[0]).toContain(message);
    expect(messages[0]!.length).toBeLessThan(400);
  });

  it("a value that grows too large for one bid's price is a problem naming the bid, not an exception", () => {
    const check = compilePriceFormula("maxPoints * (lowest / price)^10 * (lowest / price)^10");
    expect(check.ok).toBe(true);
    // Prices far beyond what a bids file can hold (it caps them at 10^12), so only the per-bid check sees them.
    const huge = (digits: number, last: string) => exact(`${"9".repeat(digits)}${last}`);
    const started = performance.now();
    const scoring = scorePrices({ type: "custom", formula: "maxPoints * (lowest / price)^10 * (lowest / price)^10", description: "test" }, exact(40), [
      { bidId: "A", wholeLifeCost: huge(150, "1") },
      { bidId: "B", wholeLifeCost: huge(150, "7") },
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(scoring.problems.map(formatProblem)).toEqual([
      'model: sections.price.method.formula: the price formula "maxPoints * (lowest / price)^10 * (lowest / price)^10" failed for bid "B": for this bid it makes a number too large to work with exactly (more than 4096 bits, about 1,200 digits)',
    ]);
  });

  it("a huge result is quoted as its order of magnitude", () => {
    const scoring = scorePrices({ type: "custom", formula: "price^10", description: "test" }, exact(40), [{ bidId: "A", wholeLifeCost: exact(1e12) }]);
    expect(scoring.problems.map(formatProblem)).toEqual([
      'model: sections.price.method.formula: the price formula "price^10" gave bid "A" about 10^120 points, outside 0 to 40',
    ]);
  });
});

describe("start-up does not pay for mathjs", () => {
  it("nothing under src/ imports or requires mathjs", () => {
    const root = fileURLToPath(new URL("../../src/", import.meta.url));
    const sources = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    expect(sources).toContain(join("scoring", "price-formula.ts"));
    const importers = sources.filter((f) => /["']mathjs["']/.test(readFileSync(join(root, f), "utf8")));
    expect(importers).toEqual([]);
  });
});
