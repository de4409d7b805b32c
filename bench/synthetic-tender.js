// A framework-scale synthetic tender for benchmarks: deterministic (seeded), no I/O.
// Only the two schemas, not the whole library: a stage's peak memory is its own work, not modules it never uses.
import { ScoringModel } from "../dist/model/scoring-model.js";
import { TenderBids } from "../dist/model/bids.js";
import { seededRandom } from "../dist/sensitivity/random.js";

export function syntheticTender({ bids = 2000, criteria = 30, evaluators = 3, seed = 1 } = {}) {
  const random = seededRandom(seed);
  const qualityCriteria = Array.from({ length: criteria }, (_, i) => ({
    id: `Q${i + 1}`,
    title: `Question ${i + 1}`,
    weight: i < criteria - 1 ? Math.floor(100 / criteria) : 100 - Math.floor(100 / criteria) * (criteria - 1),
    justificationRequired: false,
  }));
  const model = ScoringModel.parse({
    id: "bench",
    title: "Benchmark model",
    version: 1,
    scales: { five: { title: "0 to 5", values: [0, 1, 2, 3, 4, 5] } },
    sections: {
      price: { weight: 40, method: { type: "proportional" } },
      quality: { weight: 60, scale: "five", criteria: qualityCriteria },
    },
    combination: { method: "mean" },
    tieBreak: ["highest-quality", "lowest-price"],
  });
  const evaluatorIds = Array.from({ length: evaluators }, (_, i) => `E${i + 1}`);
  const tenderBids = TenderBids.parse({
    panel: { evaluators: evaluatorIds.map((id) => ({ id, role: "Evaluator", sections: ["quality"] })) },
    bids: Array.from({ length: bids }, (_, b) => {
      const base = 1 + Math.floor(random() * 5);
      return {
        id: `B${b + 1}`,
        bidder: `Bidder ${b + 1}`,
        price: { years: [Math.round(100000 + random() * 900000)] },
        scores: Object.fromEntries(
          qualityCriteria.map((c) => [
            c.id,
            Object.fromEntries(evaluatorIds.map((e) => [e, { score: Math.min(5, Math.max(0, base + Math.floor(random() * 3) - 1)) }])),
          ]),
        ),
      };
    }),
  });
  const specification = {
    title: "Benchmark",
    reference: "BENCH",
    authority: "Bench",
    serviceArea: "Bench",
    contract: { estimatedValue: 1e6, includesVat: true, years: 1, extensionYears: 0 },
    procedure: "open",
    dates: { published: "2026-01-01", submissionDeadline: "2026-02-01", standstillWorkingDays: 8 },
    lots: [],
    projectLead: { name: "Bench", role: "Bench" },
    team: [],
    background: "Bench",
    purpose: "Bench",
    serviceUsers: { description: "Bench", involvement: "Bench" },
  };
  return { specification, model, bids: tenderBids };
}
