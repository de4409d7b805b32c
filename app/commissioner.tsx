import { strToU8, unzipSync } from "fflate";
import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { parse } from "yaml";
import type { Problem } from "../src/problems/problem.js";
import { equalityStages, type EqualityStage } from "../src/model/equality-stages.js";
import { equalityAssessment, loadFindings } from "../src/workflows/documents.js";
import { decodeText, type NamedFile } from "../src/workflows/files.js";
import { loadPolicy, reviewTenderFiles } from "../src/workflows/review.js";
import { blankScoreSheets } from "../src/workflows/sheets.js";
import { describeReadyMadeModel, starterTender, type ReadyMadeModel } from "../src/workflows/starter.js";
import { tenderFileNames } from "../src/workflows/tender-files.js";
import { validateTender, type TenderFiles } from "../src/workflows/tender.js";
import { ChecksPanel, type Checks } from "./commissioner-checks.js";
import type { Edit } from "./commissioner-fields.js";
import { FindingsForm } from "./commissioner-findings-form.js";
import { ModelForm } from "./commissioner-model-form.js";
import { SpecificationForm } from "./commissioner-spec-form.js";
import type { JourneyProps } from "./journeys.js";
import { download, namedFiles } from "./open-files.js";
import { ProblemsList } from "./problems-list.js";
import { readyMadeModels, shippedPolicy, shippedTemplate } from "./shipped.js";
import { DOCX, datedZip, today, useDocumentMaker } from "./take-away.js";
import { withValue } from "./yaml-edit.js";



/** The tender as its files' text, under the names the workflows look for first. */
type Tender = Record<string, string>;

const FINDINGS = "equality-findings.yaml";
/** The names a file of the tender may have (the specification, model, bids, equality findings), to the name it is kept under. */
const canonical = new Map<string, string>([
  ...Object.values(tenderFileNames).flatMap((names) => names.map((n) => [n, names[0]] as [string, string])),
  [FINDINGS, FINDINGS],
  ["equality-findings.yml", FINDINGS],
]);

/**
 * The commissioner's journey: start from a ready-made model or open a tender's files, edit the
 * specification and scoring model in a form that writes the tender's own YAML files, see validate's
 * problems and the weighting review's flags update beside it, and take away the files, the blank score
 * sheets and the Equality Assessment. Every check and every file is the library's workflows' own.
 */
export function CommissionerJourney(_props: JourneyProps) {
  const [tender, setTender] = useState<Tender | undefined>();
  const [openProblems, setOpenProblems] = useState<Problem[]>([]);
  const [ignored, setIgnored] = useState<string[]>([]);

  const start = (model: NamedFile) => {
    const made = starterTender({ model, date: today() });
    if (!made.ok) return setOpenProblems(made.problems);
    setOpenProblems([]);
    setIgnored([]);
    setTender({ ...made.value });
  };

  const open = async (list: FileList | null) => {
    if (list === null || list.length === 0) return;
    const opened: Tender = {};
    const left: string[] = [];
    for (const file of await namedFiles(list)) {
      const inside: NamedFile[] = file.name.toLowerCase().endsWith(".zip") ? Object.entries(unzipSync(file.bytes as Uint8Array)).map(([name, bytes]) => ({ name, bytes })) : [file];
      for (const f of inside) {
        const base = f.name.split("/").pop()!.toLowerCase();
        if (base === "") continue; // a folder inside a .zip
        const name = canonical.get(base);
        const text = typeof f.bytes === "string" ? f.bytes : decodeText(f.bytes);
        if (name !== undefined && text !== undefined && opened[name] === undefined) opened[name] = text;
        else left.push(f.name);
      }
    }
    setIgnored(left);
    if (opened["specification.yaml"] === undefined || opened["scoring-model.yaml"] === undefined) {
      setTender(undefined);
      setOpenProblems([]);
      setIgnored([...left, ...(opened["specification.yaml"] === undefined ? ["(no specification.yaml among the files)"] : []), ...(opened["scoring-model.yaml"] === undefined ? ["(no scoring-model.yaml among the files)"] : [])]);
      return;
    }
    setOpenProblems([]);
    setTender(opened);
  };

  return (
    <section aria-labelledby="commissioner-heading">
      <h2 id="commissioner-heading">Design a tender's scoring model</h2>
      <p class="privacy">
        Nothing is kept in this browser, not even in its storage: when you close the page, your work is gone unless you saved it. Save it with “Save your work (.zip)” and open
        that .zip here next time.
      </p>
      {tender === undefined ? (
        <Start onStart={start} onOpen={open} />
      ) : (
        <>
          <p>
            <button type="button" class="secondary" onClick={() => setTender(undefined)}>
              Close this tender and start again
            </button>
          </p>
          <Editor tender={tender} onChange={setTender} />
        </>
      )}
      {ignored.length > 0 && (
        <>
          <p>Not used from the files you opened:</p>
          <ul>
            {ignored.map((n) => (
              <li>{n}</li>
            ))}
          </ul>
          <p class="hint">
            The commissioner's page reads specification.yaml, scoring-model.yaml, bids.yaml and equality-findings.yaml, on their own or in a .zip.
          </p>
        </>
      )}
      <ProblemsList problems={openProblems} heading="The model could not be used" />
    </section>
  );
}

