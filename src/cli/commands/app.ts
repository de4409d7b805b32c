import { readBrowserApp } from "../../node/browser-app.js";
import { writeOutputs, type CliIo } from "../io.js";
import { ExitCode } from "../exit-code.js";
import type { ArgsOf, specs } from "../specs.js";

export async function run(args: ArgsOf<typeof specs.app>, io: CliIo) {
  const written = await writeOutputs(io, [{ path: args.out, bytes: await readBrowserApp() }], args.force);
  io.stdout(
    [
      `Wrote ${written.join(", ")}.`,
      "Open it in a web browser (a double-click is enough). It works offline and sends nothing anywhere:",
      "the tender's files you open in it stay on this computer.",
    ].join("\n"),
  );
  return ExitCode.success;
}
