import { z } from "zod";
import { Id, Money, NonEmptyText, Percent } from "./common.js";

/** Expected scores: by section (quality: 3, applied to each of its criteria) or by criterion id (Q3: 4). */
const ExpectedScore = z.union([
  z.number().nonnegative(),
  z.tuple([z.number().nonnegative(), z.number().nonnegative()]).refine(([low, high]) => low <= high, "a range is written [low, high], low first"),
]);

const ExpectedScores = z
  .record(z.string(), ExpectedScore)
  .describe("Expected scores by section (quality, socialValue, userPanel) or by criterion id, each a number or a range [low, high]; a criterion's own score wins");

const RelativePrice = z
  .string()
  .regex(/^[+-]\d+(\.\d+)?%$/, 'write a relative price as "-15%" or "+5%" (relative to your own price)')
  .describe('Relative to your own price, e.g. "-15%" for 15% cheaper');

const WeightRanges = z
  // Keys are section ids rather than an enum, so a further section (e.g. fairWork) can be limited too; the what-if says when one is not the model's.
  .record(
    Id,
    z.tuple([Percent, Percent]).refine(([low, high]) => low <= high, "a range is written [low, high], low first"),
  )
  .describe("Limits on the sections' weights when estimating the chance of winning, in percent: socialValue: [10, 25] if social value will be weighted between 10% and 25%; by the sections' keys in the model (price, quality, socialValue, userPanel or a further section's id)");

/**
 * An organisation's rough picture of a tender before it is published: its own expected scores and price,
 * and profiles of likely competitors ("national provider: 15% cheaper, quality 3, social value 2").
 */
export const WhatifProfiles = z
  .strictObject({
    organisation: z.strictObject({
      name: NonEmptyText.describe("Your organisation's name"),
      price: Money.optional().describe("Your expected whole-life price, in pounds"),
      scores: ExpectedScores,
    }).describe("Your organisation: expected price and scores"),
    competitors: z
      .array(
        z.strictObject({
          name: NonEmptyText.describe('A name for the competitor, e.g. "national provider"'),
          price: z.union([Money, RelativePrice]).optional().describe('Whole-life price in pounds, or relative to yours, e.g. "-15%"'),
          scores: ExpectedScores,
        }),
      )
      .min(1)
      .describe("Rough profiles of the competitors you expect"),
    weightRanges: WeightRanges.optional(),
  })
  .describe("tender-eval what-if profiles: your expected scores and price, and rough profiles of competitors");
export type WhatifProfiles = z.infer<typeof WhatifProfiles>;
