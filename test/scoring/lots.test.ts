import { describe, expect, it } from "vitest";
import { exact } from "../../src/arithmetic/exact.js";
import { TenderBids, type TenderBidsInput } from "../../src/model/bids.js";
import { ScoringModel } from "../../src/model/scoring-model.js";
import type { TenderSpecificationInput } from "../../src/model/specification.js";
import { lotTender, scoreLots } from "../../src/scoring/lots.js";
import { scoreTender, type TenderInput } from "../../src/scoring/score-tender.js";
import { validateTender } from "../../src/scoring/validate-tender.js";
import { aSpecification, aTender } from "../builders.js";

/*
 * A hand-computed example. No published worked example of awarding lots under a limit on lots per bidder
 * was found (searched: Cabinet Office and Welsh Government guidance on lots, the Procurement Pathway pages
 * on PCR 2015 reg. 46, the Public Contracts (Scotland) Regulations 2015 reg. 47, e-tendering suites'
 * manuals); the rule implemented is the one reg. 47(4)-(5) asks the documents to publish, and these
 * figures are worked out by hand below.
 *
 * Model: price 40 (proportional: lowest ÷ price × 40), quality 60 (Q1 and Q2 half each, 0-5 scale, one
 * evaluator: a score s earns s/5 × 30).
 *
 * L1 North, £250,000. Lowest price 380,000.
 *   A1 Alpha  400,000: price 380000/400000 × 40 = 38;     quality 5,4 → 30 + 24 = 54; total 92
 *   B1 Beta   380,000: price 40;                          quality 4,4 → 24 + 24 = 48; total 88
 *   C1 Gamma  420,000: price 380000/420000 × 40 = 760/21; quality 3,3 → 18 + 18 = 36; total 36 + 760/21 = 1516/21
 *   rank: A1, B1, C1
 * L2 South, £400,000. Lowest price 200,000.
 *   A2 Alpha  250,000: price 200000/250000 × 40 = 32;     quality 5,5 → 60;           total 92
 *   C2 Gamma  200,000: price 40;                          quality 3,3 → 36;           total 76
 *   rank: A2, C2
 * L3 Central, £300,000. Lowest price 250,000.
 *   A3 Alpha  300,000: price 250000/300000 × 40 = 100/3;  quality 4,4 → 48;           total 48 + 100/3 = 244/3
 *   B3 Beta   300,000: price 100/3;                       quality 4,3 → 24 + 18 = 42; total 42 + 100/3 = 226/3
 *   C3 Gamma  250,000: price 40;                          quality 2,2 → 12 + 12 = 24; total 64
 *   rank: A3, B3, C3
 *
 * Alpha is first in every lot. At most one lot per bidder:
 *   in lot order (L1, L2, L3): L1 → Alpha (A1); L2 → Alpha held L1, passed over → Gamma (C2, rank 2);
 *     L3 → Alpha passed over → Beta (B3, rank 2).
 *   highest value first (L2 £400k, L3 £300k, L1 £250k): L2 → Alpha (A2); L3 → Alpha passed over → Beta (B3);
 *     L1 → Alpha passed over (holds L2), Beta passed over (holds L3) → Gamma (C1, rank 3).
 */
const lots = [
  { id: "L1", title: "North", estimatedValue: 250000 },
  { id: "L2", title: "South", estimatedValue: 400000 },
  { id: "L3", title: "Central", estimatedValue: 300000 },
];
const bidders = { A: "Alpha Care", B: "Beta Support", C: "Gamma CIC" } as const;
const bidList: { id: string; who: keyof typeof bidders; lot: string; price: number; scores: [number, number] }[] = [
  { id: "A1", who: "A", lot: "L1", price: 400000, scores: [5, 4] },
  { id: "B1", who: "B", lot: "L1", price: 380000, scores: [4, 4] },
  { id: "C1", who: "C", lot: "L1", price: 420000, scores: [3, 3] },
  { id: "A2", who: "A", lot: "L2", price: 250000, scores: [5, 5] },
  { id: "C2", who: "C", lot: "L2", price: 200000, scores: [3, 3] },
  { id: "A3", who: "A", lot: "L3", price: 300000, scores: [4, 4] },
  { id: "B3", who: "B", lot: "L3", price: 300000, scores: [4, 3] },
  { id: "C3", who: "C", lot: "L3", price: 250000, scores: [2, 2] },
];

