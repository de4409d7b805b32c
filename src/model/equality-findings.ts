import { z } from "zod";
import { IsoDate, NonEmptyText } from "./common.js";

/**
 * The nine protected characteristics, named as the Equality Act 2010 names them (s.4; what each includes:
 * ss.5–12), in the order of the Achieving for Children Commissioning Framework's Equality Assessment
 * (section 6). The keys are stable field names of the findings file.
 */
export const protectedCharacteristics = [
  ["age", "Age"],
  ["disability", "Disability"],
  ["sex", "Sex"],
  ["genderReassignment", "Gender reassignment"],
  ["marriageAndCivilPartnership", "Marriage and civil partnership"],
  ["pregnancyAndMaternity", "Pregnancy and maternity"],
  ["raceOrEthnicity", "Race (including colour, nationality, ethnic or national origins)"],
  ["religionAndBelief", "Religion or belief (including a lack of religion or belief)"],
  ["sexualOrientation", "Sexual orientation"],
] as const;

/** The stages of the commissioning cycle at which an Equality Assessment is made. */

export { equalityStages, type EqualityStage } from "./equality-stages.js";

type CharacteristicKey = (typeof protectedCharacteristics)[number][0];

/** What the commissioner has found so far; anything left out becomes a clear prompt in the document. */
export const EqualityFindings = z
  .strictObject({
    date: IsoDate.optional().describe("The date of the assessment"),
    purpose: NonEmptyText.optional().describe("The purpose of the assessment, if not the tender's own purpose"),
    researchSources: z
      .array(
        z.strictObject({
          source: NonEmptyText.describe("The source's name, e.g. a survey or monitoring data"),
          description: NonEmptyText.describe("What it tells you"),
        }),
      )
      .default([])
      .describe("The evidence you used"),
    impacts: z
      .strictObject(
        Object.fromEntries(
          protectedCharacteristics.map(([key, words]) => [key, NonEmptyText.optional().describe(`The likely impact on people by ${words.replace(/ \(.*\)$/, "").toLowerCase()}`)]),
        ) as Record<CharacteristicKey, z.ZodOptional<typeof NonEmptyText>>,
      )
      .default({})
      .describe("The likely impact on each protected characteristic of the Equality Act 2010"),
    summary: NonEmptyText.optional().describe("A summary of the impacts"),
    consultation: NonEmptyText.optional().describe("Who was consulted, and how"),
    actions: z
      .array(
        z.strictObject({
          issue: NonEmptyText.describe("The issue found"),
          action: NonEmptyText.describe("What will be done about it"),
          leadOfficer: NonEmptyText.describe("Who is responsible"),
          completionDate: IsoDate.describe("When it will be done"),
        }),
      )
      .default([])
      .describe("Actions to address what was found"),
    monitoring: NonEmptyText.optional().describe("How the impact will be monitored"),
    outcome: z
      .enum(["proceed", "proceed-with-changes", "stop"])
      .optional()
      .describe("The outcome of the assessment: proceed (no change needed), proceed-with-changes (with the actions above), or stop"),
    outcomeReason: NonEmptyText.optional().describe("Why that outcome, in a sentence or two"),
    signOff: z
      .strictObject({
        name: NonEmptyText.describe("Who signs the assessment off"),
        role: NonEmptyText.describe("Their role, e.g. Head of Service"),
        date: IsoDate.optional().describe("The date it was signed off"),
      })
      .optional()
      .describe("Who signed the assessment off, and when"),
  })
  .describe("tender-eval equality findings: what the commissioner has found for the Equality Assessment");
export type EqualityFindings = z.infer<typeof EqualityFindings>;
