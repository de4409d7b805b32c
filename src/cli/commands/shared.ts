import type { Argv } from "yargs";

/** Options every tender command shares: where the tender's files are. */
export function tenderOptions<T>(y: Argv<T>) {
  return y
    .positional("folder", { type: "string", default: ".", describe: "Folder holding specification.yaml, scoring-model.yaml and bids.yaml" })
    .option("spec", { type: "string", describe: "Tender specification file (YAML or JSON)" })
    .option("model", { type: "string", describe: "Scoring model file (YAML or JSON)" })
    .option("bids", { type: "string", describe: "Bids file (YAML or JSON)" })
    .option("json", { type: "boolean", default: false, describe: "Print JSON instead of text" });
}

/** The parsed form of tenderOptions. */
export interface TenderArgs {
  folder: string;
  spec?: string;
  model?: string;
  bids?: string;
  json: boolean;
}
