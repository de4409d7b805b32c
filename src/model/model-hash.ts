import { sha256Hex } from "../arithmetic/sha256.js";
import type { ScoringModel } from "./scoring-model.js";

/** SHA-256 of the model's canonical JSON (keys sorted), so a reformatted but identical model hashes the same. */
export function modelHash(model: ScoringModel): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
    }
    return value;
  };
  return sha256Hex(new TextEncoder().encode(JSON.stringify(canonical(withoutLaterDefaults(model)))));
}

/**
 * Fields added after score sheets were first sent out count in the hash only when they differ from their
 * default: a model that does not use them hashes as it did before, so sheets already returned still match.
 */
function withoutLaterDefaults(model: ScoringModel): unknown {
  const scales = Object.fromEntries(
    Object.entries(model.scales).map(([id, { normalise, ...scale }]) => [id, normalise === "from-zero" ? scale : { ...scale, normalise }]),
  );
  return { ...model, scales };
}
