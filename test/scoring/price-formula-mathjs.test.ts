import fc from "fast-check";
import { all, create, type Fraction as MathFraction } from "mathjs";
import { describe, expect, it } from "vitest";
import { exact } from "../../src/arithmetic/exact.js";
import { compilePriceFormula, evaluatePriceFormula, type PriceFormulaScope } from "../../src/scoring/price-formula.js";

/*
 * Our parser replaced mathjs's; this checks that it reads the grammar the way mathjs did. mathjs is set
 * to exact fractions (as our evaluator is), so floor(0.3 / 0.1) is 3 in both and results can be compared
 * exactly instead of within a floating-point tolerance that floor, round and == would defeat.
 */
const math = create(all!, { number: "Fraction" });

const variable = fc.constantFrom("price", "lowest", "highest", "mean", "median", "maxPoints", "count");
const literal = fc.oneof(fc.integer({ min: 0, max: 20 }).map(String), fc.constantFrom("0.5", "1.25", "2e1", "0.1", "3E-1", ".5", "2.50"));

const { num } = fc.letrec<{ num: string; bool: string }>((tie) => ({
  num: fc.oneof(
    { depthSize: "small", maxDepth: 5 },
    variable,
    literal,
    // Operators without brackets, so both parsers must agree on precedence and associativity.
    fc.tuple(tie("num"), fc.constantFrom("+", "-", "*", "/"), tie("num")).map(([a, op, b]) => `${a} ${op} ${b}`),
    tie("num").map((a) => `-${a}`),
    tie("num").map((a) => `+ ${a}`),
    fc.tuple(tie("num"), fc.integer({ min: -3, max: 3 })).map(([a, e]) => `${a}^${e}`),
    fc.tuple(tie("num"), fc.integer({ min: -3, max: 3 })).map(([a, e]) => `(${a}) ^ ${e}`),
    fc.tuple(tie("bool"), tie("num"), tie("num")).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    fc
      .tuple(fc.constantFrom("min", "max"), fc.array(tie("num"), { minLength: 1, maxLength: 3 }))
      .map(([f, args]) => `${f}(${args.join(", ")})`),
    fc.tuple(fc.constantFrom("abs", "floor", "ceil", "round"), tie("num")).map(([f, a]) => `${f}(${a})`),
    tie("num").map((a) => `(${a})`),
  ),
  bool: fc.oneof(
    { depthSize: "small", maxDepth: 4 },
    fc.tuple(tie("num"), fc.constantFrom("<", ">", "<=", ">=", "==", "!="), tie("num")).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(tie("bool"), fc.constantFrom("and", "or"), tie("bool")).map(([a, op, b]) => `${a} ${op} ${b}`),
    tie("bool").map((a) => `not (${a})`),
    tie("bool").map((a) => `(${a})`),
  ),
}));

const amount = fc.oneof(fc.integer({ min: 1, max: 500000 }), fc.integer({ min: 1, max: 5000000 }).map((n) => n / 100));
const scope = fc.record({
  price: amount,
  lowest: amount,
  highest: amount,
  mean: amount,
  median: amount,
  maxPoints: fc.integer({ min: 1, max: 100 }),
  count: fc.integer({ min: 1, max: 12 }),
});

describe("the formula parser agrees with mathjs", () => {
  it("gives the same value as mathjs's parse and evaluate wherever both give a number", () => {
    let compared = 0;
    fc.assert(
      fc.property(num, scope, (expr, values) => {
        const formula = `${expr} + 0 * price`;
        const check = compilePriceFormula(formula);
        if (!check.ok) return;
        const ours: PriceFormulaScope = {};
        const theirs: Record<string, MathFraction> = {};
        for (const [name, v] of Object.entries(values)) {
          ours[name as keyof PriceFormulaScope] = exact(v);
          theirs[name] = math.fraction(exact(v).toFraction());
        }
        let mine: string;
        try {
          mine = evaluatePriceFormula(check.formula, ours).toFraction();
        } catch {
          return;
        }
        let reference: unknown;
        try {
          reference = math.parse(formula).evaluate(theirs);
        } catch {
          return;
        }
        if (!math.isFraction(reference)) return;
        compared += 1;
        expect(mine, formula).toBe(reference.toFraction());
      }),
      { numRuns: 2000 },
    );
    // Most generated formulas should have been compared, or the property would prove little.
    expect(compared).toBeGreaterThan(500);
  });

  it("reads every formula mathjs reads, except the quirks it refuses on purpose", () => {
    // Sanity check on the generator: our refusals should only be the deliberate ones.
    fc.assert(
      fc.property(num, (expr) => {
        const check = compilePriceFormula(`${expr} + 0 * price`);
        if (!check.ok) expect(check.detail, expr).toMatch(/whole-number exponent|nested too deeply|too large to work with|longer than/);
      }),
      { numRuns: 1000 },
    );
  });
});
