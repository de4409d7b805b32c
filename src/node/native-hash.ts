import { createHash } from "node:crypto";

/** Node's SHA-256 for input records: native, so a framework's 18 MB of score sheets hash in a few tens of milliseconds. */
export const nodeSha256Hex = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");
