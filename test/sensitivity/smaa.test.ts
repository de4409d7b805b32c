import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/sensitivity/random.js";
import { smaa, SmaaRangeError } from "../../src/sensitivity/smaa.js";

const criteria = ["price", "quality", "socialValue"];

describe("SMAA-2 against answers worked out analytically", () => {
  /*
   * Weights uniform on the 3-simplex are Dirichlet(1,1,1): each weight's marginal is Beta(1,2),
   * so P(w1 > 1/2) = (1 − 1/2)² = 1/4.
   * A = (1,0,0) scores w1; B = (0,1,1) scores w2 + w3 = 1 − w1. A is first exactly when w1 > 1/2.
   * Given w1 > 1/2 the density of w1 is ∝ (1 − w1), so E[w1 | w1 > 1/2] = 1/2 + (1/3)(1/2) = 2/3,
   * and by symmetry the other two weights average (1 − 2/3) / 2 = 1/6.
   */
  it("P(A first) = 1/4 and A's central weights are (2/3, 1/6, 1/6)", () => {
    const result = smaa({
      criteria,
      bids: [{ id: "A", values: [1, 0, 0] }, { id: "B", values: [0, 1, 1] }],
      samples: 200_000,
      random: seededRandom(42),
    });
    expect(result.rankAcceptability[0]![0]!).toBeCloseTo(0.25, 2);
    expect(result.rankAcceptability[1]![0]!).toBeCloseTo(0.75, 2);
    const [w1, w2, w3] = result.centralWeights[0]!;
    expect(w1!).toBeCloseTo(2 / 3, 2);
    expect(w2!).toBeCloseTo(1 / 6, 2);
    expect(w3!).toBeCloseTo(1 / 6, 2);
  });

  it("three bids each best on one section are each first a third of the time (symmetry)", () => {
    const result = smaa({ criteria, bids: [{ id: "A", values: [1, 0, 0] }, { id: "B", values: [0, 1, 0] }, { id: "C", values: [0, 0, 1] }], samples: 150_000, random: seededRandom(7) });
    for (const row of result.rankAcceptability) expect(row[0]!).toBeCloseTo(1 / 3, 2);
  });

  it("with price's weight held to 0–40% the bid that is best only on price can never win against B", () => {
    // A wins only when w1 > 1/2, which the range forbids.
    const result = smaa({
      criteria,
      bids: [{ id: "A", values: [1, 0, 0] }, { id: "B", values: [0, 1, 1] }],
      bounds: { min: [0, 0, 0], max: [0.4, 1, 1] },
      samples: 20_000,
      random: seededRandom(3),
    });
    expect(result.rankAcceptability[0]![0]).toBe(0);
    expect(result.centralWeights[0]).toBeUndefined(); // never first: undefined, not zeros
  });

  it("reports a seed's run exactly again", () => {
    const run = () => smaa({ criteria, bids: [{ id: "A", values: [0.9, 0.2, 0.5] }, { id: "B", values: [0.5, 0.7, 0.4] }], samples: 5000, random: seededRandom(99) });
    expect(run()).toEqual(run());
  });

  it("refuses ranges that leave almost no weights", () => {
    expect(() =>
      smaa({ criteria, bids: [{ id: "A", values: [1, 0, 0] }], bounds: { min: [0.99, 0.99, 0], max: [1, 1, 1] }, samples: 10, random: seededRandom(1) }),
    ).toThrow(SmaaRangeError);
  });
});

describe("SMAA-2 on a fixed sample worked out by hand", () => {
  /*
   * Four weight samples from eight fixed uniforms (two per sample: sorted, their gaps are the weights),
   * worked out on paper and checked with a few lines of Python outside this code base:
   *   (0.2, 0.7)  → w = (0.2, 0.5, 0.3):   A 0.52, B 0.73,  C 0.65   → B, C, A
   *   (0.9, 0.6)  → w = (0.6, 0.3, 0.1):   A 0.72, B 0.63,  C 0.51   → A, B, C
   *   (0.1, 0.15) → w = (0.1, 0.05, 0.85): A 0.37, B 0.605, C 0.835  → C, B, A
   *   (0.5, 0.4)  → w = (0.4, 0.1, 0.5):   A 0.56, B 0.59,  C 0.67   → C, B, A
   * A is first once, second never, third three times; B first once, second three times; C first twice,
   * second once, third once. Central weights: A (0.6, 0.3, 0.1); B (0.2, 0.5, 0.3); C the mean of its two
   * winning samples, (0.25, 0.075, 0.675).
   */
  it("gives the rank acceptabilities and central weights worked out by hand", () => {
    const uniforms = [0.2, 0.7, 0.9, 0.6, 0.1, 0.15, 0.5, 0.4];
    let next = 0;
    const result = smaa({
      criteria,
      bids: [
        { id: "A", values: [0.9, 0.5, 0.3] },
        { id: "B", values: [0.5, 0.9, 0.6] },
        { id: "C", values: [0.4, 0.6, 0.9] },
      ],
      samples: 4,
      random: () => uniforms[next++]!,
    });
    expect(next).toBe(8);
    const expected = [
      [0.25, 0, 0.75],
      [0.25, 0.75, 0],
      [0.5, 0.25, 0.25],
    ];
    result.rankAcceptability.forEach((row, i) => row.forEach((p, r) => expect(p).toBeCloseTo(expected[i]![r]!, 12)));
    const central = [
      [0.6, 0.3, 0.1],
      [0.2, 0.5, 0.3],
      [0.25, 0.075, 0.675],
    ];
    result.centralWeights.forEach((w, i) => w!.forEach((x, k) => expect(x).toBeCloseTo(central[i]![k]!, 12)));
  });
});

