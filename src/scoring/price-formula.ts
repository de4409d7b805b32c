import { Fraction, type Exact } from "../arithmetic/exact.js";

/**
 * A commissioner's own price formula, e.g. `maxPoints * lowest / price`.
 *
 * The formula comes from a scoring model that may have been written by someone we do not trust, so it
 * is read by the small parser below, which knows only this grammar (the one mathjs's parser accepted
 * through our old whitelist, with mathjs's precedence):
 *
 *   formula     := or ( "?" formula ":" formula )?
 *   or          := and ( "or" and )*
 *   and         := comparison ( "and" comparison )*
 *   comparison  := sum ( ("<" | ">" | "<=" | ">=" | "==" | "!=") sum )?
 *   sum         := product ( ("+" | "-") product )*
 *   product     := unary ( ("*" | "/") unary )*
 *   unary       := ("-" | "+" | "not") unary | power
 *   power       := primary ( "^" "-"? number )?          whole-number exponent, -10..10
 *   primary     := number | variable | function "(" formula ( "," formula )* ")" | "(" formula ")"
 *
 * As in mathjs, unary minus binds less tightly than `^` (-2^2 is -4) and `not` binds as tightly as
 * unary minus. Nothing else is accepted: no ranges, matrices, strings, property access, assignment,
 * other functions, or implicit multiplication (`2price`), so a formula cannot run code or reach state.
 *
 * It is evaluated exactly over fractions, except where a value cannot be a fraction: `sqrt` of a number
 * that is not a square of a fraction, and `ln`, `log` and `exp` (which are exact only at a few points,
 * such as ln(1) = 0 or log(1000) = 3). Those are worked out in floating point and then fixed to
 * APPROXIMATE_DECIMALS decimal places, an exact fraction from there on, so every later step is exact
 * and the same on every machine; documents say so (`usesApproximation`). `log` is base 10 unless a base
 * is given, as in Excel and on calculators, which is what commissioners check a formula against.
 *
 * Exact fractions can grow without limit (each `^10` multiplies
 * the digits by ten), so every literal, every intermediate value and the shape of the expression are
 * bounded: a hostile formula is refused in microseconds instead of running for minutes.
 */
export const priceFormulaVariables = ["price", "lowest", "highest", "mean", "median", "budget", "maxPoints", "count"] as const;
export type PriceFormulaVariable = (typeof priceFormulaVariables)[number];
export type PriceFormulaScope = Partial<Record<PriceFormulaVariable, Exact>>;

const priceFormulaFunctions = ["min", "max", "abs", "floor", "ceil", "round", "sqrt", "ln", "log", "exp"] as const;
type PriceFormulaFunction = (typeof priceFormulaFunctions)[number];
const oneValueFunctions: ReadonlySet<string> = new Set(["abs", "floor", "ceil", "round", "sqrt", "ln", "exp"]);
/** The functions whose value is in general not a fraction, so is fixed to APPROXIMATE_DECIMALS places. */
const approximateFunctions: ReadonlySet<string> = new Set(["sqrt", "ln", "log", "exp"]);
/**
 * Decimal places kept of a square root, logarithm or exponential. A double carries 15–17 significant
 * digits; 12 places keeps every digit that is right for the values formulas meet (ratios of prices and
 * points up to a few hundred) and drops the noise beyond, so the same formula gives the same points
 * with any JavaScript engine's last-digit rounding.
 */
export const APPROXIMATE_DECIMALS = 12;

const MAX_EXPONENT = 10;
const MAX_LENGTH = 500;
const MAX_DEPTH = 40;
/**
 * 15 significant digits and 15 decimal places, below 10^15: every such number is written exactly by a
 * double, so formulas accepted before (when mathjs read numbers as doubles) keep their exact meaning,
 * and no literal is bigger than about 100 bits.
 */
const MAX_LITERAL_DIGITS = 15;
/**
 * The largest numerator or denominator, in bits, of any value met while evaluating. Real formulas stay
 * far below it: a price in pence up to £10^17 is under 64 bits, and even `maxPoints * (lowest / price)^10`
 * is about 1,000 bits. At 4,096 bits (about 1,200 digits) BigInt arithmetic still takes microseconds,
 * whereas a value allowed to grow (`(price^10)^10)^10…`) takes seconds and then exhausts memory.
 */
