import { bandSentence } from "../src/presentation/award-value.js";
import { resultsNotes, resultsTableCells } from "../src/presentation/results-table.js";
import type { TenderResult } from "../src/scoring/result.js";

/** The ranked results: the same columns and notes as the CLI's table, as an HTML table with a caption. */
export function ResultsTable({ result }: { result: TenderResult }) {
  const { headers, rows, numeric } = resultsTableCells(result);
  const notes = resultsNotes(result);
  return (
    <section aria-labelledby="results-heading">
      <h3 id="results-heading">Ranked results</h3>
      <p>
        {result.tender.title} ({result.tender.reference}). Scoring model: {result.model.title}, version {result.model.version}.
        {result.price ? ` Price method: ${result.price.description.name}: ${result.price.description.formula}.` : ""}
        {result.band ? ` ${bandSentence(result)}` : ""}
      </p>
      <div class="table-scroll" tabIndex={0} role="region" aria-label="Ranked results table (scrolls sideways on a small screen)">
        <table>
          <caption>
            Each bid's points by section and its total, ranked<span class="narrow-only"> (scroll sideways for every column)</span>
          </caption>
          <thead>
            <tr>
              {headers.map((h, i) => (
                <th scope="col" class={numeric.has(i) ? "num" : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                {row.map((cell, i) =>
                  i === 1 ? (
                    <th scope="row">{cell}</th>
                  ) : (
                    <td class={numeric.has(i) ? "num" : undefined}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Notes lines={notes} />
    </section>
  );
}

/** The notes under the table: a line ending in ":" or starting a topic, with its indented lines as a list. */
function Notes({ lines }: { lines: readonly string[] }) {
  const groups: { lead: string; items: string[] }[] = [];
  for (const line of lines) {
    if (line.startsWith("  ") && groups.length > 0) groups[groups.length - 1]!.items.push(line.trim());
    else groups.push({ lead: line, items: [] });
  }
  return (
    <div class="notes">
      {groups.map((g) => (
        <>
          <p>{g.lead}</p>
          {g.items.length > 0 && (
            <ul>
              {g.items.map((item) => (
                <li>{item}</li>
              ))}
            </ul>
          )}
        </>
      ))}
    </div>
  );
}
