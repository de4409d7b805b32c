import { describe, expect, it } from "vitest";
import { escapeHtml, jsonForScript } from "../../src/presentation/escape.js";

const hostile = [
  "National Care</script><img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  "<!--",
  "<script>",
  "a\u2028b\u2029c",
  "{{x}}",
  "Café & Co’s “quoted” name",
  "\u0000\r\n\t\\ \ud800 lone surrogate",
];

describe("escapeHtml", () => {
  it("escapes the five characters that can end text or an attribute, and & first so nothing is escaped twice", () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;");
    expect(escapeHtml("&lt;")).toBe("&amp;lt;");
  });

  it("leaves every other character as it is", () => {
    expect(escapeHtml("Riverside Community Trust — 100% {{x}} \u2028 é")).toBe("Riverside Community Trust — 100% {{x}} \u2028 é");
  });

  it("leaves no markup character in any hostile name", () => {
    for (const name of hostile) expect(escapeHtml(name)).not.toMatch(/[<>"']/);
  });
});

describe("jsonForScript", () => {
  it("round-trips through JSON.parse and leaves no character that could end a script block or start a comment", () => {
    const values: unknown[] = [...hostile, { names: hostile, nested: [{ "</script>": 1, n: 2.5 }] }, [], 0, -1.25, true, null, ""];
    for (const value of values) {
      const text = jsonForScript(value);
      expect(JSON.parse(text)).toEqual(value);
      expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    }
  });

  it("is read back the same by JavaScript itself, as the page's script reads it", () => {
    const value = { names: hostile };
    expect(new Function(`return ${jsonForScript(value)};`)()).toEqual(value);
  });

  it("gives null for what JSON cannot say, so the script stays valid", () => {
    expect(jsonForScript(undefined)).toBe("null");
  });
});
