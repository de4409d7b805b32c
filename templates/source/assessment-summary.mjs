import { bullet, document, each, factTable, field, heading, lead, loopTable, para, unless, when } from "./blocks.mjs";

// What each part implements is set out in docs/assessment-summaries.md.
const criterionDetail = (list) =>
  each(list,
    heading(2, "{id} {title}"),
    // Kept with the explanation that follows, so a criterion never breaks between its score and its why.
    lead("**Score:** {score} ({points} points). **Relative importance:** {importance}."),
    lead("**What the score means on the scale:** {descriptor}"),
    para("**Why:** {explanation}"),
  );

export default document({
  title: "Assessment summary",
  description: "tender-eval assessment summary template (Procurement Act 2023 s.50; Procurement Regulations 2024 reg. 31)",
  children: [
    heading(0, "{documentTitle}"),
    field("To", "{bidder.name}"),
    field("Tender", "{tender.title} ({tender.reference})"),
    ...when("isLot", field("Lot", "{lot.name}")),
    field("From", "{tender.authority}"),
    field("Date", "{issuedOn}"),
    para("This assessment summary is given under {legalBasis}."),

    heading(1, "The outcome"),
    ...when("isWinner", para("We intend to award the contract to you: your tender is the most advantageous tender. It scored **{bidder.total}** points out of 100 and ranked **{bidder.rank}**.")),
    ...when("isUnsuccessful",
      para("We intend to award the contract to **{winner.name}**, {winner.standing}."),
      ...when("isRanked", para("Your tender scored **{bidder.total}** points out of 100 and ranked **{bidder.rank}**.")),
      ...when("isAssessed", ...when("isExcluded", para("Your tender was assessed against the award criteria but not ranked: it {bidder.exclusion}."))),
      ...when("isNotAssessed", para("Your tender was not assessed against the award criteria: it {bidder.exclusion}.")),
    ),
    ...when("hasAwardValue", para("{award.rule}")),
    ...when("hasLotAward", para("{lot.award}")),
    para("{tenders}"),
    heading(2, "The supplier we intend to award the contract to"),
    factTable([["Name", "{winner.name}"], ["Contact postal address", "{winner.postalAddress}"], ["Contact email address", "{winner.email}"], ["Unique identifier", "{winner.uniqueIdentifier}"]]),
    ...when("isUnsuccessful",
      heading(2, "Your details as we hold them"),
      factTable([["Name", "{bidder.name}"], ["Contact postal address", "{bidder.postalAddress}"], ["Contact email address", "{bidder.email}"], ["Unique identifier", "{bidder.uniqueIdentifier}"]]),
    ),

    heading(1, "Standstill period"),
    para("{standstill.statement}"),

    heading(1, "The award criteria"),
    lead("Each tender was scored against the award criteria below. Relative importance is the share of the total score each criterion is worth. The award criteria and the assessment methodology are set out in full in {awardCriteriaLocation}."),
    loopTable("awardCriteria", [["Criterion", "{id} {title}", 30], ["Section", "{section}", 15], ["Weight in section", "{weightInSection}", 16], ["Relative importance", "{importance}", 18], ["Scores available", "{scale}", 21]]),
    ...each("howAssessed", bullet("{text}")),
    ...when("isLot", para("**How the lots are awarded:** {lot.rule}")),

    ...when("isAssessed",
      heading(1, "Your scores"),
      ...when("includeComparison", loopTable("scoreRows", [["Part", "{item}", 34], ["Your points", "{points}", 22], ["Points available", "{available}", 22], ["Most advantageous tender", "{winnerPoints}", 22]])),
      ...unless("includeComparison", loopTable("scoreRows", [["Part", "{item}", 40], ["Your points", "{points}", 30], ["Points available", "{available}", 30]])),
      ...when("hasPrice", para("{price.yours}")),
      ...when("hasAwardValue", para("{award.yours}")),
      para("{rounding}"),
      ...when("includeComparison",
        heading(2, "How your tender compares with the most advantageous tender"),
        ...each("whyNotWinner", bullet("{text}")),
      ),
      heading(1, "Each criterion, and why your tender scored as it did"),
      ...criterionDetail("criteria"),
    ),

    ...when("showMostAdvantageous",
      heading(1, "The most advantageous tender's assessment"),
      lead("{winner.name}'s tender scored {winner.total} points out of 100."),
      loopTable("winnerScoreRows", [["Part", "{item}", 40], ["Points", "{points}", 30], ["Points available", "{available}", 30]]),
      ...when("hasPrice", para("{price.winner}")),
      ...when("hasAwardValue", para("{award.winner}")),
      ...criterionDetail("winnerCriteria"),
    ),

    heading(1, "Questions"),
    para("If you have questions about this assessment summary, contact {contact.name} ({contact.details}) before the standstill period ends."),
  ],
});
