import { describe, expect, it } from "vitest";
import { parseBids, parseScoringModel, parseSpecification } from "../../src/model/parse.js";
import { locateProblems } from "../../src/model/parse-document.js";
import { validateTender } from "../../src/scoring/validate-tender.js";
import { formatProblem } from "../../src/problems/format.js";
import { exampleText } from "../example-tender.js";

const edit = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return text.replace(from, to);
};

function modelMessages(text: string): string[] {
  const parsed = parseScoringModel(text, "model.yaml");
  if (!parsed.ok) return parsed.problems.map(formatProblem);
  const spec = parseSpecification(exampleText("specification.yaml"));
  if (!spec.ok) throw new Error("example spec must parse");
  return locateProblems(validateTender({ specification: spec.value.data, model: parsed.value.data }), [parsed.value.source]).map(formatProblem);
}

function bidsMessages(text: string, modelText = exampleText("scoring-model.yaml")): string[] {
  const parsed = parseBids(text, "bids.yaml");
  if (!parsed.ok) return parsed.problems.map(formatProblem);
  const spec = parseSpecification(exampleText("specification.yaml"));
  const model = parseScoringModel(modelText);
  if (!spec.ok || !model.ok) throw new Error("example must parse");
  return locateProblems(
    validateTender({ specification: spec.value.data, model: model.value.data, bids: parsed.value.data }),
    [parsed.value.source, model.value.source],
  ).map(formatProblem);
}

const model = exampleText("scoring-model.yaml");
const bids = exampleText("bids.yaml");
const spec = exampleText("specification.yaml");

describe("the bundled example is valid", () => {
  it("has no problems", () => {
    expect(modelMessages(model)).toEqual([]);
    expect(bidsMessages(bids)).toEqual([]);
  });
});

describe("scoring model errors name the file, the path, the line and what is wrong", () => {
  it("a weight written as a word", () => {
    const text = edit(model, "        weight: 25\n        wordLimit: 750", '        weight: "ten"\n        wordLimit: 750');
    expect(modelMessages(text)).toEqual(['model.yaml: sections.quality.criteria[1].weight (line 45): expected a number, got "ten"']);
  });

  it("section weights that do not add up report the actual sum", () => {
    const text = edit(model, "  socialValue:\n    weight: 15", "  socialValue:\n    weight: 20");
    expect(modelMessages(text)).toEqual([
      "model.yaml: sections (line 27): the weights of the sections (price 30, quality 45, socialValue 20, userPanel 10) add up to 105, not 100 (weights given as points of another total, e.g. 60, 40 and 30 of 130, need that total stated as sectionWeightsOutOf)",
    ]);
  });

  it("criterion weights that do not add up report the actual sum", () => {
    const text = edit(model, "        weight: 10\n        wordLimit: 500", "        weight: 12.5\n        wordLimit: 500");
    expect(modelMessages(text)).toEqual(["model.yaml: sections.quality.criteria (line 36): the weights of the quality criteria add up to 102.5, not 100 (weights given as points of another total, e.g. 60, 40 and 30 of 130, need that total stated as sections.quality.criteriaWeightsOutOf)"]);
  });

  it("an unknown price method", () => {
    const text = edit(model, "type: proportional", "type: proportionate");
    expect(modelMessages(text)[0]).toMatch(/^model\.yaml: sections\.price\.method\.type \(line 31\): "proportionate" is not allowed; use one of "proportional", "linear-interpolation"/);
  });

  it("a misspelt field", () => {
    const text = edit(model, "    includeExtensionYears: true", "    includeExtentionYears: true");
    expect(modelMessages(text)).toEqual([
      'model.yaml: sections.price.includeExtentionYears (line 32): "includeExtentionYears" is not a field tender-eval knows here: did you mean "includeExtensionYears"? The fields allowed here are: title, weight, method, includeExtensionYears, vatBasis, priceSchedule, priceCovers',
    ]);
  });

  it("a missing required field", () => {
    const text = edit(model, "title: Riverside advocacy and peer support – award criteria\n", "");
    expect(modelMessages(text)).toEqual(["model.yaml: title (line 3): is required but missing (expected text)"]);
  });

  it("an unknown scale, a threshold off the scale, a duplicated criterion id, all at once", () => {
    let text = edit(model, "  socialValue:\n    weight: 15\n    scale: zero-to-five", "  socialValue:\n    weight: 15\n    scale: zero-to-ten");
    text = edit(text, "        minimumScore: 2", "        minimumScore: 6");
    text = edit(text, "      - id: Q5", "      - id: Q4");
    expect(modelMessages(text)).toEqual([
      "model.yaml: sections.quality.criteria[2].minimumScore (line 51): the minimum 6 is outside the scale's range 0 to 5",
      "model.yaml: sections.socialValue.scale (line 65): uses the scale \"zero-to-ten\", which the model does not define (defined: zero-to-five, user-panel)",
      'model.yaml: sections.quality.criteria[4].id (line 58): the criterion id "Q4" is used more than once',
    ]);
  });

  it("a descriptor for a score that is not on the scale", () => {
    const text = edit(model, '      "3": "Yes: we are confident they would do this."', '      "3": "Yes."\n      "4": "Beyond."');
    expect(modelMessages(text)).toEqual(['model.yaml: scales.user-panel.descriptors.4 (line 27): describes the score 4, which is not on scale "user-panel"']);
  });

  it("a YAML syntax error gives the line", () => {
    const text = edit(model, "sections:\n", "sections:\n  price: [unclosed\n");
    expect(modelMessages(text)[0]).toMatch(/^model\.yaml: line \d+: could not be read: /);
  });

  it("an empty file", () => {
    expect(modelMessages("")).toEqual(["model.yaml: the file is empty"]);
  });
});

