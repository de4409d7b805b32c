import { formatFinding, formatLocation, formatPath, flagMessage } from "../src/problems/format.js";
import type { Location, Problem, ReviewFlag } from "../src/problems/problem.js";
import { idOf, type EditedFile } from "./commissioner-fields.js";
import type { WeightingReview } from "../src/workflows/review.js";

export interface Checks {
  /** validate's problems (errors, warnings, advice), located in the files. */
  problems: Problem[];
  /** The weighting review, once the files validate. */
  review?: WeightingReview | undefined;
}

const severityWords = { error: "Must be put right", warning: "Warnings", advice: "Advice" } as const;

/**
 * What the library says of the files as they stand: validate's problems, and the weighting review's flags
 * each with its reason and source, as `tender-eval review` prints them. Updated as the form changes.
 */
export function ChecksPanel({ checks, checking }: { checks: Checks | undefined; checking: boolean }) {
  return (
    <section aria-labelledby="checks-heading" class="checks" tabIndex={0}>
      <h3 id="checks-heading">Checks</h3>
      <p aria-live="polite" class="status">
        {checking ? "Checking…" : checks === undefined ? "" : summary(checks)}
      </p>
      {checks !== undefined && (
        <>
          <ProblemGroups problems={checks.problems} />
          {checks.review === undefined ? (
            checks.problems.some((p) => p.severity === "error") && <p>The weighting review runs once the problems above are put right.</p>
          ) : (
            <ReviewFlags review={checks.review} />
          )}
        </>
      )}
    </section>
  );
}

function summary(checks: Checks): string {
  const errors = checks.problems.filter((p) => p.severity === "error").length;
  const flags = checks.review?.flags.length ?? 0;
  if (errors > 0) return errors === 1 ? "1 problem to put right." : `${errors} problems to put right.`;
  return `The files are valid. The weighting review: ${flags === 0 ? "no flags" : flags === 1 ? "1 flag" : `${flags} flags`}.`;
}

function ProblemGroups({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <>
      <h4>Validation</h4>
      {(["error", "warning", "advice"] as const).map((severity) => {
        const group = problems.filter((p) => p.severity === severity);
        if (group.length === 0) return null;
        return (
          <>
            <p class="group">
              {severityWords[severity]} ({group.length})
            </p>
            <ul class={severity === "error" ? "validation errors" : "validation"}>
              {group.map((p) => (
                <li>
                  <span class="message">{formatFinding(p)}</span> <GoTo location={p.location} />
                </li>
              ))}
            </ul>
          </>
        );
      })}
    </>
  );
}

function ReviewFlags({ review }: { review: WeightingReview }) {
  const flags = review.flags;
  return (
    <>
      <h4>Weighting review</h4>
      <p class="hint">Against: {review.policy.title}</p>
      {flags.length === 0 && <p>No flags: nothing in the model or process is disproportionate under this policy.</p>}
      {(["error", "warning", "advice"] as const).map((severity) => {
        const group = flags.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <>
            <p class="group">
              {severity === "error" ? "Errors" : severityWords[severity]} ({group.length})
            </p>
            <ul class="flags">
              {group.map((f) => (
                <Flag flag={f} />
              ))}
            </ul>
          </>
        );
      })}
    </>
  );
}

function Flag({ flag }: { flag: ReviewFlag }) {
  // Where in the form, by the field's label; the file's place only for what the form does not show.
  const inForm = fieldOf(flag.location) !== undefined;
  const where = inForm ? "" : formatLocation(flag.location);
  return (
    <li class={flag.severity === "error" ? "fault" : undefined}>
      <p>{flagMessage(flag)}</p>
      {inForm && (
        <p>
          <GoTo location={flag.location} />
        </p>
      )}
      {where !== "" && <p class="hint">In the saved files: {where}</p>}
      <p>
        <span class="why">Why:</span> {flag.source.replace(/\s+/g, " ")}
      </p>
    </li>
  );
}

const edited: readonly string[] = ["specification.yaml", "scoring-model.yaml", "equality-findings.yaml"] satisfies EditedFile[];

/** The form's field a finding points at, when the form shows it. */
function fieldOf({ file, path }: Location): { id: string; label: string } | undefined {
  if (file === undefined || !edited.includes(file) || path === undefined || path.length === 0) return undefined;
  const id = idOf(file as EditedFile, path);
  if (document.getElementById(id) === null) return undefined;
  // The field by the words its label shows, not the file's path: people edit the form, not the YAML.
  // and by the part of the form it is in, as "Weight in section (%)" is in every criterion.
  const label = document.querySelector(`label[for="${id}"]`)?.textContent?.trim();
  const part = document.getElementById(id)?.closest("fieldset")?.querySelector("legend")?.textContent?.trim();
  return { id, label: label ? (part ? `${part}: ${label}` : label) : formatPath(path) };
}

/** A button that takes the focus to the field a finding points at, when that field is in the form. */
function GoTo({ location }: { location: Location }) {
  const field = fieldOf(location);
  if (field === undefined) return null;
  const { id } = field;
  const go = () => {
    const field = document.getElementById(id);
    field?.scrollIntoView({ block: "center" });
    field?.focus();
  };
  return (
    <button type="button" class="link" onClick={go}>
      Go to “{field.label}”
    </button>
  );
}
