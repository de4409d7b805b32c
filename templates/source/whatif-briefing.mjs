import { bullet, document, each, field, heading, loopTable, para, unless, when } from "./blocks.mjs";

export default document({
  title: "How the proposed weighting affects organisations like ours",
  description: "tender-eval what-if briefing template, for pre-tender consultations",
  children: [
    heading(0, "{documentTitle}"),
    field("Organisation", "{organisation}"),
    para("**{tenderLabel}:** {tenderTitle}"),
    field("Prepared", "{preparedOn}"),

    heading(1, "In brief"),
    ...each("inBrief", bullet("{text}")),

    heading(1, "The proposed weighting"),
    loopTable("weights", [["Section", "{section}", 60], ["Proposed weight", "{weight}", 40]]),
    para("{basis}"),
    heading(2, "Where each bid stands at the proposed weights"),
    loopTable("standings", [["Rank", "{rank}", 15], ["Bidder", "{bidder}", 60], ["Total out of 100", "{total}", 25]]),

    heading(1, "How each weight changes the result"),
    ...each("sections",
      heading(2, "{title} (proposed weight {currentWeight})"),
      para("{summary}"),
      para("{@picture}"),
      para("{pictureCaption}"),
      ...when("hasCrossings",
        loopTable("crossings", [["Weight", "{weight}", 20], ["What changes", "{change}", 80]]),
      ),
      ...unless("hasCrossings", para("No bid changes places with {organisation} as the weight for {title} moves.")),
      para("{otherCrossings}"),
    ),

    heading(1, "How often each came first among the weightings tried"),
    para("{chance.intro}"),
    para("{@chance.picture}"),
    para("{chance.pictureCaption}"),
    ...when("chance.hasTopPlaces",
      loopTable("chance.rows", [["Bidder", "{bidder}", 30], ["First", "{first}", 12], ["{chance.topHeading}", "{topPlaces}", 13], ["Typical weights when it comes first", "{typicalWeights}", 45]]),
    ),
    ...unless("chance.hasTopPlaces",
      loopTable("chance.rows", [["Bidder", "{bidder}", 30], ["First", "{first}", 15], ["Typical weights when it comes first", "{typicalWeights}", 55]]),
    ),

    ...when("hasImprovements",
      heading(1, "Where effort would count"),
      para("{improvementsIntro}"),
      loopTable("improvements", [["Criterion", "{what}", 45], ["Now", "{now}", 15], ["Would put it first", "{needed}", 40]]),
    ),

    heading(1, "How these figures were worked out"),
    ...each("method", bullet("{text}")),
  ],
});
