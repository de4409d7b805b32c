import { Field, type Edit } from "./commissioner-fields.js";

const S = "specification.yaml" as const;

/** The specification's fields the weighting review and the documents depend on most; the rest are in the file. */
export function SpecificationForm({ data, onEdit }: { data: unknown; onEdit: Edit }) {
  const f = (path: (string | number)[], label: string, kind: Parameters<typeof Field>[0]["kind"]) => <Field file={S} path={path} data={data} label={label} kind={kind} onEdit={onEdit} />;
  return (
    <section aria-labelledby="spec-heading">
      <h3 id="spec-heading">The specification</h3>
      <fieldset class="section">
        <legend>The tender</legend>
        {f(["title"], "Title", "text")}
        {f(["reference"], "Reference", "text")}
        {f(["authority"], "Contracting authority", "text")}
        {f(["procedure"], "Procedure", "choice")}
      </fieldset>
      <fieldset class="section">
        <legend>The contract</legend>
        {f(["contract", "estimatedValue"], "Estimated value of the initial term (£)", "number")}
        {f(["contract", "includesVat"], "The estimated value includes VAT", "yes-no")}
        {f(["contract", "years"], "Years", "number")}
        {f(["contract", "extensionYears"], "Extension years", "number")}
      </fieldset>
      <fieldset class="section">
        <legend>Dates</legend>
        {f(["dates", "published"], "Published", "date")}
        {f(["dates", "clarificationDeadline"], "Clarification deadline", "date")}
        {f(["dates", "submissionDeadline"], "Submission deadline", "date")}
      </fieldset>
      <p class="hint">Every other field (background, purpose, service users, team, lots) is in specification.yaml in the saved .zip, each with a comment saying what it takes.</p>
    </section>
  );
}
