import type { PathSegment } from "../problems/problem.js";
import { Bid, ModeratedScore, Panel, type TenderBids } from "./bids.js";
import type { Salvaged } from "./parse-document.js";
import { withUnknownFieldsMended } from "./salvage.js";

/**
 * The parts of a bids file that pass the schema on their own: the panel, each bid that is well formed,
 * and the agreed scores for those bids. A person who planted ten mistakes should see all ten in one
 * round, so the rules between files (weights, scales, scores against the panel) run on these while the
 * schema problems are reported for the rest. Without a well-formed panel and at least one bid there is
 * nothing the rules could check without inventing problems, so nothing is salvaged.
 *
 * A bid that breaks the schema is left out whole, and so are agreed scores that name it: checking them
 * would report it as an unknown bid, a second problem for the one mistake already reported.
 */
export function salvageBids(raw: unknown): Salvaged<TenderBids> | undefined {
  if (!isRecord(raw)) return undefined;
  const panel = Panel.safeParse(raw["panel"]);
  if (!panel.success || !Array.isArray(raw["bids"])) return undefined;
  const bids: Bid[] = [];
  const bidAt: number[] = [];
  const brokenBidIds = new Set<unknown>();
  const renamed: ((path: readonly PathSegment[]) => readonly PathSegment[])[] = [];
  raw["bids"].forEach((entry, i) => {
    // A bid with a misspelt field is still checked, as it evidently meant (see salvage.ts).
    const bid = withUnknownFieldsMended(Bid, entry);
    if (bid !== undefined) {
      bids.push(bid.data);
      bidAt.push(i);
      renamed.push(bid.pathInFile);
    } else if (isRecord(entry)) brokenBidIds.add(entry["id"]);
  });
  if (bids.length === 0) return undefined;
  const moderation: TenderBids["moderation"] = [];
  const agreedAt: number[] = [];
  (Array.isArray(raw["moderation"]) ? raw["moderation"] : []).forEach((entry, i) => {
    const agreed = ModeratedScore.safeParse(entry);
    if (agreed.success && !brokenBidIds.has(agreed.data.bid)) {
      moderation.push(agreed.data);
      agreedAt.push(i);
    }
  });
  const positions: Record<string, number[]> = { bids: bidAt, moderation: agreedAt };
  return {
    data: { panel: panel.data, bids, moderation },
    pathInFile: ([list, index, ...rest]) => {
      const at = typeof list === "string" && typeof index === "number" ? positions[list]?.[index] : undefined;
      if (at !== undefined) return [list!, at, ...(list === "bids" ? renamed[index as number]!(rest) : rest)];
      return [list, index, ...rest].filter((segment) => segment !== undefined);
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
