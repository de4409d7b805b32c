import { z } from "zod";
import type { TenderBids } from "../model/bids.js";
import type { KnownTieBreakRule, ScoringModel, TieBreakRule } from "../model/scoring-model.js";
import { scoredSection, scoredSections, sectionName, sectionsOfKind } from "../model/sections.js";
import type { TenderSpecification } from "../model/specification.js";
import { DEFAULT_TOLERANCE_SHARE, criterionScale, scaleIdsInUse, sectionPercent } from "../model/weights.js";
import { describeMeasure } from "../scoring/measured.js";
import { explainExclusion } from "../presentation/explain.js";
import { awardFigure, awardRuleSentence, awardSentence, tiedOn } from "../presentation/award-value.js";
import { counted, formatDate, formatMoney, formatPercent, formatPoints, formatScore } from "../language/uk-format.js";
import { flagMessage, formatLocation, valueWithBasis } from "../problems/format.js";
import type { ReviewFlag } from "../problems/problem.js";
import type { TenderResult } from "../scoring/result.js";
import { LotFields, lotRecommendation, reportLotFields, type LotInDocument } from "./lot-fields.js";
import { CriterionFields, FurtherSectionRow, furtherSectionRows, ResultRow, roundingStatement, TenderFields, criterionFields, flagOf, resultRows, sentence, tenderFields, text, weightText } from "./common-data.js";

export const EvaluationReportData = z.object({
  documentTitle: text("Document title, e.g. Evaluation report: <tender title>"),
  tender: TenderFields,
  isLot: flagOf("Whether the report is for one lot of a tender in lots"),
  lot: LotFields,
  recommendation: text("The recommendation, in one sentence: whom the panel recommends, and why"),
  summary: z.array(z.object({ text: text("One sentence of the executive summary") })).describe("The executive summary: the outcome, the bids, moderation, declarations, the review and who approves"),
  declarations: z
    .array(z.object({ evaluator: text("Evaluator's role and id"), declared: text("Whether and when the declaration was made, or what is missing"), interest: text("Any interest declared, or 'None declared'"), handling: text("How a declared interest was handled, or –") }))
    .describe("Each evaluator's declaration of interests"),
  hasMissingDeclarations: flagOf("Whether any evaluator's declaration is missing, not made or undated"),
  hasGates: flagOf("Whether the model has pass/fail gates"),
  gateResults: z.array(z.object({ bidder: text("Bidder"), results: text("Each gate's result, e.g. Insurance: pass"), outcome: text("Passed all, or which it failed") })).describe("Pass/fail results per bid"),
  signOff: z.object({
    approver: text("Who approves a contract of this value under the scheme of delegation"),
    basis: text("The value the approver was chosen by, and exactly what it includes"),
    source: text("Where the scheme of delegation comes from"),
  }),
  model: z.object({
    title: text("Scoring model title"),
    version: text("Scoring model version"),
    combination: text("How evaluators' scores were combined, in words"),
    tieBreak: text("Tie-break rules, in words"),
  }),
  sections: z.array(z.object({ title: text("Section"), weight: text("Weight, e.g. 45%"), scale: text("Scale used"), minimum: text("Minimum share of the section's points, or 'none'") })).describe("The sections of the scoring model"),
  criteria: z.array(CriterionFields).describe("Every criterion with its weight and scale"),
  scales: z.array(z.object({ title: text("Scale title"), descriptors: z.array(z.object({ score: text("Score"), meaning: text("What the score means") })) })).describe("Scoring scales with descriptors"),
  gates: z.array(z.object({ title: text("Pass/fail requirement") })).describe("Pass/fail gates"),
  hasPrice: flagOf("Whether price is scored"),
  hasAwardValue: flagOf("Whether the award rests on a figure other than the points total (price per quality point, guide value, fictional price)"),
  award: z.object({ rule: text("What decides the award under an award-on-value method, in words") }),
  awardRows: z.array(z.object({ text: text("One ranked tender's figure and how it was reached") })).describe("Each ranked tender's award figure, in rank order"),
  price: z.object({ method: text("Price method name"), formula: text("Price formula in words"), maxPoints: text("Maximum price points"), wholeLife: text("What the whole-life price covers") }),
  panel: z.array(z.object({ role: text("Evaluator's role"), sections: text("Sections they scored") })).describe("Evaluators by role (no names)"),
  userPanel: text("The user panel, described without identifying anyone"),
  winner: text("The winning bidder(s)"),
  results: z.array(ResultRow).describe("Ranked results, excluded bids last"),
  hasFurtherSections: z.boolean().describe("Whether the model has scored sections beyond quality, social value and the user panel"),
  furtherSections: z.array(FurtherSectionRow).describe("Each bid's points in those further sections, in the order of the results"),
  breakdown: z
    .array(
      z.object({
        bidder: text("Bidder"),
        criteria: z.array(z.object({ criterion: text("Criterion id and title"), scores: text("Each evaluator's score"), combined: text("Combined score and how it was combined"), points: text("Points earned of those available") })),
      }),
    )
    .describe("Every bid's scores by criterion, for audit"),
  hasExclusions: flagOf("Whether any bid was excluded"),
  exclusions: z.array(z.object({ bidder: text("Bidder"), reasons: text("Why it was excluded, naming the rule") })).describe("Excluded bids and why"),
  hasTies: flagOf("Whether any totals were tied"),
  ties: z.array(z.object({ text: text("What happened to a tie") })).describe("Ties and how they were resolved"),
  hasModeration: flagOf("Whether any score was moderated"),
  moderation: z.array(z.object({ bidder: text("Bidder"), criterion: text("Criterion"), scores: text("The evaluators' scores"), agreed: text("Agreed score"), reason: text("Summary of the panel's discussion") })).describe("Moderated scores"),
  hasPendingModeration: flagOf("Whether some answers still await moderation"),
  noModerationNeeded: flagOf("Whether no score was moderated and none awaits moderation"),
  pointsRule: text("How a criterion's combined score becomes points, as the scoring model's scales say"),
  pendingModeration: z.array(z.object({ bidder: text("Bidder"), criterion: text("Criterion"), spread: text("How far apart the scores are") })).describe("Answers still needing moderation"),
  hasReview: flagOf("Whether the weighting review ran"),
  reviewPolicy: text("Policy the weighting review applied"),
  hasReviewFlags: flagOf("Whether the weighting review raised flags"),
  reviewFlags: z.array(z.object({ severity: text("Error, Warning or Advice"), message: text("What the review found"), where: text("The file and field it points to"), source: text("The rule or guidance behind it") })).describe("Weighting-review flags"),
  audit: z.object({
    inputs: z.array(z.object({ file: text("Input file"), sha256: text("SHA-256 of the file") })).describe("Input files and their hashes"),
    modelHash: text("SHA-256 of the scoring model's canonical form"),
    toolVersion: text("tender-eval version"),
    generatedOn: text("Date generated"),
    rounding: text("Statement of how numbers are rounded for display"),
  }),
});
export type EvaluationReportData = z.infer<typeof EvaluationReportData>;

