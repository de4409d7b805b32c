import { useMemo, useState } from "preact/hooks";
import { exact, type Exact } from "../src/arithmetic/exact.js";
import { whatifBriefingData } from "../src/documents/whatif-briefing.js";
import { formatChance, formatPoints, percentagesAddingTo100 } from "../src/language/uk-format.js";
import type { SectionKey } from "../src/model/scoring-model.js";
import { titleOfKey } from "../src/model/sections.js";
import { chanceChartSvg, weightChartSvg } from "../src/presentation/weight-chart.js";
import type { Problem } from "../src/problems/problem.js";
import { standingsAt, sweepWeight, totalAt, withWeight } from "../src/sensitivity/weight-sweep.js";
import { whatifBriefing, whatifBriefingInput, type Whatif } from "../src/workflows/whatif.js";
import { pictureOfSvgInBrowser } from "./draw-picture.js";
import { download } from "./open-files.js";
import { ProblemsList } from "./problems-list.js";
import { shippedTemplate } from "./shipped.js";
import { DOCX, today } from "./take-away.js";


/**
 * Where the organisation stands, drawn from one what-if analysis: the briefing's own words, weight
 * sliders that re-rank with the library's exact arithmetic, the charts and their data, the chance of each
 * place, and the briefing to download. The organisation is marked in every table and chart.
 */
