import { describe, expect, it } from "vitest";
import { exact } from "../../src/arithmetic/exact.js";
import { pictureOfSvg } from "../../src/node/chart-picture.js";
import { chanceChartSvg, weightChartSvg } from "../../src/presentation/weight-chart.js";
import { seededRandom } from "../../src/sensitivity/random.js";
import { sweepWeight, type WeightingProblem } from "../../src/sensitivity/weight-sweep.js";

/** A framework-sized field: `count` bids with random shares, "B0" being the organisation. */
function field(count: number): WeightingProblem {
  const random = seededRandom(11);
  return {
    weights: new Map([["price", exact(30)], ["quality", exact(70)]]),
    bids: Array.from({ length: count }, (_, i) => ({
      bidId: `B${i}`,
      bidder: `Bidder number ${i}`,
      shares: new Map([["price", exact(Math.round(random() * 100)).div(100)], ["quality", exact(Math.round(random() * 100)).div(100)]] as const),
    })),
  };
}
const labelsOf = (svg: string) => [...svg.matchAll(/<text [^>]*fill="#[0-9a-f]{6}"[^>]*>([^<]*)/g)].map((m) => m[1]);

describe("charts", () => {
  it("a few bids: every line labelled, every crossing marked, all listed in the alt text", () => {
    const sweep = sweepWeight(field(5), "price");
    const chart = weightChartSvg(sweep, new Map(field(5).bids.map((b) => [b.bidId, b.bidder])), { highlight: "B0" });
    expect(labelsOf(chart.svg)).toHaveLength(5);
    expect(chart.svg.match(/<circle /g)?.length ?? 0).toBe(sweep.breakEvens.length);
    expect(chart.description).toContain("Bidders change places at");
  });

  it("many bids: only the organisation and the bids that can come first are labelled, and the alt text stays short", () => {
    const problem = field(40);
    const sweep = sweepWeight(problem, "price");
    const chart = weightChartSvg(sweep, new Map(problem.bids.map((b) => [b.bidId, b.bidder])), { highlight: "B0" });
    const leaders = new Set(sweep.segments.map((s) => s.ranking[0]!.bidId));
    const labelled = labelsOf(chart.svg);
    expect(labelled).toContain("Bidder number 0");
    expect(labelled.length).toBe(new Set([...leaders, "B0"]).size);
    expect(chart.svg.match(/<circle /g)?.length ?? 0).toBeLessThan(sweep.breakEvens.length);
    expect(chart.description).toMatch(/Bidders change places at \d+ points; the chart marks \d+ of them/);
    expect(chart.description.length).toBeLessThan(600);
  });

  it("the chance chart shows at most twelve bars, always including the organisation, and fits a page", () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ bidId: `B${i}`, bidder: `Bidder ${i}`, first: i === 39 ? 0 : (40 - i) / 1000, label: "x" }));
    const chart = chanceChartSvg(rows, { highlight: "B39" });
    expect(chart.svg.match(/<rect [^>]*fill="#(1b6ca8|8c8c8c)"/g)).toHaveLength(12);
    expect(chart.svg).toContain(">Bidder 39<");
    const picture = pictureOfSvg(chart.svg);
    // 16.5 cm wide in the document: keep the picture under 14 cm tall.
    expect((picture.heightPx / picture.widthPx) * 16.5).toBeLessThan(14);
  });
});
