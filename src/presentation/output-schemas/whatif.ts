import { z } from "zod";
import { ExactJson, header, WeightUnits } from "./common.js";

const weight = (what: string) => ExactJson.describe(`${what}, in percent`);
const bidId = (what: string) => z.string().describe(`${what}, by id`);
const interval = z.strictObject({ from: weight("Where it starts"), to: weight("Where it ends") });

const SweepJson = z.strictObject({
  section: z.string().describe("The section whose weight is swept, by key: quality, socialValue, userPanel or price"),
  currentWeight: weight("Its weight in the scoring model"),
  lines: z
    .array(
      z.strictObject({
        bidId: bidId("The bid"),
        bidder: z.string().describe("The bidder's name, for people"),
        intercept: ExactJson.describe("The bid's total (points out of 100) when the swept weight is 0"),
        slope: ExactJson.describe("How much its total changes for each percentage point of the swept weight"),
      }),
    )
    .describe("Each bid's total as a straight line in the swept weight w: total = intercept + slope × w (the other sections keep their proportions)"),
  breakEvens: z
    .array(
      z.strictObject({
        weight: weight("The swept weight at which the two bids' totals are equal"),
        above: bidId("The bid ahead above that weight"),
        below: bidId("The bid ahead below it"),
      }),
    )
    .describe("Every weight at which two bids change places, lowest first"),
  leaders: z
    .array(z.strictObject({ bidId: bidId("A bid first (or joint first) at the current weight"), from: weight("Where its time in first place starts"), to: weight("Where it ends") }))
    .describe("The bids first at the current weight (several when tied: joint leaders), each with the interval of the swept weight within which it stays first or joint first"),
  firstPlace: z
    .array(z.strictObject({ bidId: bidId("The bid"), interval: interval.nullable().describe("The swept weights at which it is first or joint first, or null if it never is") }))
    .describe("Every analysed bid's own first-place interval over 0–100%"),
  segments: z
    .array(
      z.strictObject({
        from: weight("Where the segment starts"),
        to: weight("Where it ends"),
        ranking: z.array(z.strictObject({ bidId: bidId("The bid"), rank: z.int().describe("Its rank within the segment, 1 first; equal totals share a rank") })).describe("Bids from first to last"),
      }),
    )
    .describe("The ranking between one break-even weight and the next, from 0% to 100%"),
});

const SmaaBidJson = z.strictObject({
  bidder: z.string().describe("The bidder's name, for people"),
  status: z.enum(["analysed", "excluded"]).describe("analysed, or excluded from the tender (an excluded bid cannot win at any weight, so it has no chances)"),
  rankAcceptability: z
    .array(z.number())
    .nullable()
    .describe("The share of sampled weightings (0 to 1) in which the bid takes each rank: item 0 is first place, item 1 second, and so on; null for an excluded bid"),
  typicalWeightsWhenFirst: z
    .record(z.string(), z.number())
    .nullable()
    .describe("The mean of the sampled weights, by section key and in percent, over the samples in which the bid comes first; null if it never does"),
});

export const WhatifOutput = z
  .strictObject({
    ...header("whatif"),
    units: WeightUnits,
    basis: z.enum(["tender", "profiles"]).describe("What was analysed: a scored tender, or an organisation's profiles against a proposed scoring model"),
    organisationBidId: z.string().nullable().describe('The bid the analysis is for (--bid; with profiles always "organisation"), or null'),
    sections: z.array(z.string()).describe("The sections whose weights are analysed, by key"),
    sweeps: z.array(SweepJson).describe("One exact sweep per section: the section's weight moves from 0 to 100% and the others keep their proportions"),
    smaa: z
      .strictObject({
        seed: z.int().describe("The seed of the weight samples: the same seed and samples give the same figures"),
        samples: z.int().describe("Weightings sampled within the limits"),
        drawn: z.int().describe("Weightings drawn in all, including those outside the limits"),
        chunks: z.int().describe("How many chunks the samples were drawn in (the figures do not depend on it)"),
        weightLimits: z
          .record(z.string(), z.strictObject({ low: z.number().describe("The lowest weight allowed, in percent"), high: z.number().describe("The highest, in percent") }))
          .describe("Limits on sections' weights, by section key (from --weight-range or the profiles); empty when every weighting was allowed"),
        bids: z.record(z.string(), SmaaBidJson).describe("Every bid of the tender, by bid id, excluded bids included"),
      })
      .describe("The chance of each rank when every weighting within the limits is equally likely (SMAA-2): an estimate from random weightings, in floating point"),
    improvements: z
      .array(
        z.strictObject({
          criterionId: z.string().describe("The criterion's id"),
          title: z.string().describe("Its title"),
          current: ExactJson.describe("The bid's combined score on it now"),
          needed: ExactJson.exactOptional().describe("The lowest score on the scale that would put the bid strictly first, all else equal; absent if none would"),
          gap: ExactJson.describe("Points the bid is behind the leader (negative: ahead of the runner-up, when it leads)"),
          figure: z
            .strictObject({
              unit: z.string().describe("The figure's unit, as the model states it"),
              best: ExactJson.describe("The published best figure (with interpolation) or the best offer"),
              solved: z.boolean().describe("Whether the figure needed was worked out: true with interpolation between published bounds; false against the best offer, where one figure moves every bid's points"),
              beat: ExactJson.exactOptional().describe("The figure the bid's offer would have to be better than to come first, all else equal; absent when not solved or when even the best figure would not be enough"),
            })
            .exactOptional()
            .describe("For a criterion scored from a figure: current is the figure offered, and this says what figure would put the bid first"),
        }),
      )
      .describe("With --bid (or profiles): for each criterion, the score that would put the bid first; empty otherwise"),
    priceToWin: z
      .strictObject({
        current: ExactJson.describe("The bid's whole-life price, in pounds"),
        needed: ExactJson.exactOptional().describe("The highest whole-pound whole-life price at which it would be strictly first, in pounds; absent if no price would do"),
        alreadyFirst: z.boolean().describe("Whether it is first already"),
      })
      .nullable()
      .describe("With --bid (or profiles), under a points price method: the price that would put the bid first; null otherwise"),
    written: z.array(z.string()).describe("The page and briefing written (--html, --briefing), if any"),
  })
  .describe("What tender-eval whatif --json prints: the exact weight sweeps, the chance of each rank, and where the organisation could improve");
