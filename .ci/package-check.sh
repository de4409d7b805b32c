#!/usr/bin/env bash
# The package is the product: install the packed tarball into an empty project, as a user would, and use
# it there: the command, the library from JavaScript and from strict TypeScript, and the linters that
# check what npm and TypeScript resolve. Running from the repository would hide a file missing from
# "files" or an export that points nowhere, which is how policies/ once went unshipped.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
step() { printf '\n== %s\n' "$*"; }
fail() { echo "package check failed: $*" >&2; exit 1; }

step "npm pack"
cd "$repo"
# npm pack runs the prepare script, so the tarball holds a fresh build.
tarball="$work/$(npm pack --silent --pack-destination "$work" | tail -n 1)"
[ -f "$tarball" ] || fail "npm pack wrote no tarball"

step "install the tarball into an empty project"
mkdir "$work/consumer"
cd "$work/consumer"
npm init -y >/dev/null
npm install "$tarball" --no-audit --no-fund
installed="node_modules/tender-eval"
example="$installed/examples/community-advocacy"

step "the command"
npx --no-install tender-eval --help >/dev/null
npx --no-install tender-eval demo --out demo >/dev/null
for file in results.json results.txt results.xlsx evaluation-report.docx equality-assessment.docx whatif.html whatif-briefing.docx tender-eval.html \
  score-sheets/score-sheet-E1.xlsx assessment-summaries/assessment-summary-B1-riverside-disabled-peoples-voice.docx; do
  [ -s "demo/$file" ] || fail "demo did not write $file"
done
npx --no-install tender-eval app --out page.html >/dev/null
grep -q "connect-src 'none'" page.html || fail "app did not write the self-contained page"
npx --no-install tender-eval validate "$example" >/dev/null
npx --no-install tender-eval review "$example" >/dev/null
# `init` is run only once the package has it (it is being added alongside this check). For a command it
# does not know, yargs prints the general help and exits 0, so the test is whether init's own help names it.
if init_help="$(npx --no-install tender-eval init --help 2>&1)" && grep -q "tender-eval init" <<<"$init_help"; then
  npx --no-install tender-eval init my-tender >/dev/null
  [ -d my-tender ] || fail "init did not create my-tender/"
else
  echo "(no init command in this version: skipped)"
fi

step "the library from JavaScript: sheets to report with the root export and tender-eval/node"
cat >flow.mjs <<'EOF'
import { evaluationReport, loadPolicy, scoreTender, formatProblem } from "tender-eval";
import { bundledExampleFolder, documentTemplate, readTenderFolder, reviewPolicyFile } from "tender-eval/node";

const fail = (problems) => { throw new Error(problems.map(formatProblem).join("\n")); };
const scored = await scoreTender(await readTenderFolder({ folder: bundledExampleFolder }));
if (!scored.ok) fail(scored.problems);
const policy = loadPolicy(await reviewPolicyFile());
if (!policy.ok) fail(policy.problems);
const report = evaluationReport(scored.value, policy.value.data, { template: await documentTemplate("evaluation-report"), date: "2026-03-02" });
if (!report.ok) fail(report.problems);
if (!(report.value.bytes.length > 0)) throw new Error("the evaluation report is empty");
console.log(`evaluation report: ${report.value.bytes.length} bytes`);
EOF
node flow.mjs

step "the library from strict TypeScript (module nodenext)"
cat >consumer.ts <<'EOF'
import { scoreTender, scoreBids, checkTenderRules, type ScoredTender, type Outcome } from "tender-eval";
import { readTenderFolder, workerThreadRuntime, type FileOnDisk } from "tender-eval/node";

const files = await readTenderFolder({ folder: "tender" });
const specification: FileOnDisk = files.specification;
const scored: Outcome<ScoredTender> = await scoreTender(files, { runtime: workerThreadRuntime() });
if (scored.ok) {
  const { tender } = scored.value;
  const again = scoreBids({ specification: tender.specification, model: tender.model, bids: tender.bids });
  console.log(specification.name, again.ok, checkTenderRules(tender).length);
}
EOF
cat >tsconfig.json <<EOF
{
  "compilerOptions": {
    "module": "nodenext", "moduleResolution": "nodenext", "target": "es2022", "strict": true,
    "exactOptionalPropertyTypes": true, "noEmit": true, "skipLibCheck": true,
    "types": ["node"], "typeRoots": ["$repo/node_modules/@types"]
  },
  "files": ["consumer.ts"]
}
EOF
# The consumer must be an ES module for top-level await, as a user's would be.
npm pkg set type=module
"$repo/node_modules/.bin/tsc" -p tsconfig.json

step "publint (on the tarball)"
cd "$repo"
npx --no-install publint run "$tarball" --strict

step "are the types wrong (attw, ESM only)"
npx --no-install attw "$tarball" --profile esm-only

echo
echo "package check passed"
