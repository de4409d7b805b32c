import type { TenderBids } from "../model/bids.js";
import { awardOrder, bidderKey, checkLots, lotModel, type Lot, type LotAward } from "../model/lots.js";
import type { ScoringModel } from "../model/scoring-model.js";
import type { TenderSpecification } from "../model/specification.js";
import { hasErrors, problem, type Location, type PathSegment, type Problem, type Outcome } from "../problems/problem.js";
import { checkLotModels } from "./check-lots.js";
import type { TenderResult } from "./result.js";
import { scoreTender, type ScoreOptions, type TenderInput } from "./score-tender.js";

/** A bid ranked ahead of the awarded one whose bidder already held the most lots it may be awarded. */
export interface PassedOver {
  bidId: string;
  bidder: string;
  rank: number;
  /** The lots its bidder had been awarded when this lot's turn came, in award order. */
  heldLots: string[];
}

export type LotAwardResult =
  | {
      status: "awarded";
      bidId: string;
      bidder: string;
      /** The awarded bid's rank in the lot: above 1 when bids ranked ahead of it were passed over. */
      rank: number;
      passedOver: PassedOver[];
      /**
       * The award may still change: scores in this lot await moderation, or (with a limit on lots per
       * bidder) a lot awarded before it is tied or itself provisional.
       */
      provisional: boolean;
    }
  /** Bids share first place after every tie-break rule (and after passing over bidders at the limit). */
  | { status: "tied"; bidIds: string[]; passedOver: PassedOver[] }
  /** No bid for the lot, no bid that could be ranked, or every ranked bidder already holds the most lots it may win. */
  | { status: "not-awarded"; reason: "no-bids" | "no-ranked-bid" | "every-bidder-at-limit"; passedOver: PassedOver[] };

export interface LotResult {
  lot: Lot;
  /** The lot scored and ranked as a tender of its own; absent when no bid was made for it. */
  result?: TenderResult;
  award: LotAwardResult;
}

export interface LotsResult {
  tender: { title: string; reference: string; authority: string };
  rule: LotAward;
  /** Lot ids in the order they are awarded under the rule. */
  awardOrder: string[];
  /** One per lot, in the order the specification lists them. */
  lots: LotResult[];
}

/** The tender one lot makes: the specification naming that lot alone, its bids, and the agreed scores for them. */
export function lotTender(input: TenderInput, lot: Lot, model: ScoringModel = input.model): { tender: TenderInput; bidIndex: number[]; moderationIndex: number[] } {
  const bidIndex: number[] = [];
  input.bids.bids.forEach((b, i) => {
    if (b.lot === lot.id) bidIndex.push(i);
  });
  const ids = new Set(bidIndex.map((i) => input.bids.bids[i]!.id));
  const moderationIndex: number[] = [];
  input.bids.moderation.forEach((m, i) => {
    if (ids.has(m.bid)) moderationIndex.push(i);
  });
  const { lotAward: _rule, ...specification } = input.specification;
  const bids: TenderBids = { ...input.bids, bids: bidIndex.map((i) => input.bids.bids[i]!), moderation: moderationIndex.map((i) => input.bids.moderation[i]!) };
  return { tender: { specification: { ...specification, lots: [lot] } as TenderSpecification, model, bids }, bidIndex, moderationIndex };
}

/**
 * Score a tender in lots: each lot is scored and ranked exactly as a tender of its own (its bids, the
 * agreed scores for them, the model for that lot: the tender's, with the lot's own section weights if it
 * publishes them), then the lots are awarded one at a time in the
 * published order. A lot goes to its best-ranked bid whose bidder does not already hold the most lots it
 * may be awarded; bids ranked ahead of it are recorded as passed over, with the lots their bidder held.
 * Pure: the same input always gives the same result.
 */
export function scoreLots(input: TenderInput, options: ScoreOptions & { modelFor?: (lot: Lot) => ScoringModel } = {}): Outcome<LotsResult> {
  const specification = input.specification;
  const lots = specification.lots;
  const rule: LotAward = specification.lotAward ?? { order: "lot-order" };
  const problems: Problem[] = [...checkLots(specification, input.bids), ...checkLotModels(lots, input.model)];
  const modelFor = options.modelFor ?? ((lot: Lot) => lotModel(input.model, lot));
  if (hasErrors(problems)) return { ok: false, problems };

  const scored: { lot: Lot; result?: TenderResult }[] = [];
  const seen = new Set<string>();
  const keep = (p: Problem) => {
    // Rules about the panel or the model are found once per lot: say each once.
    const key = JSON.stringify([p.code, p.severity, p.location, p.args]);
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(p);
  };
  lots.forEach((lot, lotIndex) => {
    const made = lotTender(input, lot, modelFor(lot));
    if (made.tender.bids.bids.length === 0) {
      keep(problem("lots.no-bids", { document: "specification", path: ["lots", lotIndex] }, { lot: lot.id }, "warning"));
      scored.push({ lot });
      return;
    }
    const outcome = scoreTender(made.tender, options);
    for (const p of outcome.problems) keep(inWholeFile(p, { bids: made.bidIndex, moderation: made.moderationIndex }));
    if (outcome.ok) scored.push({ lot, result: { ...outcome.value, lot: lotRef(lot) } });
  });
  if (hasErrors(problems)) return { ok: false, problems };

  const order = awardOrder(lots, rule.order);
  const awards = awardLots(order, scored, rule.maxLotsPerBidder);
  order.forEach((lot) => {
    const award = awards.get(lot.id)!;
    if (award.status === "tied") keep(problem("lots.award-tied", { document: "bids" }, { lot: lot.id, bids: award.bidIds.join(", ") }, "warning"));
  });
  return {
    ok: true,
    value: {
      tender: { title: specification.title, reference: specification.reference, authority: specification.authority },
      rule,
      awardOrder: order.map((l) => l.id),
      lots: scored.map((s) => ({ ...s, ...(s.result !== undefined ? { result: { ...s.result, winners: awardedTo(awards.get(s.lot.id)!) } } : {}), award: awards.get(s.lot.id)! })),
    },
    problems,
  };
}

