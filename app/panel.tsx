import { useState } from "preact/hooks";
import { stringifyJson } from "../src/presentation/json.js";
import type { Problem } from "../src/problems/problem.js";
import type { NamedFile } from "../src/workflows/files.js";
import { resultsDocument } from "../src/workflows/results-document.js";
import { sortTenderFiles } from "../src/workflows/tender-files.js";
import { scoreTender, type ScoredTender } from "../src/workflows/tender.js";
import { download, droppedFiles, namedFiles } from "./open-files.js";
import { PanelDocuments } from "./panel-documents.js";
import { ProblemsList } from "./problems-list.js";
import { ResultsTable } from "./results-table.js";
import type { JourneyProps } from "./journeys.js";
import { webWorkerRuntime } from "./web-worker-runtime.js";

type Step =
  | { kind: "choose" }
  | { kind: "scoring"; done: number; total: number }
  | { kind: "failed"; problems: Problem[] }
  | { kind: "scored"; scored: ScoredTender }
  | { kind: "fault"; message: string };

/**
 * The evaluation panel's journey: open the tender's files and the returned score sheets, see every
 * problem at once, what needs moderation, the ranked results and the exclusions; take the results away.
 * The page only gathers files and shows what the workflow returns: the scoring is the library's.
 */
export function PanelJourney({ workerSource }: JourneyProps) {
  const [opened, setOpened] = useState<NamedFile[]>([]);
  const [step, setStep] = useState<Step>({ kind: "choose" });
  const sorted = sortTenderFiles(opened);

  const [dragging, setDragging] = useState(false);
  const open = async (list: FileList | null) => {
    if (list === null || list.length === 0) return;
    add(await namedFiles(list));
  };
  const add = (added: NamedFile[]) => {
    // Opening again adds to what is open; a file of the same name replaces the earlier one.
    const names = new Set(added.map((f) => f.name));
    setOpened([...opened.filter((f) => !names.has(f.name)), ...added]);
    setStep({ kind: "choose" });
  };

  const score = async () => {
    if (sorted.files === undefined) return;
    setStep({ kind: "scoring", done: 0, total: sorted.files.sheets?.length ?? 0 });
    try {
      const runtime = webWorkerRuntime(workerSource, (done, total) => setStep({ kind: "scoring", done, total }));
      const outcome = await scoreTender(sorted.files, { runtime });
      setStep(outcome.ok ? { kind: "scored", scored: outcome.value } : { kind: "failed", problems: outcome.problems });
    } catch (error) {
      // Bad files come back as problems; anything thrown is a fault in tender-eval itself.
      setStep({ kind: "fault", message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section aria-labelledby="panel-heading">
      <h2 id="panel-heading">Score the tender from its files and the returned score sheets</h2>
      <p>
        Open the tender's files: <code>specification.yaml</code>, <code>scoring-model.yaml</code>, <code>bids.yaml</code>, and the score sheets, price schedules and
        moderation sheet the panel returned (<code>.xlsx</code>). They are read on this computer only: nothing is sent anywhere.
      </p>
      <div
        class={dragging ? "choose dropping" : "choose"}
        onDragOver={(e) => (e.preventDefault(), setDragging(true))}
        onDragLeave={() => setDragging(false)}
        onDrop={async (e) => {
          e.preventDefault();
          setDragging(false);
          if (e.dataTransfer) add(await droppedFiles(e.dataTransfer));
        }}
      >
        <p class="hint">Drop the tender folder or its files here, or choose them:</p>
        <label for="tender-files">Choose files</label>
        <input id="tender-files" type="file" multiple accept=".yaml,.yml,.json,.xlsx" onChange={(e) => open((e.currentTarget as HTMLInputElement).files)} />
        <label for="tender-folder">or choose the tender folder</label>
        {/* webkitdirectory (set as an attribute: Preact drops it as a property): every browser that runs this page chooses a folder this way. */}
        <input id="tender-folder" type="file" multiple ref={(input) => input?.setAttribute("webkitdirectory", "")} onChange={(e) => open((e.currentTarget as HTMLInputElement).files)} />
      </div>
      {opened.length > 0 && <OpenedFiles files={opened} sorted={sorted} onForget={() => (setOpened([]), setStep({ kind: "choose" }))} />}
      {sorted.files !== undefined && (
        <button type="button" onClick={score} disabled={step.kind === "scoring"}>
          Score the tender
        </button>
      )}
      <div aria-live="polite" class="status">
        {step.kind === "scoring" && (
          <p>
            {step.total > 0 ? `Reading the returned workbooks: ${step.done} of ${step.total}` : "Scoring…"}
            {step.total > 0 && <progress max={step.total} value={step.done} aria-label="Workbooks read" />}
          </p>
        )}
        {step.kind === "fault" && (
          <p class="fault">
            Something went wrong inside tender-eval, not in your files: {step.message}. Your files are unchanged. Please report this, with the message, at the project's issue tracker.
          </p>
        )}
      </div>
      {step.kind === "failed" && <ProblemsList problems={step.problems} heading="Problems in the files" />}
      {step.kind === "scored" && <Scored scored={step.scored} />}
    </section>
  );
}

function OpenedFiles({ files, sorted, onForget }: { files: readonly NamedFile[]; sorted: ReturnType<typeof sortTenderFiles>; onForget: () => void }) {
  const sheets = sorted.files?.sheets ?? [];
  const missingWords = sorted.missing.map((k) => (k === "model" ? "the scoring model (scoring-model.yaml)" : "the specification (specification.yaml)"));
  return (
    <section aria-labelledby="opened-heading" class="opened">
      <h3 id="opened-heading">Files open ({files.length})</h3>
      <ul>
        {files.map((f) => (
          <li>{f.name}</li>
        ))}
      </ul>
      {sheets.length > 0 && <p>{sheets.length === 1 ? "1 workbook" : `${sheets.length} workbooks`} to read.</p>}
      {missingWords.length > 0 && <p class="needed">Still needed: {missingWords.join(" and ")}.</p>}
      {sorted.ignored.length > 0 && (
        <>
          <p>Not used:</p>
          <ul>
            {sorted.ignored.map((i) => (
              <li>
                {i.name}: {i.why}
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" class="secondary" onClick={onForget}>
        Close these files
      </button>
    </section>
  );
}

function Scored({ scored }: { scored: ScoredTender }) {
  const moderation = scored.result.moderationNeeded.length;
  return (
    <>
      <ResultsTable result={scored.result} />
      {moderation > 0 && (
        <p class="needed">
          {moderation === 1 ? "1 answer needs" : `${moderation} answers need`} moderation: the results marked provisional may change once the panel agrees the scores.
        </p>
      )}
      <ProblemsList problems={scored.problems} heading="Things to know" />
      <PanelDocuments scored={scored} />
      <h3>The exact results, for other software</h3>
      <button type="button" class="secondary" onClick={() => download("results.json", stringifyJson(resultsDocument(scored)), "application/json")}>
        Download results.json
      </button>
      <p class="hint">The exact results, every total traceable to its scores and weights, as the CLI writes them.</p>
    </>
  );
}
