import { readFileSync } from "node:fs";
import { TenderBids, type TenderBidsInput } from "../../src/model/bids.js";
import { ScoringModel, type ScoringModelInput } from "../../src/model/scoring-model.js";
import type { TenderSpecificationInput } from "../../src/model/specification.js";
import { parseReviewPolicy } from "../../src/review/parse-policy.js";
import type { ReviewPolicy } from "../../src/review/policy.js";
import { reviewTender } from "../../src/review/review-tender.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import type { TenderResult } from "../../src/scoring/result.js";
import { aSpecification } from "../builders.js";

export function defaultPolicy(): ReviewPolicy {
  const parsed = parseReviewPolicy(readFileSync(new URL("../../policies/uk-default.yaml", import.meta.url), "utf8"));
  if (!parsed.ok) throw new Error("the default policy must be valid");
  return parsed.value.data;
}

const five = { title: "0 to 5", values: [0, 1, 2, 3, 4, 5] };
const section = (weight: number, criteria: Record<string, number>, extra: object = {}) => ({
  weight,
  scale: "five",
  criteria: Object.entries(criteria).map(([id, w]) => ({ id, title: `Criterion ${id}`, weight: w, justificationRequired: false })),
  ...extra,
});

/**
 * A model that passes the default policy: price 25, quality 50 (with a threshold), social value 15,
 * user panel 10. Override any part to trigger one flag.
 */
export function aPassingModel(sections: Partial<Record<"price" | "quality" | "socialValue" | "userPanel", unknown>> = {}): ScoringModelInput {
  return {
    id: "m",
    title: "Model",
    version: 1,
    scales: { five },
    sections: {
      price: { weight: 25, method: { type: "budget-ceiling", budget: 1000000 } },
      quality: section(50, { Q1: 40, Q2: 30, Q3: 30 }, { minimumPercent: 40 }),
      socialValue: section(15, { SV1: 100 }),
      userPanel: section(10, { U1: 100 }),
      ...sections,
    } as ScoringModelInput["sections"],
    combination: { method: "mean" },
  };
}
export { section };

/** A specification that passes: a £150k, one-year, open procedure for a non-care service, 35 days. */
export function aPassingSpecification(overrides: Partial<TenderSpecificationInput> = {}) {
  return aSpecification({
    title: "Grounds maintenance",
    serviceKind: "other",
    contract: { estimatedValue: 150000, years: 1, extensionYears: 0 },
    dates: { published: "2026-01-05", submissionDeadline: "2026-02-09" },
    serviceUsers: { description: "Residents.", involvement: "Residents' panel." },
    ...overrides,
  });
}

export function review(model: ScoringModelInput, options: { spec?: Partial<TenderSpecificationInput>; bids?: TenderBidsInput; policy?: ReviewPolicy } = {}) {
  const specification = aPassingSpecification(options.spec);
  const parsedModel = ScoringModel.parse(model);
  let scored: { bids: TenderBids; result: TenderResult } | undefined;
  if (options.bids) {
    const bids = TenderBids.parse(options.bids);
    const outcome = scoreTender({ specification, model: parsedModel, bids });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    scored = { bids, result: outcome.value };
  }
  const outcome = reviewTender({ specification, model: parsedModel, policy: options.policy ?? defaultPolicy(), scored });
  if (outcome.problems.some((p) => p.severity === "error")) throw new Error(JSON.stringify(outcome.problems));
  return { ...outcome, result: scored?.result };
}

export const codesOf = (r: ReturnType<typeof review>) => r.flags.map((f) => f.code);

type BidLine = { id: string; price: number; scores: Record<string, number[]>; justification?: string; workforce?: number };

/** Bids for a model with criteria Q1.., SV1, U1 scored by E1..En (and P1 for the user panel). */
export function bidsFor(lines: BidLine[], opts: { evaluators?: number; userPanel?: string[] } = {}): TenderBidsInput {
  const evaluators = Array.from({ length: opts.evaluators ?? 1 }, (_, i) => `E${i + 1}`);
  const userPanel = opts.userPanel ?? ["P1"];
  return {
    panel: { evaluators: evaluators.map((id) => ({ id, role: "Evaluator" })), userPanel: userPanel.map((id) => ({ id })) },
    bids: lines.map((l) => ({
      id: l.id,
      bidder: `Bidder ${l.id}`,
      price: { years: [l.price] },
      ...(l.workforce !== undefined ? { disadvantagedWorkforcePercent: l.workforce } : {}),
      scores: Object.fromEntries(
        Object.entries(l.scores).map(([c, values]) => [
          c,
          Object.fromEntries(
            values.map((score, i) => [
              c.startsWith("U") ? userPanel[i]! : evaluators[i]!,
              { score, justification: l.justification ?? "Clear evidence from two named local projects with published outcome figures." },
            ]),
          ),
        ]),
      ),
    })),
  };
}

/** Price (lowest ÷ price) and one quality criterion on 0–5: the smallest model for with-bids worked examples. */
export function aPriceQualityModel(priceWeight: number): ScoringModelInput {
  return {
    id: "m",
    title: "m",
    version: 1,
    scales: { five },
    sections: { price: { weight: priceWeight, method: { type: "proportional" } }, quality: section(100 - priceWeight, { Q1: 100 }) },
  };
}