export interface Audit {
  inputs: { file: string; sha256: string }[];
  modelHash: string;
  toolVersion: string;
  /** ISO date the document is generated (the clock comes in as a value). */
  generatedOn: string;
}

const combinationWords = { consensus: "consensus (agreed by the panel; the mean where evaluators were within tolerance)", mean: "the mean of the evaluators' scores", median: "the median of the evaluators' scores" };
const tieBreakWords: Record<KnownTieBreakRule, string> = { "highest-quality": "highest quality score", "highest-social-value": "highest social value score", "highest-user-panel": "highest user panel score", "lowest-price": "lowest whole-life price" };
/** A tie-break rule in words; highest-<id> names a further section by its title. */
const tieBreakInWords = (model: ScoringModel, rule: TieBreakRule): string =>
  Object.hasOwn(tieBreakWords, rule) ? tieBreakWords[rule as KnownTieBreakRule] : `highest score for ${sectionName(model, rule.slice("highest-".length))}`;
const severityWords = { error: "Error", warning: "Warning", advice: "Advice" };

const listed = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);

/** Each evaluator's declaration of interests, or what is missing from it. */
function declarationRows(bids: TenderBids) {
  return bids.panel.evaluators.map((e) => {
    const d = bids.panel.declarations.find((x) => x.evaluator === e.id);
    const declared =
      d === undefined ? "Not recorded" : !d.declared ? "Not made" : d.date === undefined ? "Yes, but not dated" : `Yes, on ${formatDate(d.date)}`;
    return {
      evaluator: `${e.role} (${e.id})`,
      declared,
      complete: d !== undefined && d.declared && d.date !== undefined,
      interest: d?.interest ?? (d?.declared ? "None declared" : "–"),
      handling: d?.interest !== undefined ? (d.handling ?? "Not recorded") : "–",
    };
  });
}

