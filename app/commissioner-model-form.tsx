import { scoredSectionKeys, sectionTitles, type ScoredSectionKey } from "../src/model/scoring-model.js";
import { priceMethods } from "../src/scoring/price-methods.js";
import { titleOfKey } from "../src/model/sections.js";
import { at, Field, fieldInfo, type Edit } from "./commissioner-fields.js";
import { ModelRules, NORMALISE_WORDS } from "./commissioner-model-rules.js";

const M = "scoring-model.yaml" as const;

/** Each price method by the name guidance gives it, as the reports do. */
const PRICE_METHOD_WORDS: Record<string, string> = Object.fromEntries(Object.entries(priceMethods).map(([id, m]) => [id, m.name]));

/** The scoring model as a commissioner edits it: sections and weights, criteria, thresholds, gates, scales, price method. */
export function ModelForm({ data, onEdit }: { data: unknown; onEdit: Edit }) {
  const sections = (at(data, ["sections"]) ?? {}) as Record<string, unknown>;
  const scales = Object.keys((at(data, ["scales"]) ?? {}) as Record<string, unknown>);
  const missing = scoredSectionKeys.filter((k) => sections[k] === undefined);
  // Further scored sections (e.g. fairWork), after the known ones, in the order the model gives them.
  const further = Object.keys(sections).filter((k) => k !== "price" && !(scoredSectionKeys as readonly string[]).includes(k));
  return (
    <section aria-labelledby="model-heading">
      <h3 id="model-heading">The scoring model</h3>
      <p class="hint">{fieldInfo(M, ["sections"])?.description}.</p>
      {sections.price !== undefined && <PriceSection data={data} onEdit={onEdit} />}
      {scoredSectionKeys
        .filter((k) => sections[k] !== undefined)
        .map((k) => (
          <ScoredSection key={k} section={k} data={data} scales={scales} onEdit={onEdit} />
        ))}
      {further.map((k) => (
        <ScoredSection key={k} section={k} data={data} scales={scales} onEdit={onEdit} />
      ))}
      <p>
        {missing.map((k) => (
          <button type="button" class="secondary" onClick={() => onEdit(M, ["sections", k], newSection(k, scales))}>
            Add a {sectionTitles[k].toLowerCase()} section
          </button>
        ))}
        <button type="button" class="secondary" onClick={() => { const k = freeKey(sections); onEdit(M, ["sections", k], newFurtherSection(k, scales)); }}>
          Add another scored section
        </button>
      </p>
      <Gates data={data} onEdit={onEdit} />
      <Combination data={data} onEdit={onEdit} />
      <Scales data={data} scales={scales} onEdit={onEdit} />
      <ModelRules data={data} onEdit={onEdit} />
    </section>
  );
}

/** A new section, at 0% until the commissioner gives it a weight, with one criterion to start from. */
function newSection(key: ScoredSectionKey, scales: readonly string[]) {
  return { weight: 0, scale: scales[0] ?? "", criteria: [{ id: `${prefixOf(key)}1`, title: "Title of the question", weight: 100 }] };
}

/** A further section (beyond quality, social value and the user panel) needs its own title and a kind. */
function newFurtherSection(key: string, scales: readonly string[]) {
  return { title: "Title of the section", kind: "other", weight: 0, scale: scales[0] ?? "", criteria: [{ id: `${prefixOf(key)}1`, title: "Title of the question", weight: 100 }] };
}

/** The first unused id of the form section2, section3, … */
function freeKey(sections: Record<string, unknown>): string {
  let n = 1;
  while (sections[`section${n}`] !== undefined) n++;
  return `section${n}`;
}

/** Criterion ids per section: Q1, SV1, UP1, and for a further section its key and a dot (section1.1), unique across the model. */
function prefixOf(section: string): string {
  return section === "quality" ? "Q" : section === "socialValue" ? "SV" : section === "userPanel" ? "UP" : `${section}.`;
}

