import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/arithmetic/sha256.js";
import { stringifyJson, toJsonValue } from "../../src/presentation/json.js";
import { scoreTender, type TenderInput } from "../../src/scoring/score-tender.js";
import { loadExample } from "../example-tender.js";
import { VARIED_SEEDS, variedTender } from "../varied-tender.js";

/**
 * The scoring engine was rewritten for speed (issue 15: integer sums per criterion, each criterion's
 * constants once per model). Its results must not change by so much as a fraction: these hashes of the
 * whole result and every problem, exact values as fractions, were recorded with the engine as it was
 * before the rewrite, on the bundled example and on generated tenders that reach every path of the
 * engine (mean, median and consensus; decimal, 0–100 and from-lowest scales; a criterion's own scale;
 * specialist assessors; moderation; missing scores; minimums; gates; rounding of criteria and sections;
 * quantitative criteria; points weights). A deliberate change to scoring re-records them.
 */
const recorded = JSON.parse(readFileSync(new URL("../fixtures/scoring-results.json", import.meta.url), "utf8")) as Record<string, string>;

function fingerprint(input: TenderInput, options: { allowIncomplete?: boolean } = {}): string {
  const outcome = scoreTender(input, options);
  const canonical = stringifyJson(toJsonValue({ ok: outcome.ok, value: outcome.ok ? outcome.value : null, problems: outcome.problems }));
  return sha256Hex(new TextEncoder().encode(canonical));
}

describe("scoring results are exactly as before the rewrite for speed", () => {
  it("on the bundled example", () => {
    expect(fingerprint(loadExample())).toBe(recorded["example"]);
  });

  it("on generated tenders reaching every path of the engine", () => {
    const actual = Object.fromEntries(VARIED_SEEDS.map((seed) => {
      const { input, allowIncomplete } = variedTender(seed);
      return [`varied-${seed}`, fingerprint(input, { allowIncomplete })];
    }));
    const expected = Object.fromEntries(VARIED_SEEDS.map((seed) => [`varied-${seed}`, recorded[`varied-${seed}`]]));
    expect(actual).toEqual(expected);
  });
});