function Start({ onStart, onOpen }: { onStart: (model: NamedFile) => void; onOpen: (files: FileList | null) => void }) {
  const models = useMemo(
    () =>
      readyMadeModels().flatMap((file) => {
        const described = describeReadyMadeModel(file);
        return described.ok ? [{ file, about: described.value }] : [];
      }),
    [],
  );
  // The model that suits most of the services tender-eval is for comes first chosen; one that fails review on purpose never does.
  const [chosen, setChosen] = useState(() => Math.max(0, models.findIndex((m) => m.about.name === "quality-led-social-care")));
  return (
    <>
      <fieldset class="section">
        <legend>Start from a ready-made model</legend>
        {models.map(({ about }, i) => (
          <ModelChoice about={about} checked={i === chosen} onChoose={() => setChosen(i)} />
        ))}
        <button type="button" onClick={() => models[chosen] && onStart(models[chosen].file)}>
          Start a tender from this model
        </button>
      </fieldset>
      <div class="choose">
        <label for="commissioner-files">Or open your tender: its saved .zip, or its YAML files</label>
        <input id="commissioner-files" type="file" multiple accept=".zip,.yaml,.yml,.json" onChange={(e) => onOpen((e.currentTarget as HTMLInputElement).files)} />
      </div>
    </>
  );
}

function ModelChoice({ about, checked, onChoose }: { about: ReadyMadeModel; checked: boolean; onChoose: () => void }) {
  const id = `model-${about.name}`;
  return (
    <div class="choice">
      <input type="radio" name="ready-made" id={id} checked={checked} onChange={onChoose} aria-describedby={`${id}-when`} />
      <label for={id}>{about.title}</label>
      <span id={`${id}-when`} class="hint">
        {about.whenToUse}
      </span>
    </div>
  );
}

/** The tender's files as the workflows take them. */
const filesOf = (tender: Tender): TenderFiles => ({
  specification: { name: "specification.yaml", bytes: tender["specification.yaml"]! },
  model: { name: "scoring-model.yaml", bytes: tender["scoring-model.yaml"]! },
  ...(tender["bids.yaml"] !== undefined ? { bids: { name: "bids.yaml", bytes: tender["bids.yaml"] } } : {}),
});

const parsed = (text: string | undefined): unknown => {
  try {
    return text === undefined ? undefined : parse(text);
  } catch {
    return undefined;
  }
};

function Editor({ tender, onChange }: { tender: Tender; onChange: (t: Tender) => void }) {
  const [checks, setChecks] = useState<Checks | undefined>();
  const [checking, setChecking] = useState(false);
  const round = useRef(0);
  const spec = useMemo(() => parsed(tender["specification.yaml"]), [tender]);
  const model = useMemo(() => parsed(tender["scoring-model.yaml"]), [tender]);
  const findings = useMemo(() => parsed(tender[FINDINGS]), [tender]);

  // validate and review, again, whenever a file changes; an older round's answer is dropped.
  useEffect(() => {
    const mine = ++round.current;
    setChecking(true);
    void (async () => {
      const files = filesOf(tender);
      const validated = await validateTender(files, { stage: "auto" });
      // The findings are read when the Equality Assessment is made: their problems are shown now, with the rest.
      const findingsRead = tender[FINDINGS] !== undefined ? loadFindings({ name: FINDINGS, bytes: tender[FINDINGS] }) : undefined;
      const reviewed = validated.ok ? await reviewTenderFiles(files, shippedPolicy()) : undefined;
      if (mine !== round.current) return;
      // The review repeats validate's own notes about the files: they are shown once, under Validation.
      setChecks({ problems: [...validated.problems, ...(findingsRead?.problems ?? [])], review: reviewed?.ok ? reviewed.value : undefined });
      setChecking(false);
    })();
  }, [tender]);

  // A findings file is made when the first finding is typed; the other files are always open.
  const edit: Edit = (file, path, value) => onChange({ ...tender, [file]: withValue(tender[file] ?? "", path, value) });

  return (
    <>
    <nav aria-label="Parts of this tender">
      <ul class="jump">
        <JumpTo id="spec-heading">The specification</JumpTo>
        <JumpTo id="model-heading">The scoring model</JumpTo>
        <JumpTo id="checks-heading">Checks</JumpTo>
        <JumpTo id="take-heading">Take your work away</JumpTo>
      </ul>
    </nav>
    <div class="commissioner">
      <div class="form">
        <SpecificationForm data={spec} onEdit={edit} />
        <ModelForm data={model} onEdit={edit} />
        <TakeAway tender={tender} onChange={onChange}>
          <FindingsForm data={findings} onEdit={edit} />
        </TakeAway>
      </div>
      <ChecksPanel checks={checks} checking={checking} />
    </div>
    </>
  );
}

