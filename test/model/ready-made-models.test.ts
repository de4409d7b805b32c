import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkScoringModel } from "../../src/model/check-model.js";
import { parseScoringModel } from "../../src/model/parse.js";
import { formatProblem } from "../../src/problems/format.js";

const folder = new URL("../../scoring-models/", import.meta.url);
const models = readdirSync(folder).filter((f) => f.endsWith(".yaml"));

describe("ready-made scoring models", () => {
  it("there are at least two", () => {
    expect(models.length).toBeGreaterThanOrEqual(2);
  });

  it.each(models)("%s is valid and says when to use it", (file) => {
    const text = readFileSync(new URL(file, folder), "utf8");
    expect(text).toMatch(/^# When to use: /m);
    const parsed = parseScoringModel(text, file);
    if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join("\n"));
    expect(checkScoringModel(parsed.value.data).map(formatProblem)).toEqual([]);
  });
});
