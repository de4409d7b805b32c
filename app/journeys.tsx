import type { ComponentType } from "preact";
import { DdpoJourney } from "./ddpo.js";
import { CommissionerJourney } from "./commissioner.js";
import { PanelJourney } from "./panel.js";

/** What every journey is given by the page. */
export interface JourneyProps {
  /** The Web Worker's code, for the workflows' runtime (see web-worker-runtime.ts). */
  workerSource: string;
  /** Data a command put in the page (`whatif --html`), as its JSON text; the journey it is for reads it. */
  preloaded?: string | undefined;
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
    summary: "Open the tender's files and the returned score sheets: problems, moderation, ranked results, the evaluation report and the assessment summaries.",
    component: PanelJourney,
  },
  {
    id: "commissioner",
    title: "Commissioner",
    summary: "Start from a ready-made model or open your tender: edit the specification and scoring model, see every problem and the weighting review, take away the files, score sheets and Equality Assessment.",
    component: CommissionerJourney,
  },
  {
    id: "ddpo",
    title: "DDPO or small charity",
    summary: "Type in your expected scores and price and rough competitor profiles: see where you stand, how the weights move it, and what weighting to ask for.",
    component: DdpoJourney,
  },
];
