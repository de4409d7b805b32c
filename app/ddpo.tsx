import { useEffect, useMemo, useState } from "preact/hooks";
import { stringify } from "yaml";
import type { ScoredSectionKey } from "../src/model/scoring-model.js";
import { scoredSections, titleOfKey } from "../src/model/sections.js";
import type { Problem } from "../src/problems/problem.js";
import type { NamedFile } from "../src/workflows/files.js";
import { describeReadyMadeModel } from "../src/workflows/starter.js";
import { validateModel } from "../src/workflows/tender.js";
import { loadProfiles, whatifForProfiles, type Whatif } from "../src/workflows/whatif.js";
import { whatifFromData } from "../src/workflows/whatif-data.js";
import type { JourneyProps } from "./journeys.js";
import { download, namedFiles } from "./open-files.js";
import { ProblemsList } from "./problems-list.js";
import { emptyRow, profilesDocument, tableOf, type ProfileRow, type ProfilesTable } from "./profiles-table.js";
import { readyMadeModels } from "./shipped.js";
import { WeightLimitsEditor } from "./weight-limits.js";
import { WhatifView } from "./whatif-view.js";
import { webWorkerRuntime } from "./web-worker-runtime.js";

/** Weight samples for the chance of each place: the CLI's default, so the page and `whatif` agree. */
const SAMPLES = 100_000;
const SEED = 1;

const newTable = (): ProfilesTable => ({
  organisation: emptyRow(),
  competitors: [emptyRow("National provider"), emptyRow("Local charity")],
  limits: {},
  kept: { organisationScores: {}, competitorScores: [] },
});

type Step = { kind: "edit" } | { kind: "working"; done: number; total: number } | { kind: "problems"; problems: Problem[] } | { kind: "done"; whatif: Whatif } | { kind: "fault"; message: string };

/**
 * The DDPO's or small charity's journey, before a tender exists: its own expected scores and price and
 * rough competitor profiles, typed in or opened, against the proposed model; then where it stands, how the
 * weighting moves that, its chance of each place, and the briefing to take to pre-tender consultation.
 */