const MAX_BITS = 4096;
/**
 * What the check made before any bid is seen assumes of each variable: numerator up to 64 bits (any
 * price to the penny up to £10^17), denominator up to 32 bits (a mean over very many bids).
 */
const ASSUMED_VARIABLE_BITS = { numerator: 64, denominator: 32 };

type BinaryOperator = "+" | "-" | "*" | "/" | "<" | ">" | "<=" | ">=" | "==" | "!=" | "and" | "or";

/** Positions (`at`) count characters of the formula from 1, as a person counts them. */
export type FormulaNode =
  | { kind: "number"; value: Exact; at: number }
  | { kind: "variable"; name: PriceFormulaVariable; at: number }
  | { kind: "unary"; operator: "-" | "+" | "not"; operand: FormulaNode; at: number }
  | { kind: "binary"; operator: BinaryOperator; left: FormulaNode; right: FormulaNode; at: number }
  | { kind: "power"; base: FormulaNode; exponent: number; at: number }
  | { kind: "conditional"; condition: FormulaNode; then: FormulaNode; otherwise: FormulaNode; at: number }
  | { kind: "call"; name: PriceFormulaFunction; args: FormulaNode[]; at: number };

export interface CompiledPriceFormula {
  text: string;
  variables: ReadonlySet<PriceFormulaVariable>;
  root: FormulaNode;
}

export type FormulaCheck = { ok: true; formula: CompiledPriceFormula } | { ok: false; detail: string };

/** A formula refused while reading it; `message` already names the character. */
class Refusal extends Error {}

export function compilePriceFormula(text: string): FormulaCheck {
  if (text.length > MAX_LENGTH) return { ok: false, detail: `it is longer than ${MAX_LENGTH} characters` };
  let root: FormulaNode;
  try {
    root = parseFormula(text);
    checkDepth(root, 1);
    checkSize(root);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, detail: error.message };
    throw error;
  }
  const variables = new Set<PriceFormulaVariable>();
  collectVariables(root, variables);
  if (!variables.has("price")) return { ok: false, detail: "it does not use the bid's price" };
  return { ok: true, formula: { text, variables, root } };
}

/** A value or a piece of a formula short enough to quote in a message. */
export function excerpt(text: string, max = 60): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** A formula's result for a message: a value of many digits is given as its order of magnitude. */
export function describeValue(value: Exact): string {
  const text = value.round(4).toString();
  if (text.length <= 24) return text;
  const digits = value.abs().floor().toString().length;
  return `about ${value.s < 0n ? "-" : ""}10^${digits - 1}`;
}

// ---------------------------------------------------------------------------------------------------
// Reading the text

type Token =
  | { kind: "number"; text: string; at: number }
  | { kind: "name"; text: string; at: number }
  | { kind: "symbol"; text: string; at: number }
  | { kind: "end"; at: number }
  /** Something no formula may contain; refused only when the parser reaches it, so that problems
   *  earlier in the formula (e.g. the `import` in `import({…})`) are the ones reported. */
  | { kind: "bad"; message: string; at: number };

const symbols = ["<=", ">=", "==", "!=", "+", "-", "*", "/", "^", "(", ")", ",", "?", ":", "<", ">"];

function refuse(at: number, message: string): never {
  throw new Refusal(`at character ${at}: ${message}`);
}

