import { sectionTitles, type SectionKey } from "../model/scoring-model.js";
import type { SmaaResult } from "../sensitivity/smaa.js";
import type { WeightSweep, WeightingProblem } from "../sensitivity/weight-sweep.js";
import { describeWeightRanges, type WeightRange } from "../sensitivity/weight-ranges.js";
import { escapeHtml as escape, jsonForScript } from "./escape.js";
import { cspHashSource } from "./escape.js";
import { formatChance, formatOrdinal } from "../language/uk-format.js";
import { weightChartSvg } from "./weight-chart.js";

const pct = (n: number, places = 1) => `${Number(n.toFixed(places))}%`;

/**
 * A self-contained page (no network, no server) for exploring how the weighting moves the outcome:
 * sliders re-rank the bids live, a chart per section shows each total against that section's weight with
 * break-even points marked, and rank-acceptability bars show the chance of each place, with the typical
 * weights under which each bid comes first. Every chart has a data table beside it, every bar its number,
 * and every control is a labelled native input, so it works from the keyboard.
 *
 * Bidder names and titles come from whoever wrote the tender files, and the page is opened by every
 * evaluator, so nothing in it may run but its own script: every value is escaped where it is put into
 * the markup, the data goes into the script through jsonForScript, and a Content-Security-Policy lets the
 * browser run only the one inline script whose hash the page was built with, and fetch nothing at all.
 */
export interface WhatifPageInput {
  title: string;
  problem: WeightingProblem;
  sweeps: WeightSweep[];
  smaa: SmaaResult;
  seed: number;
  /** The bid to draw thick in the charts: the organisation the page is for. */
  highlight?: string;
  /** Limits the weights were sampled within, to say so beside the chances. */
  weightRanges?: readonly WeightRange[];
  /** Whether some scores were given as ranges (drawn at random in the chances, the middle in the charts). */
  uncertainScores?: boolean;
}

/** Places shown one by one in the chance table; the rest are added up as "lower". */
const PLACES_SHOWN = 5;

export function whatifPage(input: WhatifPageInput): string {
  const { problem, sweeps, smaa } = input;
  const sections = [...problem.weights.keys()] as SectionKey[];
  const data = {
    sections: sections.map((k) => ({ key: k, title: sectionTitles[k], weight: problem.weights.get(k)!.valueOf() })),
    bids: problem.bids.map((b) => ({ id: b.bidId, name: b.bidder, shares: Object.fromEntries(sections.map((k) => [k, b.shares.get(k)?.valueOf() ?? 0])) })),
  };
  const name = new Map(problem.bids.map((b) => [b.bidId, b.bidder]));
  const sliders = data.sections
    .map(
      (s) => {
        const id = escape(`w-${s.key}`);
        return `<div class="slider"><label for="${id}">${escape(s.title)} weight</label>
<input type="range" id="${id}" data-section="${escape(s.key)}" min="0" max="100" step="0.5" value="${s.weight}" aria-describedby="${id}-value">
<output id="${id}-value" for="${id}">${pct(s.weight)}</output></div>`;
      },
    )
    .join("\n");
  const charts = sweeps.map((sweep) => chart(sweep, name, input.highlight)).join("\n");
  const places = Math.min(problem.bids.length, PLACES_SHOWN);
  const lower = problem.bids.length > places;
  const chanceCell = (p: number) => `<td><span class="track" aria-hidden="true"><span class="bar" style="width:${(p * 100).toFixed(1)}%"></span></span> ${formatChance(p, 1)}</td>`;
  const acceptability = problem.bids
    .map((b, i) => {
      const row = smaa.rankAcceptability[i]!;
      const shown = row.slice(0, places).map(chanceCell).join("");
      const rest = lower ? chanceCell(row.slice(places).reduce((a, v) => a + v, 0)) : "";
      return `<tr><th scope="row">${escape(b.bidder)}</th>${shown}${rest}</tr>`;
    })
    .join("\n");
  const placeHeaders = Array.from({ length: places }, (_, r) => `<th scope="col">${formatOrdinal(r + 1)}</th>`).join("") + (lower ? `<th scope="col">${formatOrdinal(places + 1)} or lower</th>` : "");
  const typicalWeights = problem.bids
    .map((b, i) => {
      const central = smaa.centralWeights[i];
      const cells = central ? central.map((w) => `<td>${formatChance(w, 0)}</td>`).join("") : `<td colspan="${sections.length}">Not first in any of the random weightings</td>`;
      return `<tr><th scope="row">${escape(b.bidder)}</th>${cells}</tr>`;
    })
    .join("\n");
  const limits = input.weightRanges && input.weightRanges.length > 0 ? `, within these limits: ${describeWeightRanges(input.weightRanges, sections)}` : "";
  const ranges = input.uncertainScores ? " Scores given as ranges were drawn at random within them in every weighting." : "";
  // The exact text between <script> and </script>: the policy's hash is of these characters.
  const script = `\nconst DATA = ${jsonForScript(data)};\n${PAGE_SCRIPT}`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(script)}">
