import { Field, fieldInfo, fieldsUnder, type Edit } from "./commissioner-fields.js";

const F = "equality-findings.yaml" as const;

/**
 * What the commissioner has found for the Equality Assessment: the impact on each protected characteristic
 * (named as the field reference names them), the summary, consultation, monitoring and outcome. The lists
 * (research sources, actions) and the sign-off are edited in equality-findings.yaml itself.
 */
export function FindingsForm({ data, onEdit }: { data: unknown; onEdit: Edit }) {
  const f = (path: string[], label: string, kind: Parameters<typeof Field>[0]["kind"]) => <Field file={F} path={path} data={data} label={label} kind={kind} onEdit={onEdit} />;
  return (
    <fieldset class="section">
      <legend>Equality findings</legend>
      <p class="hint">
        {fieldInfo(F, ["impacts"])?.description}. Anything left empty appears in the document as a prompt to complete. The evidence used, the actions and the sign-off are
        in equality-findings.yaml in the saved .zip.
      </p>
      {f(["date"], "Date of the assessment", "date")}
      {fieldsUnder(F, "impacts").map((impact) => (
        <Field file={F} path={impact.path.split(".")} data={data} label={impact.description} kind="long" onEdit={onEdit} quiet />
      ))}
      {f(["summary"], "Summary", "long")}
      {f(["consultation"], "Consultation", "long")}
      {f(["monitoring"], "Monitoring", "long")}
      {f(["outcome"], "Outcome", "choice")}
      {f(["outcomeReason"], "Why that outcome", "long")}
    </fieldset>
  );
}
