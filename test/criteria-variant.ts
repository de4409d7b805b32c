import type { TenderBids } from "../src/model/bids.js";
import type { ScoringModel } from "../src/model/scoring-model.js";
import { loadExample } from "./example-tender.js";

/**
 * The demo tender written the way a points-model buyer would: section weights as points of 200, the quality
 * criteria as points of 120 with Q1 marked out of 10 on its own scale, and a quantitative criterion K1
 * (hours to respond to an urgent referral, 4 best, 48 worst). The documents must state each rule in words.
 */
export function criteriaVariant() {
  const input = loadExample();
  const m = input.model;
  const quality = m.sections.quality!;
  const model: ScoringModel = {
    ...m,
    sectionWeightsOutOf: 200,
    scales: { ...m.scales, "zero-to-ten": { title: "0 to 10 scale", values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], descriptors: { "0": "No response", "10": "Excellent" }, normalise: "from-zero" } },
    sections: {
      ...Object.fromEntries(Object.entries(m.sections).map(([k, s]) => [k, { ...s!, weight: s!.weight * 2 }])),
      quality: {
        ...quality,
        weight: quality.weight * 2,
        criteriaWeightsOutOf: 120,
        criteria: [
          ...quality.criteria.map((c) => (c.id === "Q1" ? { ...c, scale: "zero-to-ten" } : c)),
          { id: "K1", title: "Response to an urgent referral", weight: 20, justificationRequired: false, measure: { method: "interpolation", unit: "hours", best: 4, worst: 48 } },
        ],
      },
    },
  } as ScoringModel;
  const hours = [4, 12, 24, 6, 60, 8];
  const bids: TenderBids = { ...input.bids, bids: input.bids.bids.map((b, i) => ({ ...b, figures: { K1: hours[i]! } })) };
  return { ...input, model, bids };
}

