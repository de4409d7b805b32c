import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { flagCodes } from "../../src/problems/format.js";

describe("every review flag is documented", () => {
  const page = readFileSync(new URL("../../docs/flags.md", import.meta.url), "utf8");
  const headings = [...page.matchAll(/^### (.+)$/gm)].flatMap((m) => [...m[1]!.matchAll(/`([^`]+)`/g)].map((c) => c[1]!));
  it.each(flagCodes)("%s has a section in docs/flags.md", (code) => {
    expect(headings).toContain(code);
  });
});
