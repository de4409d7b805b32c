import { documentKindNames, documentKinds } from "../../documents/document-kinds.js";
import { inspectTemplate } from "../../documents/render-docx.js";
import { contractOf, flattenTags, type ContractField } from "../../documents/template-contract.js";
import { readFileOnDisk } from "../../node/files.js";
import { problemsJson, stringifyJson } from "../../presentation/json.js";
import { headerOf } from "../../presentation/output-schemas/header.js";
import { ExitCode } from "../exit-code.js";
import { UsageError, type CliIo } from "../io.js";
import { reportProblems } from "../report-problems.js";
import type { ArgsOf, specs } from "../specs.js";

function describeFields(fields: readonly ContractField[], indent = "  "): string[] {
  return fields.flatMap((f) => {
    const kind = f.kind === "list" ? ` (list: repeat with {#${f.path}} … {/${f.path}})` : f.kind === "condition" ? ` (true/false: show with {#${f.path}} … {/${f.path}})` : "";
    return [`${indent}{${f.path}}  ${f.description}${kind}`, ...(f.item ? describeFields(f.item, `${indent}    `) : [])];
  });
}

export async function run(args: ArgsOf<typeof specs.templates>, io: CliIo) {
  if (args.action === "list") {
    const kinds = args.kind ? [args.kind] : documentKindNames;
    if (args.json) {
      io.stdout(stringifyJson({ ...headerOf("template-fields"), documents: Object.fromEntries(kinds.map((k) => [k, contractOf(documentKinds[k].schema)])) }));
      return ExitCode.success;
    }
    for (const kind of kinds) {
      io.stdout(`${documentKinds[kind].title} (--kind ${kind}; bundled: templates/${documentKinds[kind].template})`);
      io.stdout(describeFields(contractOf(documentKinds[kind].schema)).join("\n"));
      io.stdout("");
    }
    return ExitCode.success;
  }
  if (args.file === undefined || args.kind === undefined) {
    throw new UsageError("templates check needs a .docx file and --kind, e.g. tender-eval templates check my-report.docx --kind evaluation-report");
  }
  const file = await readFileOnDisk(args.file, { cwd: io.cwd });
  const inspected = inspectTemplate({ name: args.file, bytes: file.bytes as Uint8Array }, documentKinds[args.kind].schema);
  if (args.json) {
    io.stdout(stringifyJson({ ...headerOf("template-check"), ok: inspected.ok, ...(inspected.ok ? { tags: flattenTags(inspected.value.tags) } : {}), problems: problemsJson(inspected.problems) }));
  } else if (inspected.ok) {
    const tags = flattenTags(inspected.value.tags);
    io.stdout(`${args.file}: uses ${tags.length} tags, all provided by the ${args.kind} data:`);
    for (const t of tags) io.stdout(`  ${"  ".repeat(t.insideLoops.length)}{${t.loop ? "#" : ""}${t.tag}}`);
  } else {
    reportProblems(io, inspected.problems);
  }
  return inspected.ok ? ExitCode.success : ExitCode.invalidInput;
}
