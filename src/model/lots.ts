import { z } from "zod";
import { exact, plainNumber, sum } from "../arithmetic/exact.js";
import { problem, type Problem } from "../problems/problem.js";
import type { ScoringModel } from "./scoring-model.js";
import { sectionWeightTotal } from "./weights.js";
import type { TenderBids } from "./bids.js";
import type { TenderSpecification } from "./specification.js";

/**
 * The published rules for awarding a tender in lots. The limits are the two a contracting authority may
 * set (Public Contracts (Scotland) Regulations 2015 reg. 47(3)–(5); Public Contracts Regulations 2015
 * reg. 46): on how many lots one supplier may bid for, and on how many it may be awarded, with "the
 * objective and non-discriminatory criteria or rules" for which lots it is awarded when it would otherwise
 * win more (reg. 47(5)). Under the Procurement Act 2023 lots are provided for by s.18, s.20 and s.23
 * (Cabinet Office, Guidance: Lots, para. 3).
 */
export const LotAward = z
  .strictObject({
    maxLotsPerBidder: z
      .int()
      .min(1)
      .optional()
      .describe("The most lots one bidder may be awarded, as stated in the tender notice (leave out for no limit)"),
    maxLotsBidPerBidder: z
      .int()
      .min(1)
      .optional()
      .describe("The most lots one bidder may bid for, as stated in the tender notice (leave out for no limit)"),
    order: z
      .enum(["lot-order", "highest-value"])
      .default("lot-order")
      .describe(
        "The published rule for which lots a bidder keeps when it is first in more lots than it may be awarded: lots are awarded one at a time, in the order the specification lists them (lot-order) or from the highest estimated value down (highest-value, which needs every lot's estimatedValue); a bidder that already holds the most lots it may win is passed over, and the lot goes to the next-ranked bid",
      ),
  })
  .describe("For a tender in lots: how lots are awarded when one bidder could win more than the published limit");
export type LotAward = z.infer<typeof LotAward>;

export interface Lot {
  id: string;
  title: string;
  estimatedValue?: number | undefined;
  /** The section weights the lot publishes in place of the model's, by section key. */
  weights?: Record<string, number> | undefined;
}

/**
 * The scoring model a lot is scored under: the tender's model, with the lot's own section weights when
 * the specification gives them. Buyers publish different weightings per lot (price 30% in one, 40% in
 * another) far more often than different criteria, so the criteria, scales and price method stay one
 * model's, and the score sheets, which carry no section weights, serve every lot.
 */
export function lotModel(model: ScoringModel, lot: Pick<Lot, "weights">): ScoringModel {
  const weights = lot.weights;
  if (weights === undefined) return model;
  const sections = Object.fromEntries(
    Object.entries(model.sections).map(([key, section]) => [key, section === undefined || weights[key] === undefined ? section : { ...section, weight: weights[key] }]),
  ) as ScoringModel["sections"];
  return { ...model, sections };
}

/**
 * A lot's own weights name exactly the model's sections and add up as the model's do: to 100, or to the
 * model's sectionWeightsOutOf. Each problem points at the lot in the specification.
 */
export function checkLotWeights(lots: readonly Lot[], model: ScoringModel): Problem[] {
  const problems: Problem[] = [];
  const sections = Object.entries(model.sections).flatMap(([key, s]) => (s === undefined ? [] : [key]));
  lots.forEach((lot, i) => {
    const weights = lot.weights;
    if (weights === undefined) return;
    const at = (...path: (string | number)[]) => ({ document: "specification" as const, path: ["lots", i, "weights", ...path] });
    for (const key of Object.keys(weights)) {
      if (!sections.includes(key)) problems.push(problem("lots.weight-unknown-section", at(key), { lot: lot.id, section: key, known: sections.join(", ") }));
    }
    const missing = sections.filter((key) => weights[key] === undefined);
    if (missing.length > 0) problems.push(problem("lots.weight-missing-section", at(), { lot: lot.id, sections: missing.join(", ") }));
    const total = sum(sections.map((key) => exact(weights[key] ?? 0)));
    const expected = sectionWeightTotal(model);
    if (missing.length === 0 && !total.equals(expected)) problems.push(problem("lots.weights-do-not-add-up", at(), { lot: lot.id, sum: plainNumber(total), expected: plainNumber(expected) }));
  });
  return problems;
}

