import { createRequire } from "node:module";
import type { MathNode } from "mathjs";
import { exact, type Exact } from "../arithmetic/exact.js";

/**
 * A commissioner's own price formula, e.g. `maxPoints * lowest / price`.
 *
 * The formula is parsed by mathjs's expression parser and then checked against a whitelist of node
 * types, operators, functions and variables. It is evaluated by the small exact evaluator below, never
 * by mathjs's `evaluate`: a formula cannot reach `import`, `createUnit`, ranges (`1:1e9`), matrices
 * (`zeros(1e5, 1e5)`), property access, assignment or function definition, because none of those node
 * types is accepted. Powers are limited to small whole-number exponents so exact fractions stay small.
 */
export const priceFormulaVariables = ["price", "lowest", "highest", "mean", "median", "budget", "maxPoints", "count"] as const;
export type PriceFormulaVariable = (typeof priceFormulaVariables)[number];
export type PriceFormulaScope = Partial<Record<PriceFormulaVariable, Exact>>;

const allowedFunctions = new Set(["min", "max", "abs", "floor", "ceil", "round"]);
const arithmetic = new Set(["add", "subtract", "multiply", "divide", "unaryMinus", "unaryPlus", "pow"]);
const comparisons = new Set(["larger", "smaller", "largerEq", "smallerEq", "equal", "unequal"]);
const logical = new Set(["and", "or", "not"]);
const MAX_EXPONENT = 10;
const MAX_LENGTH = 500;
const MAX_DEPTH = 40;

export interface CompiledPriceFormula {
  text: string;
  variables: ReadonlySet<PriceFormulaVariable>;
  root: MathNode;
}

export type FormulaCheck = { ok: true; formula: CompiledPriceFormula } | { ok: false; detail: string };

let parser: ((text: string) => MathNode) | undefined;
function parse(text: string): MathNode {
  // mathjs takes about a second to load, so only tenders with a custom formula pay for it.
  if (parser === undefined) {
    const mathjs = createRequire(import.meta.url)("mathjs") as typeof import("mathjs");
    const instance = mathjs.create(mathjs.all!);
    parser = (t) => instance.parse(t);
  }
  return parser(text);
}

export function compilePriceFormula(text: string): FormulaCheck {
  if (text.length > MAX_LENGTH) return { ok: false, detail: `it is longer than ${MAX_LENGTH} characters` };
  let root: MathNode;
  try {
    root = parse(text);
  } catch (error) {
    return { ok: false, detail: `it is not a formula tender-eval can read (${(error as Error).message})` };
  }
  const variables = new Set<PriceFormulaVariable>();
  const refusal = checkNode(root, variables, 0);
  if (refusal !== undefined) return { ok: false, detail: refusal };
  if (!variables.has("price")) return { ok: false, detail: "it does not use the bid's price" };
  return { ok: true, formula: { text, variables, root } };
}

function checkNode(node: MathNode, variables: Set<PriceFormulaVariable>, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return "it is nested too deeply";
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case "ConstantNode":
      return typeof n["value"] === "number" ? undefined : `it contains ${JSON.stringify(n["value"])}, which is not a number`;
    case "SymbolNode": {
      const name = n["name"] as string;
      if ((priceFormulaVariables as readonly string[]).includes(name)) {
        variables.add(name as PriceFormulaVariable);
        return undefined;
      }
      return `it uses "${name}", which is not one of the variables ${priceFormulaVariables.join(", ")}`;
    }
    case "ParenthesisNode":
      return checkNode(n["content"] as MathNode, variables, depth + 1);
    case "OperatorNode": {
      const fn = n["fn"] as string;
      const args = n["args"] as MathNode[];
      if (!arithmetic.has(fn) && !comparisons.has(fn) && !logical.has(fn)) {
        return `it uses the operator "${n["op"] as string}", which price formulas may not use`;
      }
      if (fn === "pow") {
        const exponent = args[1];
        const value = exponent?.type === "ConstantNode" ? (exponent as unknown as { value: unknown }).value : undefined;
        const negated =
          exponent?.type === "OperatorNode" && (exponent as unknown as { fn: string }).fn === "unaryMinus"
            ? (exponent as unknown as { args: MathNode[] }).args[0]
            : undefined;
        const negValue = negated?.type === "ConstantNode" ? (negated as unknown as { value: unknown }).value : undefined;
        const e = typeof value === "number" ? value : typeof negValue === "number" ? -negValue : undefined;
        if (e === undefined || !Number.isInteger(e) || Math.abs(e) > MAX_EXPONENT) {
          return `powers must have a whole-number exponent between -${MAX_EXPONENT} and ${MAX_EXPONENT}`;
        }
      }
      for (const arg of args) {
        const refusal = checkNode(arg, variables, depth + 1);
        if (refusal !== undefined) return refusal;
      }
      return undefined;
    }
    case "ConditionalNode":
      for (const key of ["condition", "trueExpr", "falseExpr"]) {
        const refusal = checkNode(n[key] as MathNode, variables, depth + 1);
        if (refusal !== undefined) return refusal;
      }
      return undefined;
    case "FunctionNode": {
      const fnNode = n["fn"] as MathNode & { name?: string };
      const name = fnNode.type === "SymbolNode" ? fnNode.name : undefined;
      if (name === undefined || !allowedFunctions.has(name)) {
        return `it calls "${name ?? fnNode.toString()}", and price formulas may only use ${[...allowedFunctions].join(", ")}`;
      }
      const args = n["args"] as MathNode[];
      if (args.length === 0 || ((name === "abs" || name === "floor" || name === "ceil" || name === "round") && args.length !== 1)) {
        return `"${name}" is given the wrong number of values`;
      }
      for (const arg of args) {
        const refusal = checkNode(arg, variables, depth + 1);
        if (refusal !== undefined) return refusal;
      }
      return undefined;
    }
    default:
      return `it contains ${describeNodeType(node.type)}, which price formulas may not use`;
  }
}

