import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRandom, type RandomSource } from "../../src/sensitivity/random.js";
import { tally, type SmaaInput, type SmaaTally } from "../../src/sensitivity/smaa.js";

/**
 * SMAA-2 written the plain way: the same draws from the same generator, each total summed section by
 * section in the same order, and each bid's rank counted as the number of bids with a strictly higher
 * total. The kernel ranks from starting orders and counts only what moved; its tallies must be these to
 * the last bit, whatever the bids, sections, ranges, uncertain shares and ties.
 */
function plainTally(input: SmaaInput): SmaaTally {
  const n = input.criteria.length;
  const m = input.bids.length;
  const min = input.bounds?.min ?? new Array<number>(n).fill(0);
  const max = input.bounds?.max ?? new Array<number>(n).fill(1);
  const values = input.bids.map((b) => [...b.values]);
  const rankCounts = new Float64Array(m * m);
  const firstCounts = new Float64Array(m);
  const centralSums = new Float64Array(m * n);
  let accepted = 0;
  let drawn = 0;
  while (accepted < input.samples) {
    drawn++;
    const cuts: number[] = [];
    for (let k = 0; k < n - 1; k++) {
      const u = input.random();
      let j = k;
      while (j > 0 && cuts[j - 1]! > u) {
        cuts[j] = cuts[j - 1]!;
        j--;
      }
      cuts[j] = u;
    }
    const weights = Array.from({ length: n }, (_, k) => (k < n - 1 ? cuts[k]! : 1) - (k > 0 ? cuts[k - 1]! : 0));
    if (weights.some((w, k) => w < min[k]! || w > max[k]!)) continue;
    accepted++;
    input.bids.forEach((b, i) => {
      if (!b.low || !b.high) return;
      for (let k = 0; k < n; k++) if (b.high[k]! > b.low[k]!) values[i]![k] = b.low[k]! + input.random() * (b.high[k]! - b.low[k]!);
    });
    const totals = values.map((v) => v.reduce((t, x, k) => (k === 0 ? weights[0]! * x : t + weights[k]! * x), 0));
    totals.forEach((t, i) => {
      const rank = totals.filter((u) => u > t).length;
      rankCounts[i * m + rank]!++;
      if (rank === 0) {
        firstCounts[i]!++;
        weights.forEach((w, k) => (centralSums[i * n + k]! += w));
      }
    });
  }
  return { samples: accepted, drawn, bids: m, criteria: n, rankCounts, firstCounts, centralSums };
}

const both = (input: Omit<SmaaInput, "random">, seed: number) => {
  const random = (): RandomSource => seededRandom(seed);
  return [tally({ ...input, random: random() }), plainTally({ ...input, random: random() })] as const;
};
const names = (n: number) => Array.from({ length: n }, (_, k) => `s${k}`);

describe("SMAA-2's kernel gives exactly the tallies of the plain way", () => {
  it("50 bids in 4 sections, 20,000 samples", () => {
    const r = seededRandom(2026);
    const bids = Array.from({ length: 50 }, (_, i) => ({ id: `B${i}`, values: [r(), r(), r(), r()] }));
    const [kernel, plain] = both({ criteria: names(4), bids, samples: 20_000 }, 1);
    expect(kernel).toEqual(plain);
  });

  it("300 bids (more than a byte numbers) in 3 sections, with weight ranges", () => {
    const r = seededRandom(5);
    const bids = Array.from({ length: 300 }, (_, i) => ({ id: `B${i}`, values: [r(), r(), r()] }));
    const [kernel, plain] = both({ criteria: names(3), bids, samples: 300, bounds: { min: [0.1, 0, 0.2], max: [0.6, 0.7, 1] } }, 9);
    expect(kernel).toEqual(plain);
  });

  it("shares of whole tenths, so totals are often equal and ranks shared, in 1 to 7 sections", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }).chain((n) =>
          fc.tuple(fc.constant(n), fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 12 }), fc.integer()),
        ),
        ([n, rows, seed]) => {
          const bids = rows.map((v, i) => ({ id: `B${i}`, values: v.map((x) => x / 10) }));
          const [kernel, plain] = both({ criteria: names(n), bids, samples: 400 }, seed);
          expect(kernel).toEqual(plain);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("chunk after chunk over the same bids (the orders worked out once are reused), with an uncertain share", () => {
    const r = seededRandom(11);
    const bids = Array.from({ length: 40 }, (_, i) => ({ id: `B${i}`, values: [r(), r(), r(), r()] }));
    bids[3] = { ...bids[3]!, low: [0, 0, 0, 0], high: [1, 1, 1, 1] } as (typeof bids)[number];
    for (const [samples, seed] of [[5000, 1], [5000, 2], [1200, 3], [8000, 4]] as const) {
      const [kernel, plain] = both({ criteria: names(4), bids, samples }, seed);
      expect(kernel).toEqual(plain);
    }
  });

  it("uncertain shares redrawn in every sample", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.3, noNaN: true })), { minLength: 6, maxLength: 6 }), fc.integer(), (cells, seed) => {
        const bids = [0, 1, 2].map((i) => {
          const values = cells.slice(i * 2, i * 2 + 2).map(([v]) => v);
          return { id: `B${i}`, values, low: values.map((v, k) => Math.max(0, v - cells[i * 2 + k]![1])), high: values.map((v, k) => Math.min(1, v + cells[i * 2 + k]![1])) };
        });
        const [kernel, plain] = both({ criteria: names(2), bids, samples: 500 }, seed);
        expect(kernel).toEqual(plain);
      }),
      { numRuns: 30 },
    );
  });
});
