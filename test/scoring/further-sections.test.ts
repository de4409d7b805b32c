import { describe, expect, it } from "vitest";
import { modelHash } from "../../src/model/model-hash.js";
import { parseBids, parseScoringModel } from "../../src/model/parse.js";
import { checkBids } from "../../src/model/check-bids.js";
import { checkScoringModel } from "../../src/model/check-model.js";
import { formatProblem } from "../../src/problems/format.js";
import { effectiveWeights } from "../../src/review/checks/outcome.js";
import { reviewTender } from "../../src/review/review-tender.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { userPanelScores, withUserPanelCombined } from "../../src/scoring/user-panel.js";
import { problemFromResult, sweepWeight } from "../../src/sensitivity/weight-sweep.js";
import { evaluationReportData } from "../../src/documents/evaluation-report.js";
import { validateModel } from "../../src/workflows/tender.js";
import { exampleText } from "../example-tender.js";
import { furtherSectionsBids, furtherSectionsModelYaml, furtherSectionsTender } from "../further-sections-tender.js";
import { defaultPolicy } from "../review/helpers.js";

/*
 * A fifth scored section, worked by hand (not by this code). Weights: price 40 (proportional), quality 30
 * (Q1 60%, Q2 40%), social value 10 (SV1), user panel 10 (UP1, scale 0–3), Fair work practices 10 (FW1, FW2
 * 50% each). Scores are the mean of two evaluators; a criterion's points = mean ÷ top × its available points.
 * Available points: Q1 = 30 × 60/100 = 18, Q2 = 12, SV1 = 10, UP1 = 10, FW1 = FW2 = 10 × 50/100 = 5.
 * Price points = 40 × lowest ÷ price; the lowest price is B2's £160,000.
 *
 * Alpha Care (B1), £200,000:
 *   Q1 (4,5) mean 9/2 → 9/10 × 18 = 81/5; Q2 (3,3) → 3/5 × 12 = 36/5; quality = 117/5
 *   SV1 (4,4) → 4/5 × 10 = 8; UP1 (3,3) → 3/3 × 10 = 10; FW1 (5,5) → 5, FW2 (5,5) → 5: fair work = 10
 *   price = 40 × 160,000 ÷ 200,000 = 32; total = 117/5 + 8 + 10 + 10 + 32 = 417/5 = 83.4
 * Beta Support (B2), £160,000:
 *   Q1 (3,3) → 3/5 × 18 = 54/5; Q2 (4,4) → 4/5 × 12 = 48/5; quality = 102/5
 *   SV1 (2,3) mean 5/2 → 1/2 × 10 = 5; UP1 (2,2) → 2/3 × 10 = 20/3; FW1 (2,2) → 2/5 × 5 = 2, FW2 (1,1) → 1: fair work = 3
 *   price = 40; total = 306/15 + 75/15 + 100/15 + 45/15 + 600/15 = 1126/15 ≈ 75.07
 * Gamma Trust (B3), £250,000:
 *   Q1 (5,5) → 18; Q2 (5,5) → 12; quality = 30; SV1 → 10; UP1 (3,3) → 10; FW1 (2,2) → 2, FW2 (2,2) → 2: fair work = 4
 *   price = 40 × 160,000 ÷ 250,000 = 128/5; total = 30 + 10 + 10 + 4 + 128/5 = 398/5 = 79.6
 * Ranks: B1 (83.4), B3 (79.6), B2 (75.07). Without fair work B3 (75.6) would lead B1 (73.4): the section decides.
 */
