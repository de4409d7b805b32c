import type { RandomSource } from "./random.js";

/**
 * SMAA-2 (Lahdelma & Salminen, 2001): stochastic multicriteria acceptability analysis. Weights are
 * sampled uniformly from the simplex (n − 1 sorted uniforms; their gaps are the weights), restricted to
 * the allowed ranges by rejection. For every sample each bid's total is its weighted sum and bids are
 * ranked; the rank acceptability index b(i, r) is the share of samples in which bid i has rank r, and a
 * bid's central weight vector is the mean of the weights that make it first. Floating point is used here
 * (this is a probability estimate, not an award), with typed arrays and no allocation per sample.
 */
export interface SmaaInput {
  /** Section names, in the order of each bid's values. */
  criteria: readonly string[];
  /**
   * Each bid's share of each section's points, 0 to 1; where a share is uncertain, `low` and `high`
   * give its range and it is drawn uniformly from it in every sample.
   */
  bids: readonly { id: string; values: readonly number[]; low?: readonly number[]; high?: readonly number[] }[];
  /** Allowed weight ranges as fractions (0 to 1); default 0 to 1 for each. */
  bounds?: { min: readonly number[]; max: readonly number[] };
  samples: number;
  random: RandomSource;
  /** Give up if fewer than this share of sampled weights fall within the ranges. */
  minimumAcceptanceRate?: number;
}

/** The raw tallies of a run, which runs over separate chunks of samples can be merged from. */
export interface SmaaTally {
  samples: number;
  drawn: number;
  bids: number;
  criteria: number;
  rankCounts: Float64Array;
  firstCounts: Float64Array;
  centralSums: Float64Array;
}

export interface SmaaResult {
  samples: number;
  /** Weight vectors drawn in all, including those rejected for falling outside the ranges. */
  drawn: number;
  /** rankAcceptability[bid][rank − 1]: the share of samples in which the bid has that rank. */
  rankAcceptability: number[][];
  /** Mean weights over the samples in which the bid is first; undefined if it never is. */
  centralWeights: (number[] | undefined)[];
}

export class SmaaRangeError extends Error {}

export function smaa(input: SmaaInput): SmaaResult {
  return summarise([tally(input)]);
}

/** Merge tallies from several chunks (e.g. one per core) into rank acceptabilities and central weights. */
export function summarise(tallies: readonly SmaaTally[]): SmaaResult {
  const first = tallies[0]!;
  const m = first.bids;
  const n = first.criteria;
  const rankCounts = new Float64Array(m * m);
  const firstCounts = new Float64Array(m);
  const centralSums = new Float64Array(m * n);
  let samples = 0;
  let drawn = 0;
  for (const t of tallies) {
    samples += t.samples;
    drawn += t.drawn;
    t.rankCounts.forEach((v, i) => (rankCounts[i]! += v));
    t.firstCounts.forEach((v, i) => (firstCounts[i]! += v));
    t.centralSums.forEach((v, i) => (centralSums[i]! += v));
  }
  const rankAcceptability = Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, r) => rankCounts[i * m + r]! / samples));
  const centralWeights = Array.from({ length: m }, (_, i) =>
    firstCounts[i]! === 0 ? undefined : Array.from({ length: n }, (_, k) => centralSums[i * n + k]! / firstCounts[i]!),
  );
  return { samples, drawn, rankAcceptability, centralWeights };
}

