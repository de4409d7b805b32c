import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { formatProblem } from "../../src/problems/format.js";
import { scoreTender, whatifForTender } from "../../src/workflows/index.js";
import { exampleFolder } from "../example-tender.js";

const read = (name: string) => ({ name, bytes: readFileSync(join(exampleFolder, name)) });

describe("what-if under an award on value", () => {
  it("is refused, naming the method, rather than ranking on totals the award does not use", async () => {
    const model = parse(readFileSync(join(exampleFolder, "scoring-model.yaml"), "utf8"));
    model.sections.price = { ...model.sections.price, weight: 0, method: { type: "guide-value" } };
    model.sections.quality.weight += 30;
    const scored = await scoreTender({ specification: read("specification.yaml"), model: { name: "scoring-model.yaml", bytes: stringify(model) }, bids: read("bids.yaml") });
    if (!scored.ok) throw new Error(scored.problems.map(formatProblem).join("\n"));
    const whatif = await whatifForTender(scored.value, { samples: 100 });
    expect(whatif.ok).toBe(false);
    if (whatif.ok) return;
    expect(whatif.problems.map((p) => p.code)).toEqual(["whatif.award-on-value"]);
    expect(formatProblem(whatif.problems[0]!)).toContain("under the Simple guide value method (UfAB) the award follows another figure");
  });
});