function lotted(spec: Partial<TenderSpecificationInput> = {}, edit: (bids: TenderBidsInput) => void = () => {}): TenderInput {
  const builder = aTender()
    .withPrice(40, { type: "proportional" })
    .withQuality(60, { Q1: 50, Q2: 50 })
    .withBids(...bidList.map((b) => ({ id: b.id, bidder: bidders[b.who], price: b.price, scores: { Q1: [b.scores[0]], Q2: [b.scores[1]] } })));
  const bidsInput = builder.bidsInput();
  bidsInput.bids.forEach((b, i) => (b.lot = bidList[i]!.lot));
  edit(bidsInput);
  return { specification: aSpecification({ lots, ...spec }), model: ScoringModel.parse(builder.modelInput()), bids: TenderBids.parse(bidsInput) };
}

function scored(input: TenderInput) {
  const outcome = scoreLots(input);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems, null, 2));
  return outcome.value;
}

const totals = (lot: { result?: { bids: { bidId: string; total: { toString(): string } }[] } }) => Object.fromEntries(lot.result!.bids.map((b) => [b.bidId, b.total.toString()]));
const ranks = (lot: { result?: { bids: { bidId: string; rank: number | null }[] } }) => lot.result!.bids.map((b) => [b.bidId, b.rank]);

