import { formatFinding } from "../src/problems/format.js";
import type { Problem } from "../src/problems/problem.js";

/** Every problem at once, errors first, each naming its file and place in the same words as the CLI. */
export function ProblemsList({ problems, heading }: { problems: readonly Problem[]; heading: string }) {
  if (problems.length === 0) return null;
  const errors = problems.filter((p) => p.severity === "error");
  const others = problems.filter((p) => p.severity !== "error");
  return (
    <section aria-labelledby="problems-heading" class="problems">
      <h3 id="problems-heading">{heading}</h3>
      {errors.length > 0 && (
        <>
          <p>
            {errors.length === 1 ? "1 problem stops" : `${errors.length} problems stop`} the tender from being scored. Correct {errors.length === 1 ? "it" : "them"} in your files, then open them again.
          </p>
          <ul class="errors">
            {errors.map((p) => (
              <li>{formatFinding(p)}</li>
            ))}
          </ul>
        </>
      )}
      {others.length > 0 && (
        <>
          <p>{others.length === 1 ? "1 thing to know:" : `${others.length} things to know:`}</p>
          <ul>
            {others.map((p) => (
              <li>{formatFinding(p)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
