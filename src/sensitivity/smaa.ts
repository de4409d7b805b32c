import type { RandomSource } from "./random.js";

/**
 * SMAA-2 (Lahdelma & Salminen, 2001): stochastic multicriteria acceptability analysis. Weights are
 * sampled uniformly from the simplex (n − 1 sorted uniforms; their gaps are the weights), restricted to
 * the allowed ranges by rejection. For every sample each bid's total is its weighted sum and bids are
 * ranked; the rank acceptability index b(i, r) is the share of samples in which bid i has rank r, and a
 * bid's central weight vector is the mean of the weights that make it first. Floating point is used here
 * (this is a probability estimate, not an award), with typed arrays and no allocation per sample. Each
 * sample's bids start in the order they take at the nearest point of a grid over the weights, so ranking
 * them is a few moves of an insertion pass, and where no totals are equal (almost always) only the places
 * that moved are counted one by one.
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
  const uncertainCells: number[] = [];
  const lowList: number[] = [];
  const spanList: number[] = [];
  input.bids.forEach((b, i) => {
    if (!b.low || !b.high) return;
    for (let k = 0; k < n; k++) {
      if (b.high[k]! > b.low[k]!) {
        uncertainCells.push(i * stride + k);
        lowList.push(b.low[k]!);
        spanList.push(b.high[k]! - b.low[k]!);
      }
    }
  });
  const min = Float64Array.from(input.bounds?.min ?? new Array<number>(n).fill(0));
  const max = Float64Array.from(input.bounds?.max ?? new Array<number>(n).fill(1));
  const minimumRate = input.minimumAcceptanceRate ?? 1e-3;
  // Weights add up to 1, so ranges whose lows add up to more than 1, or whose highs to less, admit none.
  const lowSum = min.reduce((a, b) => a + b, 0);
  const highSum = max.reduce((a, b) => a + b, 0);
  if (lowSum > 1 + 1e-12 || highSum < 1 - 1e-12 || min.some((lo, k) => lo > max[k]!)) {
    throw new SmaaRangeError("no weights fall within the ranges: the lows add up to more than 100% or the highs to less");
  }
  const book = StartingOrders.for(n, m, stride, rows, input.samples);
  const rankCounts = new Int32Array(m * m);
  const centralSums = new Float64Array(m * n);
  const firstCounts = new Float64Array(m);
  const uncertain = Int32Array.from(uncertainCells);
  const lows = Float64Array.from(lowList);
  const spans = Float64Array.from(spanList);
  const sampler = new Sampler(input.samples, minimumRate, n, m, stride, rows, uncertain, lows, spans, min, max, book, rankCounts, centralSums,
    firstCounts);
  // The random numbers in turn, drawn into a buffer and used from it: every sample takes n − 1, and an
  // accepted one n − 1 + the uncertain shares, so the samples still to accept take at least `perSample`
  // each. The buffer is never filled with more than that, so the generator is left exactly where the run
  // leaves it; it is topped up whenever it holds less than one sample's numbers.
  const perSample = n - 1 + uncertain.length;
  const buffer = new Float64Array(Math.min(Math.max(DRAW_BUFFER, perSample), input.samples * perSample));
  let at = 0;
  let end = 0;
  while (sampler.accepted < input.samples) {
    buffer.copyWithin(0, at, end);
    end -= at;
    const fill = Math.min(buffer.length, (input.samples - sampler.accepted) * perSample);
    draw(input.random, buffer, end, fill);
    end = fill;
    at = sampler.run(buffer, 0, end);
  }
  book.addHits(rankCounts);

  return { samples: input.samples, drawn: sampler.drawn, bids: m, criteria: n, rankCounts: Float64Array.from(rankCounts), firstCounts, centralSums };
}

/**
 * The sampling loop, apart from reading the input, so every chunk of a run (each a new input object, with
 * its own generator) runs the same compiled loop rather than making the engine compile it again; for the
 * same reason it takes its random numbers from a buffer, never calling the generator itself (each chunk's
 * is a new function, and a call to a new function throws away the compiled code that calls it).
 */
