import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";

const example = fileURLToPath(new URL("../examples/community-advocacy/", import.meta.url));

/**
 * The bundled example divided into two lots, North (£600,000) and South (£400,000), at most one lot per
 * bidder, highest value first: the six bids are for North, and three of the bidders also bid for South
 * (bids B1S, B2S and B3S: the same answers and scores, 40% of the price). Written to a fresh folder.
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
  const bids = parse(readFileSync(bidsPath, "utf8")) as { bids: Record<string, unknown>[] };
  for (const bid of bids.bids) bid["lot"] = "L1";
  for (const id of ["B1", "B2", "B3"]) {
    const bid = structuredClone(bids.bids.find((b) => b["id"] === id)!);
    const price = bid["price"] as { years: number[]; extensionYears: number[] };
    bids.bids.push({ ...bid, id: `${id}S`, lot: "L2", price: { years: price.years.map((y) => y * 0.4), extensionYears: price.extensionYears.map((y) => y * 0.4) } });
  }
  writeFileSync(bidsPath, stringify(bids));
  return folder;
}