describe("SMAA-2 properties", () => {
  const bidsArbitrary = fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 6 });

  it("acceptabilities of each bid add up to 1, and of each rank add up to at least 1", () => {
    fc.assert(
      fc.property(bidsArbitrary, fc.integer(), (values, seed) => {
        const result = smaa({ criteria, bids: values.map((v, i) => ({ id: `B${i}`, values: v })), samples: 300, random: seededRandom(seed) });
        for (const row of result.rankAcceptability) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
        // Ties share a rank, so a rank can be held by more than one bid in a sample.
        expect(result.rankAcceptability.reduce((a, row) => a + row[0]!, 0)).toBeGreaterThanOrEqual(1 - 1e-9);
      }),
      { numRuns: 50 },
    );
  });

  it("central weights are non-negative, sum to 1 and respect the ranges", () => {
    fc.assert(
      fc.property(bidsArbitrary, fc.integer(), (values, seed) => {
        const bounds = { min: [0.1, 0.2, 0], max: [0.5, 0.8, 0.6] };
        const result = smaa({ criteria, bids: values.map((v, i) => ({ id: `B${i}`, values: v })), bounds, samples: 300, random: seededRandom(seed) });
        for (const w of result.centralWeights) {
          if (w === undefined) continue;
          expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
          w.forEach((x, k) => {
            expect(x).toBeGreaterThanOrEqual(bounds.min[k]! - 1e-12);
            expect(x).toBeLessThanOrEqual(bounds.max[k]! + 1e-12);
          });
        }
      }),
      { numRuns: 40 },
    );
  });

  it("equal bids get equal acceptabilities, and a dominated bid is never first", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 0.99, noNaN: true }), { minLength: 3, maxLength: 3 }), fc.integer(), (v, seed) => {
        const dominated = v.map((x) => x / 2);
        const result = smaa({ criteria, bids: [{ id: "A", values: v }, { id: "A2", values: [...v] }, { id: "D", values: dominated }], samples: 500, random: seededRandom(seed) });
        expect(result.rankAcceptability[0]).toEqual(result.rankAcceptability[1]);
        expect(result.rankAcceptability[2]![0]).toBe(0);
      }),
      { numRuns: 40 },
    );
  });
});

describe("SMAA-2 in chunks", () => {
  it("is the merge of its chunks, each with its own seeded generator, and repeatable", async () => {
    const { smaaInChunks } = await import("../../src/sensitivity/smaa-chunks.js");
    const { summarise, tally } = await import("../../src/sensitivity/smaa.js");
    const input = { criteria, bids: [{ id: "A", values: [0.9, 0.2, 0.5] }, { id: "B", values: [0.5, 0.7, 0.4] }, { id: "C", values: [0.6, 0.6, 0.6] }], samples: 3001 };
    const parallel = await smaaInChunks(input, 10, undefined, 1501);
    const byHand = summarise([
      tally({ ...input, samples: 1501, random: seededRandom(10) }),
      tally({ ...input, samples: 1500, random: seededRandom(11) }),
    ]);
    expect({ ...parallel, chunks: undefined }).toEqual({ ...byHand, chunks: undefined });
    expect(parallel.chunks).toBe(2);
    expect(await smaaInChunks(input, 10, undefined, 1501)).toEqual(parallel);
  });
});

describe("SMAA-2 with uncertain scores", () => {
  it("a share uniform on [0, 1] beats a fixed 0.5 half the time (one section, so the weight is always 1)", () => {
    const result = smaa({
      criteria: ["quality"],
      bids: [{ id: "A", values: [0.5] }, { id: "B", values: [0.5], low: [0], high: [1] }],
      samples: 100_000,
      random: seededRandom(12),
    });
    expect(result.rankAcceptability[1]![0]!).toBeCloseTo(0.5, 2);
  });

  it("a range entirely above the other bid always wins", () => {
    const result = smaa({ criteria, bids: [{ id: "A", values: [0.3, 0.3, 0.3] }, { id: "B", values: [0.5, 0.5, 0.5], low: [0.4, 0.4, 0.4], high: [0.6, 0.6, 0.6] }], samples: 5000, random: seededRandom(2) });
    expect(result.rankAcceptability[1]![0]).toBe(1);
  });
});
