import { z } from "zod";
import { protectedCharacteristics, type EqualityFindings } from "../model/equality-findings.js";
import type { TenderSpecification } from "../model/specification.js";
import { formatDate } from "../language/uk-format.js";
import { flagMessage } from "../problems/format.js";
import type { ReviewFlag } from "../problems/problem.js";
import { flagOf, text } from "./common-data.js";

export const EqualityAssessmentData = z.object({
  documentTitle: text("Document title, e.g. Equality Assessment: <tender title>"),
  date: text("Date of the assessment"),
  title: text("Name of the project"),
  serviceArea: text("Service area"),
  projectLead: text("Name and role of the project lead"),
  projectTeam: text("Names and roles of the project team"),
  background: text("Brief description of the project"),
  purpose: text("Why the equality assessment is being undertaken"),
  research: z.array(z.object({ source: text("Information source"), description: text("Description and outline of the source") })).describe("Research sources"),
  impacts: z.array(z.object({ group: text("Protected characteristic"), findings: text("Findings, or a prompt to complete") })).describe("The nine protected characteristics"),
  hasReviewFlags: flagOf("Whether the weighting review raised errors or warnings"),
  reviewFlags: z.array(z.object({ severity: text("Error or Warning"), message: text("What the weighting review found"), source: text("The rule or guidance behind it") })).describe("Weighting-review findings relevant to equality"),
  summary: text("Summary of the key findings, or a prompt"),
  consultation: text("Consultation undertaken and feedback, or a prompt"),
  actions: z.array(z.object({ issue: text("Issue identified"), action: text("Planned action"), leadOfficer: text("Lead officer"), completionDate: text("Completion date") })).describe("Action plan"),
  monitoring: text("How the actions will be monitored and reviewed, or a prompt"),
});
export type EqualityAssessmentData = z.infer<typeof EqualityAssessmentData>;

/** Prompts from seed 004 section 6, shown where the commissioner has not yet written anything. */
const prompt = (what: string) => `[To complete: ${what}]`;

export function equalityAssessmentData(input: {
  specification: TenderSpecification;
  findings: EqualityFindings;
  reviewFlags?: ReviewFlag[] | undefined;
  /** ISO date used when the findings give none (the clock comes in as a value). */
  today: string;
}): EqualityAssessmentData {
  const { specification: s, findings: f } = input;
  const flags = (input.reviewFlags ?? []).filter((x) => x.severity !== "advice");
  const actions = f.actions.map((a) => ({ issue: a.issue, action: a.action, leadOfficer: a.leadOfficer, completionDate: formatDate(a.completionDate) }));
  // Each unresolved review finding is an issue the action plan must answer.
  for (const flag of flags) {
    actions.push({ issue: `${flagMessage(flag)}.`, action: prompt("planned action"), leadOfficer: prompt("lead officer"), completionDate: prompt("date") });
  }
  if (actions.length === 0) actions.push({ issue: prompt("what issues require action?"), action: prompt("planned action"), leadOfficer: prompt("lead officer"), completionDate: prompt("date") });
  return {
    documentTitle: `Equality Assessment: ${s.title}`,
    date: formatDate(f.date ?? input.today),
    title: s.title,
    serviceArea: s.serviceArea,
    projectLead: `${s.projectLead.name}, ${s.projectLead.role}`,
    projectTeam: s.team.length > 0 ? s.team.map((m) => `${m.name}, ${m.role}`).join("; ") : prompt("names and roles of the people contributing to the project"),
    background: s.background,
    purpose:
      f.purpose ??
      `To show due regard under the Public Sector Equality Duty (Equality Act 2010 s.149) in commissioning this service: ${s.purpose}`,
    research: f.researchSources.length > 0 ? f.researchSources : [{ source: prompt("information source"), description: prompt("what the source is and what it tells you") }],
    impacts: protectedCharacteristics.map(([key, group]) => ({
      group,
      findings:
        f.impacts[key] ??
        prompt("assess the relevance of this group to the project and what the data, feedback, complaints or discussions with stakeholders tell you about the impact"),
    })),
    hasReviewFlags: flags.length > 0,
    reviewFlags: flags.map((x) => ({ severity: x.severity === "error" ? "Error" : "Warning", message: `${flagMessage(x)}.`, source: x.source.replace(/\s+/g, " ") })),
    summary: f.summary ?? prompt("summarise the key findings; note any data gaps for the protected characteristics and the parts of the duty"),
    consultation: f.consultation ?? `${s.serviceUsers.involvement} ${prompt("what consultation has been undertaken on the key findings, and what feedback was received?")}`,
    actions,
    monitoring: f.monitoring ?? prompt("how will the actions above be monitored and reviewed?"),
  };
}
