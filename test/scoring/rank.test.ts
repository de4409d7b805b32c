import { formatProblem } from "../../src/problems/format.js";
import { describe, expect, it } from "vitest";
import { exact } from "../../src/arithmetic/exact.js";
import { rankBids } from "../../src/scoring/rank.js";
import { scoreTender } from "../../src/scoring/score-tender.js";
import { aSpecification, aTender } from "../builders.js";
import { explainExclusion } from "../../src/presentation/explain.js";

const bid = (bidId: string, primary: string | number, quality = 0, price = 0) => ({
  bidId,
  bidder: `Bidder ${bidId}`,
  primary: exact(primary),
  tieBreakValues: { "highest-quality": exact(quality), "lowest-price": exact(price) },
});

describe("ranking", () => {
  it("uses standard competition ranking: equal totals share a rank and the next rank is skipped", () => {
    const ranking = rankBids([bid("A", 80), bid("B", 90), bid("C", 80), bid("D", 70)], false, []);
    expect(ranking.order.map((o) => [o.bidId, o.rank])).toEqual([
      ["B", 1],
      ["A", 2],
      ["C", 2],
      ["D", 4],
    ]);
    expect(ranking.ties).toEqual([{ bidIds: ["A", "C"], brokenBy: null }]);
  });

  it("treats mathematically equal totals as equal: 1/3 + 1/3 + 1/3 ties with 1", () => {
    const thirds = exact(1).div(3).add(exact(1).div(3)).add(exact(1).div(3));
    const ranking = rankBids([{ ...bid("A", 0), primary: thirds }, bid("B", 1)], false, []);
    expect(ranking.order.every((o) => o.rank === 1)).toBe(true);
  });

  it("breaks a tie only by the model's rules, in order", () => {
    const ranking = rankBids([bid("A", 80, 30, 500), bid("B", 80, 30, 400)], false, ["highest-quality", "lowest-price"]);
    expect(ranking.order.map((o) => [o.bidId, o.rank])).toEqual([
      ["B", 1],
      ["A", 2],
    ]);
    expect(ranking.ties).toEqual([{ bidIds: ["B", "A"], brokenBy: "lowest-price" }]);
  });

  it("never breaks a tie by input order", () => {
    const forwards = rankBids([bid("A", 50), bid("B", 50)], false, ["highest-quality"]);
    const backwards = rankBids([bid("B", 50), bid("A", 50)], false, ["highest-quality"]);
    expect(forwards).toEqual(backwards);
    expect(forwards.order.map((o) => o.rank)).toEqual([1, 1]);
  });

  it("ranks lowest first when lower is better (price per quality point)", () => {
    const ranking = rankBids([bid("A", 1500), bid("B", 1200)], true, []);
    expect(ranking.order[0]!.bidId).toBe("B");
  });
});

describe("ties in a scored tender", () => {
  it("reports two equal bids as joint winners when the model has no tie-break rule", () => {
    const outcome = scoreTender(
      aTender()
        .withBids({ id: "A", price: 100, scores: { Q1: [4], Q2: [3] } }, { id: "B", price: 100, scores: { Q1: [3], Q2: [4] } })
        .build(),
    );
    if (!outcome.ok) throw new Error("should score");
    expect(outcome.value.winners).toEqual(["A", "B"]);
    expect(outcome.value.bids.map((b) => b.tiedWith)).toEqual([["B"], ["A"]]);
  });
});

