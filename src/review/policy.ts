import { z } from "zod";

const Source = z.string().trim().min(1).describe("The rule or guidance behind these numbers, quoted beside each flag they raise");
const Percent = z.number().min(0).max(100);
const WholeNumber = z.int().min(0);

/**
 * The thresholds the weighting review applies. An authority can write its own; every number carries the
 * source it comes from, which the review quotes beside each flag.
 */
export const ReviewPolicy = z
  .strictObject({
    id: z.string().min(1).describe("The policy's id"),
    title: z.string().min(1).describe("The policy's title, printed at the top of a review"),
    priceWeight: z
      .strictObject({
        maxForCareAndSupport: Percent.describe("Highest price weight, in percent, for care and support services"),
        maxOtherwise: Percent.describe("Highest price weight, in percent, for other services"),
        source: Source,
      })
      .describe("Limits on the weight of price"),
    socialValue: z
      .strictObject({
        minimumPercent: Percent.describe("Lowest weight of social value, in percent of the total score"),
        tokenPercent: Percent.describe("At or below this weight, in percent, social value is token \"added value\""),
        minimumPercentOfQualityScore: Percent.describe("Under price per quality point: lowest share of the quality score for social value, in percent"),
        hardToEvidenceTerms: z.array(z.string().min(1)).describe("Words in social value criteria that point to measures small organisations cannot evidence"),
        source: Source,
      })
      .describe("What social value should weigh, and how it should be measured"),
    userPanel: z
      .strictObject({
        requiredWhenServiceHasUsers: z.boolean().describe("Flag a model without a user-panel section when the service has users"),
        minimumPercent: Percent.describe("Lowest weight of the user-panel section, in percent"),
        source: Source,
      })
      .describe("What the user panel should weigh"),
    qualityThreshold: z
      .strictObject({
        requiredWhenPriceWeightAtLeast: Percent.describe("From this price weight, in percent, a quality minimum score is needed"),
        source: Source,
      })
      .describe("When a quality threshold is needed"),
    tokenWeight: z.strictObject({ source: Source }).describe("Criteria too light to change a ranking"),
    tenderingPeriod: z
      .strictObject({
        statutoryMinimumDays: z
          .strictObject({
            open: WholeNumber.describe("Statutory minimum days for an open procedure"),
            restricted: WholeNumber.describe("Statutory minimum days for a restricted procedure"),
            "light-touch": WholeNumber.describe("Statutory minimum days for a light-touch contract"),
            reserved: WholeNumber.describe("Statutory minimum days for a reserved contract"),
          })
          .describe("The shortest tendering periods the law allows, in days, by procedure"),
        recommendedMinimumDays: WholeNumber.describe("The tendering period small user-led organisations need, in days"),
        source: Source,
      })
      .describe("How long bidders have to respond"),
    wordsAsked: z
      .strictObject({
        baseAllowance: WholeNumber.describe("Words of answers proportionate to any contract"),
        wordsPer100kAnnualValue: WholeNumber.describe("Further words for each £100,000 of annual value"),
        source: Source,
      })
      .describe("How many words of answers are proportionate"),
    thresholds: z
      .strictObject({
        /** Inclusive of VAT. */
        centralGovernment: z.number().positive().describe("Procurement threshold for central government, in pounds including VAT"),
        subCentral: z.number().positive().describe("Procurement threshold for sub-central authorities, in pounds including VAT"),
        lightTouch: z.number().positive().describe("Threshold for light-touch contracts, in pounds including VAT"),
        vatRatePercent: Percent.describe("The VAT rate, in percent, to add to values given without VAT"),
        source: Source,
      })
      .describe("The procurement thresholds"),
    lots: z.strictObject({ source: Source }).describe("When to consider splitting a contract into lots"),
    reservedContracts: z
      .strictObject({
        minimumWorkforcePercent: Percent.describe("Share of disabled or disadvantaged workers a supported employment provider must have, in percent"),
        serviceUserTerms: z.array(z.string().min(1)).describe("Words in the service users' description that suggest a reserved contract"),
        source: Source,
      })
      .describe("Reserved contracts"),
    approvalRoutes: z
      .strictObject({
        routes: z
          .array(
            z.strictObject({
              upTo: z.number().positive().optional().describe("The highest contract value, in pounds, this approver covers (none on the last)"),
              approver: z.string().min(1).describe("Who approves"),
            }),
          )
          .min(1)
          .describe("Approvers by contract value, ascending by upTo"),
        source: Source,
      })
      .describe("Who approves a contract of a given value"),
    effectiveWeight: z
      .strictObject({
        factor: z.number().min(1).describe("Flag a section whose effective weight is more than its published weight times this, or less than its published weight divided by this"),
        source: Source,
      })
      .describe("When a section decides far more, or far less, of the outcome than its published weight"),
    rankReversal: z
      .strictObject({ maxBids: z.int().min(2).describe("Check rank reversal for tenders with at most this many bids"), source: Source })
      .describe("Whether withdrawing one bid reverses two others"),
    abnormallyLowPrice: z
      .strictObject({
        belowAverageExcludingHighestPercent: Percent.describe("Flag a price this far, in percent, below the average of the others excluding the highest"),
        belowNextLowestPercent: Percent.describe("…and this far, in percent, below the next lowest"),
        source: Source,
      })
      .describe("Abnormally low prices"),
    moderation: z
      .strictObject({
        maxSharePercentNeedingModeration: Percent.describe("Flag when more than this share of answers, in percent, needs moderation"),
        evaluatorOffsetPercentOfScale: Percent.describe("Flag an evaluator whose scores are on average this far from the others, in percent of the scale"),
        source: Source,
      })
      .describe("Moderation and consistent scoring"),
    justifications: z
      .strictObject({
        minimumWords: WholeNumber.describe("Fewest words a justification should have"),
        maxOverlapPercent: Percent.describe("Most of a justification, in percent, that may repeat the criterion or descriptor"),
        source: Source,
      })
      .describe("Justifications that would defend a score"),
  })
  .describe("tender-eval weighting-review policy: thresholds and their sources");

export type ReviewPolicy = z.infer<typeof ReviewPolicy>;
