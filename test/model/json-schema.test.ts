import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inputJsonSchemas } from "../../src/review/json-schema.js";

describe("JSON Schemas for editors", () => {
  it.each(Object.entries(inputJsonSchemas()))("schemas/%s is generated from the current zod schema", (name, text) => {
    const committed = readFileSync(new URL(`../../schemas/${name}`, import.meta.url), "utf8");
    expect(committed, "run `npm run schemas -- --force` and commit the result").toBe(text);
  });

  it("describes the price methods an editor can offer", () => {
    const schema = JSON.parse(inputJsonSchemas()["scoring-model.schema.json"]!);
    const text = JSON.stringify(schema);
    for (const type of ["proportional", "linear-interpolation", "deviation-from-lowest", "budget-ceiling", "price-per-quality-point", "custom"]) {
      expect(text).toContain(`"const":"${type}"`);
    }
  });
});
