import { z } from "zod";
import type { TenderBids } from "../model/bids.js";
import type { ScoredSection, ScoringModel } from "../model/scoring-model.js";
import type { TenderSpecification } from "../model/specification.js";
import { sectionsOfKind } from "../model/sections.js";
import { criterionScale, criterionScaleId } from "../model/weights.js";
import { text } from "./common-data.js";

/**
 * The user panel's Word form: the same questions as the user-panel score sheet, for a member who would
 * rather read and write on paper or in Word. Large print, one organisation a page; the panel's organiser
 * types the scores into the member's score sheet (or the bids file) from it.
 */
const Scale = z.array(z.object({ score: text("A score on the scale"), meaning: text("What that score means") }));
const Questions = z.array(z.object({ question: text("The question, in the panel's words"), choices: text("The scores to choose from, e.g. 0   1   2   3") }));

export const UserPanelFormData = z.object({
  documentTitle: text("Document title, e.g. User panel form: <tender title>"),
  tender: text("The tender's title and reference"),
  member: text("The member's anonymous id, e.g. P1: never their name"),
  returnTo: text("Who to give the form back to: the project lead's name and role"),
  sections: z
    .array(
      z.object({
        title: text("The section's title, e.g. User panel"),
        scales: z
          .array(z.object({ scaleTitle: text("The name of the scale"), scale: Scale.describe("The scale's scores, each with what it means") }))
          .describe("The scales the section's questions use: the section's own, then any a question has of its own"),
      }),
    )
    .describe("Every section the user panel scores, each with its scale"),
  organisations: z
    .array(
      z.object({
        bidder: text("The organisation's name"),
        sections: z.array(z.object({ title: text("The section's title"), questions: Questions.describe("The section's questions") })).describe("The panel's questions, section by section"),
      }),
    )
    .describe("One page for each organisation that bid"),
});
export type UserPanelFormData = z.infer<typeof UserPanelFormData>;

export function userPanelFormData(input: { specification: TenderSpecification; model: ScoringModel; bids: TenderBids; memberId: string }): UserPanelFormData | undefined {
  // Every user-panel-kind section (userPanel, and any further section of kind user-panel), in order, each with
  // its own title, scale and descriptors; each question offers its own scale's scores.
  const entries = sectionsOfKind(input.model, "user-panel");
  if (entries.length === 0) return undefined;
  const { specification: s } = input;
  const questions = (section: ScoredSection) =>
    section.criteria.filter((c) => c.measure === undefined).map((c) => ({ question: c.question ?? c.title, choices: criterionScale(input.model, section, c)!.values.join("      ") }));
  return {
    documentTitle: `User panel form: ${s.title}`,
    tender: `${s.title} (${s.reference})`,
    member: input.memberId,
    returnTo: `${s.projectLead.name}, ${s.projectLead.role}`,
    sections: entries.map(({ name, section }) => {
      const scaleIds = [...new Set([section.scale, ...section.criteria.filter((c) => c.measure === undefined).map((c) => criterionScaleId(section, c))])];
      return {
        title: name,
        scales: scaleIds.map((id) => {
          const scale = input.model.scales[id]!;
          return { scaleTitle: scale.title, scale: scale.values.map((v) => ({ score: String(v), meaning: scale.descriptors[String(v)] ?? "" })) };
        }),
      };
    }),
    organisations: input.bids.bids.map((bid) => ({
      bidder: bid.bidder,
      sections: entries.map(({ name, section }) => ({ title: name, questions: questions(section) })),
    })),
  };
}