describe("a tender in lots: each lot scored and ranked on its own", () => {
  it("scores each lot among its own bids only (lowest price per lot), with the hand-computed totals", () => {
    const result = scored(lotted());
    const [l1, l2, l3] = result.lots;
    expect(totals(l1!)).toEqual({ A1: exact(92).toString(), B1: exact(88).toString(), C1: exact(1516).div(21).toString() });
    expect(totals(l2!)).toEqual({ A2: exact(92).toString(), C2: exact(76).toString() });
    expect(totals(l3!)).toEqual({ A3: exact(244).div(3).toString(), B3: exact(226).div(3).toString(), C3: exact(64).toString() });
    expect(ranks(l1!)).toEqual([["A1", 1], ["B1", 2], ["C1", 3]]);
    expect(ranks(l3!)).toEqual([["A3", 1], ["B3", 2], ["C3", 3]]);
    expect(l1!.result!.lot).toEqual({ id: "L1", title: "North", estimatedValue: 250000 });
  });

  it("gives each lot exactly the result of scoring that lot's bids as a tender of its own", () => {
    const input = lotted();
    const result = scored(input);
    for (const lot of result.lots) {
      const alone = scoreTender(lotTender(input, lot.lot).tender);
      expect(alone.ok).toBe(true);
      if (alone.ok) expect({ ...lot.result, lot: undefined }).toEqual({ ...alone.value, lot: undefined });
    }
  });

  it("names as a lot's winner the bid it is awarded to, not always the one ranked first", () => {
    const result = scored(lotted({ lotAward: { maxLotsPerBidder: 1, order: "lot-order" } }));
    expect(result.lots.map((l) => l.result!.winners)).toEqual([["A1"], ["C2"], ["B3"]]);
    expect(result.lots[1]!.result!.bids.find((b) => b.bidId === "A2")!.rank).toBe(1);
  });

  it("without a limit, awards every lot to its first-ranked bid", () => {
    const result = scored(lotted());
    expect(result.lots.map((l) => [l.lot.id, l.award.status === "awarded" ? l.award.bidId : l.award.status])).toEqual([
      ["L1", "A1"],
      ["L2", "A2"],
      ["L3", "A3"],
    ]);
  });

  it("at most one lot per bidder, in lot order: Alpha keeps L1 and is passed over in L2 and L3", () => {
    const result = scored(lotted({ lotAward: { maxLotsPerBidder: 1, order: "lot-order" } }));
    expect(result.awardOrder).toEqual(["L1", "L2", "L3"]);
    const [l1, l2, l3] = result.lots.map((l) => l.award);
    expect(l1).toEqual({ status: "awarded", bidId: "A1", bidder: "Alpha Care", rank: 1, passedOver: [], provisional: false });
    expect(l2).toEqual({ status: "awarded", bidId: "C2", bidder: "Gamma CIC", rank: 2, passedOver: [{ bidId: "A2", bidder: "Alpha Care", rank: 1, heldLots: ["L1"] }], provisional: false });
    expect(l3).toEqual({ status: "awarded", bidId: "B3", bidder: "Beta Support", rank: 2, passedOver: [{ bidId: "A3", bidder: "Alpha Care", rank: 1, heldLots: ["L1"] }], provisional: false });
  });

  it("at most one lot per bidder, highest value first: Alpha keeps L2 (£400,000), and L1 goes to its third-ranked bid", () => {
    const result = scored(lotted({ lotAward: { maxLotsPerBidder: 1, order: "highest-value" } }));
    expect(result.awardOrder).toEqual(["L2", "L3", "L1"]);
    const award = Object.fromEntries(result.lots.map((l) => [l.lot.id, l.award]));
    expect(award["L2"]).toMatchObject({ status: "awarded", bidId: "A2", rank: 1, passedOver: [] });
    expect(award["L3"]).toMatchObject({ status: "awarded", bidId: "B3", rank: 2, passedOver: [{ bidId: "A3", heldLots: ["L2"] }] });
    expect(award["L1"]).toMatchObject({
      status: "awarded",
      bidId: "C1",
      rank: 3,
      passedOver: [
        { bidId: "A1", rank: 1, heldLots: ["L2"] },
        { bidId: "B1", rank: 2, heldLots: ["L3"] },
      ],
    });
    // The lots stay in the specification's order in the results; only the award runs in value order.
    expect(result.lots.map((l) => l.lot.id)).toEqual(["L1", "L2", "L3"]);
  });

  it("counts one bidder by its name, whatever the case and spacing", () => {
    const input = lotted({ lotAward: { maxLotsPerBidder: 1 } }, (b) => {
      b.bids.find((x) => x.id === "A2")!.bidder = "  alpha   CARE ";
    });
    expect(scored(input).lots[1]!.award).toMatchObject({ bidId: "C2", passedOver: [{ bidId: "A2" }] });
  });

  it("a lot nobody under the limit bid for is not awarded; a lot with no bids is reported", () => {
    const input = lotted({ lots: [...lots, { id: "L4", title: "Rural" }], lotAward: { maxLotsPerBidder: 1 } }, (b) => {
      // Alpha alone bids for L4 (a copy of its L2 bid), and holds L1 by then.
      b.bids.push({ ...b.bids.find((x) => x.id === "A2")!, id: "A4", lot: "L4" });
    });
    const result = scored(input);
    expect(result.lots[3]!.award).toEqual({ status: "not-awarded", reason: "every-bidder-at-limit", passedOver: [{ bidId: "A4", bidder: "Alpha Care", rank: 1, heldLots: ["L1"] }] });

    const empty = scoreLots(lotted({ lots: [...lots, { id: "L4", title: "Rural" }] }));
    expect(empty.ok).toBe(true);
    if (!empty.ok) return;
    expect(empty.value.lots[3]).toEqual({ lot: { id: "L4", title: "Rural" }, award: { status: "not-awarded", reason: "no-bids", passedOver: [] } });
    expect(empty.problems.map((p) => [p.code, p.severity, p.location.path])).toContainEqual(["lots.no-bids", "warning", ["lots", 3]]);
  });

  it("a tie for first place awards no one that lot, says so, and marks later awards provisional under a limit", () => {
    // B1 offers Alpha's price and marks on L1: 92 each, and no tie-break rule.
    const input = lotted({ lotAward: { maxLotsPerBidder: 1 } }, (b) => {
      const b1 = b.bids.find((x) => x.id === "B1")!;
      b1.price = { years: [400000] };
      b1.scores = { Q1: { E1: { score: 5 } }, Q2: { E1: { score: 4 } } };
    });
    const outcome = scoreLots(input);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.lots[0]!.award).toEqual({ status: "tied", bidIds: ["A1", "B1"], passedOver: [] });
    expect(outcome.problems.find((p) => p.code === "lots.award-tied")?.args).toEqual({ lot: "L1", bids: "A1, B1" });
    // Nobody holds L1, so Alpha wins L2; L3 then passes Alpha over. Both may change once L1 is settled.
    expect(outcome.value.lots[1]!.award).toMatchObject({ status: "awarded", bidId: "A2", provisional: true });
    expect(outcome.value.lots[2]!.award).toMatchObject({ status: "awarded", bidId: "B3", provisional: true });
  });

  it("points a lot's problems at the bid's place in the whole bids file", () => {
    // Two evaluators 4 apart on C3's Q1 (the third bid of L3, the eighth of the file): moderation needed.
    const input = lotted({}, (b) => {
      b.panel.evaluators.push({ id: "E2", role: "Evaluator E2", sections: ["quality"] });
      b.panel.declarations!.push({ evaluator: "E2", declared: true, date: "2026-01-01" });
      for (const bid of b.bids) for (const c of ["Q1", "Q2"]) bid.scores![c]!["E2"] = { score: bid.scores![c]!["E1"]!.score };
      b.bids[7]!.scores!["Q1"]!["E2"] = { score: 5 };
      b.bids[7]!.scores!["Q1"]!["E1"] = { score: 1 };
    });
    const outcome = scoreLots(input);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const moderation = outcome.problems.filter((p) => p.code === "scoring.moderation-needed");
    expect(moderation.map((p) => p.location.path)).toEqual([["bids", 7, "scores", "Q1"]]);
    expect(outcome.value.lots[2]!.award).toMatchObject({ status: "awarded", bidId: "A3", provisional: true });
  });
});