/**
 * A link to a part of this long page. The address's # names the journey (main.tsx), so the link moves the
 * view and the focus itself instead of changing the address.
 */
function JumpTo({ id, children }: { id: string; children: string }) {
  const go = (e: Event) => {
    e.preventDefault();
    const target = document.getElementById(id);
    if (target === null) return;
    target.setAttribute("tabindex", "-1");
    target.scrollIntoView();
    target.focus();
  };
  return (
    <li>
      <a href={`#${id}`} onClick={go}>
        {children}
      </a>
    </li>
  );
}

/** The tender's files, the blank score sheets and the Equality Assessment, each made by the CLI's workflow. */
function TakeAway({ tender, onChange, children }: { tender: Tender; onChange: (t: Tender) => void; children: ComponentChildren }) {
  const { date, setDate, problems, busy, make } = useDocumentMaker();
  const [stage, setStage] = useState<EqualityStage>("procurement");

  const openFindings = async (list: FileList | null) => {
    const [file] = list === null ? [] : await namedFiles(list);
    const text = file === undefined ? undefined : typeof file.bytes === "string" ? file.bytes : decodeText(file.bytes);
    if (text !== undefined) onChange({ ...tender, [FINDINGS]: text });
  };

  const save = () => {
    download("tender.zip", datedZip(Object.entries(tender).map(([name, text]) => ({ name, bytes: strToU8(text) })), date), "application/zip");
  };

  const sheets = () =>
    make("the blank score sheets", async () => {
      const made = await blankScoreSheets(filesOf(tender), { date, userPanelForm: shippedTemplate("user-panel-form") });
      if (!made.ok) return made.problems;
      download("score-sheets.zip", datedZip(made.value.map((s) => ({ name: s.fileName, bytes: s.bytes })), date), "application/zip");
      return made.problems.filter((p) => p.severity === "error");
    });

  const equality = () =>
    make("the Equality Assessment", async () => {
      const policy = loadPolicy(shippedPolicy());
      if (!policy.ok) return policy.problems;
      const findings = tender[FINDINGS] !== undefined ? { name: FINDINGS, bytes: tender[FINDINGS] } : undefined;
      const made = await equalityAssessment({ ...filesOf(tender), findings }, policy.value.data, { template: shippedTemplate("equality-assessment"), date, stage });
      if (made.ok) download("equality-assessment.docx", made.value.bytes, DOCX);
      return made.ok ? [] : made.problems;
    });

  return (
    <section aria-labelledby="take-heading">
      <h3 id="take-heading">Take your work away</h3>
      <p>
        <button type="button" onClick={save}>
          Save your work (.zip)
        </button>
      </p>
      <p class="hint">The tender's YAML files ({Object.keys(tender).join(", ")}), as the command line reads them. Open the .zip on this page to carry on.</p>
      <div class="field">
        <label for="take-date">Date printed on the score sheets and the Equality Assessment</label>
        <input id="take-date" type="date" value={date} onChange={(e) => setDate((e.currentTarget as HTMLInputElement).value || today())} />
      </div>
      <p>
        <button type="button" onClick={sheets} disabled={busy !== undefined || tender["bids.yaml"] === undefined}>
          Download the blank score sheets (.zip)
        </button>
      </p>
      {tender["bids.yaml"] === undefined && <p class="hint">The score sheets need bids.yaml, which names the panel and the bidders: open it with the other files.</p>}
      <h4>The Equality Assessment</h4>
      <div class="choose">
        <label for="findings-file">Open an equality findings file (equality-findings.yaml), in place of the findings below</label>
        <input id="findings-file" type="file" accept=".yaml,.yml" onChange={(e) => openFindings((e.currentTarget as HTMLInputElement).files)} />
      </div>
      {children}
      <div class="field">
        <label for="ea-stage">Stage of commissioning</label>
        <select id="ea-stage" value={stage} onChange={(e) => setStage((e.currentTarget as HTMLSelectElement).value as EqualityStage)}>
          {equalityStages.map((s) => (
            <option value={s}>{s.replace("-", " ")}</option>
          ))}
        </select>
      </div>
      <p>
        <button type="button" onClick={equality} disabled={busy !== undefined}>
          Download the Equality Assessment (.docx)
        </button>
      </p>
      <p class="hint">
        {tender[FINDINGS] !== undefined
          ? "Filled in from equality-findings.yaml; anything it leaves out appears in the document as a prompt to complete."
          : "No equality-findings.yaml is open: the analysis, summary, consultation, action plan, outcome and sign-off are left as prompts to complete."}
      </p>
      <p aria-live="polite" class="status">
        {busy !== undefined ? `Making ${busy}…` : ""}
      </p>
      <ProblemsList problems={problems} heading="Before this can be made" />
    </section>
  );
}
