import { bullet, document, factTable, heading, loopTable, para, when } from "./blocks.mjs";

// Follows the Equality Assessment structure of the Achieving for Children commissioning framework
// (seed 004, section 6). Prompting questions are kept so the document can be completed in Word.
export default document({
  title: "Equality Assessment",
  description: "tender-eval Equality Assessment template",
  children: [
    heading(0, "{documentTitle}"),
    factTable([
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
    para("The sources of information used in preparing this equality assessment:"),
    loopTable("research", [["Information source", "{source}", 35], ["Description and outline of the information source", "{description}", 65]]),

    heading(1, "Analysis of impact"),
    para("The relevance of each protected characteristic to the project, and what the data, feedback, complaints or discussions with stakeholder groups tell us about the impact."),
    para("Other questions to consider:"),
    bullet("How well are diverse needs met?"),
    bullet("Have any differences in access to services or functions been identified for any group?"),
    bullet("Has the area identified any disadvantages experienced by groups that need to be addressed?"),
    bullet("Have there been any complaints about a failure to receive an appropriate and fair service?"),
    bullet("Is there any other evidence of differential impact or different outcomes which needs to be addressed?"),
    bullet("Is participation in areas of public life disproportionately low for any protected characteristic group?"),
    bullet("Have the needs of disabled people been identified and addressed where these are different from the needs of non-disabled people?"),
    bullet("Is there a need to tackle prejudice or promote understanding between different protected characteristic groups?"),
    loopTable("impacts", [["Protected group", "{group}", 30], ["Findings", "{findings}", 70]]),
    ...when("hasReviewFlags",
      heading(2, "Findings of the weighting review"),
      para("The scoring model was reviewed by tender-eval. These findings may affect whether disabled people's organisations and other small, user-led providers can compete fairly:"),
      loopTable("reviewFlags", [["Severity", "{severity}", 12], ["Finding", "{message}", 50], ["Rule or guidance", "{source}", 38]]),
    ),

    heading(1, "Summary"),
    para("{summary}"),

    heading(1, "Consultation"),
    para("{consultation}"),

    heading(1, "Action planning"),
    para("Issues identified that require action:"),
    loopTable("actions", [["Issue identified", "{issue}", 40], ["Planned action", "{action}", 30], ["Lead officer", "{leadOfficer}", 15], ["Completion date", "{completionDate}", 15]]),

    heading(1, "Monitoring and review"),
    para("{monitoring}"),
  ],
});

