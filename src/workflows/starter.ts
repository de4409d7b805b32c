import { parse } from "yaml";
import { scoredSections } from "../model/sections.js";
import { TenderBids } from "../model/bids.js";
import { commentedYaml } from "../model/commented-yaml.js";
import { EqualityFindings } from "../model/equality-findings.js";
import { parseScoringModel } from "../model/parse.js";
import { ScoringModel } from "../model/scoring-model.js";
import { TenderSpecification } from "../model/specification.js";
import type { Outcome } from "../problems/problem.js";
import { textOf, type NamedFile } from "./files.js";

/** A ready-made scoring model as `init --list` shows it. */
export interface ReadyMadeModel {
  /** The file's name without .yaml: what `--model` takes. */
  name: string;
  title: string;
  /** The first sentence of the model's "When to use:" comment. */
  whenToUse: string;
}

/**
 * What a ready-made model says of itself: each one opens with a "# When to use: …" comment, which a test
 * requires, so the advice lives in the model file beside what it describes and nowhere else.
 */
export function describeReadyMadeModel(file: NamedFile): Outcome<ReadyMadeModel> {
  const text = textOf(file);
  if (!text.ok) return { ok: false, problems: [text.problem] };
  const parsed = parseScoringModel(text.text, file.name);
  if (!parsed.ok) return parsed;
  const comment = leadingComment(text.text).join(" ");
  const sentence = /When to use:\s*(.*?[.!?])(\s|$)/.exec(comment)?.[1] ?? "";
  const when = sentence.charAt(0).toUpperCase() + sentence.slice(1);
  const name = file.name.split("/").pop()!.replace(/\.ya?ml$/i, "");
  return { ok: true, value: { name, title: parsed.value.data.title, whenToUse: when }, problems: [] };
}

/** The comment lines a file opens with, without the leading "# ", the editor's schema line left out. */
function leadingComment(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith("#")) break;
    if (/yaml-language-server/.test(line)) continue;
    lines.push(line.replace(/^#\s?/, ""));
  }
  while (lines[0] === "") lines.shift();
  return lines;
}

export interface StarterOptions {
  /** The ready-made model to start from, as its file. */
  model: NamedFile;
  /** Today, as YYYY-MM-DD: the starter's publication date; the deadlines follow from it. */
  date: string;
}

/** The files `init` writes, by name. */
export const starterFileNames = ["specification.yaml", "scoring-model.yaml", "bids.yaml", "equality-findings.yaml"] as const;

/**
 * A starter tender: a specification, the chosen ready-made scoring model, a bids file with a panel and two
 * bidders but no scores yet, and equality findings. Every field is present, with a comment saying what it
 * is and what it takes. It passes `validate` and `scoresheets` as it is, so the first thing a new user
 * sees is a tender that works, to change a field at a time.
 */
export function starterTender(options: StarterOptions): Outcome<Record<(typeof starterFileNames)[number], string>> {
  const modelText = textOf(options.model);
  if (!modelText.ok) return { ok: false, problems: [modelText.problem] };
  const parsed = parseScoringModel(modelText.text, options.model.name);
  if (!parsed.ok) return parsed;
  const model = parsed.value.data;
  const placeholderDate = options.date;
  const edit = "Replace each value with your own; every field is explained on the line above it, and in the field reference (docs/fields.md in the tender-eval package; init prints where it is).";

  const specification = {
    title: "Title of the service you are buying",
    reference: "YOUR-REF-001",
    authority: "Name of your council or public body",
    serviceArea: "Your service area, e.g. Adult Social Care",
    contract: { estimatedValue: 300000, includesVat: true, years: 3, extensionYears: 0 },
    authorityType: "sub-central",
    serviceKind: "care-and-support",
    procedure: "open",
    dates: {
      published: weekday(options.date, 0),
      clarificationDeadline: weekday(options.date, 21),
      submissionDeadline: weekday(options.date, 42),
      standstillWorkingDays: 8,
    },
    lots: [],
    projectLead: { name: "Your name", role: "Your role, e.g. Commissioning Manager" },
    team: [],
    background: "Why the service is being bought: the current contract, and what people who use it have said.",
    purpose: "What the service is for, in a sentence or two.",
    serviceUsers: {
      description: "Who uses the service.",
      involvement: "How people who use the service are involved in designing and scoring the tender.",
    },
  };

  // The evaluators score the sections the model has (further ones too); a user panel only when the model has a user-panel section.
  const evaluatorSections = scoredSections(model).filter((s) => s.kind !== "user-panel").map((s) => s.key);
  const evaluator = (id: string, role: string) => ({ id, role, sections: evaluatorSections });
  const bids = {
    panel: {
      evaluators: [evaluator("E1", "Commissioning Manager"), evaluator("E2", "Service Manager"), evaluator("E3", "Independent evaluator")],
      userPanel: scoredSections(model).some((s) => s.kind === "user-panel") ? [{ id: "P1" }, { id: "P2" }, { id: "P3" }] : [],
      // Ticked and dated on each evaluator's score sheet, and read back with the scores.
      declarations: [],
    },
    bids: [
      { id: "B1", bidder: "Name of the first bidder" },
      { id: "B2", bidder: "Name of the second bidder" },
    ],
    moderation: [],
  };

  const findings = {
    date: options.date,
    researchSources: [],
    impacts: {},
    actions: [],
  };

  const modelHeader = leadingComment(modelText.text);
  return {
    ok: true,
    value: {
      "specification.yaml": commentedYaml(TenderSpecification, specification, { placeholderDate, header: ["The tender specification: what is being bought, by whom, when and for whom.", edit] }),
      "scoring-model.yaml": commentedYaml(ScoringModel, parse(modelText.text) as Record<string, unknown>, {
        placeholderDate,
        header: [...modelHeader, "", `Started from the ready-made model ${options.model.name.split("/").pop()}. ${edit}`],
      }),
      "bids.yaml": commentedYaml(TenderBids, bids, {
        placeholderDate,
        header: [
          "The panel and the bidders. No scores or prices yet: `tender-eval scoresheets` makes a score sheet for each",
          "evaluator and user-panel member and a price schedule for each bid, and `tender-eval score --sheets` reads them back.",
          edit,
        ],
      }),
      "equality-findings.yaml": commentedYaml(EqualityFindings, findings, {
        placeholderDate,
        header: ["What you have found so far for the Equality Assessment (tender-eval equality --findings).", "Anything left out appears in the document as a prompt to complete.", edit],
      }),
    },
    problems: [],
  };
}

/**
 * A date some days after another, moved on to a Monday if it falls at a weekend: a starter deadline on a
 * Saturday looks like a mistake to copy. Both YYYY-MM-DD; calendar arithmetic in UTC, so no time zone moves it.
 */
function weekday(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d + days));
  const toMonday = day.getUTCDay() === 6 ? 2 : day.getUTCDay() === 0 ? 1 : 0;
  return new Date(Date.UTC(y, m - 1, d + days + toMonday)).toISOString().slice(0, 10);
}
