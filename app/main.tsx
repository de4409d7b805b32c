import { render } from "preact";
import { TOOL_VERSION } from "../src/version.js";
import { PanelJourney } from "./panel.js";

// The worker's code, put here by app/build.mjs: the page is one file, so its worker travels inside it.
declare const WORKER_SOURCE: string;

function App() {
  return (
    <>
      <header>
        <h1>tender-eval</h1>
        <p>Score tenders fairly and see how the weighting of a tender decides who wins.</p>
        <p class="privacy">
          This page works on this computer only. It makes no connection to anything: your files, bids and scores never leave the computer, and nothing is kept once you close
          the page.
        </p>
      </header>
      <main>
        <PanelJourney workerSource={WORKER_SOURCE} />
      </main>
      <footer>
        <p>tender-eval {TOOL_VERSION}</p>
      </footer>
    </>
  );
}

render(<App />, document.getElementById("app")!);