function PriceSection({ data, onEdit }: { data: unknown; onEdit: Edit }) {
  const base = ["sections", "price"] as const;
  const type = at(data, [...base, "method", "type"]);
  return (
    <fieldset class="section">
      <legend>{sectionTitles.price}</legend>
      <Field file={M} path={[...base, "weight"]} data={data} label="Weight of price (%)" kind="number" onEdit={onEdit} />
      <Field
        file={M}
        path={[...base, "method", "type"]}
        data={data}
        label="Price method"
        kind="choice"
        words={PRICE_METHOD_WORDS}
        hint={fieldInfo(M, [...base, "method"])?.description}
        onEdit={(file, _path, value) => onEdit(file, [...base, "method"], { type: value })}
      />
      {(type === "budget-ceiling" || type === "custom") && <Field file={M} path={[...base, "method", "budget"]} data={data} label="Budget (£)" kind="number" onEdit={onEdit} />}
      {type === "custom" && (
        <>
          <Field file={M} path={[...base, "method", "formula"]} data={data} label="Formula" kind="text" onEdit={onEdit} />
          <Field file={M} path={[...base, "method", "description"]} data={data} label="The formula in words" kind="long" onEdit={onEdit} />
        </>
      )}
      <Field file={M} path={[...base, "includeExtensionYears"]} data={data} label="Include the extension years in the whole-life price" kind="yes-no" onEdit={onEdit} />
    </fieldset>
  );
}

function ScoredSection({ section, data, scales, onEdit }: { section: ScoredSectionKey; data: unknown; scales: readonly string[]; onEdit: Edit }) {
  const base = ["sections", section] as const;
  const criteria = (at(data, [...base, "criteria"]) ?? []) as unknown[];
  const known = (scoredSectionKeys as readonly string[]).includes(section);
  const ownTitle = at(data, [...base, "title"]) as string | undefined;
  const title = known ? titleOfKey(section) : (ownTitle ?? section);
  return (
    <fieldset class="section">
      <legend>{ownTitle ?? title}</legend>
      {!known && (
        <>
          <Field file={M} path={[...base, "title"]} data={data} label="Title of the section" kind="text" onEdit={onEdit} />
          <Field file={M} path={[...base, "kind"]} data={data} label="Kind of section" kind="choice" hint={fieldInfo(M, [...base, "kind"])?.description} onEdit={onEdit} />
          <button type="button" class="secondary" onClick={() => onEdit(M, base, undefined)}>
            Remove this section
          </button>
        </>
      )}
      <Field file={M} path={[...base, "weight"]} data={data} label={`Weight of ${title.toLowerCase()} (%)`} kind="number" onEdit={onEdit} />
      <Field file={M} path={[...base, "minimumPercent"]} data={data} label="Minimum share of this section's points (%)" kind="number" onEdit={onEdit} />
      <Field file={M} path={[...base, "scale"]} data={data} label="Scale" kind="choice" choices={scales} onEdit={onEdit} />
      <h4>Criteria</h4>
      <p class="hint">
        {fieldInfo(M, [...base, "criteria"])?.description}. Id: {fieldInfo(M, [...base, "criteria", 0, "id"])?.description}. Weight in section:{" "}
        {fieldInfo(M, [...base, "criteria", 0, "weight"])?.description}. Minimum score: {fieldInfo(M, [...base, "criteria", 0, "minimumScore"])?.description}.
      </p>
      {criteria.map((_c, i) => {
        const path = [...base, "criteria", i];
        const id = String(at(data, [...path, "id"]) ?? "");
        return (
          <fieldset class="criterion">
            <legend>
              {title}, criterion {i + 1}
              {id !== "" ? ` (${id})` : ""}
            </legend>
            <div class="row">
              <Field file={M} path={[...path, "id"]} data={data} label="Id" kind="text" onEdit={onEdit} quiet />
              <Field file={M} path={[...path, "weight"]} data={data} label="Weight in section (%)" kind="number" onEdit={onEdit} quiet />
              <Field file={M} path={[...path, "minimumScore"]} data={data} label="Minimum score" kind="number" onEdit={onEdit} quiet />
            </div>
            <Field file={M} path={[...path, "title"]} data={data} label="Title" kind="text" onEdit={onEdit} quiet={i > 0} />
            <Field file={M} path={[...path, "question"]} data={data} label="Question" kind="long" onEdit={onEdit} quiet={i > 0} />
            {criteria.length > 1 && (
              <button type="button" class="secondary" onClick={() => onEdit(M, path, undefined)}>
                Remove {id || `criterion ${i + 1}`}
              </button>
            )}
          </fieldset>
        );
      })}
      <button type="button" class="secondary" onClick={() => onEdit(M, [...base, "criteria", criteria.length], { id: nextId(criteria, section), title: "Title of the question", weight: 0 })}>
        Add a criterion to {title.toLowerCase()}
      </button>
    </fieldset>
  );
}