describe("specification errors", () => {
  it("a date in the wrong form and a procedure that does not exist", () => {
    let text = edit(spec, "submissionDeadline: 2026-10-13", "submissionDeadline: 13/10/2026");
    text = edit(text, "procedure: light-touch", "procedure: negotiated");
    const parsed = parseSpecification(text, "spec.yaml");
    expect(parsed.ok).toBe(false);
    expect(parsed.problems.map(formatProblem)).toEqual([
      'spec.yaml: procedure (line 12): "negotiated" is not allowed; use one of "open", "restricted", "light-touch", "reserved"',
      'spec.yaml: dates.submissionDeadline (line 16): expected a date written YYYY-MM-DD, e.g. 2026-11-21, got "13/10/2026"',
    ]);
  });
});

describe("bids errors name the bid, the criterion and the evaluator", () => {
  it("a score not on the scale", () => {
    const text = edit(bids, "E1: { score: 4, justification", "E1: { score: 7, justification");
    expect(bidsMessages(text)).toEqual(['bids.yaml: bids[0].scores.Q1.E1.score (line 41): the score 7 is not on the scale "zero-to-five" (allowed: 0, 1, 2, 3, 4, 5)']);
  });

  it("an unknown field inside a score", () => {
    let text = bids.replace(/^ {8}E3: \{ score: 5, justification: "Excellent: advocacy model.*\n/m, "");
    text = edit(text, 'E2: { score: 5, justification: "Excellent: disabled people make up', 'E2: { score: 5, justification: "", x: "Excellent: disabled people make up');
    text = edit(text, "      Q3:\n        E1: { score: 4", "      Q9:\n        E1: { score: 4");
    const messages = bidsMessages(text);
    expect(messages[0]).toBe('bids.yaml: bids[0].scores.Q2.E2.x (line 45): "x" is not a field tender-eval knows here (check the spelling); the fields allowed here are: score, justification');
  });

  it("cross-file problems are all listed together", () => {
    let text = bids.replace(/^ {8}E3: \{ score: 5, justification: "Excellent: advocacy model.*\n/m, "");
    text = edit(text, 'E2: { score: 5, justification: "Excellent: disabled people make up the whole board and 80% of staff; members co-wrote the service plan and chair a quarterly review." }', 'E2: { score: 5, justification: "  " }');
    text = edit(text, "      Q3:\n        E1: { score: 4", "      Q9:\n        E1: { score: 4");
    expect(bidsMessages(text)).toEqual([
      'bids.yaml: bids[0].scores.Q2.E2.justification (line 45): the score E2 gave bid "B1" for Q2 has no justification, and the model requires one',
      "bids.yaml: bids[0].scores.Q9 (line 47): \"Q9\" is not a criterion of the scoring model (criteria: Q1, Q2, Q3, Q4, Q5, SV1, SV2, U1, U2)",
      'bids.yaml: bids[0].scores (line 39): bid "B1" has no score from E3 for criterion Q1',
      'bids.yaml: bids[0].scores (line 39): bid "B1" has no score from E1 for criterion Q3',
      'bids.yaml: bids[0].scores (line 39): bid "B1" has no score from E2 for criterion Q3',
      'bids.yaml: bids[0].scores (line 39): bid "B1" has no score from E3 for criterion Q3',
    ]);
  });

  it("a duplicated bid, an unknown evaluator and a price schedule of the wrong length", () => {
    let text = edit(bids, "  - id: B2\n", "  - id: B1\n");
    text = edit(text, "        E1: { score: 4, justification", "        E9: { score: 4, justification");
    text = edit(text, "      years: [200000, 200000, 200000]", "      years: [200000, 200000]");
    const messages = bidsMessages(text);
    expect(messages).toContain('bids.yaml: bids[1].id (line 89): bid "B1" appears more than once');
    expect(messages).toContain('bids.yaml: bids[0].scores.Q1.E9 (line 41): "E9" is not an evaluator or user-panel member listed under panel');
    expect(messages).toContain('bids.yaml: bids[0].price.years (line 34): bid "B1" gives 2 contract-year prices, but the contract has 3 contract years');
  });

  it("a user-panel member scoring a quality criterion", () => {
    const text = edit(bids, "        E1: { score: 4, justification", "        P1: { score: 4, justification");
    expect(bidsMessages(text)).toContain('bids.yaml: bids[0].scores.Q1.P1 (line 41): evaluator "P1" is not on the panel for the quality section');
  });

  it("moderation for a bid that does not exist", () => {
    const text = edit(bids, "  - bid: B2\n    criterion: Q2", "  - bid: B7\n    criterion: Q2");
    expect(bidsMessages(text)).toEqual(['bids.yaml: moderation[0].bid (line 385): moderation is recorded for bid "B7", which is not among the bids']);
  });
});