function quoteChar(c: string): string {
  return c === '"' ? "'\"'" : `"${c}"`;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const previousEndsValue = () => {
    const last = tokens[tokens.length - 1];
    return last !== undefined && (last.kind === "number" || last.kind === "name" || (last.kind === "symbol" && last.text === ")"));
  };
  while (i < text.length) {
    const c = text[i]!;
    const at = i + 1;
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    const number = /^(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + MAX_LENGTH + 1));
    if (number !== null) {
      const after = text[i + number[0].length];
      if (after === ".") {
        tokens.push({ kind: "bad", at: at + number[0].length, message: "expected a digit after the decimal point" });
        return tokens;
      }
      tokens.push({ kind: "number", text: number[0], at });
      i += number[0].length;
      continue;
    }
    const name = /^[\p{L}_$][\p{L}\p{N}_$]*/u.exec(text.slice(i, i + MAX_LENGTH + 1));
    if (name !== null) {
      tokens.push({ kind: "name", text: name[0], at });
      i += name[0].length;
      continue;
    }
    const symbol = symbols.find((s) => text.startsWith(s, i));
    if (symbol !== undefined) {
      tokens.push({ kind: "symbol", text: symbol, at });
      i += symbol.length;
      continue;
    }
    // The whole character, not half of a surrogate pair, so an emoji is quoted as itself.
    const whole = String.fromCodePoint(text.codePointAt(i) ?? 0);
    tokens.push({ kind: "bad", at, message: badCharacter(whole, text[i + 1], previousEndsValue()) });
    return tokens;
  }
  tokens.push({ kind: "end", at: text.length + 1 });
  return tokens;
}

function badCharacter(c: string, next: string | undefined, afterValue: boolean): string {
  switch (c) {
    case '"':
    case "'":
      return "text in quotes is not a number; a price formula may contain only numbers, variables, operators and brackets";
    case "=":
      return next === "="
        ? "unexpected '='"
        : "'=' would make an assignment or a function definition, which price formulas may not contain (to compare two values, write ==)";
    case "!":
      return "'!' (factorial) is not allowed; to compare, write != for 'not equal'";
    case "[":
    case "]":
      return afterValue
        ? "square brackets would be indexing or property access, which price formulas may not use"
        : "square brackets would make a list or matrix, which price formulas may not use";
    case "{":
    case "}":
      return "curly brackets would make an object, which price formulas may not use";
    case ";":
      return "';' would separate several statements, but a price formula is a single expression";
    case ".":
      return "'.' would be property access, which price formulas may not use (a decimal number needs a digit after the point, e.g. 0.5)";
    case "%":
      return "'%' is not allowed: to take a percentage, divide by 100";
    case "&":
      return "'&' is not allowed: to combine two conditions, write 'and'";
    case "|":
      return "'|' is not allowed: to combine two conditions, write 'or'";
    default:
      return `${quoteChar(c)} is not allowed in a price formula`;
  }
}

