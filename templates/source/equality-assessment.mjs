import { bullet, document, factTable, heading, lead, loopTable, para, signatureTable, when } from "./blocks.mjs";

// Follows the Equality Assessment of the Achieving for Children Commissioning Framework (section 6), made
// at any stage of commissioning. Its prompting questions are kept, word for word, so the document can be
// completed in Word: among them the two blocks that carry the positive duties of s.149 (advancing equality
// of opportunity and fostering good relations, not only removing discrimination).
export default document({
  title: "Equality Assessment",
  description: "Equality Assessment",
  children: [
    heading(0, "{documentTitle}"),
    factTable([
      ["Reference", "{reference}"],
      ["Authority", "{authority}"],
      ["Stage", "{stage}"],
      ["Date", "{date}"],
      ["Title", "{title}"],
      ["Service area", "{serviceArea}"],
      ["Project lead", "{projectLead}"],
      ["Project team", "{projectTeam}"],
    ]),

    heading(1, "Background"),
    para("{background}"),

    heading(1, "Purpose"),
    para("{purpose}"),

    heading(1, "Research"),
    lead("The sources of information used in preparing this equality assessment:"),
    loopTable("research", [["Information source", "{source}", 35], ["Description and outline of the information source", "{description}", 65]]),

    heading(1, "Analysis of impact"),
    para("The relevance of each protected characteristic to the project, and what the data, feedback, complaints or discussions with stakeholder groups tell us about the impact."),
    lead("Other questions to consider:"),
    bullet("How well are diverse needs met?"),
    bullet("Have any differences in access to services or functions been identified for any group?"),
    bullet("Has the area identified any disadvantages experienced by groups that need to be addressed?"),
    bullet("Have there been any complaints about a failure to receive an appropriate and fair service?"),
    bullet("Is there any other evidence of differential impact or different outcomes which needs to be addressed?"),
    bullet("Is there any evidence that participation in areas of public life is disproportionately low for any particular relevant protected characteristic group?"),
    bullet("Have the needs of disabled people been identified and addressed where these are different from the needs of non-disabled people?"),
    bullet("Have you identified any need to tackle prejudice or promote understanding between different relevant protected characteristic groups?"),
    para("**Remember that equality assessment is not simply about identifying and removing negative effects of discrimination, but it is also an opportunity to identify ways to advance equality of opportunity and to foster good relations.**"),
    loopTable("impacts", [["Protected characteristic", "{group}", 30], ["Findings", "{findings}", 70]]),
    heading(2, "Findings of the weighting review"),
    para("{reviewStatement}"),
    ...when("hasReviewFlags",
      loopTable("reviewFlags", [["Severity", "{severity}", 12], ["Finding", "{message}", 50], ["Rule or guidance", "{source}", 38]]),
    ),

    heading(1, "Summary"),
    para("{summary}"),
    lead("Other questions to consider:"),
    bullet("Are there findings of unlawful discrimination?"),
    bullet("Can you address any identified adverse impact?"),
    bullet("Can you mitigate any negative impact?"),
    bullet("Please provide rationale if you are unable to address any adverse impact."),
    bullet("Have you identified any ways of advancing equality in this area, for example, meeting diverse needs?"),
    bullet("Is there a need for any actions to promote understanding between different protected groups?"),

    heading(1, "Consultation"),
    para("{consultation}"),

    heading(1, "Action planning"),
    lead("Issues identified that require action:"),
    loopTable("actions", [["Issue identified", "{issue}", 40], ["Planned action", "{action}", 30], ["Lead officer", "{leadOfficer}", 15], ["Completion date", "{completionDate}", 15]]),

    heading(1, "Monitoring and review"),
    para("{monitoring}"),

    heading(1, "Outcome and sign-off"),
    para("**Outcome:** {outcome}. {outcomeReason}"),
    para("**Signed off by:** {signedOffBy}, on {signedOffOn}."),
    signatureTable([["Project lead"], ["Signed off by"]]),
  ],
});
