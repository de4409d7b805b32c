import { zipSync } from "fflate";
import { useState } from "preact/hooks";
import type { Problem } from "../src/problems/problem.js";

/** The kinds of file the page offers for download. */
export const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Today on this computer's calendar, as the documents print it (YYYY-MM-DD): the CLI's --date default. */
export const today = (): string => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

/** Files as one .zip, each entry dated as the documents are, so the same inputs give the same .zip. */
export function datedZip(files: readonly { name: string; bytes: Uint8Array }[], date: string): Uint8Array {
  const mtime = new Date(`${date}T12:00:00Z`);
  return zipSync(Object.fromEntries(files.map((f) => [f.name, [f.bytes, { mtime }]])));
}

/**
 * What every "take it away" part of a journey keeps: the date printed on the documents, what is being
 * made now, and the problems the last one came back with. `make` runs one workflow and shows its problems.
 */
export function useDocumentMaker() {
  const [date, setDate] = useState(today());
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState<string | undefined>();
  const make = async (what: string, work: () => Promise<Problem[]>) => {
    setBusy(what);
    setProblems([]);
    try {
      setProblems(await work());
    } finally {
      setBusy(undefined);
    }
  };
  return { date, setDate, problems, busy, make };
}
