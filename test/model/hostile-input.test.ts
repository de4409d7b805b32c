import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TenderBids } from "../../src/model/bids.js";
import { parseInputDocument } from "../../src/model/parse-document.js";
import { parseBids, parseSpecification } from "../../src/model/parse.js";
import { ScoringModel } from "../../src/model/scoring-model.js";
import { TenderSpecification } from "../../src/model/specification.js";
import { formatProblem } from "../../src/problems/format.js";
import type { DocumentRole, Problem } from "../../src/problems/problem.js";

// Hostile inputs are built here rather than kept as files, so each one says what it is.

const example = (name: string) => readFileSync(new URL(`../../examples/community-advocacy/${name}`, import.meta.url), "utf8");
const spec = example("specification.yaml");
const bids = example("bids.yaml");

/** Run `parse` and return its problems, asserting it refused within a second. */
function refusedFast(parse: () => { ok: boolean; problems: Problem[] }): Problem[] {
  const start = performance.now();
  const outcome = parse();
  const elapsed = performance.now() - start;
  expect(outcome.ok).toBe(false);
  expect(elapsed).toBeLessThan(1000);
  return outcome.problems;
}

const lineOf = (text: string, needle: string) => {
  const index = text.indexOf(needle);
  if (index === -1) throw new Error(`fixture text not found: ${needle}`);
  return text.slice(0, index).split("\n").length;
};

const replaceOnce = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return text.replace(from, to);
};

