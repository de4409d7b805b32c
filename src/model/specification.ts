import { z } from "zod";
import { Id, IsoDate, Money, NonEmptyText } from "./common.js";

export const Procedure = z.enum(["open", "restricted", "light-touch", "reserved"]);

const Person = z.strictObject({ name: NonEmptyText, role: NonEmptyText });

export const TenderSpecification = z
  .strictObject({
    title: NonEmptyText,
    reference: NonEmptyText,
    authority: NonEmptyText,
    serviceArea: NonEmptyText,
    contract: z.strictObject({
      /** Estimated value of the whole initial term, in pounds. */
      estimatedValue: Money.describe("Estimated value of the whole initial term, in pounds"),
      /** Whether estimatedValue includes VAT (thresholds since 2024 are stated inclusive of VAT). */
      includesVat: z.boolean().default(true),
      years: z.int().min(1).max(25).describe("Length of the initial term, in years"),
      extensionYears: z.int().min(0).max(25).default(0).describe("Optional extension years"),
    }),
    /** Which procurement threshold applies: central government bodies have a lower one. */
    authorityType: z.enum(["central-government", "sub-central"]).default("sub-central"),
    /** Care, support and other people-centred, labour-intensive services are where price caps matter most. */
    serviceKind: z.enum(["care-and-support", "other"]).default("care-and-support"),
    procedure: Procedure,
    /** For a reserved contract: the share of disabled or disadvantaged workers a bidder must have. */
    reservation: z
      .strictObject({
        basis: z.enum(["supported-employment", "public-service-mutual"]),
        minimumWorkforcePercent: z.number().min(0).max(100).optional(),
      })
      .optional(),
    dates: z.strictObject({
      published: IsoDate,
      clarificationDeadline: IsoDate.optional(),
      submissionDeadline: IsoDate,
      /** Working days between award notice and contract (Procurement Act 2023 s.51: at least 8). */
      standstillWorkingDays: z.int().min(0).default(8).describe("Standstill period in working days (Procurement Act 2023 s.51: at least 8)"),
    }),
    lots: z
      .array(z.strictObject({ id: Id, title: NonEmptyText, estimatedValue: Money.optional() }))
      .default([]),
    projectLead: Person,
    team: z.array(Person).default([]),
    background: NonEmptyText,
    purpose: NonEmptyText,
    serviceUsers: z.strictObject({
      description: NonEmptyText,
      involvement: NonEmptyText,
    }),
  })
  .describe("tender-eval tender specification: what is being bought, by whom, when and for whom");

export type TenderSpecification = z.infer<typeof TenderSpecification>;
export type TenderSpecificationInput = z.input<typeof TenderSpecification>;