/**
 * A lot's winners are the bids it is awarded to: under a limit on lots per bidder, not always the bid ranked
 * first (which `rank` still shows). Tied bids are all named, as for a tender not in lots; none when it is not awarded.
 */
function awardedTo(award: LotAwardResult): string[] {
  return award.status === "awarded" ? [award.bidId] : award.status === "tied" ? award.bidIds : [];
}

function lotRef(lot: Lot): NonNullable<TenderResult["lot"]> {
  return { id: lot.id, title: lot.title, ...(lot.estimatedValue !== undefined ? { estimatedValue: lot.estimatedValue } : {}) };
}

/**
 * The award, lot by lot in award order. Within a lot, bids are taken by rank; a bid whose bidder holds the
 * limit already is passed over. Among the first rank with any bid still eligible, one eligible bid wins the
 * lot; two or more are tied, and the lot is not awarded (nor counted against anyone).
 */
export function awardLots(order: readonly Lot[], scored: readonly { lot: Lot; result?: TenderResult }[], maxLotsPerBidder: number | undefined): Map<string, LotAwardResult> {
  const held = new Map<string, string[]>();
  const awards = new Map<string, LotAwardResult>();
  const byLot = new Map(scored.map((s) => [s.lot.id, s.result]));
  let undecidedBefore = false;
  for (const lot of order) {
    const result = byLot.get(lot.id);
    const passedOver: PassedOver[] = [];
    if (result === undefined) {
      awards.set(lot.id, { status: "not-awarded", reason: "no-bids", passedOver });
      continue;
    }
    const ranked = result.bids.filter((b) => b.rank !== null);
    if (ranked.length === 0) {
      awards.set(lot.id, { status: "not-awarded", reason: "no-ranked-bid", passedOver });
      continue;
    }
    const atLimit = (bidder: string) => maxLotsPerBidder !== undefined && (held.get(bidderKey(bidder))?.length ?? 0) >= maxLotsPerBidder;
    let award: LotAwardResult | undefined;
    const ranks = [...new Set(ranked.map((b) => b.rank!))].sort((a, b) => a - b);
    for (const rank of ranks) {
      const group = ranked.filter((b) => b.rank === rank);
      const eligible = group.filter((b) => !atLimit(b.bidder));
      for (const b of group.filter((x) => atLimit(x.bidder))) passedOver.push({ bidId: b.bidId, bidder: b.bidder, rank, heldLots: [...held.get(bidderKey(b.bidder))!] });
      if (eligible.length === 1) {
        const winner = eligible[0]!;
        const provisional = ranked.some((b) => b.provisional) || (maxLotsPerBidder !== undefined && undecidedBefore);
        award = { status: "awarded", bidId: winner.bidId, bidder: winner.bidder, rank, passedOver, provisional };
        const key = bidderKey(winner.bidder);
        held.set(key, [...(held.get(key) ?? []), lot.id]);
        break;
      }
      if (eligible.length > 1) {
        award = { status: "tied", bidIds: eligible.map((b) => b.bidId), passedOver };
        break;
      }
    }
    award ??= { status: "not-awarded", reason: "every-bidder-at-limit", passedOver };
    if (award.status === "tied" || (award.status === "awarded" && award.provisional)) undecidedBefore = true;
    awards.set(lot.id, award);
  }
  return awards;
}

/** Where one lot's bids and agreed scores are in the whole bids file, by their position in the lot. */
export interface LotPlaces {
  bids: readonly number[];
  moderation: readonly number[];
}

/** A lot's problem points where the whole bids file has it: bid and agreed-score positions are the file's, not the lot's. */
export function inWholeFile<T extends { location: Location }>(p: T, places: LotPlaces): T {
  const path = p.location.path;
  if (p.location.document !== "bids" || path === undefined || typeof path[1] !== "number") return p;
  const map = path[0] === "bids" ? places.bids : path[0] === "moderation" ? places.moderation : undefined;
  if (map === undefined) return p;
  const mapped: PathSegment[] = [path[0]!, map[path[1]] ?? path[1], ...path.slice(2)];
  return { ...p, location: { ...p.location, path: mapped } };
}
