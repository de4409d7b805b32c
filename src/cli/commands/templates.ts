import type { CommandModule } from "yargs";
import { documentKindNames, documentKinds, type DocumentKind } from "../../documents/document-kinds.js";
import { inspectTemplate } from "../../documents/render-docx.js";
import { contractOf, flattenTags, type ContractField } from "../../documents/template-contract.js";
import { stringifyJson } from "../../presentation/json.js";
import { ExitCode } from "../exit-code.js";
import { readInputFile } from "../io.js";
import type { CommandRunner } from "../main.js";
import { problemsJson, reportProblems } from "../report-problems.js";

function describeFields(fields: readonly ContractField[], indent = "  "): string[] {
  return fields.flatMap((f) => {
    const kind = f.kind === "list" ? ` (list: repeat with {#${f.path}} … {/${f.path}})` : f.kind === "condition" ? ` (true/false: show with {#${f.path}} … {/${f.path}})` : "";
    return [`${indent}{${f.path}}  ${f.description}${kind}`, ...(f.item ? describeFields(f.item, `${indent}    `) : [])];
  });
}

export function templatesCommand(run: CommandRunner): CommandModule {
  return {
    command: "templates <action> [file]",
    describe: "List the data each Word template can use, or check your own template's tags",
    builder: (y) =>
      y
        .positional("action", { choices: ["list", "check"] as const, describe: "list: the fields a template can use; check: a template's tags against them" })
        .positional("file", { type: "string", describe: "With check: your .docx template" })
        .option("kind", { choices: documentKindNames, describe: "Which document (default for list: all)" })
        .option("json", { type: "boolean", default: false, describe: "Print JSON instead of text" })
        .example("$0 templates list --kind assessment-summary", "Show the fields an assessment summary template can use")
        .example("$0 templates check my-report.docx --kind evaluation-report", "Check an authority's own template"),
    handler: run(async (args, io) => {
      const a = args as unknown as { action: "list" | "check"; file?: string; kind?: DocumentKind; json: boolean };
      if (a.action === "list") {
        const kinds = a.kind ? [a.kind] : documentKindNames;
        if (a.json) {
          io.stdout(stringifyJson(Object.fromEntries(kinds.map((k) => [k, contractOf(documentKinds[k].schema)]))));
          return ExitCode.success;
        }
        for (const kind of kinds) {
          io.stdout(`${documentKinds[kind].title} (--kind ${kind}; bundled: templates/${documentKinds[kind].template})`);
          io.stdout(describeFields(contractOf(documentKinds[kind].schema)).join("\n"));
          io.stdout("");
        }
        return ExitCode.success;
      }
      if (a.file === undefined || a.kind === undefined) {
        io.stderr("templates check needs a .docx file and --kind, e.g. tender-eval templates check my-report.docx --kind evaluation-report");
        return ExitCode.usage;
      }
      const template = { name: a.file, bytes: await readInputFile(io, a.file) };
      const inspected = inspectTemplate(template, documentKinds[a.kind].schema);
      if (a.json) {
        io.stdout(stringifyJson({ ok: inspected.ok, tags: inspected.ok ? flattenTags(inspected.value.tags) : undefined, problems: problemsJson(inspected.problems) }));
      } else if (inspected.ok) {
        const tags = flattenTags(inspected.value.tags);
        io.stdout(`${a.file}: uses ${tags.length} tags, all provided by the ${a.kind} data:`);
        for (const t of tags) io.stdout(`  ${"  ".repeat(t.insideLoops.length)}{${t.loop ? "#" : ""}${t.tag}}`);
      } else {
        reportProblems(io, inspected.problems);
      }
      return inspected.ok ? ExitCode.success : ExitCode.invalidInput;
    }),
  };
}