/*
 * A lot with its own published weights (hand-computed). L1 North publishes price 70, quality 30 in place of
 * the model's 40/60; the criteria, scale and price method stay the model's (Q1 and Q2 half each of 30:
 * a score s earns s/5 × 15). Lowest price in L1: 380,000.
 *   A1 Alpha  400,000: price 380000/400000 × 70 = 133/2;       quality 5,4 → 15 + 12 = 27; total 133/2 + 27 = 187/2 (93.5)
 *   B1 Beta   380,000: price 70;                               quality 4,4 → 12 + 12 = 24; total 94
 *   C1 Gamma  420,000: price 380000/420000 × 70 = 190/3;       quality 3,3 → 9 + 9 = 18;   total 190/3 + 18 = 244/3
 *   rank: B1, A1, C1 (under the model's weights it was A1, B1, C1). L2 and L3 keep the model's weights and
 *   the totals worked out above.
 */
describe("a lot with its own published section weights", () => {
  const withWeights = (weights: Record<string, number>) => lotted({ lots: [{ ...lots[0]!, weights }, lots[1]!, lots[2]!] });

  it("scores that lot under its weights and the others under the model's", () => {
    const result = scored(withWeights({ price: 70, quality: 30 }));
    const [l1, l2, l3] = result.lots;
    expect(totals(l1!)).toEqual({ B1: exact(94).toString(), A1: exact(187).div(2).toString(), C1: exact(244).div(3).toString() });
    expect(ranks(l1!)).toEqual([["B1", 1], ["A1", 2], ["C1", 3]]);
    expect(l1!.award).toMatchObject({ status: "awarded", bidId: "B1" });
    expect(l1!.result!.bids[0]!.sections.map((s) => [s.section, s.weight.toString()])).toEqual([["quality", exact(30).toString()]]);
    expect(l1!.result!.price!.maxPoints.toString()).toBe(exact(70).toString());
    expect(totals(l2!)).toEqual({ A2: exact(92).toString(), C2: exact(76).toString() });
    expect(totals(l3!)).toEqual({ A3: exact(244).div(3).toString(), B3: exact(226).div(3).toString(), C3: exact(64).toString() });
  });

  it("refuses weights for a section the model lacks, weights missing a section, and weights that do not add up, each at the lot", () => {
    const codes = (weights: Record<string, number>) => scoreLots(withWeights(weights)).problems.map((p) => [p.code, p.location.path]);
    expect(codes({ price: 40, quality: 50, socialValue: 10 })).toEqual([
      ["lots.weight-unknown-section", ["lots", 0, "weights", "socialValue"]],
      ["lots.weights-do-not-add-up", ["lots", 0, "weights"]],
    ]);
    expect(codes({ price: 100 })).toEqual([["lots.weight-missing-section", ["lots", 0, "weights"]]]);
    expect(codes({ price: 45, quality: 45 })).toEqual([["lots.weights-do-not-add-up", ["lots", 0, "weights"]]]);
    expect(scoreLots(withWeights({ price: 45, quality: 45 })).ok).toBe(false);
    // A rule the lot's weights break in the model they make points at the lot: under the guide value
    // method price carries no weight, in every lot.
    const guide = aTender().withPrice(0, { type: "guide-value" }).withQuality(100, { Q1: 50, Q2: 50 }).withBids({ id: "A1", price: 1000, scores: { Q1: [3], Q2: [3] } }).build();
    const inLot: TenderInput = {
      specification: aSpecification({ lots: [{ id: "L1", title: "North", weights: { price: 10, quality: 90 } }] }),
      model: guide.model,
      bids: { ...guide.bids, bids: guide.bids.bids.map((b) => ({ ...b, lot: "L1" })) },
    };
    expect(scoreLots(inLot).problems.map((p) => [p.code, p.location.document, p.location.path])).toEqual([
      ["model.price-weight-with-award-on-value", "specification", ["lots", 0, "weights", "price"]],
    ]);
    // validate says the same as score.
    const input = withWeights({ price: 45, quality: 45 });
    expect(validateTender(input).map((p) => p.code)).toContain("lots.weights-do-not-add-up");
  });
});

