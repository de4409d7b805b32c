import { z } from "zod";
import { header, ProblemsJson } from "./common.js";

/** A field a Word template can use; a list's fields are nested under `item`. */
export const ContractFieldJson = z
  .strictObject({
    path: z.string().describe("The tag, as written in the template between braces, e.g. tender.title"),
    description: z.string().describe("What the field holds"),
    kind: z.enum(["value", "list", "condition"]).describe("value (write {path}), list (repeat with {#path} … {/path}) or condition (show with {#path} … {/path})"),
    get item() {
      return z.array(ContractFieldJson).exactOptional().describe("For a list: the fields of each item, relative to the item");
    },
  })
  .meta({ id: "template-field", description: "A field a Word template can use" });

export const TemplateFieldsOutput = z
  .strictObject({
    ...header("template-fields"),
    documents: z.record(z.string(), z.array(ContractFieldJson)).describe("The fields each kind of document provides, by document kind (evaluation-report, assessment-summary, …)"),
  })
  .describe("What tender-eval templates list --json prints: the fields each Word template can use");

export const TemplateCheckOutput = z
  .strictObject({
    ...header("template-check"),
    ok: z.boolean().describe("true when every tag the template uses is provided by the document's data"),
    tags: z
      .array(
        z.strictObject({
          tag: z.string().describe("The tag as the template writes it"),
          insideLoops: z.array(z.string()).describe("The loops it is inside, outermost first"),
          loop: z.boolean().describe("Whether the tag opens a loop or condition"),
        }),
      )
      .exactOptional()
      .describe("Every tag the template uses, when it could be read and all are provided"),
    problems: ProblemsJson.describe("Tags the data does not provide, and any problem reading the template"),
  })
  .describe("What tender-eval templates check --json prints: whether your template's tags are all provided");