describe("a scored section beyond the four", () => {
  const input = furtherSectionsTender();
  const outcome = scoreTender(input);
  if (!outcome.ok) throw new Error(outcome.problems.map(formatProblem).join("\n"));
  const result = outcome.value;
  const bid = (id: string) => result.bids.find((b) => b.bidId === id)!;

  it("validates: the model and the bids have no problems", () => {
    expect(checkScoringModel(input.model)).toEqual([]);
    expect(checkBids(input.specification, input.model, input.bids)).toEqual([]);
  });

  it("scores every section, the further one by its key, kind and title, and totals exactly", () => {
    expect(bid("B1").sections.map((s) => [s.section, s.kind, s.title, s.points.toFraction()])).toEqual([
      ["quality", "quality", "Quality", "117/5"],
      ["socialValue", "social-value", "Social value", "8"],
      ["userPanel", "user-panel", "User panel", "10"],
      ["fairWork", "other", "Fair work practices", "10"],
    ]);
    expect(bid("B1").price!.points!.toFraction()).toBe("32");
    expect(bid("B1").total.toFraction()).toBe("417/5");
    expect(bid("B2").sections.find((s) => s.section === "fairWork")!.points.toFraction()).toBe("3");
    expect(bid("B2").total.toFraction()).toBe("1126/15");
    expect(bid("B3").sections.find((s) => s.section === "fairWork")!.points.toFraction()).toBe("4");
    expect(bid("B3").total.toFraction()).toBe("398/5");
    expect(result.bids.map((b) => [b.bidId, b.rank])).toEqual([
      ["B1", 1],
      ["B3", 2],
      ["B2", 3],
    ]);
  });

  it("keeps the user panel's own scores out of what is published for a user-panel-kind further section too", () => {
    const model = parseScoringModel(furtherSectionsModelYaml.replace("kind: other", "kind: user-panel"));
    const bids = furtherSectionsBids(["quality", "socialValue"]);
    // The panel members score the fair work questions instead of the evaluators.
    for (const b of bids.bids) {
      for (const c of ["FW1", "FW2"]) {
        const e = (b.scores as Record<string, Record<string, unknown>>)[c]!;
        (b.scores as Record<string, unknown>)[c] = { P1: e.E1, P2: e.E2 };
      }
    }
    const parsed = parseBids(JSON.stringify(bids));
    if (!model.ok || !parsed.ok) throw new Error("must parse");
    expect(checkBids(input.specification, model.value.data, parsed.value.data)).toEqual([]);
    const scored = scoreTender({ ...input, model: model.value.data, bids: parsed.value.data });
    if (!scored.ok) throw new Error("must score");
    // The same marks from other hands: the same points.
    expect(scored.value.bids.find((b) => b.bidId === "B1")!.total.toFraction()).toBe("417/5");
    // Published: the panel's combined score and how many members gave one, never a member's id or words.
    const fair = withUserPanelCombined(scored.value).bids[0]!.sections.find((s) => s.section === "fairWork")!;
    expect(fair.criteria.map((c) => [c.evaluatorScores.length, c.panelMembers])).toEqual([[0, 2], [0, 2]]);
    expect(userPanelScores(scored.value).filter((s) => s.criterionId === "FW1").map((s) => s.memberId)).toEqual(["P1", "P2", "P1", "P2", "P1", "P2"]);
  });

  it("the review adds up sections by kind: the user panel's share and quality against price", () => {
    const policy = defaultPolicy();
    // Fair work of kind user-panel: the user panel's share is 10 + 10 = 20%, above the policy's minimum.
    const asPanel = parseScoringModel(furtherSectionsModelYaml.replace("kind: other", "kind: user-panel").replace(/userPanel:\n    weight: 10/, "userPanel:\n    weight: 1").replace("weight: 40\n    method", "weight: 49\n    method"));
    if (!asPanel.ok) throw new Error("must parse");
    const lightPanel = (m: typeof asPanel.value.data) => reviewTender({ specification: input.specification, model: m, policy }).flags.filter((f) => f.code === "review.user-panel-too-light");
    expect(lightPanel(asPanel.value.data)).toEqual([]);
    // As kind other, the user panel alone is 1%: too light, flagged at the user panel's weight.
    const asOther = parseScoringModel(furtherSectionsModelYaml.replace(/userPanel:\n    weight: 10/, "userPanel:\n    weight: 1").replace("weight: 40\n    method", "weight: 49\n    method"));
    if (!asOther.ok) throw new Error("must parse");
    expect(lightPanel(asOther.value.data).map((f) => f.location.path)).toEqual([["sections", "userPanel", "weight"]]);
    // Price 40 above quality 30 alone; with fair work of kind quality, quality is 30 + 10 = 40, not below price.
    const priceAbove = (yaml: string) => {
      const m = parseScoringModel(yaml);
      if (!m.ok) throw new Error("must parse");
      return reviewTender({ specification: input.specification, model: m.value.data, policy }).flags.filter((f) => f.code === "review.price-above-quality").map((f) => f.args);
    };
    expect(priceAbove(furtherSectionsModelYaml)).toEqual([{ price: 40, quality: 30 }]);
    expect(priceAbove(furtherSectionsModelYaml.replace("kind: other", "kind: quality"))).toEqual([]);
  });

  it("the effective weights name the further section by its title", () => {
    const fair = effectiveWeights(result).find((w) => w.section === "fairWork")!;
    expect(fair.title).toBe("Fair work practices");
    expect(fair.nominal.toFraction()).toBe("10");
  });

  it("the what-if sweeps and samples the weights of all five sections", () => {
    const problem = problemFromResult(result);
    expect([...problem.weights.keys()]).toEqual(["quality", "socialValue", "userPanel", "fairWork", "price"]);
    expect(problem.titles?.get("fairWork")).toBe("Fair work practices");
    // At fair work 0% the others keep their proportions (÷ 90): B1 = (23.4 + 8 + 10 + 32) × 100/90 = 734/9, B3 = 75.6 × 100/90 = 84.
    const sweep = sweepWeight(problem, "fairWork");
    const at0 = (id: string) => sweep.lines.find((l) => l.bidId === id)!.intercept.toFraction();
    expect(at0("B1")).toBe("734/9");
    expect(at0("B3")).toBe("84");
  });

  it("an existing model keeps its hash, so score sheets already sent stay valid", () => {
    // The bundled example's hash before further sections existed (computed from the previous release's code).
    const model = parseScoringModel(exampleText("scoring-model.yaml"));
    if (!model.ok) throw new Error("must parse");
    expect(modelHash(model.value.data)).toBe("0a167c27dc7e9c9d70d35d95196d434f77c43dfb1a0f5ffb32ae3d44d7fa2c26");
  });

  it("refuses a further section without its title and kind, an id that is a near miss, and an evaluator's unknown section, each located", () => {
    const missing = parseScoringModel(furtherSectionsModelYaml.replace("    title: Fair work practices\n    kind: other\n", ""));
    expect(missing.ok).toBe(false);
    expect(missing.problems.map(formatProblem).join("\n")).toMatch(/sections\.fairWork\.title \(line 34\): is required but missing/);
    // A known key mistyped is a mistyped known key, not a further section missing its title and kind.
    const typo = parseScoringModel(furtherSectionsModelYaml.replace("  socialValue:", "  socialvalue:"));
    expect(typo.problems.map(formatProblem)).toEqual([
      'scoring-model.yaml: sections.socialvalue (line 24): "socialvalue" is not a field tender-eval knows here: did you mean "socialValue"? The fields allowed here are: price, quality, socialValue, userPanel',
    ]);
    expect(missing.problems.map(formatProblem).join("\n")).toMatch(/sections\.fairWork\.kind/);
    const nearMiss = parseScoringModel(furtherSectionsModelYaml.replace("  fairWork:", "  Quality:"));
    if (!nearMiss.ok) throw new Error("must parse");
    expect(checkScoringModel(nearMiss.value.data).map(formatProblem)).toContain('model: sections.Quality: "Quality" is not a section the model knows: did you mean quality? (a further section needs an id of its own, e.g. fairWork)');
    const bids = parseBids(JSON.stringify(furtherSectionsBids(["quality", "socialValue", "fairwork"])));
    if (!bids.ok) throw new Error("must parse");
    const problems = checkBids(input.specification, input.model, bids.value.data).map(formatProblem);
    expect(problems).toContain(
      'bids: panel.evaluators[0].sections[2]: evaluator "E1" is listed for the section "fairwork", which is not a section evaluators score in this model (sections: quality, socialValue, fairWork); the user panel\'s sections are scored by panel.userPanel',
    );
    expect(problems).toContain("bids: panel: nobody on the panel scores the fair work practices section");
  });
});

