import { z } from "zod";
import { protectedCharacteristics, type EqualityFindings, type EqualityStage } from "../model/equality-findings.js";
import type { TenderSpecification } from "../model/specification.js";
import { formatDate } from "../language/uk-format.js";
import { flagMessage } from "../problems/format.js";
import type { ReviewFlag } from "../problems/problem.js";
import { flagOf, sentence, text } from "./common-data.js";

export const EqualityAssessmentData = z.object({
  documentTitle: text("Document title, e.g. Equality Assessment: <tender title>"),
  reference: text("The tender's or project's reference"),
  authority: text("The authority making the assessment"),
  stage: text("The stage of commissioning: Needs analysis, Procurement or Decommissioning"),
  date: text("Date of the assessment"),
  title: text("Name of the project"),
  serviceArea: text("Service area"),
  projectLead: text("Name and role of the project lead"),
  projectTeam: text("Names and roles of the project team"),
  background: text("Brief description of the project"),
  purpose: text("Why the equality assessment is being undertaken"),
  research: z.array(z.object({ source: text("Information source"), description: text("Description and outline of the source") })).describe("Research sources"),
  impacts: z.array(z.object({ group: text("Protected characteristic"), findings: text("Findings, or a prompt to complete") })).describe("The nine protected characteristics"),
  reviewStatement: text("What the weighting review covered and whether it found anything that affects equality"),
  hasReviewFlags: flagOf("Whether the weighting review raised errors or warnings"),
  reviewFlags: z.array(z.object({ severity: text("Error or Warning"), message: text("What the weighting review found"), source: text("The rule or guidance behind it") })).describe("Weighting-review findings relevant to equality"),
  summary: text("Summary of the key findings, or a prompt"),
  consultation: text("Consultation undertaken and feedback, or a prompt"),
  actions: z.array(z.object({ issue: text("Issue identified"), action: text("Planned action"), leadOfficer: text("Lead officer"), completionDate: text("Completion date") })).describe("Action plan"),
  monitoring: text("How the actions will be monitored and reviewed, or a prompt"),
  outcome: text("The outcome: Proceed, Proceed with changes or Stop, or a prompt"),
  outcomeReason: text("Why that outcome, or a prompt"),
  signedOffBy: text("Name and role of who signed the assessment off, or a prompt"),
  signedOffOn: text("The date it was signed off, or a prompt"),
});
export type EqualityAssessmentData = z.infer<typeof EqualityAssessmentData>;

/**
 * Prompts from the Equality Assessment of the Achieving for Children Commissioning Framework (section 6),
 * shown where the commissioner has not yet written anything.
 */
const prompt = (what: string) => `[To complete: ${what}]`;

const stageWords: Record<EqualityStage, string> = { "needs-analysis": "Needs analysis", procurement: "Procurement", decommissioning: "Decommissioning" };
const outcomeWords = { proceed: "Proceed", "proceed-with-changes": "Proceed with changes", stop: "Stop" } as const;

/** Why the assessment is made at each stage (the framework asks for one at needs analysis and before decommissioning). */
const stagePurpose: Record<EqualityStage, (purpose: string) => string> = {
  "needs-analysis": (p) => `To show due regard under the Public Sector Equality Duty (Equality Act 2010 s.149) while analysing the needs this service is to meet, before deciding what to commission. The service's purpose: ${p}`,
  procurement: (p) => `To show due regard under the Public Sector Equality Duty (Equality Act 2010 s.149) in commissioning this service: ${p}`,
  decommissioning: (p) => `To show due regard under the Public Sector Equality Duty (Equality Act 2010 s.149) in deciding whether, and how, to decommission this service, so that the people who use it are not left without the support they need. The service's purpose: ${p}`,
};

/**
 * What the weighting review covered: nothing before there is a scoring model, the model and the process
 * before bids are scored, and the outcome too once they are.
 */
