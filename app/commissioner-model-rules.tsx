import { at, Field, fieldInfo, type Edit } from "./commissioner-fields.js";

const M = "scoring-model.yaml" as const;

/** The tie-break rules in words, as the chooser offers them. */
const TIE_BREAK_WORDS: Record<string, string> = {
  "highest-quality": "The higher quality score",
  "highest-social-value": "The higher social value score",
  "highest-user-panel": "The higher user panel score",
  "lowest-price": "The lower price",
};

const ROUNDING_OF_WORDS: Record<string, string> = {
  criterion: "Each criterion's points, and the price points",
  section: "Each section's points, and the price points",
};

/**
 * The model's name and version, and the rules that decide between bids beyond the weights: how equal totals
 * are separated and whether points are rounded. Each is published with the model, so each is in the form.
 */
export function ModelRules({ data, onEdit }: { data: unknown; onEdit: Edit }) {
  const tieBreak = (at(data, ["tieBreak"]) ?? []) as unknown[];
  const rounding = at(data, ["rounding"]);
  // A further scored section can break a tie too (highest-<id>), named by its title.
  const sections = (at(data, ["sections"]) ?? {}) as Record<string, { title?: unknown; kind?: unknown } | undefined>;
  const words: Record<string, string> = { ...TIE_BREAK_WORDS };
  for (const [key, s] of Object.entries(sections)) if (s?.kind !== undefined) words[`highest-${key}`] = `The higher ${typeof s.title === "string" && s.title !== "" ? s.title : key} score`;
  const unused = Object.keys(words).filter((r) => !tieBreak.includes(r));
  return (
    <>
      <fieldset class="section">
        <legend>The model's name and version</legend>
        <Field file={M} path={["title"]} data={data} label="Title of the model" kind="text" onEdit={onEdit} />
        <Field file={M} path={["id"]} data={data} label="Short name (letters, digits and dashes)" kind="text" onEdit={onEdit} />
        <Field file={M} path={["version"]} data={data} label="Version" kind="text" onEdit={onEdit} />
      </fieldset>

      <fieldset class="section">
        <legend>Equal totals</legend>
        <p class="hint">{fieldInfo(M, ["tieBreak"])?.description}.</p>
        {tieBreak.length === 0 && <p>No rule: bids with equal totals share their place.</p>}
        {tieBreak.map((_r, i) => (
          <div class="row tie-break">
            <Field file={M} path={["tieBreak", i]} data={data} label={i === 0 ? "First, the bid with" : `Then, if still equal, the bid with`} kind="choice" choices={Object.keys(words)} words={words} onEdit={onEdit} quiet />
            <button type="button" class="secondary small" onClick={() => onEdit(M, ["tieBreak", i], undefined)}>
              Remove rule {i + 1}
            </button>
          </div>
        ))}
        {unused.length > 0 && (
          <button type="button" class="secondary" onClick={() => onEdit(M, ["tieBreak", tieBreak.length], unused[0])}>
            Add a tie-break rule
          </button>
        )}
      </fieldset>

      <fieldset class="section">
        <legend>Rounding of points</legend>
        <p class="hint">{fieldInfo(M, ["rounding"])?.description}.</p>
        {rounding === undefined ? (
          <>
            <p>No rounding: points are exact, and rounded only where they are shown.</p>
            <button type="button" class="secondary" onClick={() => onEdit(M, ["rounding"], { step: 1, of: "criterion" })}>
              Add a published rounding rule
            </button>
          </>
        ) : (
          <>
            <Field file={M} path={["rounding", "step"]} data={data} label="Round to the nearest (1 for whole marks, 0.01 for two decimal places)" kind="number" onEdit={onEdit} />
            <Field file={M} path={["rounding", "of"]} data={data} label="What is rounded" kind="choice" words={ROUNDING_OF_WORDS} onEdit={onEdit} />
            <button type="button" class="secondary" onClick={() => onEdit(M, ["rounding"], undefined)}>
              Remove the rounding rule
            </button>
          </>
        )}
      </fieldset>
    </>
  );
}

/** How a scale's scores become points, in words. */
export const NORMALISE_WORDS: Record<string, string> = {
  "from-zero": "Score ÷ top score (on 1 to 5, a 1 earns 20% of the points)",
  "from-lowest": "From the lowest score (on 1 to 5, a 1 earns no points)",
};