function parseFormula(text: string): FormulaNode {
  // A lone '=' is refused wherever it is, since whoever wrote it meant an assignment or a comparison
  // and that is the thing to tell them, rather than e.g. that `points` in `points = …` is unknown.
  const assignment = /(?<![=!<>])=(?!=)/.exec(text);
  if (assignment !== null) refuse(assignment.index + 1, badCharacter("=", undefined, false));

  const tokens = tokenize(text);
  let position = 0;
  let nesting = 0;
  let openQuestions = 0;

  const peek = (): Token => {
    const token = tokens[position]!;
    if (token.kind === "bad") refuse(token.at, token.message);
    return token;
  };
  const isSymbol = (token: Token, s: string): token is Token & { kind: "symbol" } => token.kind === "symbol" && token.text === s;
  const isName = (token: Token, s: string): token is Token & { kind: "name" } => token.kind === "name" && token.text === s;
  const advance = (): Token => {
    const token = peek();
    position += 1;
    return token;
  };
  const describe = (token: Token): string => {
    if (token.kind === "end") return "the end of the formula";
    if (token.kind === "number" || token.kind === "name") return `"${excerpt(token.text, 20)}"`;
    if (token.kind === "symbol") return `'${token.text}'`;
    return "something else";
  };
  const startsValue = (token: Token) =>
    token.kind === "number" || (token.kind === "name" && !["and", "or"].includes(token.text)) || isSymbol(token, "(");
  const unexpected = (expected: string): never => {
    const token = peek();
    const previous = tokens[position - 1];
    const afterValue =
      previous !== undefined && (previous.kind === "number" || previous.kind === "name" || isSymbol(previous, ")")) && !isName(previous, "not");
    if (afterValue && token.kind === "name" && ["xor", "mod", "to", "in"].includes(token.text)) {
      refuse(token.at, `it uses the operator "${token.text}", which price formulas may not use`);
    }
    if (afterValue && startsValue(token)) {
      refuse(token.at, `expected an operator such as * or + before ${describe(token)} (write 2 * price, not 2 price)`);
    }
    if (isSymbol(token, ":") && openQuestions === 0) {
      refuse(token.at, "':' without a '?' before it would make a range (such as 1:10), which price formulas may not use");
    }
    if (isSymbol(token, ")") && nesting === 0) refuse(token.at, "a closing bracket ')' without an opening one");
    return refuse(token.at, `expected ${expected}, found ${describe(token)}`);
  };
  const deeper = (at: number) => {
    nesting += 1;
    if (nesting > MAX_DEPTH) refuse(at, `it is nested too deeply (more than ${MAX_DEPTH} levels)`);
  };

  function conditional(): FormulaNode {
    const condition = or();
    const question = peek();
    if (!isSymbol(question, "?")) return condition;
    advance();
    deeper(question.at);
    openQuestions += 1;
    const then = conditional();
    if (!isSymbol(peek(), ":")) unexpected(`':' to go with the '?' at character ${question.at}`);
    advance();
    openQuestions -= 1;
    const otherwise = conditional();
    nesting -= 1;
    return { kind: "conditional", condition, then, otherwise, at: question.at };
  }

  function or(): FormulaNode {
    let left = and();
    while (isName(peek(), "or")) {
      const at = advance().at;
      left = { kind: "binary", operator: "or", left, right: and(), at };
    }
    return left;
  }

  function and(): FormulaNode {
    let left = comparison();
    while (isName(peek(), "and")) {
      const at = advance().at;
      left = { kind: "binary", operator: "and", left, right: comparison(), at };
    }
    return left;
  }

  const comparators = new Set(["<", ">", "<=", ">=", "==", "!="]);
  function comparison(): FormulaNode {
    const left = sum();
    const token = peek();
    if (token.kind !== "symbol" || !comparators.has(token.text)) return left;
    advance();
    const node: FormulaNode = { kind: "binary", operator: token.text as BinaryOperator, left, right: sum(), at: token.at };
    const next = peek();
    if (next.kind === "symbol" && comparators.has(next.text)) {
      refuse(next.at, "compare two values at a time: write e.g. lowest < price and price < budget");
    }
    return node;
  }

  function sum(): FormulaNode {
    let left = product();
    for (let token = peek(); isSymbol(token, "+") || isSymbol(token, "-"); token = peek()) {
      advance();
      left = { kind: "binary", operator: token.text as "+" | "-", left, right: product(), at: token.at };
    }
    return left;
  }

  function product(): FormulaNode {
    let left = unary();
    for (let token = peek(); isSymbol(token, "*") || isSymbol(token, "/"); token = peek()) {
      advance();
      left = { kind: "binary", operator: token.text as "*" | "/", left, right: unary(), at: token.at };
    }
    return left;
  }

  function unary(): FormulaNode {
    const token = peek();
    if (isSymbol(token, "-") || isSymbol(token, "+") || isName(token, "not")) {
      advance();
      deeper(token.at);
      const operand = unary();
      nesting -= 1;
      return { kind: "unary", operator: token.text as "-" | "+" | "not", operand, at: token.at };
    }
    return power();
  }

  function power(): FormulaNode {
    const base = primary();
    const caret = peek();
    if (!isSymbol(caret, "^")) return base;
    advance();
    // mathjs reads the exponent as a unary expression, so 2^-1 is allowed; we accept only a literal.
    const start = peek();
    const exponent = unary();
    const literal =
      exponent.kind === "number"
        ? exponent.value
        : exponent.kind === "unary" && exponent.operator === "-" && exponent.operand.kind === "number"
          ? exponent.operand.value.neg()
          : undefined;
    if (literal === undefined || literal.d !== 1n || literal.abs().compare(MAX_EXPONENT) > 0) {
      refuse(start.at, `powers must have a whole-number exponent between -${MAX_EXPONENT} and ${MAX_EXPONENT}, written as a number`);
    }
    return { kind: "power", base, exponent: Number(literal.valueOf()), at: caret.at };
  }

  function primary(): FormulaNode {
    const token = peek();
    if (token.kind === "number") {
      advance();
      return { kind: "number", value: literalValue(token.text, token.at), at: token.at };
    }
    if (token.kind === "name" && !["and", "or", "not"].includes(token.text)) {
      advance();
      if (isSymbol(peek(), "(")) return call(token.text, token.at);
      if ((priceFormulaVariables as readonly string[]).includes(token.text)) {
        return { kind: "variable", name: token.text as PriceFormulaVariable, at: token.at };
      }
      return refuse(
        token.at,
        `it uses "${excerpt(token.text, 30)}", which is not one of the variables ${priceFormulaVariables.join(", ")}`,
      );
    }
    if (isSymbol(token, "(")) {
      advance();
      deeper(token.at);
      const inner = conditional();
      if (!isSymbol(peek(), ")")) unexpected("a closing bracket ')'");
      advance();
      nesting -= 1;
      return inner;
    }
    return unexpected("a number, a variable or an opening bracket '('");
  }

  function call(name: string, at: number): FormulaNode {
    if (!(priceFormulaFunctions as readonly string[]).includes(name)) {
      refuse(at, `it calls "${excerpt(name, 30)}", and price formulas may only use ${priceFormulaFunctions.join(", ")}`);
    }
    const open = advance();
    deeper(open.at);
    const args: FormulaNode[] = [];
    if (!isSymbol(peek(), ")")) {
      args.push(conditional());
      while (isSymbol(peek(), ",")) {
        advance();
        args.push(conditional());
      }
    }
    if (!isSymbol(peek(), ")")) unexpected("',' or a closing bracket ')'");
    advance();
    nesting -= 1;
    if (name === "log" && (args.length === 0 || args.length > 2)) refuse(at, `"log" is given the wrong number of values (it takes one, or a value and a base)`);
    if (args.length === 0 || (oneValueFunctions.has(name) && args.length !== 1)) {
      refuse(at, `"${name}" is given the wrong number of values (${oneValueFunctions.has(name) ? "it takes one" : "it takes one or more"})`);
    }
    return { kind: "call", name: name as PriceFormulaFunction, args, at };
  }

  const root = conditional();
  if (peek().kind !== "end") unexpected("an operator or the end of the formula");
  return root;
}

