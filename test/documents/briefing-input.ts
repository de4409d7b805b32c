import type { WhatifBriefingInput } from "../../src/documents/whatif-briefing.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { improvementsToWin, priceToWin } from "../../src/sensitivity/improvement.js";
import { seededRandom } from "../../src/sensitivity/random.js";
import { smaa } from "../../src/sensitivity/smaa.js";
import { problemFromResult, sweepWeight } from "../../src/sensitivity/weight-sweep.js";
import { loadExample } from "../example-tender.js";

const input = loadExample();
const scored = scoreTender(input);
if (!scored.ok) throw new Error("example must score");
const result = scored.value;
const problem = problemFromResult(result);
const sections = [...problem.weights.keys()];
const sweeps = sections.map((s) => sweepWeight(problem, s));
const chance = smaa({ criteria: sections, bids: problem.bids.map((b) => ({ id: b.bidId, values: sections.map((s) => b.shares.get(s)!.valueOf()) })), samples: 5000, random: seededRandom(1) });

/** The what-if briefing's input for one bid of the bundled example (5,000 seeded SMAA samples). */
export function briefingInput(bidId: string): WhatifBriefingInput {
  return {
    title: result.tender.title,
    organisationId: bidId,
    basis: "tender",
    problem,
    sweeps,
    smaa: chance,
    seed: 1,
    uncertainScores: false,
    improvements: { criteria: improvementsToWin(input.model, result, bidId), price: priceToWin(input.model, result, bidId) },
    today: "2026-11-22",
  };
}

