import { z } from "zod";
import { Id, IsoDate, Money, NonEmptyText, Weight } from "./common.js";
import { LotAward } from "./lots.js";

export const Procedure = z.enum(["open", "restricted", "light-touch", "reserved"]);

const Person = z.strictObject({
  name: NonEmptyText.describe("The person's name"),
  role: NonEmptyText.describe("Their job title or role in the tender"),
});

// Every field's `.describe()` text is its one explanation: docs/fields.md, the starter tender's comments
// (tender-eval init) and editors' tooltips (schemas/) are all generated from it.
export const TenderSpecification = z
  .strictObject({
    title: NonEmptyText.describe("The tender's title, as published"),
    reference: NonEmptyText.describe("Your reference for the tender, e.g. RBC-ASC-2026-014"),
    authority: NonEmptyText.describe("The contracting authority: the council or public body buying the service"),
    serviceArea: NonEmptyText.describe("The department or service area buying it, e.g. Adult Social Care"),
    contract: z
      .strictObject({
        estimatedValue: Money.describe("Estimated value of the whole initial term, in pounds"),
        /** Thresholds since 2024 are stated inclusive of VAT. */
        includesVat: z.boolean().default(true).describe("Whether estimatedValue includes VAT"),
        years: z.int().min(1).max(25).describe("Length of the initial term, in years"),
        extensionYears: z.int().min(0).max(25).default(0).describe("Optional extension years"),
      })
      .describe("The contract's value and length"),
    authorityType: z
      .enum(["central-government", "sub-central"])
      .default("sub-central")
      .describe("Which procurement threshold applies: central government bodies have a lower one"),
    serviceKind: z
      .enum(["care-and-support", "other"])
      .default("care-and-support")
      .describe("care-and-support for care, support and other people-centred, labour-intensive services (where price caps matter most); other otherwise"),
    procedure: Procedure.describe("The procurement procedure"),
    regime: z
      .enum(["procurement-act-2023", "procurement-act-2023-wales", "public-contracts-scotland-2015"])
      .default("procurement-act-2023")
      .describe(
        "The procurement rules the tender is run under, which set what the assessment summaries contain: procurement-act-2023 (the Procurement Act 2023 with the Procurement Regulations 2024: England, Northern Ireland and UK-wide authorities), procurement-act-2023-wales (the Act with the Procurement (Wales) Regulations 2024, for devolved Welsh authorities) or public-contracts-scotland-2015 (Scottish authorities)",
      ),
    awardCriteriaLocation: NonEmptyText.optional().describe(
      "Where bidders can read the award criteria and assessment methodology in full, e.g. a web address or \"Invitation to tender, part 3\"; the assessment summaries state it (Procurement Regulations 2024 reg. 31(2)(d)(ii))",
    ),
    contact: z
      .strictObject({
        name: NonEmptyText.describe("The contact's name"),
        email: NonEmptyText.describe("The contact's email address"),
        phone: NonEmptyText.optional().describe("The contact's telephone number"),
      })
      .optional()
      .describe("Who bidders contact with questions about the tender and their assessment summary; the summaries name them"),
    reservation: z
      .strictObject({
        basis: z
          .enum(["supported-employment", "public-service-mutual", "below-threshold"])
          .describe(
            "Who the contract is reserved for. supported-employment (Procurement Act 2023 s.32: organisations at least 30% of whose workforce are disabled or disadvantaged), public-service-mutual (s.33: some light-touch services, at most 5 years), or below-threshold (a contract below the Act's thresholds, reserved to suppliers based in an area and/or to SMEs and VCSEs: PPN 005 for central government; for councils in England, the guidance on reserving competitions for below-threshold contracts of 3 December 2025)",
          ),
        minimumWorkforcePercent: z.number().min(0).max(100).optional().describe("supported-employment: the share of disabled or disadvantaged workers a bidder must have, in percent (at least 30)"),
        area: NonEmptyText.optional().describe("below-threshold: where suppliers must be based or established with substantive business operations, e.g. United Kingdom, or a county"),
        smallAndVoluntaryOnly: z.boolean().default(false).describe("below-threshold: only small and medium-sized enterprises (SMEs) and voluntary, community and social enterprises (VCSEs) may bid"),
      })
      .optional()
      .describe("Only for a reserved contract (procedure: reserved): who may bid"),
    dates: z
      .strictObject({
        published: IsoDate.describe("When the tender is (or was) published"),
        clarificationDeadline: IsoDate.optional().describe("Last day for bidders' clarification questions"),
        submissionDeadline: IsoDate.describe("Deadline for bids"),
        standstillWorkingDays: z.int().min(0).default(8).describe("Standstill period in working days (Procurement Act 2023 s.51: at least 8)"),
      })
      .describe("The tender's key dates"),
    lots: z
      .array(
        z.strictObject({
          id: Id.describe("The lot's id, e.g. L1"),
          title: NonEmptyText.describe("The lot's title"),
          estimatedValue: Money.optional().describe("Estimated value of the lot, in pounds"),
          weights: z
            .record(Id, Weight)
            .optional()
            .describe(
              "The section weights this lot publishes, when they differ from the scoring model's (e.g. { price: 30, quality: 55, socialValue: 15 }): every section of the model by its key, adding up as the model's do (to 100, or to its sectionWeightsOutOf). The criteria, scales and price method stay the model's. Leave out to use the model's weights",
            ),
        }),
      )
      .default([])
      .describe("The contract's lots, if it is split into lots: each bid then names its lot, and each lot is scored, ranked and awarded on its own"),
    lotAward: LotAward.optional(),
    projectLead: Person.describe("The person leading the tender"),
    team: z.array(Person).default([]).describe("Others on the project team"),
    background: NonEmptyText.describe("Why the service is being bought: the current contract, what people have said"),
    purpose: NonEmptyText.describe("What the service is for, in a sentence or two"),
    serviceUsers: z
      .strictObject({
        description: NonEmptyText.describe("Who uses the service"),
        involvement: NonEmptyText.describe("How people who use the service are involved in the tender"),
      })
      .describe("The people the service is for"),
  })
  .describe("tender-eval tender specification: what is being bought, by whom, when and for whom");

export type TenderSpecification = z.infer<typeof TenderSpecification>;
export type TenderSpecificationInput = z.input<typeof TenderSpecification>;
