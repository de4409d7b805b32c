import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseBids, parseScoringModel, parseSpecification } from "../src/model/parse.js";
import type { TenderInput } from "../src/scoring/score-tender.js";

export const exampleFolder = fileURLToPath(new URL("../examples/community-advocacy/", import.meta.url));

export function exampleText(name: "specification.yaml" | "scoring-model.yaml" | "bids.yaml"): string {
  return readFileSync(`${exampleFolder}${name}`, "utf8");
}

export function loadExample(): TenderInput {
  const spec = parseSpecification(exampleText("specification.yaml"));
  const model = parseScoringModel(exampleText("scoring-model.yaml"));
  const bids = parseBids(exampleText("bids.yaml"));
  if (!spec.ok || !model.ok || !bids.ok) throw new Error("the bundled example must be valid");
  return { specification: spec.value.data, model: model.value.data, bids: bids.value.data };
}
