import { titleOfKey } from "../model/sections.js";
import type { Exact } from "../arithmetic/exact.js";
import { totalAt, type BreakEven, type RankSegment, type WeightSweep } from "../sensitivity/weight-sweep.js";
import { escapeHtml } from "./escape.js";

/**
 * Charts as standalone SVG: the same drawing goes inline into the what-if page and, turned into a
 * picture, into the Word briefing. Plain shapes and text only, so any SVG renderer draws it the same.
 */
const pct = (n: number, places = 1) => `${Number(n.toFixed(places))}%`;
// Distinguishable colours (each at least 4.5:1 on white); every line is also labelled with its bidder,
// so colour never carries meaning alone.
export const chartColours = ["#1b6ca8", "#c0392b", "#2e7d32", "#8e44ad", "#9a6208", "#00838f", "#5d4037", "#37474f"];
export const CHART_FONT = "Atkinson Hyperlegible, Arial, sans-serif";

export interface SvgChart {
  svg: string;
  width: number;
  height: number;
  /** A text alternative that says what the chart shows, for screen readers and alt text. */
  description: string;
}

/** Bars in a chance-of-winning chart at most; the table lists every bid. */
const MAX_BARS = 12;

/** Above this many bids a chart labels only the organisation and the bids that can come first. */
const MAX_LABELLED = 10;

/** Whether first place changes hands at this break-even weight. */
function changesLeader(sweep: WeightSweep, weight: Exact): boolean {
  const before = sweep.segments.find((seg) => seg.to.equals(weight));
  const after = sweep.segments.find((seg) => seg.from.equals(weight));
  const firsts = (seg: RankSegment | undefined) => (seg ? seg.ranking.filter((r) => r.rank === 1).map((r) => r.bidId).join(",") : "");
  return before !== undefined && after !== undefined && firsts(before) !== firsts(after);
}

const shorten = (name: string, max: number) => (name.length > max ? `${name.slice(0, max - 1)}…` : name);

/** A label of up to two lines of `max` characters, broken at the space nearest the middle. */
function labelLines(name: string, max: number): string[] {
  if (name.length <= max) return [name];
  const spaces = [...name.matchAll(/ /g)].map((m) => m.index!).filter((i) => i <= max);
  if (spaces.length === 0) return [shorten(name, max)];
  const cut = spaces.reduce((best, i) => (Math.abs(i - name.length / 2) < Math.abs(best - name.length / 2) ? i : best));
  return [name.slice(0, cut), shorten(name.slice(cut + 1), max)];
}

/**
 * Each bid's total (y) against one section's weight (x, 0 to 100%), with the weights where two bids
 * change places circled and the proposed weight dashed. `highlight` draws one bid's line thicker and its
 * label in bold: "organisations like ours".
 */
