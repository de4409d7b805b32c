import { describe, expect, it } from "vitest";
import { findingMessage } from "../../src/problems/format.js";
import { aPassingModel, codesOf, review, section } from "./helpers.js";

/**
 * The review reads weights given as points of a stated total as their exact share of 100: the same model
 * compared as percentages. Price 35 of 126 = 27.78%; quality 65 of 126 = 51.59%; social value 20 of 126 = 15.87%;
 * user panel 6 of 126 = 4.76%.
 */
describe("the review with weights as points of a total", () => {
  const points = {
    ...aPassingModel({
      price: { weight: 35, method: { type: "budget-ceiling", budget: 1e6 } },
      quality: section(65, { Q1: 40, Q2: 30, Q3: 30 }, { minimumPercent: 40 }),
      socialValue: section(20, { SV1: 100 }),
      userPanel: section(6, { U1: 100 }),
    }),
    sectionWeightsOutOf: 126,
  };

  it("compares each section's share, not its raw points, with the policy", () => {
    const flags = review(points).flags;
    // 6 of 126 is 4.76%: below the default policy's 5% floor for the user panel, though "6" alone is not.
    const light = flags.find((f) => f.code === "review.user-panel-too-light");
    expect(light && findingMessage(light)).toBe("the user-panel section carries 4.76%, below the 5% that lets it matter");
    // Price 27.78% is not above quality's 51.59%, nor above the 30% limit for care and support, though 35 points is.
    expect(codesOf(review(points, { spec: { serviceKind: "care-and-support" } }))).not.toContain("review.price-weight-above-policy");
    expect(codesOf(review(points))).not.toContain("review.price-above-quality");
  });
});