function executiveSummary(input: { result: TenderResult; review?: { policyTitle: string; flags: ReviewFlag[] } | undefined; lot?: Pick<LotInDocument, "id" | "weights"> | undefined }, declarations: ReturnType<typeof declarationRows>, approval: ApprovalFlag | undefined) {
  const { result, review } = input;
  const byId = new Map(result.bids.map((b) => [b.bidId, b]));
  const ranked = result.bids.filter((b) => b.status === "ranked");
  const excluded = result.bids.filter((b) => b.status === "excluded");
  const winners = result.winners.map((id) => byId.get(id)!);
  const figure = awardFigure(result);
  const totalWords = (b: (typeof result.bids)[number]) =>
    figure !== undefined && b.price?.awardValue !== undefined ? `${figure.phrase(b.price.awardValue)} (section 4)` : `${formatPoints(b.total)} points out of 100`;
  let recommendation: string;
  if (winners.length === 0) recommendation = "No tender could be ranked, so the panel makes no recommendation to award.";
  else if (winners.length > 1) recommendation = `${listed(winners.map((w) => w.bidder))} share first place after every tie-break rule: the panel must decide between them before any award is recommended.`;
  else recommendation = `The evaluation panel recommends awarding the contract to ${winners[0]!.bidder}, the most advantageous tender: ranked first of the ${counted(ranked.length, "tender")} ranked, with ${totalWords(winners[0]!)}.`;
  const summary: string[] = [];
  if (result.moderationNeeded.length > 0) summary.push(`This recommendation is provisional: ${counted(result.moderationNeeded.length, "answer")} still ${result.moderationNeeded.length === 1 ? "awaits" : "await"} moderation (section 5).`);
  summary.push(
    `${counted(result.bids.length, "tender was", "tenders were")} received: ${ranked.length} ranked${excluded.length > 0 ? ` and ${excluded.length} excluded (${excluded.map((b) => `${b.bidder}: ${b.exclusions.map(explainExclusion).join("; ")}`).join("; ")})` : ""}.`,
  );
  const lot = input.lot;
  if (lot?.weights !== undefined) summary.push(`Lot ${lot.id} is scored under the section weights published for it (section 2); the criteria, their weights within each section and the scales are the scoring model's.`);
  const moderated = result.bids.reduce((n, b) => n + b.sections.reduce((m, s) => m + s.criteria.filter((c) => c.moderation).length, 0), 0);
  // With answers still awaiting moderation, "no score needed moderation" would contradict the line above.
  if (moderated > 0) summary.push(`${counted(moderated, "score was", "scores were")} agreed at moderation (section 5).`);
  else if (result.moderationNeeded.length === 0) summary.push("No score needed moderation.");
  const missing = declarations.filter((d) => !d.complete);
  const interests = declarations.filter((d) => d.interest !== "None declared" && d.interest !== "–");
  summary.push(
    missing.length === 0
      ? `All ${counted(declarations.length, "evaluator")} made a dated declaration of interests${interests.length > 0 ? `; ${interests.length === 1 ? "1 interest was declared and is recorded with how it was handled" : `${interests.length} interests were declared, each recorded with how it was handled`} (section 3)` : "; none declared an interest"}.`
      : `Declarations of interests are incomplete: ${listed(missing.map((d) => `${d.evaluator} (${d.declared.toLowerCase()})`))}. Complete them before this report is approved (section 3).`,
  );
  if (review !== undefined) {
    const count = (severity: ReviewFlag["severity"]) => review.flags.filter((f) => f.severity === severity).length;
    summary.push(`The weighting review against the ${review.policyTitle} found ${counted(count("error"), "error")}, ${counted(count("warning"), "warning")} and ${counted(count("advice"), "point", "points")} of advice (section 6).`);
  }
  if (approval !== undefined) summary.push(`Under the scheme of delegation, a contract worth ${valueWithBasis(approval.args.value, approval.args.basis)} is approved by: ${approval.args.approver}.`);
  return { recommendation, summary: summary.map((text) => ({ text })) };
}

