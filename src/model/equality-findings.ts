import { z } from "zod";
import { IsoDate, NonEmptyText } from "./common.js";

/** The nine protected characteristics of the Equality Act 2010, in the order and words of seed 004. */
export const protectedCharacteristics = [
  ["age", "Age"],
  ["disability", "Disability"],
  ["sex", "Gender (Sex)"],
  ["genderReassignment", "Gender reassignment"],
  ["marriageAndCivilPartnership", "Marriage and civil partnership"],
  ["pregnancyAndMaternity", "Pregnancy and maternity"],
  ["raceOrEthnicity", "Race or ethnicity"],
  ["religionAndBelief", "Religion and belief including non-belief"],
  ["sexualOrientation", "Sexual orientation"],
] as const;

type CharacteristicKey = (typeof protectedCharacteristics)[number][0];

/** What the commissioner has found so far; anything left out becomes a clear prompt in the document. */
export const EqualityFindings = z
  .strictObject({
    date: IsoDate.optional(),
    purpose: NonEmptyText.optional(),
    researchSources: z.array(z.strictObject({ source: NonEmptyText, description: NonEmptyText })).default([]),
    impacts: z
      .strictObject(Object.fromEntries(protectedCharacteristics.map(([key]) => [key, NonEmptyText.optional()])) as Record<CharacteristicKey, z.ZodOptional<typeof NonEmptyText>>)
      .default({}),
    summary: NonEmptyText.optional(),
    consultation: NonEmptyText.optional(),
    actions: z
      .array(z.strictObject({ issue: NonEmptyText, action: NonEmptyText, leadOfficer: NonEmptyText, completionDate: IsoDate }))
      .default([]),
    monitoring: NonEmptyText.optional(),
  })
  .describe("tender-eval equality findings: what the commissioner has found for the Equality Assessment");
export type EqualityFindings = z.infer<typeof EqualityFindings>;
