import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";

const example = fileURLToPath(new URL("../examples/community-advocacy/", import.meta.url));

/**
 * The bundled example divided into two lots, North (£600,000) and South (£400,000), at most one lot per
 * bidder, highest value first: the six bids are for North, and three of the bidders also bid for South
 * (bids B1S, B2S and B3S: the same answers, scores and agreed scores, 40% of the price). Written to a fresh
 * folder. Riverside Disabled People's Voice is first in both lots: it keeps North, the higher value, and South
 * goes to Riverside Community Trust, ranked second there.
 */
export function writeLotsTender(): string {
  const folder = mkdtempSync(join(tmpdir(), "tender-eval-lots-"));
  cpSync(example, folder, { recursive: true });
  const specPath = join(folder, "specification.yaml");
  const spec = parse(readFileSync(specPath, "utf8")) as Record<string, unknown>;
  spec["lots"] = [
    { id: "L1", title: "North Riverside", estimatedValue: 600000 },
    { id: "L2", title: "South Riverside", estimatedValue: 400000 },
  ];
  spec["lotAward"] = { maxLotsPerBidder: 1, order: "highest-value" };
  writeFileSync(specPath, stringify(spec));
  const bidsPath = join(folder, "bids.yaml");
  const bids = parse(readFileSync(bidsPath, "utf8")) as { bids: Record<string, unknown>[]; moderation: Record<string, unknown>[] };
  for (const bid of bids.bids) bid["lot"] = "L1";
  for (const id of ["B1", "B2", "B3"]) {
    const bid = structuredClone(bids.bids.find((b) => b["id"] === id)!);
    const price = bid["price"] as { years: number[]; extensionYears: number[] };
    bids.bids.push({ ...bid, id: `${id}S`, lot: "L2", price: { years: price.years.map((y) => y * 0.4), extensionYears: price.extensionYears.map((y) => y * 0.4) } });
  }
  // The panel agreed the same scores for the same answers in South.
  for (const m of [...bids.moderation]) if (["B1", "B2", "B3"].includes(m["bid"] as string)) bids.moderation.push({ ...m, bid: `${m["bid"] as string}S` });
  writeFileSync(bidsPath, stringify(bids));
  return folder;
}