export function DdpoJourney({ workerSource, preloaded }: JourneyProps) {
  const readyMade = useMemo(() => readyMadeModels().map((file) => ({ file, described: describeReadyMadeModel(file) })), []);
  // The ready-made model `init` starts from unless told otherwise.
  const [model, setModel] = useState<NamedFile>((readyMade.find((m) => m.file.name.endsWith("/quality-led-social-care.yaml")) ?? readyMade[0]!).file);
  const [table, setTable] = useState<ProfilesTable>(newTable);
  // A page written by `whatif --html` opens on its analysis; the table below it is for trying other figures.
  const [step, setStep] = useState<Step>(() => {
    if (preloaded === undefined) return { kind: "edit" };
    const whatif = whatifFromData(preloaded);
    return whatif ? { kind: "done", whatif } : { kind: "fault", message: "the analysis saved in this page cannot be read (was the page edited?)" };
  });
  const [opening, setOpening] = useState<Problem[]>([]);

  // The table's score columns are the model's scored sections; its problems show once "See where we stand" is pressed.
  const [sections, setSections] = useState<ScoredSectionKey[]>([]);
  // Further sections' own titles (e.g. Fair work practices); the known ones go by their usual titles.
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    let current = true;
    void validateModel(model).then((checked) => {
      if (!current) return;
      const entries = checked.model ? scoredSections(checked.model) : [];
      setSections(entries.map((s) => s.key));
      setTitles(new Map(entries.map((s) => [s.key, s.name])));
    });
    return () => {
      current = false;
    };
  }, [model]);

  const openModel = async (list: FileList | null) => {
    const [file] = list ? await namedFiles(list) : [];
    if (file) setModel(file);
  };
  const openProfiles = async (list: FileList | null) => {
    const [file] = list ? await namedFiles(list) : [];
    if (!file) return;
    const loaded = await loadProfiles(file);
    setOpening(loaded.ok ? [] : loaded.problems);
    if (loaded.ok) setTable(tableOf(loaded.value.data, sections));
  };

  const see = async () => {
    setStep({ kind: "working", done: 0, total: 0 });
    try {
      const runtime = webWorkerRuntime(workerSource, (done, total) => setStep({ kind: "working", done, total }));
      const profiles = { name: "your profiles table", bytes: profilesDocument(table) };
      const outcome = await whatifForProfiles({ model, profiles }, { samples: SAMPLES, seed: SEED, runtime });
      setStep(outcome.ok ? { kind: "done", whatif: outcome.value } : { kind: "problems", problems: outcome.problems });
    } catch (error) {
      setStep({ kind: "fault", message: error instanceof Error ? error.message : String(error) });
    }
  };

  const saveProfiles = () => download("whatif-profiles.yaml", stringify(JSON.parse(profilesDocument(table))), "application/yaml");

  return (
    <section aria-labelledby="ddpo-heading">
      <h2 id="ddpo-heading">See how the weighting moves your chances</h2>
      <p>
        Before a tender is published: put in the scores and price you expect for your organisation and rough profiles of the competitors you expect, and see where you
        would stand under the proposed scoring model, how the weights change that, and what weighting to ask for.
      </p>

      {preloaded !== undefined && step.kind === "done" && step.whatif.basis === "tender" && (
        <p class="privacy">
          This page was made by <code>tender-eval whatif</code> from the scored tender {step.whatif.title}: it shows each bid's share of each section's points, never
          the evaluators' marks. Move the weights below to see how they change the result, or put in your own figures in the table.
        </p>
      )}
      {preloaded !== undefined && step.kind === "done" && <WhatifView whatif={step.whatif} />}
      <h3>1. The proposed scoring model</h3>
      <p>
        <label for="ddpo-model">Start from a ready-made model</label>
        <br />
        <select id="ddpo-model" onChange={(e) => setModel(readyMade[Number((e.currentTarget as HTMLSelectElement).value)]!.file)}>
          {readyMade.map((m, i) => (
            <option value={i} selected={m.file === model}>
              {m.described.ok ? `${m.described.value.title}` : m.file.name}
            </option>
          ))}
          {!readyMade.some((m) => m.file === model) && (
            <option value="" selected disabled>
              Your own model: {model.name}
            </option>
          )}
        </select>
      </p>
      <p>
        <label for="ddpo-model-file">or open the commissioner's scoring model (.yaml)</label>
        <br />
        <input id="ddpo-model-file" type="file" accept=".yaml,.yml,.json" onChange={(e) => openModel((e.currentTarget as HTMLInputElement).files)} />
      </p>

      <h3>2. Your organisation and the competitors</h3>
      <p>
        Scores are on the model's scale for each section (a range such as <code>3–4.5</code> where you are unsure). Prices are whole-life, in pounds; a competitor's may
        be relative to yours, such as <code>-15%</code> for 15% cheaper.
      </p>
      <p>
        <label for="ddpo-profiles-file">Open a profiles file or profiles sheet (.yaml or .xlsx)</label>
        <br />
        <input id="ddpo-profiles-file" type="file" accept=".yaml,.yml,.json,.xlsx" onChange={(e) => openProfiles((e.currentTarget as HTMLInputElement).files)} />
      </p>
      <ProblemsList problems={opening} heading="Problems in the profiles file" />
      <ProfilesEditor table={table} sections={sections} titles={titles} onChange={(t) => (setTable(t), setStep({ kind: "edit" }))} />
      <div class="actions">
        <button type="button" onClick={see} disabled={step.kind === "working"}>
          See where we stand
        </button>
        <button type="button" class="secondary" onClick={saveProfiles}>
          Save the table as a profiles file (.yaml)
        </button>
      </div>
      <div aria-live="polite" class="status">
        {step.kind === "working" && (
          <p>
            Trying {SAMPLES.toLocaleString("en-GB")} weightings in the background{step.total > 0 ? `: ${step.done} of ${step.total} parts done` : "…"}
            {step.total > 0 && <progress max={step.total} value={step.done} aria-label="Weightings tried" />}
          </p>
        )}
        {step.kind === "fault" && <p class="fault">Something went wrong inside tender-eval, not in what you typed: {step.message}. Your table is unchanged.</p>}
      </div>
      {step.kind === "problems" && <ProblemsList problems={step.problems} heading="Problems to correct first" />}
      {step.kind === "done" && preloaded === undefined && <WhatifView whatif={step.whatif} />}
    </section>
  );
}

