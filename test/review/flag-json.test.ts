import { describe, expect, it } from "vitest";
import { findingToJson, stringifyJson } from "../../src/presentation/json.js";
import { aPassingModel, bidsFor, review } from "./helpers.js";

// Four bids, D abnormally low; a £1.5m contract (VAT included) so the process flags (regime, lots) carry money too.
const lines = ["A", "B", "C", "D"].map((id) => ({ id, price: id === "D" ? 70000 : 100000, scores: { Q1: [3], Q2: [3], Q3: [3], SV1: [3], U1: [3] } }));
const outcome = review(aPassingModel(), { bids: bidsFor(lines), spec: { contract: { estimatedValue: 1500000, years: 1, extensionYears: 0 } } });
const asJson = (value: unknown) => JSON.parse(stringifyJson(value));

describe("review flags as JSON", () => {
  it("a bid flag's figures are numbers and it names the bid by id", () => {
    const low = outcome.flags.find((f) => f.code === "review.abnormally-low-price")!;
    const json = asJson(findingToJson(low));
    expect(json.args).toMatchObject({
      bidId: "D",
      bidder: "Bidder D",
      price: { value: 70000, exact: "70000" },
      average: { value: 90000 },
      nextLowest: { value: 100000 },
      belowNext: { value: 30 },
    });
    expect(typeof json.args.belowAverage.value).toBe("number");
    // The English is still there, written by the formatter from those numbers.
    expect(json.message).toContain("Bidder D's price £70,000 is 22.2% below");
    expect(json.source).toBe(low.source);
  });

  it("no flag carries pre-formatted money, percents or points in its args", () => {
    // An approver's name is the policy's own text (it may quote "£500,000"), not a figure the review formatted.
    const skip = new Set(["exact", "approver"]);
    const strings: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === "string") strings.push(v);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v !== null && typeof v === "object") Object.entries(v).forEach(([k, x]) => !skip.has(k) && collect(x));
    };
    const json = asJson(outcome.flags);
    expect(json.length).toBeGreaterThan(2);
    for (const f of json) collect(f.args);
    expect(strings.filter((s) => /£|%|\bpoints\b|^\d[\d,.]*$/.test(s))).toEqual([]);
    expect(json.find((f: { code: string }) => f.code === "review.regime").args).toMatchObject({ value: { value: 1500000 }, above: true, regime: "sub-central" });
  });
});