export function weightChartSvg(
  sweep: WeightSweep,
  names: ReadonlyMap<string, string>,
  options: { highlight?: string; marker?: { word: "proposed" | "shown"; value: string }; titles?: ReadonlyMap<string, string> | undefined } = {},
): SvgChart & { marked: BreakEven[] } {
  const W = 680;
  const H = 340;
  const pad = { left: 56, right: 230, top: 20, bottom: 52 };
  const x = (w: number) => pad.left + (w / 100) * (W - pad.left - pad.right);
  const values = sweep.lines.flatMap((l) => [l.intercept.valueOf(), l.intercept.add(l.slope.mul(100)).valueOf()]);
  // Line charts need no zero baseline; starting near the lowest total makes close crossings readable.
  const lo = Math.min(Math.floor(Math.min(...values) / 10) * 10, 90);
  const hi = Math.max(100, ...values);
  const y = (v: number) => pad.top + (1 - (v - lo) / (hi - lo)) * (H - pad.top - pad.bottom);
  const title = titleOfKey(sweep.section, options.titles?.get(sweep.section));
  const name = (id: string) => names.get(id) ?? id;

  // With many bids, only the organisation and the bids that come first at some weight are labelled and
  // coloured, and only changes of first place (and the organisation's crossings with those bids) are marked; the others
  // are thin grey lines. The figures for every bid are in the tables beside the chart.
  const crowded = sweep.lines.length > MAX_LABELLED;
  const leaders = new Set(sweep.segments.flatMap((seg) => seg.ranking.filter((r) => r.rank === 1).map((r) => r.bidId)));
  const labelled = (id: string) => !crowded || id === options.highlight || leaders.has(id);
  const marked = crowded
    ? sweep.breakEvens.filter((b) => [b.above, b.below].every((id) => id === options.highlight || leaders.has(id)) && (changesLeader(sweep, b.weight) || b.above === options.highlight || b.below === options.highlight))
    : sweep.breakEvens;
  const colourOf = new Map(sweep.lines.filter((l) => labelled(l.bidId)).map((l, k) => [l.bidId, chartColours[k % chartColours.length]!]));

  // Labels at the right-hand end of each line, pushed apart so that lines ending close together stay readable.
  const LINE = 15;
  const labels = sweep.lines.map((l) => (labelled(l.bidId) ? labelLines(l.bidder, 28) : []));
  const ends = sweep.lines
    .map((l, i) => ({ i, y: y(l.intercept.valueOf() + l.slope.valueOf() * 100) + 4 }))
    .filter((e) => labels[e.i]!.length > 0)
    .sort((p, q) => p.y - q.y);
  for (let k = 1; k < ends.length; k++) ends[k]!.y = Math.max(ends[k]!.y, ends[k - 1]!.y + LINE * labels[ends[k - 1]!.i]!.length);
  // Then back up from the bottom of the plot, so the lowest labels do not run into the axis labels.
  const bottom = y(lo) - 2;
  for (let k = ends.length - 1; k >= 0; k--) {
    const limit = k === ends.length - 1 ? bottom - LINE * (labels[ends[k]!.i]!.length - 1) : ends[k + 1]!.y - LINE * labels[ends[k]!.i]!.length;
    ends[k]!.y = Math.min(ends[k]!.y, limit);
  }
  const labelY = new Map(ends.map((e) => [e.i, e.y]));

  const grid = [0, 25, 50, 75, 100]
    .map((t) => `<line x1="${x(t)}" y1="${y(lo)}" x2="${x(t)}" y2="${y(hi)}" stroke="#d9d9d9"/><text x="${x(t)}" y="${y(lo) + 18}" font-size="13" text-anchor="middle">${t}%</text>`)
    .join("\n");
  const yTicks = [lo, (lo + hi) / 2, hi]
    .map((v) => `<line x1="${x(0)}" y1="${y(v).toFixed(1)}" x2="${x(100)}" y2="${y(v).toFixed(1)}" stroke="#d9d9d9"/><text x="${pad.left - 8}" y="${(y(v) + 4).toFixed(1)}" font-size="13" text-anchor="end">${Math.round(v)}</text>`)
    .join("\n");
  const lines = sweep.lines
    .map((l, i) => {
      const a = l.intercept.valueOf();
      const b = a + l.slope.valueOf() * 100;
      const colour = colourOf.get(l.bidId);
      const ours = l.bidId === options.highlight;
      const line = `<line x1="${x(0)}" y1="${y(a).toFixed(1)}" x2="${x(100)}" y2="${y(b).toFixed(1)}" stroke="${colour ?? "#b3b3b3"}" stroke-width="${ours ? 4 : colour ? 2 : 1}"><title>${escapeHtml(l.bidder)}</title></line>`;
      if (colour === undefined) return line;
      return `${line}
<text x="${x(100) + 8}" y="${labelY.get(i)!.toFixed(1)}" font-size="13"${ours ? ' font-weight="bold"' : ""} fill="${colour}">${labels[i]!
        .map((text, n) => (n === 0 ? escapeHtml(text) : `<tspan x="${x(100) + 8}" dy="${LINE}">${escapeHtml(text)}</tspan>`))
        .join("")}</text>`;
    })
    .join("\n");
  const marks = marked
    .map((b) => {
      const line = sweep.lines.find((l) => l.bidId === b.above)!;
      const w = b.weight.valueOf();
      return `<circle cx="${x(w).toFixed(1)}" cy="${y(totalAt(line, b.weight).valueOf()).toFixed(1)}" r="5" fill="none" stroke="#1a1a1a" stroke-width="2"><title>At ${pct(w)}: ${escapeHtml(name(b.above))} overtakes ${escapeHtml(name(b.below))}</title></circle>`;
    })
    .join("\n");
  const now = sweep.currentWeight.valueOf();
  // The dashed line is the proposed weight; on a page whose sliders moved it, the weight shown there (as
  // the page displays it, so the two never differ by a rounding).
  const marker = options.marker ?? { word: "proposed", value: pct(now) };
  const description = `Chart of each bidder's total score out of 100 as the ${title.toLowerCase()} weight goes from 0% to 100%, with the other weights in proportion. The ${marker.word === "proposed" ? "proposed weight" : "weight shown"} is ${marker.value}. ${
    sweep.breakEvens.length === 0
      ? "No two bidders change places."
      : crowded
        ? `Bidders change places at ${sweep.breakEvens.length} points; the chart marks ${marked.length} of them${marked.length > 0 ? `, at ${marked.map((b) => pct(b.weight.valueOf())).join(", ")}` : ""}.`
        : `Bidders change places at ${sweep.breakEvens.map((b) => pct(b.weight.valueOf())).join(", ")}.`
  } The figures are in the table that follows.`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(description)}" font-family="${CHART_FONT}">