export type ReviewScope = "not-run" | "model-and-process" | "with-scored-bids";
const reviewStatements: Record<ReviewScope, (found: boolean, stage: EqualityStage) => string> = {
  "not-run": (_found, stage) =>
    stage === "decommissioning"
      ? "No scoring model was given, so the weighting review was not run: it applies only if the service is to be commissioned again."
      : "There is no scoring model yet, so the weighting review has not been run. Run it once the scoring model is drafted, while its weights can still change.",
  "model-and-process": (found) =>
    found
      ? "The weighting review of the scoring model and the process raised the findings below, which may affect whether disabled people's organisations and other small, user-led providers can compete fairly."
      : "The weighting review of the scoring model and the process found nothing that would stop disabled people's organisations and other small, user-led providers from competing fairly.",
  "with-scored-bids": (found) =>
    found
      ? "The weighting review of the scoring model, the process and the scored bids raised the findings below, which may affect whether disabled people's organisations and other small, user-led providers can compete fairly."
      : "The weighting review of the scoring model, the process and the scored bids found nothing that would stop disabled people's organisations and other small, user-led providers from competing fairly.",
};

export function equalityAssessmentData(input: {
  specification: TenderSpecification;
  findings: EqualityFindings;
  reviewFlags?: ReviewFlag[] | undefined;
  /** What the review covered; without it, the model and process when there are flags to show, else not run. */
  reviewScope?: ReviewScope | undefined;
  stage?: EqualityStage | undefined;
  /** ISO date used when the findings give none (the clock comes in as a value). */
  today: string;
}): EqualityAssessmentData {
  const { specification: s, findings: f } = input;
  const stage = input.stage ?? "procurement";
  const scope = input.reviewScope ?? (input.reviewFlags !== undefined ? "model-and-process" : "not-run");
  const flags = (input.reviewFlags ?? []).filter((x) => x.severity !== "advice");
  const actions = f.actions.map((a) => ({ issue: a.issue, action: a.action, leadOfficer: a.leadOfficer, completionDate: formatDate(a.completionDate) }));
  // Each unresolved review finding is an issue the action plan must answer.
  for (const flag of flags) {
    actions.push({ issue: sentence(flagMessage(flag)), action: prompt("planned action"), leadOfficer: prompt("lead officer"), completionDate: prompt("date") });
  }
  if (actions.length === 0) actions.push({ issue: prompt("what issues require action?"), action: prompt("planned action"), leadOfficer: prompt("lead officer"), completionDate: prompt("date") });
  return {
    documentTitle: `Equality Assessment: ${s.title}`,
    reference: s.reference,
    authority: s.authority,
    stage: stageWords[stage],
    date: formatDate(f.date ?? input.today),
    title: s.title,
    serviceArea: s.serviceArea,
    projectLead: `${s.projectLead.name}, ${s.projectLead.role}`,
    projectTeam: s.team.length > 0 ? s.team.map((m) => `${m.name}, ${m.role}`).join("; ") : prompt("names and roles of the people contributing to the project"),
    background: s.background,
    purpose: f.purpose ?? stagePurpose[stage](s.purpose),
    research: f.researchSources.length > 0 ? f.researchSources : [{ source: prompt("information source"), description: prompt("what the source is and what it tells you") }],
    impacts: protectedCharacteristics.map(([key, group]) => ({
      group,
      findings:
        f.impacts[key] ??
        prompt("assess the relevance of this group to the project and what the data, feedback, complaints or discussions with stakeholders tell you about the impact"),
    })),
    reviewStatement: reviewStatements[scope](flags.length > 0, stage),
    hasReviewFlags: flags.length > 0,
    reviewFlags: flags.map((x) => ({ severity: x.severity === "error" ? "Error" : "Warning", message: sentence(flagMessage(x)), source: x.source.replace(/\s+/g, " ") })),
    summary: f.summary ?? prompt("summarise the key findings; note any data gaps for the protected characteristics and the parts of the duty"),
    consultation:
      f.consultation ??
      (stage === "decommissioning"
        ? prompt("what consultation has been undertaken with the people who use the service, their families and the provider about decommissioning it, and what feedback was received?")
        : `${s.serviceUsers.involvement} ${prompt("what consultation has been undertaken on the key findings, and what feedback was received?")}`),
    actions,
    monitoring: f.monitoring ?? prompt("how will the actions above be monitored and reviewed?"),
    outcome: f.outcome !== undefined ? outcomeWords[f.outcome] : prompt("Proceed, Proceed with changes, or Stop"),
    outcomeReason: f.outcomeReason ?? prompt("why this outcome"),
    signedOffBy: f.signOff !== undefined ? `${f.signOff.name}, ${f.signOff.role}` : prompt("name and role"),
    signedOffOn: f.signOff?.date !== undefined ? formatDate(f.signOff.date) : prompt("date"),
  };
}
