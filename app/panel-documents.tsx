import { assessmentSummaries, evaluationReport } from "../src/workflows/documents.js";
import { loadPolicy } from "../src/workflows/review.js";
import { feedbackToWrite, moderationSheet, resultsWorkbook } from "../src/workflows/sheets.js";
import type { ScoredTender } from "../src/workflows/tender.js";
import { download } from "./open-files.js";
import { ProblemsList } from "./problems-list.js";
import { shippedPolicy, shippedTemplate } from "./shipped.js";
import { DOCX, XLSX, datedZip, today, useDocumentMaker } from "./take-away.js";



/**
 * What the panel takes away once the tender is scored: the moderation sheet while there is work in it,
 * the results workbook, the evaluation report and every assessment summary, each made by the same workflow
 * as the CLI's `score`, `report` and `summaries`, dated as the person chooses (the CLI's --date).
 */
export function PanelDocuments({ scored }: { scored: ScoredTender }) {
  const { date, setDate, problems, busy, make } = useDocumentMaker();

  const report = () =>
    make("the evaluation report", async () => {
      const policy = loadPolicy(shippedPolicy());
      if (!policy.ok) return policy.problems;
      const made = evaluationReport(scored, policy.value.data, { template: shippedTemplate("evaluation-report"), date });
      if (made.ok) download("evaluation-report.docx", made.value.bytes, DOCX);
      return made.problems;
    });

  const summaries = () =>
    make("the assessment summaries", async () => {
      const made = assessmentSummaries(scored, { template: shippedTemplate("assessment-summary"), date });
      if (!made.ok) return made.problems;
      // One .zip of every letter; its entries dated as the letters are, so the same inputs give the same file.
      download("assessment-summaries.zip", datedZip(made.value.map((s) => ({ name: s.fileName, bytes: s.bytes })), date), "application/zip");
      return made.problems;
    });

  const moderation = () =>
    make("the moderation sheet", async () => {
      const sheet = await moderationSheet(scored, { date });
      if (sheet !== undefined) download("moderation.xlsx", sheet, XLSX);
      return [];
    });

  const workbook = () =>
    make("the results workbook", async () => {
      download("results.xlsx", await resultsWorkbook(scored, { date }), XLSX);
      return [];
    });

  // As the CLI: the sheet is offered while the panel has scores to agree or feedback to the bidder to write.
  const needsModeration = scored.result.moderationNeeded.length > 0 || feedbackToWrite(scored) > 0;
  return (
    <section aria-labelledby="documents-heading">
      <h3 id="documents-heading">Take the results away</h3>
      <p>
        <label for="doc-date">Date printed on the documents</label>
        <br />
        <input id="doc-date" type="date" value={date} onChange={(e) => setDate((e.currentTarget as HTMLInputElement).value || today())} />
      </p>
      <div class="actions">
        {needsModeration && (
          <button type="button" onClick={moderation} disabled={busy !== undefined}>
            Download the moderation sheet (.xlsx)
          </button>
        )}
        <button type="button" onClick={workbook} disabled={busy !== undefined}>
          Download the results workbook (.xlsx)
        </button>
        <button type="button" onClick={report} disabled={busy !== undefined}>
          Download the evaluation report (.docx)
        </button>
        <button type="button" onClick={summaries} disabled={busy !== undefined}>
          Download the assessment summaries (.zip)
        </button>
      </div>
      <p aria-live="polite" class="status">
        {busy !== undefined ? `Making ${busy}…` : ""}
      </p>
      <ProblemsList problems={problems} heading="Before these documents can be made" />
    </section>
  );
}