/** The exact value of a number as written, refused before any large BigInt is made from it. */
function literalValue(text: string, at: number): Exact {
  const match = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text)!;
  const whole = match[1] ?? "";
  const decimals = match[2] ?? "";
  const exponentText = match[3] ?? "0";
  let digits = (whole + decimals).replace(/^0+/, "");
  if (digits === "") return new Fraction(0);
  // Value = digits × 10^-scale. An exponent of more than 6 digits is out of range either way.
  const exponent = exponentText.replace(/^[+-]?0*/, "").length > 6 ? (exponentText.startsWith("-") ? -1e7 : 1e7) : Number(exponentText);
  let scale = decimals.length - exponent;
  const trailing = /0*$/.exec(digits)![0].length;
  digits = digits.slice(0, digits.length - trailing);
  scale -= trailing;
  const quoted = `"${excerpt(text, 20)}"`;
  if (digits.length - scale > MAX_LITERAL_DIGITS) {
    refuse(at, `the number ${quoted} is too large: numbers in a price formula must be less than 10^${MAX_LITERAL_DIGITS}`);
  }
  if (scale > MAX_LITERAL_DIGITS) refuse(at, `the number ${quoted} has more than ${MAX_LITERAL_DIGITS} decimal places`);
  if (digits.length > MAX_LITERAL_DIGITS) refuse(at, `the number ${quoted} has more than ${MAX_LITERAL_DIGITS} significant digits`);
  const n = BigInt(digits);
  return scale >= 0 ? new Fraction(n, 10n ** BigInt(scale)) : new Fraction(n * 10n ** BigInt(-scale));
}

// ---------------------------------------------------------------------------------------------------
// Checks on the whole expression

