import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";

/** Run the CLI in-process in a fresh temporary working folder, capturing what it prints. */
export async function runCli(argv: string[], cwd = mkdtempSync(join(tmpdir(), "tender-eval-"))) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    cwd,
    stdout: (t) => void (stdout += t.endsWith("\n") ? t : `${t}\n`),
    stderr: (t) => void (stderr += t.endsWith("\n") ? t : `${t}\n`),
  });
  return { code, stdout, stderr, cwd };
}