describe("thresholds and gates", () => {
  it("excludes a bid that fails a pass/fail gate, a criterion minimum or a section minimum, naming each rule", () => {
    const outcome = scoreTender(
      aTender()
        .withGates(["insurance"])
        .withQuality(60, { Q1: 50, Q2: 50 }, { minimumScore: { Q1: 2 }, minimumPercent: 50 })
        .withBids(
          { id: "OK", price: 100, scores: { Q1: [3], Q2: [3] } },
          { id: "GATE", price: 100, scores: { Q1: [5], Q2: [5] }, gates: { insurance: "fail" } },
          { id: "CRIT", price: 100, scores: { Q1: [1], Q2: [5] } },
          { id: "SECT", price: 100, scores: { Q1: [2], Q2: [2] } },
        )
        .build(),
    );
    if (!outcome.ok) throw new Error("should score");
    const rules = Object.fromEntries(outcome.value.bids.map((b) => [b.bidId, b.exclusions.map((e) => e.rule)]));
    expect(rules).toEqual({ OK: [], GATE: ["gate-failed"], CRIT: ["below-criterion-minimum"], SECT: ["below-section-minimum"] });
    expect(outcome.value.bids.filter((b) => b.rank !== null).map((b) => b.bidId)).toEqual(["OK"]);
  });

  it("does not let an excluded bid set the lowest price", () => {
    // GATE's £50 would make OK's price points 40 × 50/100 = 20; excluded, OK is lowest and gets 40.
    const outcome = scoreTender(
      aTender()
        .withGates(["insurance"])
        .withBids(
          { id: "OK", price: 100, scores: { Q1: [3], Q2: [3] } },
          { id: "GATE", price: 50, scores: { Q1: [3], Q2: [3] }, gates: { insurance: "fail" } },
        )
        .build(),
    );
    if (!outcome.ok) throw new Error("should score");
    expect(outcome.value.bids.find((b) => b.bidId === "OK")!.price!.points!.toFraction()).toBe("40");
  });
});

describe("a contract reserved for supported employment providers (Procurement Act 2023 s.32)", () => {
  it("does not rank a bid that has not declared its workforce share, nor let its price set the lowest, until it does", () => {
    const base = aTender().withBids({ id: "A", price: 100, scores: { Q1: [3], Q2: [3] } }, { id: "B", price: 50, scores: { Q1: [3], Q2: [3] } }).build();
    const reserved = (declared: number | undefined) => ({
      ...base,
      specification: aSpecification({ procedure: "reserved", reservation: { basis: "supported-employment" } }),
      bids: { ...base.bids, bids: base.bids.bids.map((b) => (b.id === "B" && declared !== undefined ? { ...b, disadvantagedWorkforcePercent: declared } : b.id === "A" ? { ...b, disadvantagedWorkforcePercent: 45 } : b)) },
    });
    const undeclared = scoreTender(reserved(undefined));
    if (!undeclared.ok) throw new Error("should score");
    const b = undeclared.value.bids.find((x) => x.bidId === "B")!;
    expect([b.status, b.rank, b.exclusions]).toEqual(["excluded", null, [{ rule: "workforce-share-undeclared", minimumPercent: exact(30) }]]);
    expect(b.price!.points).toBeUndefined();
    // A is the only bid in contention, so its £100 is the lowest price: full price points.
    expect(undeclared.value.bids.find((x) => x.bidId === "A")!.price!.points!.toFraction()).toBe("40");
    expect(undeclared.problems.map((p) => [p.code, p.location.path])).toEqual([["scoring.workforce-share-undeclared", ["bids", 1]]]);
    expect(formatProblem(undeclared.problems[0]!)).toContain('bid "B" has not declared the share of its workforce who are disabled or disadvantaged');
    expect(explainExclusion(b.exclusions[0]!)).toBe(
      "has not declared the share of its workforce who are disabled or disadvantaged (the contract is reserved for organisations where it is at least 30%), so it cannot be ranked until it does",
    );

    const declared = scoreTender(reserved(35));
    if (!declared.ok) throw new Error("should score");
    expect(declared.value.bids.map((x) => [x.bidId, x.rank])).toEqual([["B", 1], ["A", 2]]);
    expect(declared.problems).toEqual([]);
  });

  it("asks no workforce share when the contract is not reserved, or reserved for public service mutuals", () => {
    const open = scoreTender(aTender().withBids({ id: "A", price: 100, scores: { Q1: [3], Q2: [3] } }).build());
    expect(open.ok && open.value.bids[0]!.status).toBe("ranked");
    const base = aTender().withBids({ id: "A", price: 100, scores: { Q1: [3], Q2: [3] } }).build();
    const mutual = scoreTender({ ...base, specification: aSpecification({ procedure: "reserved", reservation: { basis: "public-service-mutual" } }) });
    expect(mutual.ok && mutual.value.bids[0]!.status).toBe("ranked");
  });
});

