// Builds the browser app as ONE self-contained HTML file (dist/app/tender-eval.html): the page's script,
// its Web Worker's script and its stylesheet are inside it, and a Content-Security-Policy forbids any
// network request, so it works from a double-click, offline, and no file can leave the computer.
//
// Why rolldown: it is the bundler vitest's Vite already brings (no new toolchain), it compiles the
// library's TypeScript and the app's JSX directly, and tree-shakes what the page does not use.
// Why Preact: a 10 kB, well-kept component library with React's model, so the page is declarative
// components rather than hand-written DOM plumbing, within the 4 MB budget.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { rolldown } from "rolldown";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The files the package ships beside the code (Word templates, the review policy), put inside the page so
 * it needs nothing else: `import { bundledFiles } from "virtual:bundled-files"`, each as its bytes in base64.
 */
const shipped = [
  "templates/evaluation-report.docx",
  "templates/assessment-summary.docx",
  "templates/whatif-briefing.docx",
  "policies/uk-default.yaml",
  // The commissioner's journey: the user panel's large-print form and the Equality Assessment.
  "templates/user-panel-form.docx",
  "templates/equality-assessment.docx",
  ...readdirSync(here("../scoring-models")).filter((f) => f.endsWith(".yaml")).sort().map((f) => `scoring-models/${f}`),
];
const bundledFiles = {
  name: "bundled-files",
  resolveId: (id) => (id === "virtual:bundled-files" ? id : null),
  load(id) {
    if (id !== "virtual:bundled-files") return null;
    const entries = shipped.map((path) => `${JSON.stringify(path)}: ${JSON.stringify(readFileSync(here(`../${path}`)).toString("base64"))}`);
    return `export const bundledFiles = {\n${entries.join(",\n")}\n};`;
  },
};

async function bundle(input, format, define = {}) {
  const build = await rolldown({
    input: here(input),
    plugins: [bundledFiles],
    platform: "browser",
    transform: { define }, // JSX settings come from app/tsconfig.json
    // The library's modules are pure by design (no work at import), so what the page does not call is left out.
    treeshake: { moduleSideEffects: (id) => !id.includes("/src/") },
    logLevel: "warn",
    // Node-only modules (the chart renderer) are reached only by work the page
    // does not offer, and tree-shaking leaves them out; the check below fails the build if one is left in.
    onLog(level, log, handler) {
      if (log.code === "UNRESOLVED_IMPORT" && /'node:/.test(log.message)) return;
      handler(level, log);
    },
  });
  const { output } = await build.generate({ format, minify: true, codeSplitting: false, comments: { legal: false } });
  await build.close();
  if (output.length !== 1) throw new Error(`expected one script from ${input}, got ${output.length}`);
  const { code } = output[0];
  const nodeOnly = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](node:[a-z/_]+)["']/.exec(code);
  if (nodeOnly) throw new Error(`${input} reaches ${nodeOnly[1]}, which no browser has: keep Node-only code out of the page's imports`);
  return code;
}

/** Script text that cannot end its <script> element early or open an HTML comment inside it. */
function inlineable(code, what) {
  const safe = code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
  if (/<\/script|<!--/i.test(safe)) throw new Error(`${what} still holds a sequence that would break the page`);
  return safe;
}

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

// The page's script is also its workers' (app/main.tsx): one copy of the library in the page, not two.
const main = inlineable(await bundle("./main.tsx", "esm"), "the page's script");
// Its workers run it as a classic script (web-worker-runtime.ts): it must stay free of import and export.
if (/(?:^|[;}\n])\s*(?:export\s*\{|import\s*[{*"'])|\bimport\.meta\b/.test(main)) throw new Error("the page's script imports or exports, so its workers could not run it");
const css = readFileSync(here("./page.css"), "utf8");

const policy = [
  "default-src 'none'",
  `script-src ${sha256(main)}`,
  `style-src ${sha256(css)}`,
  "worker-src blob:",
  "img-src data: blob:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const html = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<title>tender-eval: score tenders on this computer</title>
<style>${css}</style>
</head>
<body>
<div id="app"><noscript><p>This page needs JavaScript switched on. It runs only on this computer and sends nothing anywhere.</p></noscript></div>
<script type="module">${main}</script>
</body>
</html>
`;

const out = here("../dist/app/tender-eval.html");
mkdirSync(here("../dist/app"), { recursive: true });
// Written whole, then moved into place: never a half-written page.
writeFileSync(`${out}.partial`, html);
renameSync(`${out}.partial`, out);
console.log(`dist/app/tender-eval.html: ${(html.length / 1024 / 1024).toFixed(2)} MB`);
