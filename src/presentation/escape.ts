import { base64, sha256 } from "../arithmetic/sha256.js";
/**
 * The one place text from a tender (bidder names, titles, descriptions) is made safe to put into markup.
 * Every page, chart and Word part uses these, so a fix here reaches all of them.
 */

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  // A numeric reference rather than &apos;: HTML 4 and some XML tools do not know &apos;.
  "'": "&#39;",
};

/**
 * Text as HTML or XML character data, safe both between tags and inside an attribute value quoted with
 * either " or '. The same escaping serves HTML, SVG and the XML parts of a Word document.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

const SCRIPT_ESCAPES: Readonly<Record<string, string>> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * A value as a JavaScript literal to put inside an inline <script>. JSON.stringify alone is not enough:
 * a string holding "</script>" would end the script block early and whatever follows would be read as
 * HTML, and "<!--" would switch the parser into a state where the block's end is not where it looks.
 * Escaping < > & as \u sequences keeps the meaning (JSON and JavaScript read them back as the same
 * characters) while no markup character is left in the text. U+2028 and U+2029 are escaped because older
 * JavaScript engines end a string literal at them.
 */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value);
  // JSON.stringify gives undefined for undefined, functions and symbols; "null" keeps the script valid.
  if (json === undefined) return "null";
  return json.replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c] ?? c);
}

/**
 * A CSP source naming exactly this inline script or style text: 'sha256-…'. The browser hashes the
 * element's text as UTF-8, so the text here must be the element's content byte for byte.
 */
export function cspHashSource(text: string): string {
  return `'sha256-${base64(sha256(new TextEncoder().encode(text)))}'`;
}
