import { z } from "zod";

const Source = z.string().trim().min(1);
const Percent = z.number().min(0).max(100);

/**
 * The thresholds the weighting review applies. An authority can write its own; every number carries the
 * source it comes from, which the review quotes beside each flag.
 */
export const ReviewPolicy = z
  .strictObject({
    id: z.string().min(1),
    title: z.string().min(1),
    priceWeight: z.strictObject({
      maxForCareAndSupport: Percent,
      maxOtherwise: Percent,
      source: Source,
    }),
    socialValue: z.strictObject({
      minimumPercent: Percent,
      /** At or below this the section is token "added value". */
      tokenPercent: Percent,
      /** Under price per quality point: minimum share of the quality score. */
      minimumPercentOfQualityScore: Percent,
      /** Words in social value criteria that point to measures small organisations cannot evidence. */
      hardToEvidenceTerms: z.array(z.string().min(1)),
      source: Source,
    }),
    userPanel: z.strictObject({
      requiredWhenServiceHasUsers: z.boolean(),
      minimumPercent: Percent,
      source: Source,
    }),
    qualityThreshold: z.strictObject({
      requiredWhenPriceWeightAtLeast: Percent,
      source: Source,
    }),
    tokenWeight: z.strictObject({ source: Source }),
    tenderingPeriod: z.strictObject({
      statutoryMinimumDays: z.strictObject({
        open: z.int().min(0),
        restricted: z.int().min(0),
        "light-touch": z.int().min(0),
        reserved: z.int().min(0),
      }),
      recommendedMinimumDays: z.int().min(0),
      source: Source,
    }),
    wordsAsked: z.strictObject({
      baseAllowance: z.int().min(0),
      wordsPer100kAnnualValue: z.int().min(0),
      source: Source,
    }),
    thresholds: z.strictObject({
      /** Inclusive of VAT. */
      centralGovernment: z.number().positive(),
      subCentral: z.number().positive(),
      lightTouch: z.number().positive(),
      vatRatePercent: Percent,
      source: Source,
    }),
    lots: z.strictObject({ source: Source }),
    reservedContracts: z.strictObject({
      minimumWorkforcePercent: Percent,
      serviceUserTerms: z.array(z.string().min(1)),
      source: Source,
    }),
    approvalRoutes: z.strictObject({
      /** Ascending by upTo; the last may omit it (no upper limit). */
      routes: z.array(z.strictObject({ upTo: z.number().positive().optional(), approver: z.string().min(1) })).min(1),
      source: Source,
    }),
    effectiveWeight: z.strictObject({
      /** Flag when price's effective weight exceeds its nominal weight times this factor. */
      priceFactor: z.number().min(1),
      source: Source,
    }),
    rankReversal: z.strictObject({ maxBids: z.int().min(2), source: Source }),
    abnormallyLowPrice: z.strictObject({
      belowAverageExcludingHighestPercent: Percent,
      belowNextLowestPercent: Percent,
      source: Source,
    }),
    moderation: z.strictObject({
      maxSharePercentNeedingModeration: Percent,
      evaluatorOffsetPercentOfScale: Percent,
      source: Source,
    }),
    justifications: z.strictObject({
      minimumWords: z.int().min(0),
      maxOverlapPercent: Percent,
      source: Source,
    }),
  })
  .describe("tender-eval weighting-review policy: thresholds and their sources");

export type ReviewPolicy = z.infer<typeof ReviewPolicy>;