function describeNodeType(type: string): string {
  switch (type) {
    case "AssignmentNode": return "an assignment";
    case "FunctionAssignmentNode": return "a function definition";
    case "AccessorNode": return "property access";
    case "IndexNode": return "indexing";
    case "RangeNode": return "a range";
    case "ArrayNode": return "a list or matrix";
    case "ObjectNode": return "an object";
    case "BlockNode": return "several statements";
    default: return `a ${type}`;
  }
}

type Value = Exact | boolean;

export class PriceFormulaError extends Error {}

/** Evaluate exactly. Throws PriceFormulaError (division by zero, missing variable, wrong types). */
export function evaluatePriceFormula(formula: CompiledPriceFormula, scope: PriceFormulaScope): Exact {
  const result = evaluateNode(formula.root, scope);
  if (typeof result === "boolean") throw new PriceFormulaError("it gives true/false, not a number of points");
  return result;
}

function asNumber(v: Value): Exact {
  if (typeof v === "boolean") throw new PriceFormulaError("a comparison is used where a number is needed");
  return v;
}
function asBoolean(v: Value): boolean {
  if (typeof v !== "boolean") throw new PriceFormulaError("a number is used where a comparison (true/false) is needed");
  return v;
}

function evaluateNode(node: MathNode, scope: PriceFormulaScope): Value {
  const n = node as MathNode & Record<string, unknown>;
  switch (node.type) {
    case "ConstantNode":
      return exact(n["value"] as number);
    case "SymbolNode": {
      const name = n["name"] as PriceFormulaVariable;
      const value = scope[name];
      if (value === undefined) throw new PriceFormulaError(`the variable "${name}" has no value for this tender`);
      return value;
    }
    case "ParenthesisNode":
      return evaluateNode(n["content"] as MathNode, scope);
    case "ConditionalNode":
      return asBoolean(evaluateNode(n["condition"] as MathNode, scope))
        ? evaluateNode(n["trueExpr"] as MathNode, scope)
        : evaluateNode(n["falseExpr"] as MathNode, scope);
    case "OperatorNode": {
      const args = (n["args"] as MathNode[]).map((a) => evaluateNode(a, scope));
      return applyOperator(n["fn"] as string, args);
    }
    case "FunctionNode": {
      const name = (n["fn"] as { name: string }).name;
      const args = (n["args"] as MathNode[]).map((a) => asNumber(evaluateNode(a, scope)));
      return applyFunction(name, args);
    }
    default:
      // checkNode refused every other node type before evaluation could start.
      throw new Error(`unreachable: unchecked node ${node.type}`);
  }
}

function applyOperator(fn: string, args: Value[]): Value {
  const [a, b] = args as [Value, Value];
  switch (fn) {
    case "add": return asNumber(a).add(asNumber(b));
    case "subtract": return asNumber(a).sub(asNumber(b));
    case "multiply": return asNumber(a).mul(asNumber(b));
    case "divide": {
      const divisor = asNumber(b);
      if (divisor.equals(0)) throw new PriceFormulaError("it divides by zero");
      return asNumber(a).div(divisor);
    }
    case "unaryMinus": return asNumber(a).neg();
    case "unaryPlus": return asNumber(a);
    case "pow": {
      const base = asNumber(a);
      const exponent = Number(asNumber(b).valueOf());
      if (exponent < 0 && base.equals(0)) throw new PriceFormulaError("it divides by zero");
      return exponent >= 0 ? base.pow(exponent) : base.inverse().pow(-exponent);
    }
    case "larger": return asNumber(a).compare(asNumber(b)) > 0;
    case "smaller": return asNumber(a).compare(asNumber(b)) < 0;
    case "largerEq": return asNumber(a).compare(asNumber(b)) >= 0;
    case "smallerEq": return asNumber(a).compare(asNumber(b)) <= 0;
    case "equal": return asNumber(a).equals(asNumber(b));
    case "unequal": return !asNumber(a).equals(asNumber(b));
    case "and": return asBoolean(a) && asBoolean(b);
    case "or": return asBoolean(a) || asBoolean(b);
    case "not": return !asBoolean(a);
    default:
      throw new Error(`unreachable: unchecked operator ${fn}`);
  }
}

function applyFunction(name: string, args: Exact[]): Exact {
  switch (name) {
    case "min": return args.reduce((x, y) => (y.compare(x) < 0 ? y : x));
    case "max": return args.reduce((x, y) => (y.compare(x) > 0 ? y : x));
    case "abs": return args[0]!.abs();
    case "floor": return args[0]!.floor();
    case "ceil": return args[0]!.ceil();
    case "round": return args[0]!.round();
    default:
      throw new Error(`unreachable: unchecked function ${name}`);
  }
}