describe("moderation", () => {
  it("flags a spread beyond the default tolerance (30% of the scale: 1.5 on 0–5) and marks the bid provisional", () => {
    const outcome = scoreTender(
      aTender()
        .withEvaluators(3)
        .withCombination({ method: "consensus" })
        .withBids({ id: "A", price: 100, scores: { Q1: [1, 3, 3], Q2: [3, 4, 4] } })
        .build(),
    );
    if (!outcome.ok) throw new Error("should score");
    expect(outcome.value.moderationNeeded.map((m) => [m.bidId, m.criterionId, m.spread.toFraction()])).toEqual([["A", "Q1", "2"]]);
    expect(outcome.value.bids[0]!.provisional).toBe(true);
    expect(outcome.problems.map((p) => p.code)).toEqual(["scoring.moderation-needed"]);
  });

  it("puts a score that excludes the bid to moderation even when the evaluators agree within the tolerance", () => {
    const tender = (moderation: { bid: string; criterion: string; score: number; reason: string }[]) =>
      scoreTender(
        aTender()
          .withEvaluators(3)
          .withQuality(60, { Q1: 50, Q2: 50 }, { minimumScore: { Q1: 2 } })
          .withModeration(moderation)
          .withBids({ id: "A", price: 100, scores: { Q1: [1, 2, 1], Q2: [3, 3, 3] } }, { id: "B", price: 120, scores: { Q1: [3, 3, 3], Q2: [3, 3, 3] } })
          .build(),
      );
    const before = tender([]);
    if (!before.ok) throw new Error("should score");
    const q1 = before.value.bids.find((b) => b.bidId === "A")!.sections[0]!.criteria[0]!;
    // Spread 1 is within the tolerance (1.5 on 0–5), but the mean 4/3 is below the minimum of 2.
    expect([q1.needsModeration, q1.moderationCause, q1.spread.toFraction()]).toEqual([true, "decides-exclusion", "1"]);
    expect(before.value.moderationNeeded.map((m) => [m.bidId, m.criterionId])).toEqual([["A", "Q1"]]);
    expect(before.value.bids.find((b) => b.bidId === "A")!.provisional).toBe(true);
    expect(before.problems.map((p) => [p.code, p.args])).toEqual([["scoring.exclusion-needs-moderation", { bid: "A", criterion: "Q1", score: "1.(3)", minimum: "2" }]]);
    expect(formatProblem(before.problems[0]!)).toContain('bid "A" scored about 1.3333 on criterion Q1, below the minimum of 2, which excludes it');

    const after = tender([{ bid: "A", criterion: "Q1", score: 1, reason: "The panel agreed the answer names no safeguarding lead." }]);
    if (!after.ok) throw new Error("should score");
    const bidA = after.value.bids.find((b) => b.bidId === "A")!;
    expect([bidA.status, bidA.provisional, after.value.moderationNeeded, after.problems]).toEqual(["excluded", false, [], []]);
  });

  it("uses the agreed score and its reason once moderation is recorded", () => {
    const outcome = scoreTender(
      aTender()
        .withEvaluators(3)
        .withCombination({ method: "consensus" })
        .withModeration([{ bid: "A", criterion: "Q1", score: 2, reason: "Agreed after discussion of the evidence." }])
        .withBids({ id: "A", price: 100, scores: { Q1: [1, 3, 3], Q2: [3, 4, 4] } })
        .build(),
    );
    if (!outcome.ok) throw new Error("should score");
    const q1 = outcome.value.bids[0]!.sections[0]!.criteria[0]!;
    expect([q1.basis, q1.combined.toFraction(), q1.moderation?.reason]).toEqual(["moderated", "2", "Agreed after discussion of the evidence."]);
    expect(outcome.value.bids[0]!.provisional).toBe(false);
  });

  it("combines by median when the model says so: (1, 4, 5) → 4", () => {
    const outcome = scoreTender(
      aTender()
        .withEvaluators(3)
        .withCombination({ method: "median", tolerance: 5 })
        .withBids({ id: "A", price: 100, scores: { Q1: [1, 4, 5], Q2: [2, 2, 3] } })
        .build(),
    );
    if (!outcome.ok) throw new Error("should score");
    expect(outcome.value.bids[0]!.sections[0]!.criteria.map((c) => c.combined.toFraction())).toEqual(["4", "2"]);
  });
});