class Sampler {
  /**
   * Samples accepted and weight vectors drawn so far, counted in place as the loop goes: the loop is
   * compiled while it runs, before it has ever ended, so anything it did only on the way out would send
   * it back to the interpreter at every exit.
   */
  private readonly counts = new Float64Array(2);
  get accepted() {
    return this.counts[0]!;
  }
  get drawn() {
    return this.counts[1]!;
  }
  private readonly weights: Float64Array;
  private readonly cuts: Float64Array;
  /** This sample's totals in descending order, and whose each is. */
  private readonly keys: Float64Array;
  private readonly owner: Int32Array;
  private readonly runStart: Int32Array;
  private readonly runEnd: Int32Array;

  constructor(
    private readonly samples: number,
    private readonly minimumRate: number,
    private readonly n: number,
    private readonly m: number,
    private readonly stride: number,
    private readonly rows: Float64Array,
    private readonly uncertain: Int32Array,
    private readonly lows: Float64Array,
    private readonly spans: Float64Array,
    private readonly min: Float64Array,
    private readonly max: Float64Array,
    private readonly book: StartingOrders,
    private readonly rankCounts: Int32Array,
    private readonly centralSums: Float64Array,
    private readonly firstCounts: Float64Array,
  ) {
    this.weights = new Float64Array(stride);
    this.cuts = new Float64Array(Math.max(0, n - 1));
    this.keys = new Float64Array(m);
    this.owner = new Int32Array(m);
    for (let i = 0; i < m; i++) this.owner[i] = i;
    this.runStart = new Int32Array(m);
    this.runEnd = new Int32Array(m);
  }

