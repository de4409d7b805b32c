import { terminalSafe } from "../model/text-safety.js";
import type { CliIo } from "./io.js";

/**
 * Text for the terminal, line by line: control and bidi characters from the inputs (a bidder's name, a
 * file's name, a template's tag) are shown as visible stand-ins, so an escape sequence cannot recolour
 * or clear the terminal and a right-to-left override cannot reorder a line. Line breaks and tabs that
 * tender-eval itself writes are kept; nothing is cut (each message has already cut what it quotes).
 */
export function terminalText(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      line
        .split("\t")
        .map((part) => terminalSafe(part, Number.POSITIVE_INFINITY))
        .join("\t"),
    )
    .join("\n");
}

/**
 * The edge where text leaves for the terminal: everything printed to stderr, and to stdout unless the
 * command was asked for JSON (which JSON.stringify has escaped already, and which a program reads: its
 * values must stay as they are).
 */
export function terminalIo(io: CliIo, options: { json: boolean }): CliIo {
  return {
    ...io,
    stdout: options.json ? io.stdout : (text) => io.stdout(terminalText(text)),
    stderr: (text) => io.stderr(terminalText(text)),
  };
}
