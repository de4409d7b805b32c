import { describe, expect, it } from "vitest";
import { exact } from "../../src/arithmetic/exact.js";
import { sweepWeight, type WeightingProblem } from "../../src/sensitivity/weight-sweep.js";
import { asksAsRanges, weightingAsks } from "../../src/sensitivity/weighting-asks.js";
import { inThreadRuntime, whatifForProfiles } from "../../src/workflows/index.js";
import { whatifBriefingInput } from "../../src/workflows/whatif.js";
import { whatifBriefingData } from "../../src/documents/whatif-briefing.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { exampleFolder } from "../example-tender.js";

/**
 * Two bids, price and quality at 50/50. A: all the price points, half the quality points; B: 60% of the
 * price points, all the quality points. With price at w (quality 100 − w):
 *   A = w + (100 − w) × 0.5 = 50 + 0.5w;   B = 0.6w + (100 − w) = 100 − 0.4w;
 *   A ≥ B when 0.9w ≥ 50, i.e. w ≥ 500/9 = 55.5…%: A comes first with price at 56% or more (rounded up, inside).
 * With quality at q: A = 100 − 0.5q, B = 60 + 0.4q, A ≥ B when q ≤ 400/9 = 44.4…%: quality at 44% or less.
 */
const problem: WeightingProblem = {
  weights: new Map([["price", exact(50)], ["quality", exact(50)]] as const),
  bids: [
    { bidId: "A", bidder: "Alpha", shares: new Map([["price", exact(1)], ["quality", exact("1/2")]] as const) },
    { bidId: "B", bidder: "Beta", shares: new Map([["price", exact("3/5")], ["quality", exact(1)]] as const) },
  ],
};

describe("what weighting to ask for", () => {
  it("asks for the whole-percent limit inside each break-even, smallest change first", () => {
    const sweeps = [sweepWeight(problem, "price"), sweepWeight(problem, "quality")];
    expect(weightingAsks(sweeps, "A")).toEqual([
      { section: "quality", side: "at most", weight: 44, alreadyMet: false },
      { section: "price", side: "at least", weight: 56, alreadyMet: false },
    ]);
    // B already leads at 50/50: its asks are to keep price at 55% or less (500/9 rounded down).
    expect(weightingAsks(sweeps, "B").find((a) => a.section === "price")).toEqual({ section: "price", side: "at most", weight: 55, alreadyMet: true });
  });

  it("turns asks into limits within those already given, and none when they cannot both hold", () => {
    const asks = weightingAsks([sweepWeight(problem, "price")], "A");
    expect(asksAsRanges(asks, [{ section: "price", low: 10, high: 70 }])).toEqual([{ section: "price", low: 56, high: 70 }]);
    expect(asksAsRanges(asks, [{ section: "price", low: 10, high: 50 }])).toBeUndefined();
  });

  it("in the briefing's words, with how often the organisation came first among weightings within the asks", async () => {
    const file = (name: string) => ({ name, bytes: readFileSync(join(exampleFolder, name)) });
    const whatif = await whatifForProfiles({ model: file("scoring-model.yaml"), profiles: file("whatif-profiles.yaml") }, { samples: 20_000, seed: 1, runtime: inThreadRuntime });
    if (!whatif.ok) throw new Error("the example's profiles must analyse");
    expect(whatif.value.askFor).toBeDefined();
    const sentence = whatifBriefingData(whatifBriefingInput(whatif.value, "2026-12-05")!).inBrief.map((t) => t.text).find((t) => t.startsWith("What to ask"));
    expect(sentence).toMatch(/^What to ask (for|the commissioner to keep): .+ at \d+% or (less|more)\. With (it|both), Riverside Disabled People's Voice would come first in .+ weightings tried/);
  });
});
