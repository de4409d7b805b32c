import type { LimitedSection, ProfilesTable, WeightLimit } from "./profiles-table.js";

/**
 * Limits on the weights, for when the commissioner has said where a weight will land ("price between 20%
 * and 40%"): the weightings tried then stay inside them, so how often each bid comes first is counted only
 * among weightings that could happen. Empty means no limit.
 */
export function WeightLimitsEditor({ sections, titleOf, limits, onChange }: { sections: readonly LimitedSection[]; titleOf: (section: string) => string; limits: ProfilesTable["limits"]; onChange: (limits: ProfilesTable["limits"]) => void }) {
  const set = (section: LimitedSection, change: Partial<WeightLimit>) => onChange({ ...limits, [section]: { low: "", high: "", ...limits[section], ...change } });
  return (
    <fieldset class="weight-limits">
      <legend>Limits on the weights (optional)</legend>
      <p class="hint">
        If the commissioner has said a weight will stay within a range, such as price between 20% and 40%, put it here. The weightings tried then stay within these
        limits, so “how often each came first” counts only weightings that could happen. Leave both boxes empty for no limit; leave one empty for 0% or 100%.
      </p>
      {sections.map((section) => {
        const title = titleOf(section);
        const id = `limit-${section}`;
        return (
          <p class="limit">
            <span id={`${id}-label`}>{title}</span>{" "}
            <label for={`${id}-low`}>
              from <span class="visually-hidden">(percent, {title.toLowerCase()} weight)</span>
            </label>
            <input id={`${id}-low`} type="text" inputMode="decimal" size={5} value={limits[section]?.low ?? ""} onInput={(e) => set(section, { low: (e.currentTarget as HTMLInputElement).value })} />
            %{" "}
            <label for={`${id}-high`}>
              to <span class="visually-hidden">(percent, {title.toLowerCase()} weight)</span>
            </label>
            <input id={`${id}-high`} type="text" inputMode="decimal" size={5} value={limits[section]?.high ?? ""} onInput={(e) => set(section, { high: (e.currentTarget as HTMLInputElement).value })} />%
          </p>
        );
      })}
    </fieldset>
  );
}
