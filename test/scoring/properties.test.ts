import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PriceMethod } from "../../src/model/scoring-model.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import type { TenderResult } from "../../src/scoring/result.js";
import { aTender } from "../builders.js";

const criteriaSplits = [{ Q1: 100 }, { Q1: 50, Q2: 50 }, { Q1: 30, Q2: 30, Q3: 40 }, { Q1: 25, Q2: 25, Q3: 25, Q4: 25 }];
const methods: PriceMethod[] = [
  { type: "proportional" },
  { type: "linear-interpolation" },
  { type: "deviation-from-lowest" },
  { type: "budget-ceiling", budget: 800000 },
  { type: "logarithmic", multiple: 2 },
];

const tenderArbitrary = fc
  .record({
    split: fc.integer({ min: 0, max: criteriaSplits.length - 1 }),
    evaluators: fc.integer({ min: 1, max: 3 }),
    priceWeight: fc.integer({ min: 0, max: 100 }),
    method: fc.integer({ min: 0, max: methods.length - 1 }),
    minimum: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    bidCount: fc.integer({ min: 1, max: 7 }),
  })
  .chain((shape) => {
    const criteria = Object.keys(criteriaSplits[shape.split]!);
    const bid = fc.record({
      price: fc.integer({ min: 1, max: 1000000 }),
      fails: fc.boolean(),
      scores: fc.tuple(...criteria.map(() => fc.array(fc.integer({ min: 0, max: 5 }), { minLength: shape.evaluators, maxLength: shape.evaluators }))),
    });
    return fc.record({ shape: fc.constant(shape), criteria: fc.constant(criteria), bids: fc.array(bid, { minLength: shape.bidCount, maxLength: shape.bidCount }) });
  });

type Generated = typeof tenderArbitrary extends fc.Arbitrary<infer T> ? T : never;

function build(g: Generated, order: readonly number[] = g.bids.map((_, i) => i)) {
  const bids = order.map((i) => {
    const b = g.bids[i]!;
    return {
      id: `B${i}`,
      price: b.price,
      gates: { insurance: b.fails ? ("fail" as const) : ("pass" as const) },
      scores: Object.fromEntries(g.criteria.map((c, k) => [c, b.scores[k]!])),
    };
  });
  return aTender()
    .withEvaluators(g.shape.evaluators)
    .withPrice(g.shape.priceWeight, methods[g.shape.method]!)
    .withQuality(100 - g.shape.priceWeight, criteriaSplits[g.shape.split]!, g.shape.minimum !== undefined ? { minimumScore: { Q1: g.shape.minimum } } : {})
    .withGates(["insurance"])
    .withBids(...bids)
    .build();
}

function score(g: Generated, order?: readonly number[]): TenderResult {
  const outcome = scoreTender(build(g, order));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.value;
}

describe("scoring invariants (property tests)", () => {
  it("every total stays within 0..100", () => {
    fc.assert(
      fc.property(tenderArbitrary, (g) => {
        for (const b of score(g).bids) {
          expect(b.total.compare(0)).toBeGreaterThanOrEqual(0);
          expect(b.total.compare(100)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });

  it("raising one score never lowers that bid's total", () => {
    fc.assert(
      fc.property(tenderArbitrary, fc.nat(), fc.nat(), fc.nat(), (g, bidPick, criterionPick, evaluatorPick) => {
        const b = bidPick % g.bids.length;
        const c = criterionPick % g.criteria.length;
        const e = evaluatorPick % g.shape.evaluators;
        const current = g.bids[b]!.scores[c]![e]!;
        fc.pre(current < 5);
        const raised = structuredClone(g);
        raised.bids[b]!.scores[c]![e] = current + 1;
        const before = score(g).bids.find((x) => x.bidId === `B${b}`)!.total;
        const after = score(raised).bids.find((x) => x.bidId === `B${b}`)!.total;
        expect(after.compare(before)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("the order bids are given in never changes the result", () => {
    fc.assert(
      fc.property(
        tenderArbitrary.chain((g) => fc.tuple(fc.constant(g), fc.shuffledSubarray(g.bids.map((_, i) => i), { minLength: g.bids.length }))),
        ([g, order]) => {
          expect(score(g, order)).toEqual(score(g));
        },
      ),
    );
  });

  it("a lower price never earns fewer price points", () => {
    fc.assert(
      fc.property(tenderArbitrary, (g) => {
        const priced = score(g).bids.filter((b) => b.price?.points !== undefined);
        for (const x of priced) {
          for (const y of priced) {
            if (x.price!.wholeLifeCost.compare(y.price!.wholeLifeCost) < 0) {
              expect(x.price!.points!.compare(y.price!.points!)).toBeGreaterThanOrEqual(0);
            }
          }
        }
      }),
    );
  });

  it("excluded bids never rank", () => {
    fc.assert(
      fc.property(tenderArbitrary, (g) => {
        const result = score(g);
        for (const b of result.bids) {
          if (b.exclusions.length > 0) {
            expect(b.status).toBe("excluded");
            expect(b.rank).toBeNull();
            expect(result.winners).not.toContain(b.bidId);
          } else {
            expect(b.rank).not.toBeNull();
          }
        }
      }),
    );
  });
});
