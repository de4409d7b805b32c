import { describe, expect, it } from "vitest";
import { WhatifProfiles } from "../../src/model/whatif-profiles.js";
import { formatProblem } from "../../src/problems/format.js";
import { problemFromProfiles } from "../../src/sensitivity/profiles.js";
import { sweepWeight } from "../../src/sensitivity/weight-sweep.js";
import { aTender } from "../builders.js";

/*
 * Model: price 40 (lowest ÷ price), quality 60 (Q1, Q2 50% each, 0–5).
 * Us: £100,000, quality 4 (Q2: 5)  → quality share (4/5 + 5/5) / 2 = 9/10; price is the higher one.
 * National provider: 15% cheaper, £85,000, quality 3 → share 3/5; price share 1 (lowest).
 * Our price share = 85,000 / 100,000 = 17/20.
 * Totals: us 40 × 17/20 + 60 × 9/10 = 34 + 54 = 88; them 40 + 36 = 76.
 * Sweeping price weight w (quality 100 − w): us = w × 17/20 + (100 − w) × 9/10, them = w + (100 − w) × 3/5.
 * Equal when 17w/20 + 90 − 9w/10 = w + 60 − 3w/5  →  30 = w (1 + 9/10 − 17/20 − 3/5) = w × 9/20  →  w = 200/3.
 */
describe("what-if from rough profiles", () => {
  const model = aTender().withPrice(40).withQuality(60, { Q1: 50, Q2: 50 }).withBids({ id: "X", price: 1, scores: { Q1: [1], Q2: [1] } }).build().model;
  const profiles = WhatifProfiles.parse({
    organisation: { name: "Us", price: 100000, scores: { quality: 4, Q2: 5 } },
    competitors: [{ name: "National provider", price: "-15%", scores: { quality: 3 } }],
  });

  it("turns section and criterion scores and relative prices into section shares, using the model's price method", () => {
    const built = problemFromProfiles(model, profiles);
    if (!built.ok) throw new Error(built.problems.map(formatProblem).join("\n"));
    const shares = built.value.bids.map((b) => [b.bidder, b.shares.get("quality")!.toFraction(), b.shares.get("price")!.toFraction()]);
    expect(shares).toEqual([
      ["Us", "9/10", "17/20"],
      ["National provider", "3/5", "1"],
    ]);
  });

  it("solves the price weight at which the cheaper competitor overtakes: 200/3 ≈ 66.7%", () => {
    const built = problemFromProfiles(model, profiles);
    if (!built.ok) throw new Error("should build");
    const sweep = sweepWeight(built.value, "price");
    expect(sweep.breakEvens.map((b) => [b.weight.toFraction(), b.above, b.below])).toEqual([["200/3", "competitor-1", "organisation"]]);
  });

  it("reports every problem with its place: an unknown key, a missing score, a score off the scale, a missing price", () => {
    const bad = WhatifProfiles.parse({
      organisation: { name: "Us", scores: { qualty: 4, Q1: 4 } },
      competitors: [{ name: "Them", price: "-10%", scores: { quality: 7 } }],
    });
    const built = problemFromProfiles(model, bad);
    expect(built.ok).toBe(false);
    expect(built.problems.map(formatProblem)).toEqual([
      'profiles: organisation.scores.qualty: "qualty" is neither a section nor a criterion of the scoring model (use one of: quality, Q1, Q2)',
      "profiles: organisation.scores: Us has no expected score for Q2: give one for it or for the whole quality section",
      "profiles: competitors[0].scores.quality: the expected score 7 is outside the scale (0 to 5)",
      'profiles: organisation: Us has no price, and the scoring model scores price (give pounds, or a competitor\'s price relative to yours, e.g. "-15%")',
    ]);
  });

  it("a score given as a range gives the section's lowest and highest share; the sweeps use the middle", () => {
    const uncertain = WhatifProfiles.parse({
      organisation: { name: "Us", price: 100000, scores: { quality: [3, 5] } },
      competitors: [{ name: "Them", price: "-15%", scores: { quality: 3 } }],
    });
    const built = problemFromProfiles(model, uncertain);
    if (!built.ok) throw new Error("should build");
    const us = built.value.bids[0]!;
    expect(us.ranges!.get("quality")!.map((x) => x.toFraction())).toEqual(["3/5", "1"]);
    expect(us.shares.get("quality")!.toFraction()).toBe("4/5");
    expect(built.value.bids[1]!.ranges).toBeUndefined();
  });

  it("refuses a range written high first", () => {
    expect(WhatifProfiles.safeParse({ organisation: { name: "Us", scores: { quality: [5, 3] } }, competitors: [{ name: "T", scores: { quality: 3 } }] }).success).toBe(false);
  });
});
