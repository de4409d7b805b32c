import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { TOOL_VERSION } from "../src/version.js";

it("the version documents name is the package's version", () => {
  expect(TOOL_VERSION).toBe(JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version);
});
