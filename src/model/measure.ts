import { z } from "zod";
import { NonEmptyText } from "./common.js";

/**
 * A quantitative criterion that is not price: each bid offers a figure (response hours, delivery days, a
 * performance indicator) and the figure, not an evaluator, earns the points. Two published rules:
 * interpolation between a best and a worst figure the buyer states in advance, clamped (the German
 * "Leistungskennzahl" scoring, the Italian threshold interpolation), and scoring against the best offer
 * (best ÷ offer when lower is better, offer ÷ best when higher is better), as e-sourcing suites do.
 */
const unit = NonEmptyText.max(40).describe("The figure's unit, as documents state it, e.g. hours, working days, %");

export const Measure = z.discriminatedUnion("method", [
  z.strictObject({
    method: z.literal("interpolation"),
    unit,
    best: z.number().describe("With interpolation: the figure that earns all the criterion's points; a better one earns no more"),
    worst: z.number().describe("With interpolation: the figure that earns none; a worse one earns none either. Lower is better when best is below worst"),
  }),
  z.strictObject({
    method: z.literal("best-offer"),
    unit,
    better: z.enum(["higher", "lower"]).describe("With best-offer: whether a higher or a lower figure is better; the best offer earns all the points"),
  }),
]);
export type Measure = z.infer<typeof Measure>;
