import { describe, expect, it } from "vitest";
import { exact } from "../../src/arithmetic/exact.js";
import { criterionFields } from "../../src/documents/common-data.js";
import { availablePoints, moderationTolerance, scaleRange } from "../../src/model/weights.js";
import { scoredSection } from "../../src/model/sections.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { loadExample } from "../example-tender.js";

describe("weights: one home for what a criterion is worth", () => {
  it("section weight × criterion weight ÷ 100, exactly", () => {
    expect(availablePoints({}, { weight: 45 }, { weight: 30 }).toFraction()).toBe("27/2");
    expect(availablePoints({}, { weight: 33.3 }, { weight: 10 }).toFraction()).toBe("333/100");
  });

  it("the default tolerance is 30% of the scale's range unless the model gives one", () => {
    const scale = { title: "0–5", values: [0, 1, 2, 3, 4, 5], descriptors: {} };
    expect(scaleRange(scale)).toEqual([0, 5]);
    expect(moderationTolerance(scale, { method: "mean" }).toFraction()).toBe("3/2");
    expect(moderationTolerance(scale, { method: "mean", tolerance: 2 }).toFraction()).toBe("2");
  });

  it("the points scoring used are the points the documents print", () => {
    const input = loadExample();
    const outcome = scoreTender(input, { allowIncomplete: true });
    if (!outcome.ok) throw new Error("the example must score");
    const first = outcome.value.bids[0]!.sections[0]!.criteria[0]!;
    const section = scoredSection(input.model, outcome.value.bids[0]!.sections[0]!.section)!;
    expect(first.availablePoints.equals(availablePoints(input.model, section, section.criteria.find((c) => c.id === first.criterionId)!))).toBe(true);
    // A document prints the figure from the result it is given, not one it works out again.
    first.availablePoints = exact(7);
    const fields = criterionFields(input.model, outcome.value);
    expect(fields.find((c) => c.id === first.criterionId)?.importance).toBe("7% of the total score");
    expect(criterionFields(input.model).find((c) => c.id === first.criterionId)?.importance).not.toBe("7% of the total score");
  });
});