/** Run the sampling and return the raw tallies. */
export function tally(input: SmaaInput): SmaaTally {
  const n = input.criteria.length;
  const m = input.bids.length;
  // Bid by bid, each bid's shares in a row of at least 4 (padded with zeros), so the usual case of up to
  // four sections is one expression per bid; adding 0 × 0 leaves every total exactly as it was.
  const stride = Math.max(4, n);
  const rows = new Float64Array(m * stride);
  input.bids.forEach((b, i) => b.values.forEach((v, k) => (rows[i * stride + k] = v)));
  // Uncertain shares: the cells to redraw in every sample, with their ranges.
  const uncertain: number[] = [];
  const lows: number[] = [];
  const spans: number[] = [];
  input.bids.forEach((b, i) => {
    if (!b.low || !b.high) return;
    for (let k = 0; k < n; k++) {
      if (b.high[k]! > b.low[k]!) {
        uncertain.push(i * stride + k);
        lows.push(b.low[k]!);
        spans.push(b.high[k]! - b.low[k]!);
      }
    }
  });
  const min = Float64Array.from(input.bounds?.min ?? new Array<number>(n).fill(0));
  const max = Float64Array.from(input.bounds?.max ?? new Array<number>(n).fill(1));
  const minimumRate = input.minimumAcceptanceRate ?? 1e-3;

  const weights = new Float64Array(stride);
  const cuts = new Float64Array(Math.max(0, n - 1));
  const totals = new Float64Array(m);
  // This sample's totals in descending order and whose each is, sorted by value rather than through an index.
  const keys = new Float64Array(m);
  const owner = new Int32Array(m);
  // A bucket pass puts bids almost in order and a short insertion pass finishes the job, so ranking
  // costs about linear time per sample.
  const BUCKETS = 64;
  const bucketOf = new Int32Array(m);
  const bucketStart = new Int32Array(BUCKETS + 1);
  const rankCounts = new Float64Array(m * m);
  const centralSums = new Float64Array(m * n);
  const firstCounts = new Float64Array(m);

  // Weights add up to 1, so ranges whose lows add up to more than 1, or whose highs to less, admit none.
  const lowSum = min.reduce((a, b) => a + b, 0);
  const highSum = max.reduce((a, b) => a + b, 0);
  if (lowSum > 1 + 1e-12 || highSum < 1 - 1e-12 || min.some((lo, k) => lo > max[k]!)) {
    throw new SmaaRangeError("no weights fall within the ranges: the lows add up to more than 100% or the highs to less");
  }
  let accepted = 0;
  let drawn = 0;
  const tooRare = () => new SmaaRangeError(`fewer than ${minimumRate * 100}% of weight samples fall within the ranges; widen them`);
  while (accepted < input.samples) {
    // Judge the acceptance rate early, so narrow ranges fail in a moment rather than after millions of draws.
    if (drawn === 100_000 && accepted < drawn * minimumRate) throw tooRare();
    if (drawn >= input.samples / minimumRate) throw tooRare();
    drawn++;
    // n − 1 sorted uniforms; insertion sort, as n is a handful of sections.
    for (let k = 0; k < n - 1; k++) {
      const u = input.random();
      let j = k;
      while (j > 0 && cuts[j - 1]! > u) {
        cuts[j] = cuts[j - 1]!;
        j--;
      }
      cuts[j] = u;
    }
    let previous = 0;
    let inside = true;
    for (let k = 0; k < n; k++) {
      const next = k < n - 1 ? cuts[k]! : 1;
      const w = next - previous;
      previous = next;
      weights[k] = w;
      if (w < min[k]! || w > max[k]!) inside = false;
    }
    if (!inside) continue;
    accepted++;
    for (let u = 0; u < uncertain.length; u++) rows[uncertain[u]!] = lows[u]! + input.random() * spans[u]!;

    // Totals summed section by section in order, so they are the same to the last bit however laid out.
    let lo = Infinity;
    let hi = -Infinity;
    if (stride === 4) {
      const w0 = weights[0]!;
      const w1 = weights[1]!;
      const w2 = weights[2]!;
      const w3 = weights[3]!;
      for (let i = 0, r = 0; i < m; i++, r += 4) {
        const t = w0 * rows[r]! + w1 * rows[r + 1]! + w2 * rows[r + 2]! + w3 * rows[r + 3]!;
        totals[i] = t;
        if (t < lo) lo = t;
        if (t > hi) hi = t;
      }
    } else {
      for (let i = 0, r = 0; i < m; i++, r += stride) {
        let t = weights[0]! * rows[r]!;
        for (let k = 1; k < n; k++) t += weights[k]! * rows[r + k]!;
        totals[i] = t;
        if (t < lo) lo = t;
        if (t > hi) hi = t;
      }
    }
    // Bids in descending order of total. Buckets span this sample's highest to lowest total, so close
    // totals still spread over them and the insertion pass has little left to do.
    const scale = hi > lo ? (BUCKETS - 1e-9) / (hi - lo) : 0;
    bucketStart.fill(0);
    for (let i = 0; i < m; i++) {
      const b = ((hi - totals[i]!) * scale) | 0;
      bucketOf[i] = b;
      bucketStart[b + 1]!++;
    }
    for (let b = 0; b < BUCKETS; b++) bucketStart[b + 1]! += bucketStart[b]!;
    for (let i = 0; i < m; i++) {
      const p = bucketStart[bucketOf[i]!]!++;
      keys[p] = totals[i]!;
      owner[p] = i;
    }
    for (let p = 1; p < m; p++) {
      const t = keys[p]!;
      if (keys[p - 1]! >= t) continue;
      const i = owner[p]!;
      let j = p;
      do {
        keys[j] = keys[j - 1]!;
        owner[j] = owner[j - 1]!;
        j--;
      } while (j > 0 && keys[j - 1]! < t);
      keys[j] = t;
      owner[j] = i;
    }
    // Rank = 1 + the number of bids with a strictly higher total, so equal totals share a rank.
    const top = keys[0]!;
    let rank = 0;
    let above = top;
    for (let p = 0; p < m; p++) {
      const t = keys[p]!;
      if (t < above) {
        rank = p;
        above = t;
      }
      rankCounts[owner[p]! * m + rank]!++;
    }
    for (let p = 0; p < m && keys[p] === top; p++) {
      const i = owner[p]!;
      firstCounts[i]!++;
      for (let k = 0; k < n; k++) centralSums[i * n + k]! += weights[k]!;
    }
  }

  return { samples: accepted, drawn, bids: m, criteria: n, rankCounts, firstCounts, centralSums };
}
