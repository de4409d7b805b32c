import { TenderBids, type TenderBidsInput } from "../src/model/bids.js";
import { ScoringModel, type ScoringModelInput, type PriceMethod } from "../src/model/scoring-model.js";
import { TenderSpecification, type TenderSpecificationInput } from "../src/model/specification.js";
import type { TenderInput } from "../src/scoring/score-tender.js";

/** A minimal valid specification: one-year contract, no extension. */
export function aSpecification(overrides: Partial<TenderSpecificationInput> = {}): TenderSpecification {
  return TenderSpecification.parse({
    title: "Test tender",
    reference: "T-1",
    authority: "Test Council",
    serviceArea: "Adult Social Care",
    contract: { estimatedValue: 300000, years: 1, extensionYears: 0 },
    procedure: "open",
    dates: { published: "2026-01-05", submissionDeadline: "2026-02-16" },
    projectLead: { name: "A Lead", role: "Commissioner" },
    background: "Background.",
    purpose: "Purpose.",
    serviceUsers: { description: "Disabled adults.", involvement: "A user panel." },
    ...overrides,
  });
}

interface ScoredBid {
  id: string;
  bidder?: string;
  /** Pounds for year 1, a price per year, or a price schedule in another form (one total, a discount). */
  price?: number | number[] | { total?: number; years?: number[]; discountPercent?: number };
  /** criterion id → one score per evaluator (E1, E2, …) */
  scores: Record<string, number[]>;
  gates?: Record<string, "pass" | "fail">;
}

/**
 * A tender with a price section and one quality section on a 0–5 scale, scored by `evaluators`.
 * `aTender().withPrice(40, {type: "proportional"}).withQuality(60, {Q1: 50, Q2: 50}).withBids(...)`.
 */
export function aTender() {
  let price: { weight: number; method: PriceMethod } | undefined = { weight: 40, method: { type: "proportional" } };
  let quality: { weight: number; criteria: Record<string, number>; minimumScore?: Record<string, number>; minimumPercent?: number } = {
    weight: 60,
    criteria: { Q1: 50, Q2: 50 },
  };
  let evaluators = 1;
  let bids: ScoredBid[] = [];
  let tieBreak: ScoringModelInput["tieBreak"] = [];
  let combination: ScoringModelInput["combination"] = { method: "mean" };
  let moderation: TenderBidsInput["moderation"] = [];
  let gates: string[] = [];
  let scale: { title: string; values: number[]; normalise?: "from-zero" | "from-lowest" } = { title: "0 to 5", values: [0, 1, 2, 3, 4, 5] };

  const builder = {
    withScale(values: number[], normalise?: "from-zero" | "from-lowest") {
      scale = { title: `${values[0]} to ${values.at(-1)}`, values, ...(normalise ? { normalise } : {}) };
      return builder;
    },
    withPrice(weight: number, method: PriceMethod = { type: "proportional" }) {
      price = { weight, method };
      return builder;
    },
    withoutPrice() {
      price = undefined;
      return builder;
    },
    withQuality(weight: number, criteria: Record<string, number>, thresholds: { minimumScore?: Record<string, number>; minimumPercent?: number } = {}) {
      quality = { weight, criteria, ...thresholds };
      return builder;
    },
    withEvaluators(count: number) {
      evaluators = count;
      return builder;
    },
    withCombination(value: NonNullable<ScoringModelInput["combination"]>) {
      combination = value;
      return builder;
    },
    withTieBreak(rules: NonNullable<ScoringModelInput["tieBreak"]>) {
      tieBreak = rules;
      return builder;
    },
    withGates(ids: string[]) {
      gates = ids;
      return builder;
    },
    withModeration(entries: NonNullable<TenderBidsInput["moderation"]>) {
      moderation = entries;
      return builder;
    },
    withBids(...list: ScoredBid[]) {
      bids = list;
      return builder;
    },
    modelInput(): ScoringModelInput {
      return {
        id: "test-model",
        title: "Test model",
        version: 1,
        scales: { five: scale },
        sections: {
          ...(price ? { price: { weight: price.weight, method: price.method } } : {}),
          quality: {
            weight: quality.weight,
            scale: "five",
            ...(quality.minimumPercent !== undefined ? { minimumPercent: quality.minimumPercent } : {}),
            criteria: Object.entries(quality.criteria).map(([id, weight]) => ({
              id,
              title: `Criterion ${id}`,
              weight,
              justificationRequired: false,
              ...(quality.minimumScore?.[id] !== undefined ? { minimumScore: quality.minimumScore[id] } : {}),
            })),
          },
        },
        gates: gates.map((id) => ({ id, title: `Gate ${id}` })),
        combination,
        tieBreak,
      };
    },
    bidsInput(): TenderBidsInput {
      const evaluatorIds = Array.from({ length: evaluators }, (_, i) => `E${i + 1}`);
      return {
        panel: {
          evaluators: evaluatorIds.map((id) => ({ id, role: `Evaluator ${id}`, sections: ["quality"] })),
          // Every evaluator has declared their interests, as a tender ready to score would have.
          declarations: evaluatorIds.map((id) => ({ evaluator: id, declared: true, date: "2026-01-01" })),
        },
        bids: bids.map((b) => ({
          id: b.id,
          bidder: b.bidder ?? `Bidder ${b.id}`,
          ...(b.price !== undefined ? { price: typeof b.price === "object" && !Array.isArray(b.price) ? b.price : { years: Array.isArray(b.price) ? b.price : [b.price] } } : {}),
          gates: b.gates ?? Object.fromEntries(gates.map((g) => [g, "pass" as const])),
          scores: Object.fromEntries(
            Object.entries(b.scores).map(([criterion, values]) => [
              criterion,
              Object.fromEntries(values.map((score, i) => [evaluatorIds[i]!, { score }])),
            ]),
          ),
        })),
        moderation,
      };
    },
    build(): TenderInput {
      return {
        specification: aSpecification(),
        model: ScoringModel.parse(builder.modelInput()),
        bids: TenderBids.parse(builder.bidsInput()),
      };
    },
  };
  return builder;
}
