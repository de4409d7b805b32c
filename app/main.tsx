import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { TOOL_VERSION } from "../src/version.js";
import { journeys, type Journey } from "./journeys.js";

// The worker's code, put here by app/build.mjs: the page is one file, so its worker travels inside it.
declare const WORKER_SOURCE: string;

// Data a command put in the page: `whatif --html` writes this page with its analysis, opened on the DDPO's journey.
const preloaded = document.getElementById("tender-eval-data")?.textContent ?? undefined;

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

render(<App />, document.getElementById("app")!);