<title>${escape(`What-if: ${input.title}`)}</title>
<style>
body { font-family: Arial, sans-serif; font-size: 1rem; line-height: 1.5; color: #1a1a1a; max-width: 70rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; } h3 { font-size: 1.1rem; }
.slider { display: grid; grid-template-columns: 12rem 1fr 5rem; gap: 0.5rem; align-items: center; margin: 0.5rem 0; }
input[type=range] { width: 100%; }
input:focus-visible { outline: 3px solid #1b6ca8; outline-offset: 2px; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #767676; padding: 0.3rem 0.6rem; text-align: left; }
thead th { background: #e7e6e6; }
.chart svg { width: 100%; height: auto; }
/* Side by side where there is room; one above the other on a phone or at high zoom (WCAG reflow). */
.chart { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr)); gap: 1rem; align-items: start; }
.scroll { overflow-x: auto; max-width: 100%; }
.scroll:focus-visible { outline: 3px solid #1b6ca8; }
.track { display: inline-block; width: 4rem; height: 0.9rem; border: 1px solid #767676; vertical-align: middle; }
.bar { display: block; height: 100%; background: #1b6ca8; }
#acceptability td { white-space: nowrap; }
@media (max-width: 40rem) {
  .slider { grid-template-columns: 1fr 4rem; }
  .slider label { grid-column: 1 / -1; }
  /* The numbers carry the meaning; on a narrow screen the bars give way to them. */
  .track { display: none; }
}
.note { color: #444; }
</style>
</head>
<body>
<main>
<h1>${escape(`What-if: ${input.title}`)}</h1>
<p>Move a weight to see how the totals and the ranking change. The other weights keep their proportions, so the weights always add up to 100%.</p>
<h2>Weights</h2>
<form id="weights">
${sliders}
</form>
<h2 id="ranking-heading">Ranking at these weights</h2>
<p id="leader" aria-live="polite"></p>
<table id="ranking" aria-labelledby="ranking-heading"><thead><tr><th scope="col">Rank</th><th scope="col">Bidder</th><th scope="col">Total (out of 100)</th></tr></thead><tbody></tbody></table>
<h2>How each weight moves the totals</h2>
<p class="note">Each line is a bidder's total as one section's weight goes from 0% to 100%. Circles mark the weights where two bidders change places; the dashed line is the proposed weight.</p>
${charts}
<h2 id="chance-heading">Chance of each place when the weights are uncertain</h2>
<p class="note">Each bidder's share of ${smaa.samples.toLocaleString("en-GB")} random weightings (SMAA-2, seed ${input.seed}, every weighting equally likely${escape(limits)}) in which it takes each place. The bars show the same figures as the numbers.${ranges}</p>
<div class="scroll" role="region" aria-labelledby="chance-heading" tabindex="0"><table id="acceptability" aria-labelledby="chance-heading"><thead><tr><th scope="col">Bidder</th>${placeHeaders}</tr></thead><tbody>
${acceptability}
</tbody></table></div>
<h3 id="typical-heading">Typical weights when each bidder comes first</h3>
<p class="note">The average weights of the random weightings in which the bidder came first (SMAA-2's central weights): the kind of weighting that favours it.</p>
<div class="scroll" role="region" aria-labelledby="typical-heading" tabindex="0"><table id="typical-weights" aria-labelledby="typical-heading"><thead><tr><th scope="col">Bidder</th>${data.sections.map((s) => `<th scope="col">${escape(s.title)}</th>`).join("")}</tr></thead><tbody>
${typicalWeights}
</tbody></table></div>
</main>
<script>${script}</script>
</body>
</html>
`;
}

function chart(sweep: WeightSweep, name: Map<string, string>, highlight: string | undefined): string {
  const title = sectionTitles[sweep.section];
  const drawing = weightChartSvg(sweep, name, highlight === undefined ? {} : { highlight });
  // The table lists what the chart marks: with many bids, changes of first place and the organisation's crossings.
  const rows = drawing.marked.map((b) => `<tr><td>${pct(b.weight.valueOf())}</td><td>${escape(name.get(b.above)!)} overtakes ${escape(name.get(b.below)!)}</td></tr>`).join("");
  const unlisted = sweep.breakEvens.length - drawing.marked.length;
  const more = unlisted > 0 ? `<tr><td colspan="2">${unlisted} other crossings between other bidders are not listed (tender-eval whatif --json gives them all).</td></tr>` : "";
  return `<section class="chart" aria-label="${escape(title)}">
<div><h3>${escape(title)} weight</h3>
${drawing.svg}</div>
<table><caption>Break-even points: ${escape(title)}</caption><thead><tr><th scope="col">Weight</th><th scope="col">What changes</th></tr></thead><tbody>${rows || (unlisted === 0 ? '<tr><td colspan="2">No two bidders change places.</td></tr>' : "")}${more}</tbody></table>
</section>`;
}

/**
 * The page's script after its data. It writes names only through textContent, never as markup. An inline
 * event handler (onsubmit=…) would be blocked by the policy, so the form's submit is stopped here.
 */
const PAGE_SCRIPT = `const inputs = [...document.querySelectorAll("input[type=range]")];
// Enter must not submit the form: there is nowhere to send it, and form-action 'none' would refuse it.
document.getElementById("weights").addEventListener("submit", (event) => event.preventDefault());
// The exact weights live here: range inputs snap to their step, so they only display them.
const state = Object.fromEntries(DATA.sections.map((s) => [s.key, s.weight]));
function rescale(changed) {
  const key = changed.dataset.section;
  const others = DATA.sections.map((s) => s.key).filter((k) => k !== key);
  const rest = others.reduce((a, k) => a + state[k], 0);
  const target = 100 - Number(changed.value);
  state[key] = Number(changed.value);
  for (const k of others) state[k] = rest > 0 ? (state[k] * target) / rest : target / others.length;
  for (const i of inputs) if (i !== changed) i.value = String(state[i.dataset.section]);
}
function render() {
  const w = state;
  for (const i of inputs) document.getElementById(i.id + "-value").textContent = Math.round(state[i.dataset.section] * 10) / 10 + "%";
  const totals = DATA.bids.map((b) => ({ name: b.name, total: DATA.sections.reduce((a, s) => a + w[s.key] * b.shares[s.key], 0) }));
  totals.sort((a, b) => b.total - a.total);
  const body = document.querySelector("#ranking tbody");
  body.replaceChildren();
  totals.forEach((t, index) => {
    const rank = index > 0 && Math.abs(t.total - totals[index - 1].total) < 1e-9 ? body.lastChild.firstChild.textContent : String(index + 1);
    const row = document.createElement("tr");
    for (const [tag, text] of [["td", rank], ["th", t.name], ["td", t.total.toFixed(2)]]) {
      const cell = document.createElement(tag);
      if (tag === "th") cell.scope = "row";
      cell.textContent = text;
      row.appendChild(cell);
    }
    body.appendChild(row);
  });
  document.getElementById("leader").textContent = totals[0].name + " leads with " + totals[0].total.toFixed(2) + " points.";
}
for (const i of inputs) i.addEventListener("input", () => { rescale(i); render(); });
render();
`;

/**
 * Nothing but the page's own script runs, and nothing is fetched: no images, fonts, frames or
 * connections, and no <base> or form can point anywhere. Styles may be inline (the bars' widths are
 * style attributes); CSS cannot run script, and every value in the markup is escaped anyway. A policy
 * given in a <meta> tag applies only from that tag on, so it comes before the styles and the script.
 */
function contentSecurityPolicy(script: string): string {
  return ["default-src 'none'", `script-src ${cspHashSource(script)}`, "style-src 'unsafe-inline'", "connect-src 'none'", "form-action 'none'", "base-uri 'none'"].join("; ");
}
