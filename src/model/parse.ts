import { TenderBids } from "./bids.js";
import { parseInputDocument, type ParseOutcome, type SourceDocument } from "./parse-document.js";
import { withUnknownFieldsMended } from "./salvage.js";
import { salvageBids } from "./salvage-bids.js";
import { ScoringModel } from "./scoring-model.js";
import { TenderSpecification } from "./specification.js";

export interface Parsed<T> {
  data: T;
  source: SourceDocument;
}

/**
 * Each parser returns, beside every problem, what of a broken file the rules can still check (`partial`),
 * so one round of validation shows the rule mistakes too: see salvage.ts and salvage-bids.ts.
 */

/** What the rules between files need of a specification: the contract's length, for the price years. */
export type SpecificationForRules = Pick<TenderSpecification, "contract">;

/** Parse tender specification text (YAML or JSON). `file` names the file in messages. */
export function parseSpecification(text: string, file = "specification.yaml"): ParseOutcome<TenderSpecification, SpecificationForRules> {
  return parseInputDocument<typeof TenderSpecification, SpecificationForRules>(TenderSpecification, text, "specification", file, {
    salvage: (raw) => withUnknownFieldsMended(TenderSpecification, raw) ?? contractAlone(raw),
  });
}

/** The contract section on its own, when the rest of the specification is broken. */
function contractAlone(raw: unknown) {
  const contract = TenderSpecification.shape.contract.safeParse(typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>)["contract"] : undefined);
  return contract.success ? { data: { contract: contract.data }, pathInFile: (path: readonly (string | number)[]) => path } : undefined;
}

/** Parse scoring model text (YAML or JSON). */
export function parseScoringModel(text: string, file = "scoring-model.yaml"): ParseOutcome<ScoringModel> {
  return parseInputDocument(ScoringModel, text, "model", file, { salvage: (raw) => withUnknownFieldsMended(ScoringModel, raw) });
}

/**
 * Parse bids text (YAML or JSON): the panel, the bids with prices and scores, moderated scores. When some
 * bids break the schema, `partial` holds the panel and the bids that did not, for the rules to check.
 */
export function parseBids(text: string, file = "bids.yaml"): ParseOutcome<TenderBids> {
  return parseInputDocument(TenderBids, text, "bids", file, { salvage: (raw) => withUnknownFieldsMended(TenderBids, raw) ?? salvageBids(raw) });
}
