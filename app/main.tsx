import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { TOOL_VERSION } from "../src/version.js";
import { journeys, type Journey } from "./journeys.js";

import { serveTasks } from "./worker.js";

// One script is both the page and its Web Workers: the page is one file, and carrying the workers' code a
// second time (it is most of the library) made the page a third larger, and the browser reads all of it
// before the page answers. A worker is started from this same script's text, and serves tasks.
const inWorker = typeof document === "undefined";
const WORKER_SOURCE = inWorker ? "" : (document.querySelector('script[type="module"]')?.textContent ?? "");

// Data a command put in the page: `whatif --html` writes this page with its analysis, opened on the DDPO's journey.
const preloaded = inWorker ? undefined : (document.getElementById("tender-eval-data")?.textContent ?? undefined);

/** The journey the address names (#panel, #ddpo …); else the one the page's data is for; else the first. */
const journeyFromAddress = (): Journey =>
  journeys.find((j) => `#${j.id}` === location.hash) ?? (preloaded !== undefined ? journeys.find((j) => j.id === "ddpo") : undefined) ?? journeys[0]!;

function App() {
  const [journey, setJourney] = useState(journeyFromAddress);
  useEffect(() => {
    const follow = () => setJourney(journeyFromAddress());
    addEventListener("hashchange", follow);
    return () => removeEventListener("hashchange", follow);
  }, []);
  const Current = journey.component;
  return (
    <>
      <header>
        <h1>tender-eval</h1>
        <p>Score tenders fairly and see how the weighting of a tender decides who wins.</p>
        <p class="privacy">
          This page works on this computer only. It makes no connection to anything: your files, bids and scores never leave the computer, and nothing is kept once you close
          the page.
        </p>
        {journeys.length > 1 && (
          <nav aria-label="Who you are">
            <ul class="journeys">
              {journeys.map((j) => (
                <li>
                  <a href={`#${j.id}`} aria-current={j.id === journey.id ? "page" : undefined}>
                    {j.title}
                  </a>
                  <span class="hint"> {j.summary}</span>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main>
        <Current workerSource={WORKER_SOURCE} preloaded={preloaded} />
      </main>
      <footer>
        <p>tender-eval {TOOL_VERSION}</p>
      </footer>
    </>
  );
}

if (inWorker) serveTasks();
else render(<App />, document.getElementById("app")!);
