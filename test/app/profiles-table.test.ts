import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { WhatifProfiles } from "../../src/model/whatif-profiles.js";
import { emptyRow, profilesDocument, tableOf, type ProfilesTable } from "../../app/profiles-table.js";

/** The DDPO's table in the page is turned into a profiles file, which the same rules as a file's check. */
describe("the profiles table as a profiles file", () => {
  const table: ProfilesTable = {
    organisation: { name: "Riverside DPO", price: "£1,000,000", scores: { quality: "4", userPanel: "3-4.5" } },
    competitors: [{ name: "National provider", price: "-15%", scores: { quality: "3" } }, emptyRow("Local charity")],
    limits: {},
    kept: { organisationScores: {}, competitorScores: [] },
  };

  it("has no weight limits when none is typed, and the limits typed when some are (an empty box is 0% or 100%)", () => {
    expect(JSON.parse(profilesDocument(table)).weightRanges).toBeUndefined();
    expect(JSON.parse(profilesDocument({ ...table, limits: { price: { low: "", high: "" } } })).weightRanges).toBeUndefined();
    const limited = JSON.parse(profilesDocument({ ...table, limits: { price: { low: "20", high: "40%" }, socialValue: { low: "10", high: "" }, userPanel: { low: "", high: "15" } } }));
    expect(limited.weightRanges).toEqual({ price: [20, 40], socialValue: [10, 100], userPanel: [0, 15] });
    expect(WhatifProfiles.safeParse(limited).success).toBe(true);
  });

  it("keeps what is not a number as text, so the file's rules say what is wrong with it", () => {
    const limited = JSON.parse(profilesDocument({ ...table, limits: { price: { low: "twenty", high: "40" } } }));
    expect(limited.weightRanges).toEqual({ price: ["twenty", 40] });
    expect(WhatifProfiles.safeParse(limited).success).toBe(false);
  });

  it("a profiles file's limits open into the boxes and are saved again as they were", () => {
    const file = WhatifProfiles.parse(parse("organisation: {name: Us, price: 100, scores: {quality: 4}}\ncompetitors: [{name: Them, price: 90, scores: {quality: 3}}]\nweightRanges: {socialValue: [10, 25]}\n"));
    const opened = tableOf(file, ["quality"]);
    expect(opened.limits).toEqual({ socialValue: { low: "10", high: "25" } });
    expect(JSON.parse(profilesDocument(opened)).weightRanges).toEqual({ socialValue: [10, 25] });
  });
});
