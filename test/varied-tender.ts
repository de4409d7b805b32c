import { TenderBids } from "../src/model/bids.js";
import { ScoringModel } from "../src/model/scoring-model.js";
import type { TenderInput } from "../src/scoring/score-tender.js";
import { seededRandom } from "../src/sensitivity/random.js";
import { aSpecification } from "./builders.js";

const scales = {
  five: { title: "0 to 5", values: [0, 1, 2, 3, 4, 5] },
  hundred: { title: "0 to 100", values: [0, 25, 50, 75, 100] },
  halves: { title: "0 to 2 in halves", values: [0, 0.5, 1, 1.5, 2] },
  oneToFive: { title: "1 to 5", values: [1, 2, 3, 4, 5], normalise: "from-lowest" },
  ten: { title: "0 to 10", values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
} as const;
type ScaleId = keyof typeof scales;

/** A varied tender from a seed: every choice the engine branches on is drawn. */
export function variedTender(seed: number): { input: TenderInput; allowIncomplete: boolean } {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const chance = (p: number) => random() < p;
  const allowIncomplete = chance(0.3);
  const scaleIds = Object.keys(scales) as ScaleId[];
  const evaluatorCount = 1 + Math.floor(random() * 4);
  const evaluators = Array.from({ length: evaluatorCount }, (_, i) => `E${i + 1}`);
  const members = chance(0.5) ? ["P1", "P2", "P3"] : [];
  const sectionKeys = ["quality", ...(chance(0.5) ? ["socialValue"] : []), ...(members.length > 0 ? ["userPanel"] : [])] as const;
  const pointsWeights = chance(0.3);
  const sections: Record<string, unknown> = {};
  const criteria: { id: string; section: string; scale: ScaleId; measured: boolean }[] = [];
  let n = 0;
  for (const key of sectionKeys) {
    const count = 1 + Math.floor(random() * 5);
    const sectionScale = pick(scaleIds);
    const weights = Array.from({ length: count }, () => 1 + Math.floor(random() * 40));
    const total = weights.reduce((a, b) => a + b, 0);
    const list = weights.map((w, i) => {
      const id = `C${++n}`;
      const measured = key !== "userPanel" && i > 0 && chance(0.15);
      const ownScale = !measured && chance(0.2) ? pick(scaleIds) : undefined;
      criteria.push({ id, section: key, scale: ownScale ?? sectionScale, measured });
      const values = scales[ownScale ?? sectionScale].values;
      return {
        id,
        title: `Criterion ${id}`,
        weight: pointsWeights ? w : undefined,
        ...(ownScale !== undefined ? { scale: ownScale } : {}),
        ...(measured ? { measure: chance(0.5) ? { method: "interpolation", unit: "hours", best: 2, worst: 24 } : { method: "best-offer", unit: "%", better: "higher" } } : {}),
        ...(!measured && chance(0.15) ? { minimumScore: values[1] } : {}),
        justificationRequired: false,
      };
    });
    // Percentages must add up to 100: the last criterion takes the rest.
    if (!pointsWeights) {
      const share = Math.floor(100 / count);
      list.forEach((c, i) => (c.weight = i < count - 1 ? share : 100 - share * (count - 1)));
    }
    sections[key] = {
      weight: 0,
      scale: sectionScale,
      ...(pointsWeights ? { criteriaWeightsOutOf: total } : {}),
      ...(chance(0.2) ? { minimumPercent: 30 } : {}),
      ...(chance(0.3) ? { combination: { method: pick(["mean", "median", "consensus"] as const), ...(chance(0.5) ? { tolerance: pick([0, 1, 1.5]) } : {}) } } : {}),
      criteria: list,
    };
  }
  const priceWeight = 20 + Math.floor(random() * 40);
  const rest = 100 - priceWeight;
  sectionKeys.forEach((key, i) => {
    const share = Math.floor(rest / sectionKeys.length);
    (sections[key] as { weight: number }).weight = i < sectionKeys.length - 1 ? share : rest - share * (sectionKeys.length - 1);
  });
  const model = ScoringModel.parse({
    id: `varied-${seed}`,
    title: "Varied",
    version: 1,
    scales,
    sections: { price: { weight: priceWeight, method: pick([{ type: "proportional" }, { type: "linear-interpolation" }]) }, ...sections },
    gates: chance(0.3) ? [{ id: "G1", title: "Insurance" }] : [],
    combination: { method: pick(["mean", "median", "consensus"] as const), ...(chance(0.4) ? { tolerance: pick([0, 1, 2]) } : {}) },
    ...(chance(0.3) ? { rounding: { step: pick([1, 0.01, 0.5]), of: pick(["criterion", "section"] as const) } } : {}),
    tieBreak: ["highest-quality", "lowest-price"],
  });
  const specialist = evaluatorCount > 1 && chance(0.3);
  const qualityIds = criteria.filter((c) => c.section === "quality" && !c.measured).map((c) => c.id);
  const bidCount = 3 + Math.floor(random() * 30);
  const moderation: { bid: string; criterion: string; score: number; reason: string }[] = [];
  const bids = Array.from({ length: bidCount }, (_, b) => {
    const id = `B${b + 1}`;
    const scores: Record<string, Record<string, { score: number; justification: string }>> = {};
    const figures: Record<string, number> = {};
    for (const c of criteria) {
      if (c.measured) {
        figures[c.id] = 1 + Math.floor(random() * 30);
        continue;
      }
      const values = scales[c.scale].values;
      const base = Math.floor(random() * values.length);
      const scorers = c.section === "userPanel" ? members : specialist && c.id === qualityIds[0] ? evaluators.slice(0, 1) : evaluators;
      scores[c.id] = {};
      for (const e of scorers) {
        if (allowIncomplete && chance(0.05)) continue;
        const i = Math.min(values.length - 1, Math.max(0, base + Math.floor(random() * 3) - 1));
        scores[c.id]![e] = { score: values[i]!, justification: chance(0.5) ? "" : `Reason ${e}` };
      }
      if (chance(0.08)) moderation.push({ bid: id, criterion: c.id, score: pick(values), reason: "Agreed at moderation." });
    }
    return {
      id,
      bidder: `Bidder ${(b * 7) % bidCount}`,
      price: { years: [Math.round(50000 + random() * 50000)] },
      scores,
      ...(Object.keys(figures).length > 0 ? { figures } : {}),
      ...(model.gates.length > 0 ? { gates: { G1: chance(0.1) ? "fail" : "pass" } } : {}),
    };
  });
  const tenderBids = TenderBids.parse({
    panel: {
      evaluators: evaluators.map((id, i) => ({
        id,
        role: "Evaluator",
        sections: ["quality", "socialValue"],
        ...(specialist && i > 0 && qualityIds.length > 0 ? { criteria: criteria.filter((c) => !c.measured && c.section !== "userPanel" && c.id !== qualityIds[0]).map((c) => c.id) } : {}),
      })),
      userPanel: members.map((id) => ({ id })),
    },
    bids,
    moderation,
  });
  return { input: { specification: aSpecification(), model, bids: tenderBids }, allowIncomplete };
}

export const VARIED_SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);
