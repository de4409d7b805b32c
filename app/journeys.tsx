import type { ComponentType } from "preact";
import { CommissionerJourney } from "./commissioner.js";
import { PanelJourney } from "./panel.js";

/** What every journey is given by the page. */
export interface JourneyProps {
  /** The Web Worker's code, for the workflows' runtime (see web-worker-runtime.ts). */
  workerSource: string;
}

export interface Journey {
  /** In the address after #, so a link (or `whatif --html`) can open the page on this journey. */
  id: string;
  /** Who it is for, as the chooser names it. */
  title: string;
  /** One sentence: what this journey does. */
  summary: string;
  component: ComponentType<JourneyProps>;
}

/** The journeys the page offers, in the order the chooser lists them. */
export const journeys: readonly Journey[] = [
  {
    id: "panel",
    title: "Evaluation panel",
    summary: "Open the tender's files and the returned score sheets: problems, moderation, ranked results, the report and the letters.",
    component: PanelJourney,
  },
  {
    id: "commissioner",
    title: "Commissioner",
    summary: "Start from a ready-made model or open your tender: edit the specification and scoring model, see every problem and the weighting review, take away the files, score sheets and Equality Assessment.",
    component: CommissionerJourney,
  },
];