<rect width="${W}" height="${H}" fill="#ffffff"/>
${grid}
${yTicks}
<line x1="${x(0)}" y1="${y(lo)}" x2="${x(100)}" y2="${y(lo)}" stroke="#595959"/>
<line x1="${x(0)}" y1="${y(lo)}" x2="${x(0)}" y2="${y(hi)}" stroke="#595959"/>
<text x="${(x(0) + x(100)) / 2}" y="${H - 10}" font-size="14" text-anchor="middle">${escapeHtml(title)} weight</text>
<text x="16" y="${(y(lo) + y(hi)) / 2}" font-size="14" text-anchor="middle" transform="rotate(-90 16 ${(y(lo) + y(hi)) / 2})">Total score</text>
<line x1="${x(now).toFixed(1)}" y1="${y(lo)}" x2="${x(now).toFixed(1)}" y2="${y(hi)}" stroke="#1a1a1a" stroke-width="1.5" stroke-dasharray="5 4"/>
<text x="${(x(now) + 4).toFixed(1)}" y="${y(hi) + 12}" font-size="12">${marker.word} ${escapeHtml(marker.value)}</text>
${lines}
${marks}
</svg>`;
  return { svg, width: W, height: H, description, marked };
}

/** Horizontal bars: each bidder's chance of coming first, with the figure written beside each bar. */
export function chanceChartSvg(allRows: readonly { bidId: string; bidder: string; first: number; label: string }[], options: { highlight?: string } = {}): SvgChart {
  // Many bids would make a picture taller than a page: show the likeliest winners and the organisation.
  const ranked = [...allRows].sort((a, b) => b.first - a.first);
  let rows = allRows;
  if (allRows.length > MAX_BARS) {
    rows = ranked.slice(0, MAX_BARS);
    const own = ranked.find((r) => r.bidId === options.highlight);
    if (own !== undefined && !rows.includes(own)) rows = [...rows.slice(0, MAX_BARS - 1), own];
  }
  const W = 680;
  const rowHeight = 30;
  const labelWidth = 270;
  const barMax = W - labelWidth - 80;
  const H = 24 + rows.length * rowHeight + 30;
  const bars = rows
    .map((r, i) => {
      const top = 20 + i * rowHeight;
      const ours = r.bidId === options.highlight;
      const width = Math.max(1, r.first * barMax);
      return `<text x="${labelWidth - 10}" y="${top + 18}" font-size="13" text-anchor="end"${ours ? ' font-weight="bold"' : ""}>${escapeHtml(shorten(r.bidder, 36))}</text>
<rect x="${labelWidth}" y="${top + 4}" width="${width.toFixed(1)}" height="${rowHeight - 10}" fill="${ours ? "#1b6ca8" : "#8c8c8c"}"/>
<text x="${(labelWidth + width + 6).toFixed(1)}" y="${top + 18}" font-size="13"${ours ? ' font-weight="bold"' : ""}>${escapeHtml(r.label)}</text>`;
    })
    .join("\n");
  const axisY = 20 + rows.length * rowHeight + 4;
  const description = `Bar chart of how often ${rows.length < allRows.length ? `the ${rows.length} most frequent winners` : "each bidder"} came first among the weightings tried: ${rows.map((r) => `${r.bidder} ${r.label}`).join("; ")}.`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(description)}" font-family="${CHART_FONT}">
<rect width="${W}" height="${H}" fill="#ffffff"/>
<line x1="${labelWidth}" y1="16" x2="${labelWidth}" y2="${axisY}" stroke="#595959"/>
<line x1="${labelWidth}" y1="${axisY}" x2="${labelWidth + barMax}" y2="${axisY}" stroke="#595959"/>
<text x="${labelWidth}" y="${axisY + 18}" font-size="12" text-anchor="middle">0%</text>
<text x="${labelWidth + barMax / 2}" y="${axisY + 18}" font-size="12" text-anchor="middle">50%</text>
<text x="${labelWidth + barMax}" y="${axisY + 18}" font-size="12" text-anchor="middle">100%</text>
${bars}
</svg>`;
  return { svg, width: W, height: H, description };
}
