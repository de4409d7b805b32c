import { sectionTitles, type SectionKey } from "../model/scoring-model.js";
import type { SmaaResult } from "./smaa.js";
import { escapeXml as escape, weightChartSvg } from "../presentation/weight-chart.js";
import type { WeightSweep, WeightingProblem } from "./weight-sweep.js";

const pct = (n: number, places = 1) => `${Number(n.toFixed(places))}%`;

/**
 * A self-contained page (no network, no server) for exploring how the weighting moves the outcome:
 * sliders re-rank the bids live, a chart per section shows each total against that section's weight with
 * break-even points marked, and rank-acceptability bars show the chance of each place. Every chart has a
 * data table beside it, and every control is a labelled native input, so it works from the keyboard.
 */
export function whatifPage(input: { title: string; problem: WeightingProblem; sweeps: WeightSweep[]; smaa: SmaaResult; seed: number; highlight?: string }): string {
  const { problem, sweeps, smaa } = input;
  const sections = [...problem.weights.keys()] as SectionKey[];
  const data = {
    sections: sections.map((k) => ({ key: k, title: sectionTitles[k], weight: problem.weights.get(k)!.valueOf() })),
    bids: problem.bids.map((b) => ({ id: b.bidId, name: b.bidder, shares: Object.fromEntries(sections.map((k) => [k, b.shares.get(k)?.valueOf() ?? 0])) })),
  };
  const name = new Map(problem.bids.map((b) => [b.bidId, b.bidder]));
  const sliders = data.sections
    .map(
      (s) => `<div class="slider"><label for="w-${s.key}">${escape(s.title)} weight</label>
<input type="range" id="w-${s.key}" data-section="${s.key}" min="0" max="100" step="0.5" value="${s.weight}" aria-describedby="w-${s.key}-value">
<output id="w-${s.key}-value" for="w-${s.key}">${pct(s.weight)}</output></div>`,
    )
    .join("\n");
  const charts = sweeps.map((sweep) => chart(sweep, name, input.highlight)).join("\n");
  const acceptability = problem.bids
    .map((b, i) => {
      const first = smaa.rankAcceptability[i]![0]! * 100;
      return `<tr><th scope="row">${escape(b.bidder)}</th><td><span class="bar" style="width:${first.toFixed(1)}%"></span> ${pct(first)}</td><td>${pct(
        smaa.rankAcceptability[i]!.slice(0, 3).reduce((a, v) => a + v, 0) * 100,
      )}</td></tr>`;
    })
    .join("\n");
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
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
.chart { display: grid; grid-template-columns: minmax(20rem, 2fr) minmax(14rem, 1fr); gap: 1rem; align-items: start; }
.bar { display: inline-block; height: 0.9rem; background: #1b6ca8; vertical-align: middle; min-width: 1px; }
.note { color: #444; }
</style>
</head>
<body>
<main>
<h1>${escape(`What-if: ${input.title}`)}</h1>
<p>Move a weight to see how the totals and the ranking change. The other weights keep their proportions, so the weights always add up to 100%.</p>
<h2>Weights</h2>
<form id="weights" onsubmit="return false">
${sliders}
</form>
<h2 id="ranking-heading">Ranking at these weights</h2>
<p id="leader" aria-live="polite"></p>
<table id="ranking" aria-labelledby="ranking-heading"><thead><tr><th scope="col">Rank</th><th scope="col">Bidder</th><th scope="col">Total (out of 100)</th></tr></thead><tbody></tbody></table>
<h2>How each weight moves the totals</h2>
<p class="note">Each line is a bidder's total as one section's weight goes from 0% to 100%. Circles mark the weights where two bidders change places; the dashed line is today's weight.</p>
${charts}
<h2 id="chance-heading">Chance of winning when the weights are uncertain</h2>
<p class="note">Share of ${smaa.samples.toLocaleString("en-GB")} random weightings (SMAA-2, seed ${input.seed}) in which each bidder comes first, and comes in the top three.</p>
<table aria-labelledby="chance-heading"><thead><tr><th scope="col">Bidder</th><th scope="col">First</th><th scope="col">Top three</th></tr></thead><tbody>
${acceptability}
</tbody></table>
</main>
<script>
const DATA = ${JSON.stringify(data)};
const inputs = [...document.querySelectorAll("input[type=range]")];
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
  body.innerHTML = "";
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
</script>
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
