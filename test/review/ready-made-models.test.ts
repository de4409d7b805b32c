import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScoringModel } from "../../src/model/parse.js";
import { flagMessage } from "../../src/problems/format.js";
import { reviewTender } from "../../src/review/review-tender.js";
import { loadExample } from "../example-tender.js";
import { defaultPolicy } from "./helpers.js";

const reviewModel = (file: string) => {
  const parsed = parseScoringModel(readFileSync(new URL(`../../scoring-models/${file}`, import.meta.url), "utf8"), file);
  if (!parsed.ok) throw new Error(`${file} must parse`);
  return reviewTender({ specification: loadExample().specification, model: parsed.value.data, policy: defaultPolicy() });
};

describe("ready-made models under the default policy (with the example's specification)", () => {
  it.each(["quality-led-social-care.yaml", "price-per-quality-point.yaml"])("%s raises no error or warning", (file) => {
    expect(reviewModel(file).flags.filter((f) => f.severity !== "advice").map(flagMessage)).toEqual([]);
  });

  it("price-led-failing.yaml fails on purpose, for the reasons the source documents give", () => {
    expect(reviewModel("price-led-failing.yaml").flags.filter((f) => f.severity === "warning").map((f) => f.code)).toEqual([
      "review.price-weight-above-policy",
      "review.price-above-quality",
      "review.price-heavy-without-quality-threshold",
      "review.social-value-token",
      "review.social-value-hard-to-evidence",
      "review.no-user-panel",
    ]);
  });
});