/** An id not yet used in the section: Q4 after Q1–Q3. */
function nextId(criteria: readonly unknown[], section: ScoredSectionKey): string {
  const prefix = prefixOf(section);
  const used = new Set(criteria.map((c) => String((c as { id?: unknown }).id)));
  let n = criteria.length + 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

function Gates({ data, onEdit }: { data: unknown; onEdit: Edit }) {
  const gates = (at(data, ["gates"]) ?? []) as unknown[];
  return (
    <fieldset class="section">
      <legend>Gates (pass or fail)</legend>
      <p class="hint">{fieldInfo(M, ["gates"])?.description}.</p>
      {gates.map((_g, i) => (
        <fieldset class="criterion">
          <legend>Gate {i + 1}</legend>
          <Field file={M} path={["gates", i, "id"]} data={data} label="Id" kind="text" onEdit={onEdit} quiet={i > 0} />
          <Field file={M} path={["gates", i, "title"]} data={data} label="Title" kind="text" onEdit={onEdit} quiet={i > 0} />
          <Field file={M} path={["gates", i, "description"]} data={data} label="What a bid must show" kind="long" onEdit={onEdit} quiet={i > 0} />
          <button type="button" class="secondary" onClick={() => onEdit(M, ["gates", i], undefined)}>
            Remove gate {i + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" class="secondary" onClick={() => onEdit(M, ["gates", gates.length], { id: `gate-${gates.length + 1}`, title: "What is required, e.g. Insurance" })}>
        Add a gate
      </button>
    </fieldset>
  );
}

function Combination({ data, onEdit }: { data: unknown; onEdit: Edit }) {
  return (
    <fieldset class="section">
      <legend>Combining evaluators' scores</legend>
      <Field file={M} path={["combination", "method"]} data={data} label="Method" kind="choice" onEdit={onEdit} />
      <Field file={M} path={["combination", "tolerance"]} data={data} label="Tolerance (scale points)" kind="number" onEdit={onEdit} />
    </fieldset>
  );
}

function Scales({ data, scales, onEdit }: { data: unknown; scales: readonly string[]; onEdit: Edit }) {
  return (
    <>
      {scales.map((id) => {
        const values = (at(data, ["scales", id, "values"]) ?? []) as unknown[];
        return (
          <fieldset class="section">
            <legend>Scale: {String(at(data, ["scales", id, "title"]) ?? id)}</legend>
            <Field file={M} path={["scales", id, "title"]} data={data} label="Title" kind="text" onEdit={onEdit} />
            <Field file={M} path={["scales", id, "values"]} data={data} label="Scores allowed" kind="numbers" onEdit={onEdit} />
            <Field file={M} path={["scales", id, "normalise"]} data={data} label="How a score becomes points" kind="choice" words={NORMALISE_WORDS} onEdit={onEdit} />
            <p class="hint">{fieldInfo(M, ["scales", id, "descriptors"])?.description}.</p>
            {values.map((v) => (
              <Field file={M} path={["scales", id, "descriptors", String(v)]} data={data} label={`What ${String(v)} means`} kind="text" onEdit={onEdit} quiet />
            ))}
          </fieldset>
        );
      })}
    </>
  );
}
