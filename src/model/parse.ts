import type { Outcome } from "../problems/problem.js";
import { TenderBids } from "./bids.js";
import { parseInputDocument, type ParseOutcome, type SourceDocument } from "./parse-document.js";
import { salvageBids } from "./salvage-bids.js";
import { ScoringModel } from "./scoring-model.js";
import { TenderSpecification } from "./specification.js";

export interface Parsed<T> {
  data: T;
  source: SourceDocument;
}

/** Parse tender specification text (YAML or JSON). `file` names the file in messages. */
export function parseSpecification(text: string, file = "specification.yaml"): Outcome<Parsed<TenderSpecification>> {
  return parseInputDocument(TenderSpecification, text, "specification", file);
}

/** Parse scoring model text (YAML or JSON). */
export function parseScoringModel(text: string, file = "scoring-model.yaml"): Outcome<Parsed<ScoringModel>> {
  return parseInputDocument(ScoringModel, text, "model", file);
}

/**
 * Parse bids text (YAML or JSON): the panel, the bids with prices and scores, moderated scores. When some
 * bids break the schema, `partial` holds the panel and the bids that did not, for the rules to check.
 */
export function parseBids(text: string, file = "bids.yaml"): ParseOutcome<TenderBids> {
  return parseInputDocument(TenderBids, text, "bids", file, { salvage: salvageBids });
}
