import { z } from "zod";
import { ExactJson, header, ProblemsJson, WeightUnits } from "./common.js";
import { FlagJson } from "./flags.js";

export const ReviewOutput = z
  .strictObject({
    ...header("review"),
    units: WeightUnits,
    ok: z.boolean().describe("false when a flag of the --fail-on severity or worse was found (the command then exits with code 3)"),
    policy: z.strictObject({ id: z.string().describe("The review policy's id"), title: z.string().describe("Its title") }).describe("The review policy the tender was reviewed against"),
    flags: z.array(FlagJson).describe("Every flag, most severe first"),
    effectiveWeights: z
      .array(
        z.strictObject({
          section: z.string().describe("The section's key: price, quality, socialValue, userPanel or a further section's id"),
          title: z.string().describe("The section's title: Price, Quality, Social value, User panel, or a further section's own"),
          nominal: ExactJson.describe("Its published weight, in percent"),
          effective: ExactJson.describe("Its share of the differences between ranked bids' totals, in percent"),
        }),
      )
      .exactOptional()
      .describe("With scored bids: each section's share of the differences between ranked bids' totals, beside its published weight (empty when there are no scored bids); absent when the model was reviewed alone"),
    notChecked: z.array(z.string()).exactOptional().describe("When the scoring model was reviewed alone: the checks that need the specification and were left out"),
    problems: ProblemsJson.describe("Problems in the inputs that qualify the review"),
  })
  .describe("What tender-eval review --json prints: every flag with the figures and bid ids behind it, and the effective weights");
