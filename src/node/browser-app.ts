import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { packageRoot } from "./files.js";

/** The browser app, built by app/build.mjs into one self-contained page that ships in the package. */
export const browserAppPath = join(packageRoot, "dist", "app", "tender-eval.html");

export async function readBrowserApp(): Promise<Uint8Array> {
  try {
    return await readFile(browserAppPath);
  } catch (error) {
    // Not the user's input: the package was built without its page. A fault in tender-eval, said plainly.
    throw new Error(`the browser app is missing from this installation of tender-eval (${(error as NodeJS.ErrnoException).code ?? "unreadable"}); it is built by npm run build`);
  }
}

/** The browser app's page as text, to put data in (e.g. `whatif --html`). */
export async function browserAppHtml(): Promise<string> {
  return new TextDecoder().decode(await readBrowserApp());
}