describe("resource-exhaustion inputs are refused at a file and line, quickly", () => {
  it("an alias bomb (billion laughs) names the anchor, not a stack trace", () => {
    const lines = ['title: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i <= 9; i++) {
      const name = String.fromCharCode(97 + i);
      const previous = String.fromCharCode(96 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    const text = `${lines.join("\n")}\n`;
    const problems = refusedFast(() => parseSpecification(text, "bomb.yaml"));
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p?.code).toBe("input.too-many-aliases");
    expect(p?.location).toMatchObject({ file: "bomb.yaml", document: "specification" });
    expect(p?.location.line).toBeGreaterThan(1);
    expect(formatProblem(p!)).toMatch(/^bomb\.yaml: line \d+: this file repeats an anchor \(&[a-j]\) too many times/);
  });

  it("many aliases of a small anchor are refused too (each costs the library a scan)", () => {
    const text = `title: &t x\nlots:\n${Array.from({ length: 2000 }, () => "  - *t").join("\n")}\n`;
    const [p] = refusedFast(() => parseSpecification(text, "spec.yaml"));
    expect(p?.code).toBe("input.too-many-aliases");
    expect(p?.location.line).toBe(1003); // the 1,001st alias
  });

  it("an alias inside its own anchor is refused, not expanded for ever", () => {
    const [p] = refusedFast(() => parseSpecification("lots: &x [1, *x]\n", "spec.yaml"));
    expect(["input.too-deep", "input.unreadable"]).toContain(p?.code);
    expect(p?.location).toMatchObject({ file: "spec.yaml", line: 1 });
  });

  it("a few anchors used a few times, as people write them, still work", () => {
    const text = replaceOnce(spec, "lots: []", "lots: &none []\nnotLots: *none");
    // notLots is not a field, so the schema refuses it, but only the schema: the aliases were fine.
    const outcome = parseSpecification(text, "spec.yaml");
    expect(outcome.problems.map((p) => p.code)).toEqual(["schema.unknown-field"]);
  });

  it("100 levels of block nesting", () => {
    const nested = Array.from({ length: 100 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n");
    const text = `title: x\nextra:\n${nested.replace(/^/gm, "  ")} deep\n`;
    const [p] = refusedFast(() => parseSpecification(text, "deep.yaml"));
    expect(p?.code).toBe("input.too-deep");
    expect(p?.location).toMatchObject({ file: "deep.yaml" });
    // The first line nested too deep: line 2 is "extra:", then one line per level.
    expect(p?.location.line).toBe(2 + 64);
  });

  it("100 levels of flow nesting, and a million, in one line", () => {
    for (const n of [100, 1_000_000]) {
      const text = `title: x\nlots: ${"[".repeat(n)}${"]".repeat(n)}\n`;
      const [p] = refusedFast(() => parseSpecification(text, "deep.json"));
      expect(p?.code).toBe("input.too-deep");
      expect(p?.location).toMatchObject({ file: "deep.json", line: 2 });
    }
  });

  it("compact nested sequences (- - - -), which crash the process on main", () => {
    const [p] = refusedFast(() => parseSpecification(`${"- ".repeat(100_000)}x\n`, "seq.yaml"));
    expect(p?.code).toBe("input.too-deep");
    expect(p?.location).toMatchObject({ file: "seq.yaml", line: 1 });
  });

  it("aliases that nest deeper than the text does", () => {
    const lines = ["a0: &a0 [x]"];
    for (let i = 1; i <= 100; i++) lines.push(`a${i}: &a${i} [*a${i - 1}]`);
    const [p] = refusedFast(() => parseSpecification(`${lines.join("\n")}\n`, "spec.yaml"));
    expect(p?.code).toBe("input.too-deep");
    expect(p?.location.line).toBeGreaterThan(60);
  });

  it("a duplicate key names the key, at its second occurrence", () => {
    const text = replaceOnce(spec, "serviceArea: Adult Social Care\n", "serviceArea: Adult Social Care\nserviceArea: Children's Services\n");
    const problems = refusedFast(() => parseSpecification(text, "specification.yaml"));
    expect(problems.map((p) => [p.code, p.location.file, p.location.line])).toEqual([
      ["input.duplicate-key", "specification.yaml", lineOf(spec, "serviceArea") + 1],
    ]);
    expect(formatProblem(problems[0]!)).toContain('the key "serviceArea" appears twice');
  });

  it("a NUL byte (a binary file) is refused before parsing, at its line", () => {
    const text = replaceOnce(spec, "procedure: light-touch", "procedure: light\u0000touch");
    const [p] = refusedFast(() => parseSpecification(text, "specification.yaml"));
    expect(p?.code).toBe("input.binary");
    expect(p?.location).toMatchObject({ file: "specification.yaml", line: lineOf(spec, "procedure:") });
  });

  it("a 6 MB file is refused before parsing", () => {
    const filler = `# ${"x".repeat(98)}\n`; // 101 bytes a line
    const text = `${spec}${filler.repeat(Math.ceil((6 * 1024 * 1024) / filler.length))}`;
    const [p] = refusedFast(() => parseSpecification(text, "specification.yaml"));
    expect(p?.code).toBe("input.too-large");
    expect(p?.location.file).toBe("specification.yaml");
    expect(p?.args).toEqual({ size: "6 MB", limit: "5 MB" });
    // The line where the file passes 5 MB.
    expect(p?.location.line).toBeGreaterThan(50_000);
  });

  it("bids files may be larger (a 2,000-bid framework is ~10 MB), but not unboundedly", () => {
    const filler = `# ${"x".repeat(98)}\n`;
    const six = `${bids}${filler.repeat(Math.ceil((6 * 1024 * 1024) / filler.length))}`;
    expect(parseBids(six, "bids.yaml").ok).toBe(true);
    const huge = `${bids}${filler.repeat(Math.ceil((33 * 1024 * 1024) / filler.length))}`;
    const [p] = refusedFast(() => parseBids(huge, "bids.yaml"));
    expect(p?.code).toBe("input.too-large");
    expect(p?.args).toMatchObject({ limit: "32 MB" });
  });
});

describe("pasted control characters", () => {
  it("a bell (BEL) in a bidder name is refused at its line, named in words", () => {
    const text = replaceOnce(bids, `bidder: "Riverside Disabled People's Voice"`, `bidder: "Riverside Disabled\u0007 People's Voice"`);
    const problems = refusedFast(() => parseBids(text, "bids.yaml"));
    expect(problems.map((p) => [p.code, p.location.file, p.location.line])).toEqual([["input.unsafe-character", "bids.yaml", lineOf(bids, "bidder: \"Riverside")]]);
    expect(formatProblem(problems[0]!)).toContain("contains a control character (U+0007)");
  });

  it("an escape sequence written as a YAML escape is refused too", () => {
    const text = replaceOnce(bids, `bidder: "Riverside Disabled People's Voice"`, `bidder: "\\e[31mRiverside Disabled People's Voice"`);
    const [p] = refusedFast(() => parseBids(text, "bids.yaml"));
    expect(p?.code).toBe("input.unsafe-character");
    expect(p?.args).toEqual({ character: "a control character (U+001B)" });
    expect(p?.location.line).toBe(lineOf(bids, "bidder: \"Riverside"));
  });

  it("a right-to-left override in a title is refused, named as such", () => {
    const text = replaceOnce(spec, "title: Community Advocacy", "title: Community \u202eAdvocacy");
    const [p] = refusedFast(() => parseSpecification(text, "specification.yaml"));
    expect(p?.code).toBe("input.unsafe-character");
    expect(p?.location).toMatchObject({ file: "specification.yaml", line: lineOf(spec, "title:") });
    expect(formatProblem(p!)).toContain("a right-to-left override (U+202E)");
  });

  it("a character on a later line of a block value is located at that line", () => {
    const text = replaceOnce(spec, "want support from people", "want support\u0008 from people");
    const [p] = refusedFast(() => parseSpecification(text, "specification.yaml"));
    expect(p?.location.line).toBe(lineOf(spec, "want support from people"));
  });

  it("a key holding a control character is refused too", () => {
    const [p] = refusedFast(() => parseSpecification("title: x\nnot\u0007es: y\n", "specification.yaml"));
    expect(p?.code).toBe("input.unsafe-character");
    expect(p?.location.line).toBe(2);
  });

  it("a vertical tab (Word's Shift+Enter) in a justification becomes a newline", () => {
    const justification = "Good: clear escalation route to the council's safeguarding hub, named lead, annual training for all staff and volunteers.";
    const text = replaceOnce(bids, justification, justification.replace("hub, ", "hub,\\v").replace("lead, ", "lead,\u000b"));
    const outcome = parseBids(text, "bids.yaml");
    expect(outcome.problems).toEqual([]);
    if (!outcome.ok) return;
    const b1 = outcome.value.data.bids[0]!;
    expect(b1.scores["Q3"]?.["E1"]?.justification).toBe(justification.replace("hub, ", "hub,\n").replace("lead, ", "lead,\n"));
  });

  it("every other line break becomes a newline: \\r\\n, \\r, \\f, U+0085, U+2028, U+2029", () => {
    const outcome = parseSpecification(replaceOnce(spec, "title: Community Advocacy and Peer Support Service for Disabled Adults", 'title: "a\\r\\nb\\rc\\fd\\Ne\\Lf\\Pg"'), "specification.yaml");
    expect(outcome.ok && outcome.value.data.title).toBe("a\nb\nc\nd\ne\nf\ng");
  });

  it("tabs and ordinary non-ASCII text are untouched", () => {
    const title = "Café\tservices — Gwasanaethau Cymraeg, עברית, العربية 🙂";
    const outcome = parseSpecification(replaceOnce(spec, "title: Community Advocacy and Peer Support Service for Disabled Adults", `title: "${title.replace("\t", "\\t")}"`), "specification.yaml");
    expect(outcome.ok && outcome.value.data.title).toBe(title);
  });

  it("many bad values give a bounded number of problems", () => {
    const text = `title: x\nlots:\n${Array.from({ length: 500 }, () => '  - "\\a"').join("\n")}\n`;
    const problems = refusedFast(() => parseSpecification(text, "specification.yaml"));
    expect(problems.length).toBeLessThanOrEqual(20);
    expect(problems.every((p) => p.code === "input.unsafe-character")).toBe(true);
  });
});

describe("parseInputDocument never throws, whatever the text (property)", () => {
  const files: [string, Parameters<typeof parseInputDocument>[0], DocumentRole][] = [
    ["specification.yaml", TenderSpecification, "specification"],
    ["scoring-model.yaml", ScoringModel, "model"],
    ["bids.yaml", TenderBids, "bids"],
  ];
  // Characters that matter to YAML's grammar, plus the ones this rule is about.
  const interesting = fc.constantFrom(..."&*[]{}:-?|>!%@`'\"#,\n\r\t \u0000\u0007\u000b\u001b\u0085\u2028\u202e\\");
  type Mutation = { kind: "insert" | "substitute"; at: number; text: string } | { kind: "delete"; at: number; length: number };
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 8 }), interesting, interesting.map((c) => c.repeat(50))) }),
    fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant("substitute" as const), at: fc.nat(), text: interesting }),
  );
  const apply = (text: string, m: Mutation) => {
    const at = text.length === 0 ? 0 : m.at % text.length;
    if (m.kind === "insert") return text.slice(0, at) + m.text + text.slice(at);
    if (m.kind === "delete") return text.slice(0, at) + text.slice(at + m.length);
    return text.slice(0, at) + m.text + text.slice(at + 1);
  };

  it.each(files)("%s, mutated", (name, schema, role) => {
    const original = example(name);
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
        const text = mutations.reduce(apply, original);
        const outcome = parseInputDocument(schema, text, role, name);
        // Either a value or problems, every problem a known code with a file.
        if (outcome.ok) return;
        expect(outcome.problems.length).toBeGreaterThan(0);
        for (const p of outcome.problems) expect(p.location.file).toBe(name);
      }),
      { numRuns: 300 },
    );
  });
});
