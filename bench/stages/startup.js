// Stage `startup`: how long a command takes to start, against the peer every command pays for, Node itself
// (`node -e 0`). The runs alternate inside this stage, so both see the same machine; each figure is the
// median of its pairs. The headline is `validate` on the example tender; the others are extras.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const PAIRS = 7;
const root = fileURLToPath(new URL("../..", import.meta.url));
const bin = join(root, "dist/cli/bin.js");
const example = join(root, "examples/community-advocacy");
const time = (args) => {
  const start = performance.now();
  execFileSync(process.execPath, args, { stdio: "ignore", cwd: root });
  return (performance.now() - start) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// init refuses to overwrite, so each run writes into a new folder (made by init itself, as a user's would be).
const scratch = mkdtempSync(join(tmpdir(), "tender-eval-bench-init-"));
let runs = 0;
const commands = {
  validate: () => [bin, "validate", example],
  help: () => [bin, "--help"],
  init: () => [bin, "init", join(scratch, `t${runs++}`)],
  // The floor for any command that reads a tender: importing the three libraries every such command needs
  // (argument parsing, the schemas, YAML), doing nothing with them. Node 20 has no compile cache for ES
  // modules (module.enableCompileCache arrived in Node 22), so below this no such command can start.
  floor: () => ["--input-type=module", "-e", 'await import("yargs"); await import("zod"); await import("yaml");'],
};
const figures = {};
let peerTimes = [];
try {
  for (const [name, argsOf] of Object.entries(commands)) {
    time(argsOf());
    const ours = [];
    const peer = [];
    const ratios = [];
    for (let i = 0; i < PAIRS; i++) {
      const p = time(["-e", "0"]);
      const t = time(argsOf());
      peer.push(p);
      ours.push(t);
      ratios.push(t / p);
    }
    figures[name] = { seconds: median(ours), ratio: median(ratios) };
    if (name === "validate") peerTimes = peer;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.error(Object.entries(figures).map(([k, f]) => `startup ${k}: ${f.seconds.toFixed(3)} s, ${f.ratio.toFixed(2)}× node -e 0`).join("\n"));
console.log(
  JSON.stringify({
    seconds: figures.validate.seconds,
    // Each command is a process of its own, whose peak memory Node cannot see from here.
    peakMiB: null,
    peer: { name: "node -e 0", seconds: median(peerTimes), peakMiB: null },
    ratio: figures.validate.ratio,
    pairs: PAIRS,
    extra: { "help ×": figures.help.ratio, "init ×": figures.init.ratio, "floor (import yargs, zod, yaml) ×": figures.floor.ratio },
  }),
);
