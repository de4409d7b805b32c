import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { problemCodes } from "../../src/problems/format.js";

describe("every problem code is documented", () => {
  const page = readFileSync(new URL("../../docs/problems.md", import.meta.url), "utf8");
  const headings = [...page.matchAll(/^## (.+)$/gm)].flatMap((m) => [...m[1]!.matchAll(/`([^`]+)`/g)].map((c) => c[1]!));
  it.each(problemCodes)("%s has a section in docs/problems.md", (code) => {
    expect(headings).toContain(code);
  });
});