function children(node: FormulaNode): FormulaNode[] {
  switch (node.kind) {
    case "number":
    case "variable":
      return [];
    case "unary":
      return [node.operand];
    case "binary":
      return [node.left, node.right];
    case "power":
      return [node.base];
    case "conditional":
      return [node.condition, node.then, node.otherwise];
    case "call":
      return node.args;
  }
}

/** Also bounds the evaluator's recursion, as a chain `1 + 1 + …` nests without brackets. */
function checkDepth(node: FormulaNode, depth: number): void {
  if (depth > MAX_DEPTH) refuse(node.at, `it is nested too deeply (more than ${MAX_DEPTH} levels)`);
  for (const child of children(node)) checkDepth(child, depth + 1);
}

function collectVariables(node: FormulaNode, variables: Set<PriceFormulaVariable>): void {
  if (node.kind === "variable") variables.add(node.name);
  for (const child of children(node)) collectVariables(child, variables);
}

interface Bits {
  numerator: number;
  denominator: number;
}

const bitLength = (n: bigint): number => (n === 0n ? 0 : (n < 0n ? -n : n).toString(2).length);

/**
 * Refuse, before any bid is seen, a formula whose values could outgrow MAX_BITS for ordinary prices:
 * an upper bound on the bits of each value from the bounds on its operands (reducing fractions only
 * makes them smaller). The evaluator still checks each real value, as prices may be larger than assumed.
 */
function checkSize(node: FormulaNode): Bits {
  const size = sizeOf(node);
  if (size.numerator > MAX_BITS || size.denominator > MAX_BITS) {
    refuse(node.at, "its numbers could grow too large to work with exactly (powers of powers, or very many large values multiplied together)");
  }
  return size;
}

function sizeOf(node: FormulaNode): Bits {
  const none: Bits = { numerator: 0, denominator: 0 };
  switch (node.kind) {
    case "number":
      return { numerator: bitLength(node.value.n), denominator: bitLength(node.value.d) };
    case "variable":
      return ASSUMED_VARIABLE_BITS;
    case "unary":
      return node.operator === "not" ? (checkSize(node.operand), none) : checkSize(node.operand);
    case "power": {
      const base = checkSize(node.base);
      const e = Math.abs(node.exponent);
      return node.exponent >= 0
        ? { numerator: base.numerator * e, denominator: base.denominator * e }
        : { numerator: base.denominator * e, denominator: base.numerator * e };
    }
    case "binary": {
      const a = checkSize(node.left);
      const b = checkSize(node.right);
      switch (node.operator) {
        case "+":
        case "-":
          return {
            numerator: Math.max(a.numerator + b.denominator, b.numerator + a.denominator) + 1,
            denominator: a.denominator + b.denominator,
          };
        case "*":
          return { numerator: a.numerator + b.numerator, denominator: a.denominator + b.denominator };
        case "/":
          return { numerator: a.numerator + b.denominator, denominator: a.denominator + b.numerator };
        default:
          return none;
      }
    }
    case "conditional": {
      checkSize(node.condition);
      return largest([checkSize(node.then), checkSize(node.otherwise)]);
    }
    case "call": {
      const args = largest(node.args.map(checkSize));
      // A whole number no larger in magnitude than the value plus one.
      if (node.name === "floor" || node.name === "ceil" || node.name === "round") return { numerator: args.numerator + 1, denominator: 1 };
      // A decimal to APPROXIMATE_DECIMALS places: the denominator is 10^12 (40 bits); the numerator is bounded
      // by the value's size (a logarithm is far smaller than its argument; exp is bounded when evaluated).
      if (approximateFunctions.has(node.name)) return { numerator: Math.max(args.numerator, args.denominator) + 41, denominator: 40 };
      return args;
    }
  }
}

function largest(sizes: Bits[]): Bits {
  return {
    numerator: Math.max(...sizes.map((s) => s.numerator)),
    denominator: Math.max(...sizes.map((s) => s.denominator)),
  };
}

// ---------------------------------------------------------------------------------------------------
// Evaluation

type Value = Exact | boolean;

export class PriceFormulaError extends Error {}

/**
 * Evaluate exactly. Throws PriceFormulaError (division by zero, missing variable, wrong types, a value
 * too large to work with), never anything else for a formula that compiled.
 */
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

