import { bullet, document, each, field, heading, loopTable, para, unless, when } from "./blocks.mjs";

export default document({
  title: "Assessment summary",
  description: "tender-eval assessment summary template (Procurement Act 2023 s.50)",
  children: [
    heading(0, "{documentTitle}"),
    field("To", "{bidder.name}"),
    field("Tender", "{tender.title} ({tender.reference})"),
    field("From", "{tender.authority}"),
    field("Date", "{issuedOn}"),

    heading(1, "The outcome"),
    ...when("isWinner", para("We intend to award the contract to you. Your bid scored **{bidder.total}** points out of 100 and ranked **{bidder.rank}**.")),
    ...when("isUnsuccessful",
      para("We intend to award the contract to **{winner.name}**, whose bid scored {winner.total} points out of 100."),
      ...unless("isExcluded", para("Your bid scored **{bidder.total}** points out of 100 and ranked **{bidder.rank}**.")),
      ...when("isExcluded", para("Your bid was excluded from the ranking, for the reason below.")),
      heading(2, "Why your bid did not win"),
      ...each("whyNotWinner", bullet("{text}")),
    ),

    heading(1, "Standstill period"),
    para("{standstill.statement} If you have questions about this assessment, contact us before then."),

    heading(1, "How bids were assessed"),
    para("Each bid was scored against the award criteria below. Relative importance is the share of the total score each criterion is worth."),
    loopTable("criteria", [["Criterion", "{id} {title}", 40], ["Section", "{section}", 18], ["Relative importance", "{importance}", 20], ["Scores available", "{scale}", 22]]),
    ...each("howAssessed", bullet("{text}")),
    ...when("hasPrice", para("**Price:** {price.method}. Maximum {price.available} points.")),

    heading(1, "Your scores"),
    loopTable("sections", [["Section", "{title}", 40], ["Your points", "{points}", 20], ["Points available", "{available}", 20], ["Winning bid", "{winnerPoints}", 20]]),
    ...when("hasPrice", para("**Price:** your whole-life price was {price.wholeLifeCost}, earning {price.points} of {price.available} points. The winning bid's whole-life price was {price.winnerWholeLifeCost} ({price.winnerPoints} points).")),
    para("{rounding}"),

    heading(1, "Each criterion, and why you scored as you did"),
    ...each("criteria",
      heading(2, "{id} {title}"),
      para("**Your score:** {score} ({points} points). **Relative importance:** {importance}."),
      para("**Why:** {explanation}"),
      ...when("includeWinnerDetails", para("**Winning bid:** {winnerScore} ({winnerPoints} points). {winnerExplanation}")),
    ),
  ],
});