  /** Take samples while the buffer's numbers from `at` to `end` hold a whole sample's; return where the next is. */
  run(buffer: Float64Array, at: number, end: number): number {
    const { samples, minimumRate, n, m, stride, rows, uncertain, lows, spans, min, max, book, rankCounts, centralSums, firstCounts } = this;
    const { weights, cuts, keys, owner, runStart, runEnd } = this;
    const perSample = n - 1 + uncertain.length;
    const counts = this.counts;
    let accepted = counts[0]!;
    let drawn = counts[1]!;
    const tooRare = () => new SmaaRangeError(`fewer than ${minimumRate * 100}% of weight samples fall within the ranges; widen them`);
    while (accepted < samples && end - at >= perSample) {
      // Judge the acceptance rate early, so narrow ranges fail in a moment rather than after millions of draws.
      if (drawn === 100_000 && accepted < drawn * minimumRate) throw tooRare();
      if (drawn >= samples / minimumRate) throw tooRare();
      counts[1] = ++drawn;
      // n − 1 sorted uniforms; insertion sort, as n is a handful of sections.
      for (let k = 0; k < n - 1; k++) {
        const u = buffer[at++]!;
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
      counts[0] = ++accepted;
      for (let u = 0; u < uncertain.length; u++) rows[uncertain[u]!] = lows[u]! + buffer[at++]! * spans[u]!;

      // Start from the order at the nearest point of a grid over the weights: nearby weights rank bids
      // almost alike, so few moves remain.
      let cell = 0;
      for (let k = 0; k < n - 1; k++) cell = cell * (book.fine + 1) + ((weights[k]! * book.fine + 0.5) | 0);
      let from = book.fineCell[cell]!;
      if (from < 0) from = book.record(weights, cell, owner);
      const orders = book.orders;
      const hits = book.hits;

      // Totals summed section by section in order, so they are the same to the last bit however laid out.
      if (stride === 4) {
        const w0 = weights[0]!;
        const w1 = weights[1]!;
        const w2 = weights[2]!;
        const w3 = weights[3]!;
        for (let p = 0; p < m; p++) {
          const i = orders[from + p]!;
          const r = i * 4;
          keys[p] = w0 * rows[r]! + w1 * rows[r + 1]! + w2 * rows[r + 2]! + w3 * rows[r + 3]!;
          owner[p] = i;
        }
      } else {
        for (let p = 0; p < m; p++) {
          const i = orders[from + p]!;
          const r = i * stride;
          let t = weights[0]! * rows[r]!;
          for (let k = 1; k < n; k++) t += weights[k]! * rows[r + k]!;
          keys[p] = t;
          owner[p] = i;
        }
      }
      // Descending order by an insertion pass: a few moves, as the bids start almost in order. It notes the
      // runs of places whose bid changed, and whether any two totals are equal.
      let runs = 0;
      let tied = false;
      for (let p = 1; p < m; p++) {
        const t = keys[p]!;
        const before = keys[p - 1]!;
        if (before > t) continue;
        if (before === t) {
          tied = true;
          continue;
        }
        const i = owner[p]!;
        let j = p;
        do {
          keys[j] = keys[j - 1]!;
          owner[j] = owner[j - 1]!;
          j--;
        } while (j > 0 && keys[j - 1]! < t);
        keys[j] = t;
        owner[j] = i;
        if (j > 0 && keys[j - 1] === t) tied = true;
        while (runs > 0 && j <= runEnd[runs - 1]!) {
          runs--;
          if (runStart[runs]! < j) j = runStart[runs]!;
        }
        runStart[runs] = j;
        runEnd[runs] = p;
        runs++;
      }
      if (!tied && from > 0) {
        // Every bid's rank is its place: count the starting order once per sample that started from it
        // (added up at the end), and correct only the places that changed.
        hits[(from / book.width) | 0]!++;
        for (let r = 0; r < runs; r++) {
          for (let q = runStart[r]!, end = runEnd[r]!; q <= end; q++) {
            rankCounts[orders[from + q]! * m + q]!--;
            rankCounts[owner[q]! * m + q]!++;
          }
        }
        const i = owner[0]!;
        firstCounts[i]!++;
        for (let k = 0; k < n; k++) centralSums[i * n + k]! += weights[k]!;
        continue;
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
    return at;
  }
}

/** Random numbers drawn ahead, at most: a few thousand samples' worth, so the loop is entered a few times a chunk. */
const DRAW_BUFFER = 16_384;

function draw(random: RandomSource, buffer: Float64Array, from: number, to: number) {
  for (let i = from; i < to; i++) buffer[i] = random();
}

/**
 * The last run's orders on this thread, held weakly: the next chunk of the same analysis finds them, but
 * they are not kept (about a megabyte) once the analysis is over and the memory is wanted.
 */
let lastOrders: WeakRef<StartingOrders> | undefined;

/**
 * Starting orders for the ranking: the bids in order of their totals at the points of a grid over the
 * first n − 1 weights (the last is what they leave), each worked out when a sample first comes near its
 * point, from the order at the nearest point of a coarser grid. The orders only save work: whatever order the bids start
 * in, the insertion pass ends with the same ranking, so the results are the same.
 */
class StartingOrders {
  readonly fine: number;
  readonly coarse: number;
  readonly fineCell: Int32Array;
  readonly coarseCell: Int32Array;
  /** m bid numbers per recorded order, after the first m places: a copy of the last sample's order. */
  orders: Uint8Array | Uint16Array | Int32Array;
  /** For each recorded order, the samples whose ranking was counted as that order (and then corrected). */
  hits: Int32Array;
  /** Places per order: m, rounded up to whole 64-byte cache lines, so reading an order reads the fewest lines. */
  readonly width: number;
  private stored: number;
  private readonly keys: Float64Array;
  private readonly point: Float64Array;

  /** The shares the orders were worked out from (before any uncertain share is drawn). */
  private readonly shares: Float64Array;

  private constructor(
    private readonly n: number,
    private readonly m: number,
    private readonly stride: number,
    private rows: Float64Array,
    fine: number,
  ) {
    const points = (g: number) => (g + 1) ** Math.max(0, n - 1);
    this.fine = fine;
    this.coarse = Math.max(1, Math.round(fine / 5));
    this.fineCell = new Int32Array(points(fine)).fill(-1);
    this.coarseCell = new Int32Array(points(this.coarse)).fill(-1);
    const bytes = m <= 256 ? 1 : m <= 65_536 ? 2 : 4;
    this.width = Math.max(1, Math.ceil((m * bytes) / 64) * (64 / bytes));
    this.orders = this.numbers(this.width * 64);
    this.hits = new Int32Array(64);
    this.stored = this.width;
    this.keys = new Float64Array(m);
    this.point = new Float64Array(n);
    this.shares = rows.slice();
  }

  /**
   * The orders for these bids: those of the last run on this thread where it was over the same shares
   * (the next chunk of the same analysis), so each thread works them out once; otherwise new ones. The
   * fine grid has about one point for every 4 samples, up to 40 a side and 65,536 points in all.
   */
  static for(n: number, m: number, stride: number, rows: Float64Array, samples: number): StartingOrders {
    const d = Math.max(0, n - 1);
    // Points within the simplex: (g + d choose d).
    const inside = (g: number) => {
      let c = 1;
      for (let k = 1; k <= d; k++) c = (c * (g + k)) / k;
      return c;
    };
    let fine = 1;
    while (fine < 39 && (fine + 2) ** d <= 65_536 && inside(fine + 1) <= samples / 4) fine++;
    const last = lastOrders?.deref();
    if (last && last.n === n && last.m === m && last.stride === stride && last.fine >= fine && last.shares.every((v, k) => v === rows[k])) {
      last.rows = rows;
      last.hits.fill(0);
      return last;
    }
    const made = new StartingOrders(n, m, stride, rows, fine);
    lastOrders = new WeakRef(made);
    return made;
  }

  /** Bid numbers in as few bytes as hold them, so more orders stay in the processor's caches. */
  private numbers(length: number) {
    return this.m <= 256 ? new Uint8Array(length) : this.m <= 65_536 ? new Uint16Array(length) : new Int32Array(length);
  }

  /** Add each recorded order's places to the rank counts, once for every sample counted as it. */
  addHits(rankCounts: Int32Array) {
    const { m, orders, hits } = this;
    const width = this.width;
    for (let s = 1; s * width < this.stored; s++) {
      const h = hits[s]!;
      if (h === 0) continue;
      for (let p = 0; p < m; p++) rankCounts[orders[s * width + p]! * m + p]! += h;
    }
  }

  /** Work out and record the order at the fine grid's point nearest these weights (cell); return where it is. */
  record(weights: Float64Array, cell: number, last: Int32Array): number {
    let near = 0;
    for (let k = 0; k < this.n - 1; k++) near = near * (this.coarse + 1) + ((weights[k]! * this.coarse + 0.5) | 0);
    let from = this.coarseCell[near]!;
    if (from < 0) {
      this.orders.set(last, 0);
      from = this.sortAt(weights, this.coarse, 0);
      this.coarseCell[near] = from;
      if (from < 0) return 0;
    }
    const at = this.sortAt(weights, this.fine, from);
    this.fineCell[cell] = at;
    return at < 0 ? from : at;
  }

  /** The bids in order of their totals at the grid point nearest these weights, sorted from the order at `from`. */
  private sortAt(weights: Float64Array, grid: number, from: number): number {
    const { n, m, stride, rows, keys, point } = this;
    if (this.stored + this.width > this.orders.length) {
      if (this.orders.length * 2 > 4_194_304) return -1;
      const larger = this.numbers(this.orders.length * 2);
      larger.set(this.orders);
      this.orders = larger;
      const hits = new Int32Array(this.hits.length * 2);
      hits.set(this.hits);
      this.hits = hits;
    }
    const orders = this.orders;
    const at = this.stored;
    this.stored += this.width;
    let rest = 1;
    for (let k = 0; k < n - 1; k++) rest -= point[k] = ((weights[k]! * grid + 0.5) | 0) / grid;
    point[n - 1] = rest;
    for (let p = 0; p < m; p++) {
      const i = orders[from + p]!;
      let t = 0;
      for (let k = 0; k < n; k++) t += point[k]! * rows[i * stride + k]!;
      let j = p;
      while (j > 0 && keys[j - 1]! < t) {
        keys[j] = keys[j - 1]!;
        orders[at + j] = orders[at + j - 1]!;
        j--;
      }
      keys[j] = t;
      orders[at + j] = i;
    }
    return at;
  }
}