const tooLarge = () =>
  new PriceFormulaError(`for this bid it makes a number too large to work with exactly (more than ${MAX_BITS} bits, about 1,200 digits)`);
const LIMIT = 1n << BigInt(MAX_BITS);
function bounded(value: Exact): Exact {
  if (value.n >= LIMIT || value.d >= LIMIT) throw tooLarge();
  return value;
}

function evaluateNode(node: FormulaNode, scope: PriceFormulaScope): Value {
  switch (node.kind) {
    case "number":
      return node.value;
    case "variable": {
      const value = scope[node.name];
      if (value === undefined) throw new PriceFormulaError(`the variable "${node.name}" has no value for this tender`);
      return bounded(value);
    }
    case "unary": {
      const v = evaluateNode(node.operand, scope);
      if (node.operator === "not") return !asBoolean(v);
      return node.operator === "-" ? asNumber(v).neg() : asNumber(v);
    }
    case "power": {
      const base = asNumber(evaluateNode(node.base, scope));
      const e = node.exponent;
      if (e < 0 && base.equals(0)) throw new PriceFormulaError("it divides by zero");
      // Checked before raising, since raising is exactly the step that can take seconds.
      if (bitLength(base.n) * Math.abs(e) > MAX_BITS || bitLength(base.d) * Math.abs(e) > MAX_BITS) throw tooLarge();
      return bounded(e >= 0 ? base.pow(e) : base.inverse().pow(-e));
    }
    case "conditional":
      return asBoolean(evaluateNode(node.condition, scope)) ? evaluateNode(node.then, scope) : evaluateNode(node.otherwise, scope);
    case "binary":
      // Both sides are evaluated first, as before, so `and`/`or` report a failing right-hand side.
      return applyOperator(node.operator, evaluateNode(node.left, scope), evaluateNode(node.right, scope));
    case "call":
      return applyFunction(
        node.name,
        node.args.map((a) => asNumber(evaluateNode(a, scope))),
      );
  }
}

function applyOperator(operator: BinaryOperator, a: Value, b: Value): Value {
  switch (operator) {
    case "+": return bounded(asNumber(a).add(asNumber(b)));
    case "-": return bounded(asNumber(a).sub(asNumber(b)));
    case "*": return bounded(asNumber(a).mul(asNumber(b)));
    case "/": {
      const divisor = asNumber(b);
      if (divisor.equals(0)) throw new PriceFormulaError("it divides by zero");
      return bounded(asNumber(a).div(divisor));
    }
    case ">": return asNumber(a).compare(asNumber(b)) > 0;
    case "<": return asNumber(a).compare(asNumber(b)) < 0;
    case ">=": return asNumber(a).compare(asNumber(b)) >= 0;
    case "<=": return asNumber(a).compare(asNumber(b)) <= 0;
    case "==": return asNumber(a).equals(asNumber(b));
    case "!=": return !asNumber(a).equals(asNumber(b));
    case "and": return asBoolean(a) && asBoolean(b);
    case "or": return asBoolean(a) || asBoolean(b);
  }
}

function applyFunction(name: PriceFormulaFunction, args: Exact[]): Exact {
  switch (name) {
    case "min": return args.reduce((x, y) => (y.compare(x) < 0 ? y : x));
    case "max": return args.reduce((x, y) => (y.compare(x) > 0 ? y : x));
    case "abs": return args[0]!.abs();
    case "floor": return args[0]!.floor();
    case "ceil": return args[0]!.ceil();
    case "round": return args[0]!.round();
    case "sqrt": return squareRoot(args[0]!);
    case "ln": return approximate(naturalLog(args[0]!, "ln"));
    case "log": return logarithm(args[0]!, args[1] ?? new Fraction(10));
    case "exp": {
      if (args[0]!.equals(0)) return new Fraction(1);
      const x = toDouble(args[0]!);
      // e^x above 2^MAX_BITS is refused like any other value too large to work with exactly.
      if (x > MAX_BITS * Math.LN2) throw tooLarge();
      return approximate(Math.exp(x));
    }
  }
}

