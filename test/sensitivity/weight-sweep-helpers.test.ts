import { describe, expect, it } from "vitest";
import { exact } from "../../src/arithmetic/exact.js";
import { percentagesAddingTo100 } from "../../src/language/uk-format.js";
import { describeWeights } from "../../src/sensitivity/weight-ranges.js";
import { standingsAt, withWeight } from "../../src/sensitivity/weight-sweep.js";

describe("moving one weight", () => {
  it("keeps the others in proportion, exactly: price 30 → 50 leaves 50 for quality 45 : social value 15 : user panel 10", () => {
    const weights = new Map([["price", exact(30)], ["quality", exact(45)], ["socialValue", exact(15)], ["userPanel", exact(10)]] as const);
    const moved = withWeight(weights, "price", exact(50));
    // 45 × 50/70 = 225/7, 15 × 50/70 = 75/7, 10 × 50/70 = 50/7; together 350/7 = 50.
    expect([...moved.values()].map((w) => w.toFraction())).toEqual(["50", "225/7", "75/7", "50/7"]);
  });

  it("shares the rest equally when every other weight was 0", () => {
    const weights = new Map([["price", exact(100)], ["quality", exact(0)], ["socialValue", exact(0)]] as const);
    expect([...withWeight(weights, "price", exact(40)).values()].map((w) => w.toFraction())).toEqual(["40", "30", "30"]);
  });

  it("ranks at the given weights, equal totals sharing a rank", () => {
    const problem = {
      weights: new Map([["price", exact(50)], ["quality", exact(50)]] as const),
      bids: [
        { bidId: "A", bidder: "Alpha", shares: new Map([["price", exact(1)], ["quality", exact(0)]] as const) },
        { bidId: "B", bidder: "Beta", shares: new Map([["price", exact(0)], ["quality", exact(1)]] as const) },
        { bidId: "C", bidder: "Gamma", shares: new Map([["price", exact("1/2")], ["quality", exact("1/4")]] as const) },
      ],
    };
    expect(standingsAt(problem).map((s) => [s.bidder, s.total.toFraction(), s.rank, s.tied])).toEqual([
      ["Alpha", "50", 1, true],
      ["Beta", "50", 1, true],
      ["Gamma", "75/2", 3, false],
    ]);
  });
});

describe("percentages shown to add up to 100", () => {
  it("gives the rounding's leftover to the largest remainders: thirds show as 33.4, 33.3, 33.3", () => {
    expect(percentagesAddingTo100([1 / 3, 1 / 3, 1 / 3])).toEqual(["33.4%", "33.3%", "33.3%"]);
    // 45/70 × 50 = 32.142…, 15/70 × 50 = 10.714…, 10/70 × 50 = 7.142…: rounded alone they add up to 99.9.
    expect(percentagesAddingTo100([0.5, 45 / 140, 15 / 140, 10 / 140])).toEqual(["50.0%", "32.2%", "10.7%", "7.1%"]);
  });

  it("typical weights as whole percentages add up to 100 as displayed", () => {
    const text = describeWeights([0.245, 0.245, 0.255, 0.255], ["price", "quality", "socialValue", "userPanel"]);
    const sum = [...text.matchAll(/(\d+)%/g)].reduce((a, m) => a + Number(m[1]), 0);
    expect(sum).toBe(100);
  });
});
