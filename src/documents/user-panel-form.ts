import { z } from "zod";
import type { TenderBids } from "../model/bids.js";
import type { ScoringModel } from "../model/scoring-model.js";
import type { TenderSpecification } from "../model/specification.js";
import { sectionsOfKind } from "../model/sections.js";
import { criterionScale } from "../model/weights.js";
import { text } from "./common-data.js";

/**
 * The user panel's Word form: the same questions as the user-panel score sheet, for a member who would
 * rather read and write on paper or in Word. Large print, one organisation a page; the panel's organiser
 * types the scores into the member's score sheet (or the bids file) from it.
 */
export const UserPanelFormData = z.object({
  documentTitle: text("Document title, e.g. User panel form: <tender title>"),
  tender: text("The tender's title and reference"),
  member: text("The member's anonymous id, e.g. P1: never their name"),
  returnTo: text("Who to give the form back to: the project lead's name and role"),
  scaleTitle: text("The name of the user panel's scale"),
  scale: z.array(z.object({ score: text("A score on the scale"), meaning: text("What that score means") })).describe("The user panel's scale"),
  organisations: z
    .array(
      z.object({
        bidder: text("The organisation's name"),
        questions: z.array(z.object({ question: text("The question, in the panel's words"), choices: text("The scores to choose from, e.g. 0   1   2   3") })).describe("The panel's questions"),
      }),
    )
    .describe("One page for each organisation that bid"),
});
export type UserPanelFormData = z.infer<typeof UserPanelFormData>;

export function userPanelFormData(input: { specification: TenderSpecification; model: ScoringModel; bids: TenderBids; memberId: string }): UserPanelFormData | undefined {
  // Every user-panel-kind section's questions (userPanel, and any further section of kind user-panel), in order;
  // the scale shown is the first section's, and each question offers its own scale's scores.
  const sections = sectionsOfKind(input.model, "user-panel").map((s) => s.section);
  const first = sections[0];
  if (first === undefined) return undefined;
  const scale = input.model.scales[first.scale]!;
  const { specification: s } = input;
  return {
    documentTitle: `User panel form: ${s.title}`,
    tender: `${s.title} (${s.reference})`,
    member: input.memberId,
    returnTo: `${s.projectLead.name}, ${s.projectLead.role}`,
    scaleTitle: scale.title,
    scale: scale.values.map((v) => ({ score: String(v), meaning: scale.descriptors[String(v)] ?? "" })),
    organisations: input.bids.bids.map((bid) => ({
      bidder: bid.bidder,
      questions: sections.flatMap((section) =>
        section.criteria.filter((c) => c.measure === undefined).map((c) => ({ question: c.question ?? c.title, choices: criterionScale(input.model, section, c)!.values.join("      ") })),
      ),
    })),
  };
}
