/**
 * The one rule for text that enters tender-eval, from YAML/JSON files and from spreadsheet cells alike,
 * decided once at input so that nothing downstream (Word documents, charts, the terminal, JSON) has to
 * guess:
 *
 * - Line breaks of every kind become "\n". Word writes a vertical tab (U+000B) for Shift+Enter and
 *   pasted text brings \r\n, \r, form feeds, U+0085, U+2028 and U+2029; all of them mean "new line" to
 *   the person who typed them, and several break Word or chart rendering if kept.
 * - Every other control character (C0 except tab and newline, DEL, C1) and the bidirectional override,
 *   embedding and isolate characters (U+202A–U+202E, U+2066–U+2069) are refused. None has a meaning in a
 *   tender's text, and each has been seen doing harm: a bell crashing a chart renderer, an escape sequence
 *   recolouring the terminal, a right-to-left override reordering a message so it reads differently from
 *   what it says. Refusing (rather than silently deleting) keeps what was evaluated the same as what was
 *   written.
 *
 * Pure: no I/O, so the YAML path and the spreadsheet path share it.
 */

// \r\n first so it becomes one newline, not two.
const LINE_BREAKS = /\r\n|[\r\v\f\u0085\u2028\u2029]/g;

/** Every line-break character or sequence replaced by "\n". */
export function normaliseLineBreaks(text: string): string {
  return text.replace(LINE_BREAKS, "\n");
}

// Refused: C0 except tab (U+0009) and the line breaks (U+000A–U+000D, normalised instead), DEL, C1
// except U+0085 (a line break), and the bidi embedding/override (U+202A–U+202E) and isolate
// (U+2066–U+2069) characters. Line breaks are exempt so the same search works before normalising.
const UNSAFE = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069]/;

const BIDI_NAMES: Readonly<Record<number, string>> = {
  0x202a: "a left-to-right embedding",
  0x202b: "a right-to-left embedding",
  0x202c: "a pop directional formatting character",
  0x202d: "a left-to-right override",
  0x202e: "a right-to-left override",
  0x2066: "a left-to-right isolate",
  0x2067: "a right-to-left isolate",
  0x2068: "a first strong isolate",
  0x2069: "a pop directional isolate",
};

/** "U+001B": how a character is named in messages and the docs. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** A character named in words for a message: "a control character (U+0007)", "a right-to-left override (U+202E)". */
export function describeCharacter(codePoint: number): string {
  const name = BIDI_NAMES[codePoint] ?? (codePoint === 0 ? "a NUL byte" : "a control character");
  return `${name} (${codePointLabel(codePoint)})`;
}

export interface UnsafeCharacter {
  /** Index (UTF-16 code units) of the character in the text searched. */
  index: number;
  codePoint: number;
  /** In words, for a message. */
  description: string;
}

/** The first character the rule refuses, or undefined when the text is safe. */
export function findUnsafeCharacter(text: string): UnsafeCharacter | undefined {
  const match = UNSAFE.exec(text);
  if (match === null) return undefined;
  const codePoint = match[0].charCodeAt(0);
  return { index: match.index, codePoint, description: describeCharacter(codePoint) };
}

/**
 * Apply the rule to one piece of text: its line breaks normalised, or the first refused character,
 * whose `index` points into the text as given so a caller can turn it into a line.
 */
export function checkText(text: string): { ok: true; text: string } | { ok: false; unsafe: UnsafeCharacter } {
  const unsafe = findUnsafeCharacter(text);
  return unsafe === undefined ? { ok: true, text: normaliseLineBreaks(text) } : { ok: false, unsafe };
}

// What terminalSafe escapes: every C0 control (newline and tab too: an echoed value must stay on its one
// line, or it could print a line that looks like tender-eval's own), DEL, C1, the bidi controls, the
// line and paragraph separators, and lone surrogates (which some terminals render as garbage).
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function visible(character: string): string {
  const code = character.charCodeAt(0);
  // C0 controls have printable pictures (␛ for escape, ␇ for bell, ␊ for newline); DEL has ␡.
  if (code <= 0x1f) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return "\u2421";
  if (code >= 0xd800 && code <= 0xdfff) return "\ufffd";
  return `<${codePointLabel(code)}>`;
}

/**
 * Text made safe to echo to a terminal inside a one-line message: control and bidi characters shown as
 * visible stand-ins (␛, ␇, ␊, <U+202E>) so they can neither act nor hide, and cut to `maxLength`
 * characters with "…" so one pasted essay cannot bury the message around it.
 */
export function terminalSafe(text: string, maxLength = 200): string {
  const limit = Math.max(1, Math.floor(maxLength));
  // Escaping never shortens, so limit + 1 characters are enough to know whether the text must be cut:
  // a hostile 5 MB value costs no more than a short one.
  const head = text.length > limit + 1 ? text.slice(0, limit + 1) : text;
  const shown = head.replace(TERMINAL_UNSAFE, visible);
  if (shown.length <= limit && head.length === text.length) return shown;
  return `${cutAt(shown, limit - 1)}…`;
}

// Cut to at most `length` code units without splitting a surrogate pair (half an emoji is garbage).
function cutAt(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  return code >= 0xd800 && code <= 0xdbff ? text.slice(0, length - 1) : text.slice(0, length);
}