/** Which form of each bid's price was scored, when it is not simply the sum of the yearly prices. */
function priceFormWords(result: TenderResult): string {
  const priced = result.bids.filter((b) => b.price !== undefined);
  if (result.price?.base !== undefined) {
    return `. Bidders offered a percentage discount on the base price of ${formatMoney(result.price.base)}: the discount is what was scored, and a bid's whole-life price is the base less its discount`;
  }
  const totals = priced.filter((b) => b.price!.basis === "total");
  if (totals.length === 0) return "";
  if (totals.length === priced.length) return ", each tender's price given as one whole-life total, which is what was scored";
  const names = totals.map((b) => b.bidder);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)!}`;
  return `. ${list} gave one whole-life total, which is what was scored; the other tenders gave a price for each year, and their sum was scored`;
}

type ApprovalFlag = ReviewFlag<"review.approval-route">;

/** What the scored price covers, in the specification's own years: extension years named only when there are some. */
function wholeLifeWords(s: TenderSpecification, includesExtensionYears: boolean): string {
  const years = counted(s.contract.years, "contract year");
  const extension = counted(s.contract.extensionYears, "optional extension year");
  const all = s.contract.years === 1 ? `The ${years}` : `All ${years}`;
  if (s.contract.extensionYears === 0) return all;
  return includesExtensionYears ? `${all} and the ${extension}` : `The ${years} only (the ${extension} ${s.contract.extensionYears === 1 ? "is" : "are"} not scored)`;
}

export function evaluationReportData(input: {
  specification: TenderSpecification;
  model: ScoringModel;
  bids: TenderBids;
  result: TenderResult;
  review?: { policyTitle: string; flags: ReviewFlag[] } | undefined;
  audit: Audit;
  /** For one lot of a tender in lots. */
  lot?: LotInDocument | undefined;
}): EvaluationReportData {
  const { specification, model, bids, result, review, audit, lot } = input;
  const byId = new Map(result.bids.map((b) => [b.bidId, b]));
  const scales = new Set(scaleIdsInUse(model));
  const declarations = declarationRows(bids);
  const approval = review?.flags.find((f): f is ApprovalFlag => f.code === "review.approval-route");
  const { recommendation, summary } = executiveSummary(input, declarations, approval);
  const tolerance = model.combination.tolerance !== undefined ? `${model.combination.tolerance} scale points` : `${formatPercent(DEFAULT_TOLERANCE_SHARE.mul(100))} of the scale's range`;
  return {
    documentTitle: `Evaluation report: ${specification.title}${lot !== undefined ? ` – Lot ${lot.id}: ${lot.title}` : ""}`,
    tender: tenderFields(specification),
    isLot: lot !== undefined,
    lot: reportLotFields(lot, result),
    recommendation: lotRecommendation(lot, result) ?? recommendation,
    summary,
    declarations: declarations.map(({ complete: _complete, ...row }) => row),
    hasMissingDeclarations: declarations.some((d) => !d.complete),
    // In the order of the results table.
    gateResults: result.bids.map((r) => bids.bids.find((b) => b.id === r.bidId)!).map((bid) => {
      const failed = model.gates.filter((g) => bid.gates[g.id] === "fail").map((g) => g.title);
      const open = model.gates.filter((g) => bid.gates[g.id] === undefined).map((g) => g.title);
      return {
        bidder: bid.bidder,
        results: model.gates.map((g) => `${g.title}: ${bid.gates[g.id] ?? "not recorded"}`).join("\n"),
        outcome: failed.length > 0 ? `Failed: ${failed.join("; ")}. Excluded.` : open.length > 0 ? "Not all recorded" : "Passed all",
      };
    }),
    signOff: approval
      ? {
          approver: approval.args.approver,
          basis: `A contract worth ${valueWithBasis(approval.args.value, approval.args.basis)}.`,
          source: approval.source.replace(/\s+/g, " "),
        }
      : { approver: "[To complete: who approves a contract of this value under your scheme of delegation]", basis: "The weighting review was not run, so no scheme of delegation was applied.", source: "–" },
    model: {
      title: model.title,
      version: model.version,
      combination: `Scores were combined by ${combinationWords[model.combination.method]}, unless a section says otherwise (below). Evaluators' scores more than ${tolerance} apart were moderated, and so was any combined score below a criterion's minimum, since it would exclude the bid.`,
      tieBreak: model.tieBreak.length > 0 ? `Equal totals are separated by: ${model.tieBreak.map((r) => tieBreakInWords(model, r)).join(", then ")}.` : "Equal totals share a rank.",
    },
    sections: [
      ...(model.sections.price ? [{ title: model.sections.price.title ?? "Price", weight: weightText(model.sections.price.weight, model.sectionWeightsOutOf, sectionPercent(model, model.sections.price)), scale: "Price method (below)", minimum: "none" }] : []),
      ...scoredSections(model).flatMap(({ name, section: s }) => {
        // A section whose criteria are marked on their own scales names every scale it uses.
        // A criterion on its own scale, or scored from a figure, is named beside the section's scale.
        const scaleTitles = [
              ...(s.criteria.some((c) => c.measure === undefined && (c.scale ?? s.scale) === s.scale) ? [model.scales[s.scale]!.title] : []),
              ...s.criteria.flatMap((c) =>
                c.measure !== undefined ? [`${c.id}: figures in ${c.measure.unit}`] : (c.scale ?? s.scale) !== s.scale ? [`${c.id}: ${criterionScale(model, s, c)!.title}`] : [],
              ),
            ].join("; ");
        return [{ title: s.title ?? name, weight: weightText(s.weight, model.sectionWeightsOutOf, sectionPercent(model, s)), scale: scaleTitles, minimum: s.minimumPercent !== undefined ? `${s.minimumPercent}%` : "none" }];
      }),
    ],
    criteria: criterionFields(model, result),
    scales: [...scales].map((id) => {
      const scale = model.scales[id]!;
      return { title: scale.title, descriptors: scale.values.map((v) => ({ score: String(v), meaning: scale.descriptors[String(v)] ?? "No descriptor given" })) };
    }),
    gates: model.gates.map((g) => ({ title: g.title })),
    hasGates: model.gates.length > 0,
    hasPrice: result.price !== undefined,
    hasAwardValue: awardFigure(result) !== undefined,
    award: { rule: awardRuleSentence(result) },
    awardRows: result.bids.filter((b) => b.price?.awardValue !== undefined).map((b) => ({ text: awardSentence(result, b, `${b.bidder}'s`) })),
    price: result.price
      ? {
          method: result.price.description.name,
          formula: result.price.description.formula,
          maxPoints: formatPoints(result.price.maxPoints, 0),
          wholeLife: wholeLifeWords(specification, result.price.includesExtensionYears) + priceFormWords(result),
        }
      : { method: "Price is not scored", formula: "–", maxPoints: "0", wholeLife: "–" },
    panel: bids.panel.evaluators.map((e) => ({ role: e.role, sections: e.sections.filter((s) => scoredSection(model, s) !== undefined).map((s) => sectionName(model, s)).join(", ") })),
    userPanel:
      bids.panel.userPanel.length > 0
        ? `A user panel of ${bids.panel.userPanel.length} people who use services scored ${userPanelSectionsWords(model)}. Their identities are not recorded in this report.`
        : "There was no user panel.",
    winner: result.winners.map((id) => byId.get(id)!.bidder).join(" and ") || "No bid could be ranked",
    // An excluded bid's total is not comparable with the ranked totals, so none is shown beside them.
    results: resultRows(result).map((row, i) => (result.bids[i]!.status === "excluded" ? { ...row, total: "–" } : row)),
    hasFurtherSections: furtherSectionRows(result).length > 0,
    furtherSections: furtherSectionRows(result),
    breakdown: result.bids.map((b) => ({
      bidder: b.bidder,
      criteria: b.sections.flatMap((s) =>
        s.criteria.map((c) => ({
          criterion: `${c.criterionId} ${c.title}`,
          scores: c.measure !== undefined ? "–" : c.evaluatorScores.map((e) => formatScore(e.score)).join(", "),
          combined: c.measure !== undefined ? `${formatScore(c.combined)} ${c.measure.unit} (the figure offered)` : `${formatScore(c.combined)} (${c.basis === "moderated" ? "agreed at moderation" : c.basis})`,
          points: `${formatPoints(c.points)} of ${formatPoints(c.availablePoints)}`,
        })),
      ),
    })),
    hasExclusions: result.bids.some((b) => b.status === "excluded"),
    exclusions: result.bids.filter((b) => b.status === "excluded").map((b) => ({ bidder: b.bidder, reasons: sentence(b.exclusions.map(explainExclusion).join("; ")) })),
    hasTies: result.ties.length > 0,
    ties: result.ties.map((t) => ({
      text: `${t.bidIds.map((id) => byId.get(id)!.bidder).join(" and ")} had ${tiedOn(result, t.bidIds)}${t.brokenBy ? `; separated by ${tieBreakInWords(model, t.brokenBy)}` : " and share a rank"}.`,
    })),
    hasModeration: result.bids.some((b) => b.sections.some((s) => s.criteria.some((c) => c.moderation))),
    moderation: result.bids.flatMap((b) =>
      b.sections.flatMap((s) =>
        s.criteria.filter((c) => c.moderation).map((c) => ({
          bidder: b.bidder,
          criterion: `${c.criterionId} ${c.title}`,
          scores: c.evaluatorScores.map((e) => formatScore(e.score)).join(", "),
          agreed: formatScore(c.combined),
          reason: c.moderation!.reason,
        })),
      ),
    ),
    hasPendingModeration: result.moderationNeeded.length > 0,
    noModerationNeeded: result.moderationNeeded.length === 0 && !result.bids.some((b) => b.sections.some((s) => s.criteria.some((c) => c.moderation))),
    pointsRule: pointsRule(model),
    pendingModeration: result.moderationNeeded.map((m) => ({
      bidder: byId.get(m.bidId)!.bidder,
      criterion: m.criterionId,
      spread: `${formatScore(m.spread)} apart (tolerance ${formatScore(m.tolerance)})`,
    })),
    hasReview: review !== undefined,
    reviewPolicy: review?.policyTitle ?? "The weighting review was not run.",
    hasReviewFlags: (review?.flags.length ?? 0) > 0,
    reviewFlags: (review?.flags ?? []).map((f) => ({
      severity: severityWords[f.severity],
      message: sentence(flagMessage(f)),
      where: formatLocation(f.location) || "–",
      source: f.source.replace(/\s+/g, " "),
    })),
    audit: {
      inputs: audit.inputs,
      modelHash: audit.modelHash,
      toolVersion: audit.toolVersion,
      generatedOn: formatDate(audit.generatedOn),
      rounding: roundingStatement(result.rounding),
    },
  };
}