export function WhatifView({ whatif }: { whatif: Whatif }) {
  const org = whatif.organisationId!;
  const sections = [...whatif.problem.weights.keys()];
  const proposed = whatif.problem.weights;
  const [weights, setWeights] = useState(proposed);
  const [briefingProblems, setBriefingProblems] = useState<Problem[]>([]);
  const [making, setMaking] = useState(false);
  const brief = useMemo(() => whatifBriefingData(whatifBriefingInput(whatif, today())!), [whatif]);

  const live = { ...whatif.problem, weights };
  const standings = standingsAt(live);
  const names = new Map(live.bids.map((b) => [b.bidId, b.bidder]));
  const shown = percentagesAddingTo100(sections.map((s) => weights.get(s)!.valueOf() / 100), 1);
  const moved = sections.some((s) => !weights.get(s)!.equals(proposed.get(s)!));
  const orgName = names.get(org)!;

  const makeBriefing = async () => {
    setMaking(true);
    try {
      const made = await whatifBriefing(whatif, { template: shippedTemplate("whatif-briefing"), date: today(), drawPicture: pictureOfSvgInBrowser });
      if (made.ok) download("whatif-briefing.docx", made.value, DOCX);
      setBriefingProblems(made.problems);
    } finally {
      setMaking(false);
    }
  };

  return (
    <section aria-labelledby="stand-heading" class="whatif">
      <h3 id="stand-heading">Where {orgName} stands</h3>
      <ul>
        {brief.inBrief.map((t) => (
          <li>{t.text}</li>
        ))}
      </ul>
      <p class="hint">{brief.basis}</p>

      <h3>Try other weights</h3>
      <p>
        Move a section's weight and the others keep their proportions, so the weights always add up to 100%. The ranking below is worked out exactly at the weights
        shown.
      </p>
      <div class="sliders">
        {sections.map((s, i) => (
          <div class="slider">
            <label for={`w-${s}`}>{titleOfKey(s, whatif.problem.titles?.get(s))}</label>
            <input
              id={`w-${s}`}
              type="range"
              min={0}
              max={100}
              step={0.5}
              value={weights.get(s)!.valueOf()}
              aria-valuetext={shown[i]}
              onInput={(e) => setWeights(withWeight(weights, s, exact((e.currentTarget as HTMLInputElement).value)))}
            />
            <output for={`w-${s}`} id={`w-${s}-value`}>
              {shown[i]}
            </output>
          </div>
        ))}
      </div>
      <button type="button" class="secondary" onClick={() => setWeights(proposed)} disabled={!moved}>
        Back to the proposed weights
      </button>
      <table class="standings">
        <caption>{moved ? "Ranking at the weights shown" : "Ranking at the proposed weights"}</caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Bid or profile</th>
            <th scope="col" class="num">
              Total (out of 100)
            </th>
          </tr>
        </thead>
        <tbody aria-live="polite">
          {standings.map((s) => (
            <tr class={s.bidId === org ? "ours" : undefined}>
              <td>{`${s.rank}${s.tied ? "=" : ""}`}</td>
              <th scope="row">
                {s.bidder}
                {s.bidId === org ? " (you)" : ""}
              </th>
              <td class="num">{formatPoints(s.total, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>How each weight moves the totals</h3>
      {sections.map((s, i) => (
        <SweepChart section={s} live={live} names={names} org={org} marker={{ word: moved ? "shown" : "proposed", value: shown[i]! }} />
      ))}

      <h3>How often each came first among the weightings tried</h3>
      <p>{brief.chance.intro}</p>
      <ChanceChart whatif={whatif} org={org} />
      <table>
        <caption>How often each came first among the weightings tried</caption>
        <thead>
          <tr>
            <th scope="col">Bid or profile</th>
            <th scope="col" class="num">
              First
            </th>
            {brief.chance.hasTopPlaces && (
              <th scope="col" class="num">
                {`In the ${brief.chance.topHeading.toLowerCase()}`}
              </th>
            )}
            <th scope="col">Typical weights when it comes first</th>
          </tr>
        </thead>
        <tbody>
          {brief.chance.rows.map((r, i) => (
            <tr class={whatif.problem.bids[i]!.bidId === org ? "ours" : undefined}>
              <th scope="row">{r.bidder}</th>
              <td class="num">{r.first}</td>
              {brief.chance.hasTopPlaces && <td class="num">{r.topPlaces}</td>}
              <td>{r.typicalWeights}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Take it to the consultation</h3>
      <button type="button" onClick={makeBriefing} disabled={making}>
        Download the briefing (.docx)
      </button>
      <p aria-live="polite" class="status">
        {making ? "Making the briefing…" : ""}
      </p>
      <ProblemsList problems={briefingProblems} heading="The briefing could not be made" />
      <details>
        <summary>How these figures are worked out</summary>
        <ul>
          {brief.method.map((m) => (
            <li>{m.text}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

/** One section's chart at the live weights, followed by the data it shows, as its description promises. */
function SweepChart(props: { section: SectionKey; live: Whatif["problem"]; names: ReadonlyMap<string, string>; org: string; marker: { word: "proposed" | "shown"; value: string } }) {
  const { section, live, names, org, marker } = props;
  const sweep = sweepWeight(live, section);
  const chart = weightChartSvg(sweep, names, { highlight: org, marker, titles: live.titles });
  const title = titleOfKey(section, live.titles?.get(section));
  const at = (w: Exact) => formatPoints(w, 1);
  return (
    <figure class="chart">
      <figcaption>
        {title}: each total as the {title.toLowerCase()} weight goes from 0% to 100% ({marker.word} {marker.value})
      </figcaption>
      {/* The library's SVG: every name in it is escaped where it is made (presentation/weight-chart.ts). */}
      <div class="svg" dangerouslySetInnerHTML={{ __html: chart.svg }} />
      <table>
        <caption>
          The data of the {title.toLowerCase()} chart: totals at 0%, at the {marker.word} {marker.value} and at 100%
        </caption>
        <thead>
          <tr>
            <th scope="col">Bid or profile</th>
            <th scope="col" class="num">
              At 0%
            </th>
            <th scope="col" class="num">
              At {marker.value}
            </th>
            <th scope="col" class="num">
              At 100%
            </th>
          </tr>
        </thead>
        <tbody>
          {sweep.lines.map((l) => (
            <tr class={l.bidId === org ? "ours" : undefined}>
              <th scope="row">{l.bidder}</th>
              <td class="num">{at(totalAt(l, exact(0)))}</td>
              <td class="num">{at(totalAt(l, sweep.currentWeight))}</td>
              <td class="num">{at(totalAt(l, exact(100)))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sweep.breakEvens.length > 0 && (
        <ul class="crossings">
          {sweep.breakEvens.map((b) => (
            <li>
              At {at(b.weight)}%, {names.get(b.above)} overtakes {names.get(b.below)} as the weight rises.
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

function ChanceChart({ whatif, org }: { whatif: Whatif; org: string }) {
  const rows = whatif.problem.bids.map((b, i) => {
    const first = whatif.analysis.chance.rankAcceptability[i]![0]!;
    return { bidId: b.bidId, bidder: b.bidder, first, label: formatChance(first) };
  });
  const chart = chanceChartSvg(rows, { highlight: org });
  return <div class="svg" dangerouslySetInnerHTML={{ __html: chart.svg }} />;
}