/** The editable table: a row for your organisation and one per competitor; every cell labelled for screen readers. */
function ProfilesEditor({ table, sections, titles, onChange }: { table: ProfilesTable; sections: readonly ScoredSectionKey[]; titles: ReadonlyMap<string, string>; onChange: (t: ProfilesTable) => void }) {
  const titleOf = (key: string) => titleOfKey(key, titles.get(key));
  const rows: { row: ProfileRow; who: string; index: number }[] = [
    { row: table.organisation, who: "Your organisation", index: -1 },
    ...table.competitors.map((row, index) => ({ row, who: `Competitor ${index + 1}`, index })),
  ];
  const update = (index: number, change: (r: ProfileRow) => ProfileRow) =>
    onChange(index === -1 ? { ...table, organisation: change(table.organisation) } : { ...table, competitors: table.competitors.map((r, i) => (i === index ? change(r) : r)) });
  const remove = (index: number) =>
    onChange({ ...table, competitors: table.competitors.filter((_, i) => i !== index), kept: { ...table.kept, competitorScores: table.kept.competitorScores.filter((_, i) => i !== index) } });
  return (
    <>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Profiles table (scrolls sideways on a small screen)">
        <table class="editable">
          <caption>
            Expected price and scores<span class="narrow-only"> (scroll sideways for every column)</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Who</th>
              <th scope="col">Name</th>
              <th scope="col">Whole-life price</th>
              {sections.map((s) => (
                <th scope="col">{titleOf(s)} score</th>
              ))}
              <th scope="col">
                <span class="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ row, who, index }) => {
              const label = row.name.trim() || who;
              return (
                <tr class={index === -1 ? "ours" : undefined}>
                  <th scope="row">{who}</th>
                  <td>
                    <input type="text" value={row.name} aria-label={`${who}: name`} onInput={(e) => update(index, (r) => ({ ...r, name: (e.currentTarget as HTMLInputElement).value }))} />
                  </td>
                  <td>
                    <input type="text" inputMode="decimal" value={row.price} aria-label={`${label}: whole-life price`} onInput={(e) => update(index, (r) => ({ ...r, price: (e.currentTarget as HTMLInputElement).value }))} />
                  </td>
                  {sections.map((s) => (
                    <td>
                      <input
                        type="text"
                        inputMode="decimal"
                        class="score"
                        value={row.scores[s] ?? ""}
                        aria-label={`${label}: ${titleOf(s).toLowerCase()} score`}
                        onInput={(e) => update(index, (r) => ({ ...r, scores: { ...r.scores, [s]: (e.currentTarget as HTMLInputElement).value } }))}
                      />
                    </td>
                  ))}
                  <td>
                    {index >= 0 && table.competitors.length > 1 && (
                      <button type="button" class="secondary small" onClick={() => remove(index)}>
                        Remove<span class="visually-hidden"> {label}</span>
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button type="button" class="secondary" onClick={() => onChange({ ...table, competitors: [...table.competitors, emptyRow()] })}>
        Add a competitor
      </button>
      <WeightLimitsEditor sections={["price", ...sections]} titleOf={titleOf} limits={table.limits} onChange={(limits) => onChange({ ...table, limits })} />
    </>
  );
}
