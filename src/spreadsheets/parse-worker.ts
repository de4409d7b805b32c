import { parentPort } from "node:worker_threads";
import { parseWorkbook } from "./read-workbook.js";

// Parses workbooks off the main thread, so several evaluators' sheets are read on several cores.
parentPort?.on("message", async (message: { id: number; bytes: Uint8Array }) => {
  parentPort?.postMessage({ id: message.id, parsed: await parseWorkbook(message.bytes) });
});
