import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { keysAt, lengthAt, valueAt, withValue } from "../../app/yaml-edit.js";
import { starterTender, validateModel } from "../../src/workflows/index.js";

/** The commissioner's form edits the tender's own YAML: a value changes, the rest of the file is kept. */
const model = () => {
  const made = starterTender({ model: { name: "scoring-models/quality-led-social-care.yaml", bytes: readFileSync(new URL("../../scoring-models/quality-led-social-care.yaml", import.meta.url)) }, date: "2026-12-07" });
  if (!made.ok) throw new Error("the starter must be made");
  return made.value["scoring-model.yaml"];
};

describe("editing a tender's YAML in place", () => {
  it("changes one value and keeps every comment and every other value", async () => {
    const before = model();
    const after = withValue(before, ["sections", "quality", "weight"], 60);
    const comments = (text: string) => text.split("\n").filter((l) => l.trimStart().startsWith("#"));
    expect(comments(after)).toEqual(comments(before));
    const was = parse(before);
    was.sections.quality.weight = 60;
    expect(parse(after)).toEqual(was);
    // Written over the old value in place: every other line is byte for byte as it was.
    expect(after.split("\n").filter((l, i) => l !== before.split("\n")[i])).toEqual(["    weight: 60"]);
    const read = await validateModel({ name: "scoring-model.yaml", bytes: after });
    expect(read.model?.sections.quality?.weight).toBe(60);
  });

  it("adds and removes list items and optional values, and starts a file that does not exist yet", () => {
    const text = model();
    const criteria = ["sections", "quality", "criteria"];
    const n = lengthAt(text, criteria);
    const added = withValue(text, [...criteria, n], { id: "Q9", title: "New", weight: 0 });
    expect(lengthAt(added, criteria)).toBe(n + 1);
    expect(valueAt(added, [...criteria, n, "id"])).toBe("Q9");
    expect(lengthAt(withValue(added, [...criteria, 0], undefined), criteria)).toBe(n);
    expect(valueAt(withValue(text, [...criteria, 0, "minimumScore"], 2), [...criteria, 0, "minimumScore"])).toBe(2);
    expect(valueAt(withValue(text, ["sections", "quality", "minimumPercent"], undefined), ["sections", "quality", "minimumPercent"])).toBeUndefined();
    expect(keysAt(text, ["scales"])).toEqual(Object.keys(parse(text).scales));
    expect(parse(withValue("", ["impacts", "disability"], "Direct, positive."))).toEqual({ impacts: { disability: "Direct, positive." } });
  });
});
