import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkText, describeCharacter, findUnsafeCharacter, normaliseLineBreaks, terminalSafe } from "../../src/model/text-safety.js";

describe("the input text rule", () => {
  it("turns every kind of line break into \\n, \\r\\n into one", () => {
    expect(normaliseLineBreaks("a\r\nb\rc\vd\fe\u0085f\u2028g\u2029h\ni")).toBe("a\nb\nc\nd\ne\nf\ng\nh\ni");
  });

  it("refuses other control characters and the bidi controls, naming them in words", () => {
    expect(checkText("Acme\u0007 Ltd")).toEqual({ ok: false, unsafe: { index: 4, codePoint: 7, description: "a control character (U+0007)" } });
    expect(findUnsafeCharacter("\u001b[31mred")?.description).toBe("a control character (U+001B)");
    expect(findUnsafeCharacter("x\u009b")?.description).toBe("a control character (U+009B)");
    expect(findUnsafeCharacter("x\u007f")?.description).toBe("a control character (U+007F)");
    expect(findUnsafeCharacter("abc\u202egnp.exe")?.description).toBe("a right-to-left override (U+202E)");
    expect(findUnsafeCharacter("\u2066x\u2069")?.description).toBe("a left-to-right isolate (U+2066)");
    expect(describeCharacter(0)).toBe("a NUL byte (U+0000)");
  });

  it("leaves tab, newline, line breaks (normalised instead) and ordinary text alone", () => {
    for (const text of ["a\tb\nc", "a\vb\fc\rd\u0085e\u2028f\u2029", "Café — עברית العربية 🙂 \u200f"]) {
      expect(findUnsafeCharacter(text)).toBeUndefined();
    }
    expect(checkText("line one\u000bline two")).toEqual({ ok: true, text: "line one\nline two" });
  });

  it("property: accepted text holds no control character but tab and newline, and no bidi control", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        const checked = checkText(text);
        if (checked.ok) expect(checked.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
        else expect(text.codePointAt(checked.unsafe.index)).toBe(checked.unsafe.codePoint);
      }),
    );
  });
});

describe("terminalSafe", () => {
  it("shows an escape sequence instead of obeying it", () => {
    expect(terminalSafe("\u001b[31mAcme Ltd\u001b[0m")).toBe("␛[31mAcme Ltd␛[0m");
  });

  it("shows bell, NUL, DEL, C1 and bidi controls as visible stand-ins", () => {
    expect(terminalSafe("a\u0007b\u0000c\u007fd\u009be")).toBe("a␇b␀c␡d<U+009B>e");
    expect(terminalSafe("invoice\u202egnp.exe")).toBe("invoice<U+202E>gnp.exe");
  });

  it("keeps an echoed value on its one line", () => {
    expect(terminalSafe("Acme\n✔ all checks passed")).toBe("Acme␊✔ all checks passed");
    expect(terminalSafe("a\r\u2028b\tc")).toBe("a␍<U+2028>b␉c");
  });

  it("leaves ordinary text, accents, right-to-left scripts and emoji alone", () => {
    const text = "Café Cymru — עברית, العربية 🙂";
    expect(terminalSafe(text)).toBe(text);
  });

  it("cuts long text to the length asked for, ending in …", () => {
    const cut = terminalSafe("x".repeat(500));
    expect(cut).toHaveLength(200);
    expect(cut.endsWith("…")).toBe(true);
    expect(terminalSafe("abcdef", 4)).toBe("abc…");
    expect(terminalSafe("abcd", 4)).toBe("abcd");
  });

  it("does not split an emoji when cutting", () => {
    expect(terminalSafe("ab🙂🙂", 4)).toBe("ab…");
  });

  it("replaces a lone surrogate", () => {
    expect(terminalSafe("a\ud800b")).toBe("a\ufffdb");
  });

  it("is quick on a hostile 5 MB value", () => {
    const start = performance.now();
    expect(terminalSafe("\u001b".repeat(5_000_000))).toHaveLength(200);
    expect(performance.now() - start).toBeLessThan(100);
  });

  it("property: never longer than asked, and never holds a character a terminal would act on", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), fc.integer({ min: 1, max: 250 }), (text, max) => {
        const shown = terminalSafe(text, max);
        expect(shown.length).toBeLessThanOrEqual(max);
        expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      }),
    );
  });
});
