import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./harness.js";

describe("tender-eval app", () => {
  it("writes the self-contained page, says how to use it, and never overwrites without --force", async () => {
    const first = await runCli(["app", "--out", "page.html"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Open it in a web browser");
    const html = readFileSync(join(first.cwd, "page.html"), "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("connect-src 'none'");

    const again = await runCli(["app", "--out", "page.html"], first.cwd);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain("not overwriting page.html");
    expect((await runCli(["app", "--out", "page.html", "--force"], first.cwd)).code).toBe(0);
  });
});
