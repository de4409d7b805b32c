import { sha256Hex } from "../arithmetic/sha256.js";
import { problem, type Problem } from "../problems/problem.js";

/**
 * An input file as the workflows take it: a name (relative to the tender folder, as it should appear in
 * documents; never a path on someone's machine) and its contents. Text files may be given as text.
 */
export interface NamedFile {
  name: string;
  bytes: Uint8Array | string;
}

/** What the audit record says of each input file: its name and the SHA-256 of its bytes. */
export interface InputRecord {
  file: string;
  sha256: string;
}

const encoder = new TextEncoder();
export const bytesOf = (file: NamedFile): Uint8Array => (typeof file.bytes === "string" ? encoder.encode(file.bytes) : file.bytes);

/**
 * The file's audit record: its name and SHA-256, by the project's own pure SHA-256 so no platform module
 * is needed, or by the platform's (`hashHex`, from the runtime) where it has one: on a framework's three
 * 6 MB score sheets Node's is about 100 ms faster. The hash is worked out when first read (an enumerable
 * getter, so JSON and copies carry it like any field): `validate` never reads it, and hashing is a
 * noticeable part of its start-up.
 */
export function inputRecord(file: NamedFile, hashHex: (bytes: Uint8Array) => string = sha256Hex): InputRecord {
  let sha256: string | undefined;
  return {
    file: file.name,
    get sha256() {
      return (sha256 ??= hashHex(bytesOf(file)));
    },
  };
}

export const NOT_TEXT = "it is not UTF-8 text (is it a spreadsheet or Word file?)";

/** Input files are UTF-8 text; a byte-order mark is dropped. Undefined when the bytes are not text. */
export function decodeText(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return undefined;
  }
}

/** A text input's contents, or the problem that says it is not text. */
export function textOf(file: NamedFile): { ok: true; text: string } | { ok: false; problem: Problem } {
  if (typeof file.bytes === "string") return { ok: true, text: file.bytes.replace(/^\uFEFF/, "") };
  const text = decodeText(file.bytes);
  return text === undefined ? { ok: false, problem: problem("input.unreadable", { file: file.name }, { detail: NOT_TEXT }) } : { ok: true, text };
}