describe("the rules of a tender in lots", () => {
  const codes = (input: TenderInput) => {
    const outcome = scoreLots(input);
    return outcome.problems.map((p) => [p.code, p.location.document, p.location.path]);
  };

  it("every bid names a lot the specification lists", () => {
    expect(
      codes(
        lotted({}, (b) => {
          delete b.bids[0]!.lot;
          b.bids[1]!.lot = "L9";
        }),
      ),
    ).toEqual([
      ["lots.bid-without-lot", "bids", ["bids", 0]],
      ["lots.unknown-lot", "bids", ["bids", 1, "lot"]],
    ]);
  });

  it("one bid per bidder per lot, and no more lots than the notice allows", () => {
    expect(
      codes(
        lotted({ lotAward: { maxLotsBidPerBidder: 2 } }, (b) => {
          b.bids[1]!.bidder = "Alpha Care";
        }),
      ),
    ).toEqual([
      ["lots.same-bidder-twice", "bids", ["bids", 1, "lot"]],
      // Alpha (with B1 now under its name) and Gamma both bid for all three lots.
      ["lots.too-many-lots-bid", "bids", ["bids", 0]],
      ["lots.too-many-lots-bid", "bids", ["bids", 2]],
    ]);
  });

  it("the award rule can be applied: lots to award, and their values when the highest value goes first", () => {
    expect(codes(lotted({ lots: [lots[0]!, { id: "L2", title: "South" }, lots[2]!], lotAward: { order: "highest-value" } }))).toEqual([["lots.value-needed", "specification", ["lots", 1]]]);
    const noLots = aTender().withBids({ id: "B1", price: 100, scores: { Q1: [3], Q2: [3] } }).build();
    expect(scoreLots({ ...noLots, specification: aSpecification({ lotAward: { maxLotsPerBidder: 1 } }) }).problems.map((p) => p.code)).toEqual(["lots.award-without-lots"]);
  });

  it("a bid naming a lot when the specification lists none is an error for the ordinary scoring too", () => {
    const plain = aTender().withBids({ id: "B1", price: 100, scores: { Q1: [3], Q2: [3] } }).build();
    const withLot = { ...plain, bids: { ...plain.bids, bids: [{ ...plain.bids.bids[0]!, lot: "L1" }] } };
    const outcome = scoreTender(withLot);
    expect(outcome.ok).toBe(false);
    expect(outcome.problems.map((p) => p.code)).toEqual(["lots.unknown-lot"]);
  });
});