/*
 * A tie broken by a further section (tieBreak: [highest-quality, highest-fairWork]), worked by hand. Same
 * model; two bids at the same price, £200,000, so each earns all 40 price points (40 × 200,000 ÷ 200,000).
 * Both: Q1 (4,4) → 4/5 × 18 = 72/5, Q2 (3,3) → 3/5 × 12 = 36/5, quality = 108/5; UP1 (3,3) → 10.
 *   North Care (N): SV1 (5,5) → 10;          FW1 (4,4) → 4/5 × 5 = 4, FW2 (4,4) → 4: fair work = 8
 *   South Care (S): SV1 (4,4) → 4/5 × 10 = 8; FW1 (5,5) → 5, FW2 (5,5) → 5:           fair work = 10
 *   N = 40 + 108/5 + 10 + 10 + 8 = 448/5 = 89.6;  S = 40 + 108/5 + 8 + 10 + 10 = 448/5 = 89.6: a tie.
 * highest-quality: 108/5 = 108/5, still equal; highest-fairWork: S's 10 > N's 8, so South Care ranks first.
 * With highest-social-value instead, N's 10 > S's 8 would put North Care first; with highest-quality alone
 * they share first place.
 */
describe("a tie broken by a further section's points (highest-<id>)", () => {
  const marks = (scores: Record<string, number>) =>
    Object.fromEntries(Object.entries(scores).map(([c, s]) => [c, { E1: { score: s, justification: `Reason ${s}.` }, E2: { score: s, justification: `Reason ${s}.` } }]));
  const tiedBids = () => {
    const base = furtherSectionsBids();
    const bid = (id: string, bidder: string, sv: number, fw: number) => ({
      ...base.bids[0]!,
      id,
      bidder,
      email: `tenders@${id.toLowerCase()}.example.org`,
      uniqueIdentifier: `PQ-${id}`,
      price: { years: [200000] },
      scores: { ...marks({ Q1: 4, Q2: 3, SV1: sv, FW1: fw, FW2: fw }), UP1: { P1: { score: 3, justification: "Reason 3." }, P2: { score: 3, justification: "Reason 3." } } },
    });
    return { ...base, bids: [bid("N", "North Care", 5, 4), bid("S", "South Care", 4, 5)] };
  };
  const scoreWith = (tieBreak: string) => {
    const model = parseScoringModel(furtherSectionsModelYaml.replace("tieBreak: [highest-quality]", `tieBreak: ${tieBreak}`));
    const bids = parseBids(JSON.stringify(tiedBids()));
    if (!model.ok || !bids.ok) throw new Error(`must parse: ${JSON.stringify([model.problems, bids.problems])}`);
    expect(checkScoringModel(model.value.data)).toEqual([]);
    const input = { ...furtherSectionsTender(), model: model.value.data, bids: bids.value.data };
    expect(checkBids(input.specification, input.model, input.bids)).toEqual([]);
    const outcome = scoreTender(input);
    if (!outcome.ok) throw new Error(outcome.problems.map(formatProblem).join("\n"));
    return outcome.value;
  };

  it("the further section's higher points win when the totals and the quality points are equal", () => {
    const result = scoreWith("[highest-quality, highest-fairWork]");
    expect(result.bids.map((b) => [b.bidId, b.total.toFraction(), b.sections.find((s) => s.section === "fairWork")!.points.toFraction(), b.rank])).toEqual([
      ["S", "448/5", "10", 1],
      ["N", "448/5", "8", 2],
    ]);
    expect(result.ties).toEqual([{ bidIds: expect.arrayContaining(["N", "S"]), brokenBy: "highest-fairWork" }]);
  });

  it("other rules give the hand-worked outcomes: social value puts North Care first, quality alone leaves them sharing first place", () => {
    expect(scoreWith("[highest-social-value]").bids.map((b) => [b.bidId, b.rank])).toEqual([
      ["N", 1],
      ["S", 2],
    ]);
    expect(scoreWith("[highest-quality]").bids.map((b) => b.rank)).toEqual([1, 1]);
  });

  it("the evaluation report states the rule by the section's title", () => {
    const result = scoreWith("[highest-quality, highest-fairWork]");
    const model = parseScoringModel(furtherSectionsModelYaml.replace("tieBreak: [highest-quality]", "tieBreak: [highest-quality, highest-fairWork]"));
    if (!model.ok) throw new Error("must parse");
    const bids = parseBids(JSON.stringify(tiedBids()));
    if (!bids.ok) throw new Error("must parse");
    const audit = { inputs: [], modelHash: "x", toolVersion: "test", generatedOn: "2026-12-05" };
    const data = evaluationReportData({ ...furtherSectionsTender(), model: model.value.data, bids: bids.value.data, result, audit });
    expect(data.model.tieBreak).toBe("Equal totals are separated by: highest quality score, then highest score for Fair work practices.");
    expect(data.ties.map((t) => t.text)).toEqual([expect.stringMatching(/^(North Care and South Care|South Care and North Care) had .*; separated by highest score for Fair work practices\.$/)]);
  });

  it("refuses a rule naming a section the model does not have, located at its line, listing the further sections", async () => {
    const yaml = furtherSectionsModelYaml.replace("tieBreak: [highest-quality]", "tieBreak: [highest-quality, highest-fairwork]");
    const read = await validateModel({ name: "scoring-model.yaml", bytes: yaml });
    expect(read.ok).toBe(false);
    expect(read.problems.map(formatProblem)).toEqual([
      'scoring-model.yaml: tieBreak[1] (line 13): the tie-break rule "highest-fairwork" names a section "fairwork" that the model does not have: its further sections are fairWork (write highest- and the id, e.g. highest-fairWork)',
    ]);
    const none = await validateModel({ name: "scoring-model.yaml", bytes: exampleText("scoring-model.yaml").replace(/^tieBreak:.*$/m, "tieBreak: [highest-fairWork]") });
    expect(none.problems.map(formatProblem).join("\n")).toMatch(/names a section "fairWork" that the model does not have: the model has no further sections, so use highest-quality, highest-social-value, highest-user-panel or lowest-price/);
  });
});