/** "the user panel section", or with further user-panel sections, "the user panel's sections (User panel and Lived experience)". */
function userPanelSectionsWords(model: ScoringModel): string {
  const names = sectionsOfKind(model, "user-panel").map((s) => s.section.title ?? s.name);
  return names.length <= 1 ? "the user panel section" : `the user panel's sections (${names.slice(0, -1).join(", ")} and ${names.at(-1)})`;
}

/** The rule from score to points in words, naming the scales normalised from their lowest score (see weights.ts). */
function pointsRule(model: ScoringModel): string {
  const fromZero = "combined score ÷ top of the scale × the points the criterion is worth";
  const used = new Set(scaleIdsInUse(model));
  const fromLowest = [...used].filter((id) => model.scales[id]?.normalise === "from-lowest").map((id) => `"${model.scales[id]!.title}"`);
  const rule = "(combined score − the lowest score on the scale) ÷ (top of the scale − the lowest score) × the points the criterion is worth, so the lowest score earns no points";
  const where = `on the ${fromLowest.join(" and ")} scale${fromLowest.length === 1 ? "" : "s"}`;
  const marked =
    fromLowest.length === 0 ? `Each criterion's points = ${fromZero}.` : fromLowest.length === used.size ? `Each criterion's points = ${rule}.` : `Each criterion's points = ${rule}, ${where}; on the other scales, ${fromZero}.`;
  return [used.size > 0 ? marked : "", ...measuredRules(model)].filter((t) => t !== "").join(" ");
}

/** Each quantitative criterion's published rule, in words: "K1 Response time (hours): points = …". */
function measuredRules(model: ScoringModel): string[] {
  return scoredSections(model).flatMap(({ section }) =>
    section.criteria.flatMap((c) => {
      if (c.measure === undefined) return [];
      const { name, formula } = describeMeasure(c.measure);
      return [`${c.id} ${c.title} is scored from the figure each tender offered (${name.toLowerCase()}): ${formula}.`];
    }),
  );
}
