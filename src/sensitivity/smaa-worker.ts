import { parentPort } from "node:worker_threads";
import { seededRandom } from "./random.js";
import { tally, type SmaaInput } from "./smaa.js";

// Runs one chunk of SMAA samples with its own seeded generator.
parentPort?.on("message", (message: Omit<SmaaInput, "random"> & { seed: number }) => {
  parentPort?.postMessage(tally({ ...message, random: seededRandom(message.seed) }));
});
