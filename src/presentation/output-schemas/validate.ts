import { z } from "zod";
import { header, ProblemsJson } from "./common.js";

export const ValidateOutput = z
  .strictObject({
    ...header("validate"),
    ok: z.boolean().describe("true when no problem is an error"),
    files: z.array(z.string()).describe("The files checked, as they were named"),
    stage: z.enum(["before-scoring", "scored"]).exactOptional().describe("How far the tender has gone, which decides what is checked: before-scoring (bids are in, no scores yet) or scored; absent for a scoring model checked alone"),
    problems: ProblemsJson.describe("Every problem found, each located in its file"),
  })
  .describe("What tender-eval validate --json prints: every problem in the files checked");