/** One bidder, across its bids for different lots: the same name, whatever the case and spacing. */
export function bidderKey(bidder: string): string {
  return bidder.trim().replace(/\s+/g, " ").toLocaleLowerCase("en-GB");
}

/** The lots in the order they are awarded under the published rule: as listed, or highest estimated value first (ties as listed). */
export function awardOrder(lots: readonly Lot[], order: LotAward["order"]): Lot[] {
  if (order === "lot-order") return [...lots];
  return lots.map((lot, i) => ({ lot, i })).sort((a, b) => (b.lot.estimatedValue ?? 0) - (a.lot.estimatedValue ?? 0) || a.i - b.i).map((x) => x.lot);
}

type LotSpecification = Partial<Pick<TenderSpecification, "lots" | "lotAward">>;

/**
 * The rules for a tender in lots, between the specification and the bids: every bid names a lot the
 * specification lists (and none does when there are no lots), a bidder bids at most once for each lot and
 * for no more lots than the published limit, and the award rule can be applied.
 */
export function checkLots(specification: LotSpecification, bids: TenderBids | undefined): Problem[] {
  const problems: Problem[] = [];
  const lots = specification.lots ?? [];
  const rule = specification.lotAward;
  if (rule !== undefined && lots.length === 0) problems.push(problem("lots.award-without-lots", { document: "specification", path: ["lotAward"] }, {}));
  if (rule?.order === "highest-value") {
    lots.forEach((lot, i) => {
      if (lot.estimatedValue === undefined) problems.push(problem("lots.value-needed", { document: "specification", path: ["lots", i] }, { lot: lot.id }));
    });
  }
  if (bids === undefined) return problems;
  const known = new Set(lots.map((l) => l.id));
  const byBidderAndLot = new Map<string, string[]>();
  const lotsOfBidder = new Map<string, { lots: Set<string>; bids: string[]; first: number }>();
  bids.bids.forEach((bid, i) => {
    if (bid.lot === undefined) {
      if (lots.length > 0) problems.push(problem("lots.bid-without-lot", { document: "bids", path: ["bids", i] }, { bid: bid.id, known: lots.map((l) => l.id).join(", ") }));
      return;
    }
    if (!known.has(bid.lot)) {
      problems.push(problem("lots.unknown-lot", { document: "bids", path: ["bids", i, "lot"] }, { bid: bid.id, lot: bid.lot, known: lots.map((l) => l.id).join(", ") }));
      return;
    }
    const key = bidderKey(bid.bidder);
    const pair = `${key}\u0000${bid.lot}`;
    const same = byBidderAndLot.get(pair) ?? [];
    same.push(bid.id);
    byBidderAndLot.set(pair, same);
    if (same.length === 2) problems.push(problem("lots.same-bidder-twice", { document: "bids", path: ["bids", i, "lot"] }, { lot: bid.lot, bids: same.join(", ") }));
    const entry = lotsOfBidder.get(key) ?? { lots: new Set<string>(), bids: [], first: i };
    entry.lots.add(bid.lot);
    entry.bids.push(bid.id);
    lotsOfBidder.set(key, entry);
  });
  const maxBid = rule?.maxLotsBidPerBidder;
  if (maxBid !== undefined) {
    for (const entry of lotsOfBidder.values()) {
      if (entry.lots.size > maxBid) problems.push(problem("lots.too-many-lots-bid", { document: "bids", path: ["bids", entry.first] }, { bids: entry.bids.join(", "), lots: entry.lots.size, maximum: maxBid }));
    }
  }
  return problems;
}
