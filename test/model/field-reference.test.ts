import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { allowedOf, fieldsOf, typeOf } from "../../src/model/field-reference.js";
import { FIELD_REFERENCE_COMMAND, fieldReferenceMarkdown } from "../../src/node/field-reference.js";
import { inputFileReference } from "../../src/review/json-schema.js";

describe("the field reference (docs/fields.md)", () => {
  it("is generated from the current zod schemas", async () => {
    const committed = readFileSync(new URL("../../docs/fields.md", import.meta.url), "utf8");
    expect(committed, `run \`${FIELD_REFERENCE_COMMAND}\` and commit the result`).toBe(await fieldReferenceMarkdown());
  });

  it.each(inputFileReference().map((f) => [f.file, f] as const))("every field of %s carries a .describe() text", (_file, f) => {
    const fields = fieldsOf(f.schema);
    expect(fields.length).toBeGreaterThan(3);
    expect(fields.filter((x) => x.description.trim() === "").map((x) => x.path)).toEqual([]);
  });

  it("names paths, types, defaults and allowed values in words", () => {
    const model = inputFileReference().find((f) => f.file === "scoring-model.yaml")!;
    const fields = new Map(fieldsOf(model.schema).map((f) => [f.path, f]));
    expect(fields.get("sections.quality.criteria[].weight")).toMatchObject({ type: "number", presence: "required", allowed: "0 to 1,000,000" });
    expect(fields.get("scales.<id>.values")).toMatchObject({ type: "list of numbers", allowed: "at least 2 items; each at least 0" });
    expect(fields.get("sections.price.method.type")?.allowed).toContain("`budget-ceiling`");
    expect(fields.get("sections.price.method.budget")?.presence).toBe("required with type budget-ceiling");
    // A union told apart by another field than `type` is documented by that field (a newcomer followed a
    // documented measure.type that the schema refuses).
    expect(fields.get("sections.quality.criteria[].measure.type")).toBeUndefined();
    expect(fields.get("sections.quality.criteria[].measure.method")?.allowed).toBe("`interpolation`, `best-offer`");
    expect(fields.get("sections.quality.criteria[].measure.better")?.presence).toBe("required with method best-offer");
    expect(fields.get("tieBreak")).toMatchObject({ presence: "default []", type: "list of choices or text" });
    expect(typeOf({ type: "string", format: "date" })).toBe("date (YYYY-MM-DD)");
    expect(allowedOf({ type: "integer", minimum: 0, maximum: Number.MAX_SAFE_INTEGER })).toBe("at least 0");
  });

  it("is linked from the README's section on the input files", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const section = readme.slice(readme.indexOf("## File formats"), readme.indexOf("## Library"));
    expect(section).toContain("[docs/fields.md](docs/fields.md)");
  });
});
