import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { modelHash } from "../../src/model/model-hash.js";
import { makeScoreSheets } from "../../src/spreadsheets/score-sheets.js";
import { exampleFolder, loadExample } from "../example-tender.js";
import { fillPriceSchedule, fillScoreSheet } from "./fill.js";

/** A copy of the example whose bids file has no scores and no prices: those come from the sheets. */
export function tenderWithoutScores(): string {
  const dir = mkdtempSync(join(tmpdir(), "tender-eval-sheets-"));
  cpSync(exampleFolder, dir, { recursive: true });
  const { bids } = loadExample();
  // Declarations of interests come back ticked and dated on the score sheets too.
  const bare = { ...bids, panel: { ...bids.panel, declarations: [] }, bids: bids.bids.map(({ scores: _scores, price: _price, ...rest }) => rest) };
  writeFileSync(join(dir, "bids.yaml"), stringify(bare));
  return dir;
}

export async function filledSheets(options: { asText?: boolean; resort?: boolean } = {}): Promise<Map<string, Uint8Array>> {
  const input = loadExample();
  const sheets = await makeScoreSheets({ ...input, modelHash: modelHash(input.model), date: "2026-11-21" });
  const filled = new Map<string, Uint8Array>();
  for (const sheet of sheets) {
    if (sheet.fileName.startsWith("price-schedule")) filled.set(sheet.fileName, await fillPriceSchedule(sheet.bytes, input.bids));
    else filled.set(sheet.fileName, await fillScoreSheet(sheet.bytes, input.bids, { asText: options.asText ?? false, resort: options.resort ?? sheet.fileName.includes("E2") }));
  }
  return filled;
}