/**
 * log_base(x): exact when x is a whole power of the base, otherwise to APPROXIMATE_DECIMALS places. The
 * logarithmic price method uses it too, so a formula and the method agree to the last digit.
 */
export function logarithm(x: Exact, base: Exact): Exact {
  if (base.compare(0) <= 0 || base.equals(1)) throw new PriceFormulaError("it takes a logarithm to a base that is zero, negative or 1");
  return powerOf(x, base) ?? approximate(naturalLog(x, "log") / naturalLog(base, "log"));
}

/** The square root, exact when the value is the square of a fraction, otherwise to APPROXIMATE_DECIMALS places. */
function squareRoot(x: Exact): Exact {
  if (x.compare(0) < 0) throw new PriceFormulaError("it takes the square root of a negative number");
  const n = integerSquareRoot(x.n);
  const d = integerSquareRoot(x.d);
  if (n * n === x.n && d * d === x.d) return new Fraction(n, d);
  return approximate(Math.sqrt(toDouble(x)));
}

function integerSquareRoot(value: bigint): bigint {
  if (value < 2n) return value;
  // Newton's method from above: converges in O(log bits) steps for values of any size.
  let x = 1n << BigInt(Math.ceil(bitLength(value) / 2));
  for (;;) {
    const y = (x + value / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** log_base(x) when x is a whole power of the base (e.g. log(1000) = 3, log(1) = 0), else undefined. */
function powerOf(x: Exact, base: Exact): Exact | undefined {
  if (x.compare(0) <= 0) return undefined;
  if (x.equals(1)) return new Fraction(0);
  const guess = Math.round(Math.log(toDouble(x)) / Math.log(toDouble(base)));
  if (!Number.isFinite(guess) || Math.abs(guess) > MAX_EXPONENT * 10) return undefined;
  const candidate = guess >= 0 ? base.pow(guess) : base.inverse().pow(-guess);
  return candidate.equals(x) ? new Fraction(guess) : undefined;
}

/**
 * The natural logarithm of a positive fraction of any size (values may have up to MAX_BITS bits, beyond a
 * double's range): each part is shifted down to 1,000 bits first and the shift added back as multiples of ln 2.
 */
function naturalLog(x: Exact, name: string): number {
  if (x.compare(0) <= 0) throw new PriceFormulaError(`"${name}" is given zero or a negative number, which has no logarithm`);
  // Positive here, so n and d are the value's own parts.
  const nShift = Math.max(0, bitLength(x.n) - 1000);
  const dShift = Math.max(0, bitLength(x.d) - 1000);
  return Math.log(Number(x.n >> BigInt(nShift))) - Math.log(Number(x.d >> BigInt(dShift))) + (nShift - dShift) * Math.LN2;
}

/** A fraction as a double: Infinity beyond a double's range (which `approximate` then refuses), 0 below it. */
function toDouble(x: Exact): number {
  const nShift = Math.max(0, bitLength(x.n) - 1000);
  const dShift = Math.max(0, bitLength(x.d) - 1000);
  // fraction.js keeps the sign apart (s is 1n or -1n; n and d are never negative).
  return Number(x.s) * (Number(x.n >> BigInt(nShift)) / Number(x.d >> BigInt(dShift))) * 2 ** (nShift - dShift);
}

/** A double fixed to APPROXIMATE_DECIMALS decimal places, as an exact fraction. */
function approximate(value: number): Exact {
  if (!Number.isFinite(value)) throw tooLarge();
  // Beyond 2^53 a double has no fractional part, and toFixed would switch to exponent notation.
  if (Math.abs(value) >= 2 ** 53) return bounded(new Fraction(BigInt(value)));
  return bounded(new Fraction(value.toFixed(APPROXIMATE_DECIMALS)));
}

/** Whether a formula uses a function whose value is fixed to APPROXIMATE_DECIMALS places, so documents can say so. */
export function usesApproximation(formula: CompiledPriceFormula): boolean {
  const visit = (node: FormulaNode): boolean => (node.kind === "call" && approximateFunctions.has(node.name)) || children(node).some(visit);
  return visit(formula.root);
}
