import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { renderFieldReference } from "../model/field-reference.js";
import { inputFileReference } from "../review/json-schema.js";
import { bundledExampleFolder, packageRoot } from "./files.js";

/** How docs/fields.md is regenerated; the test that keeps it current says so too. */
export const FIELD_REFERENCE_COMMAND = "npm run docs";

/** docs/fields.md, with its examples taken from the bundled example tender and the default policy. */
export async function fieldReferenceMarkdown(): Promise<string> {
  const read = async (path: string) => parse(await readFile(path, "utf8")) as unknown;
  const example = (name: string) => read(join(bundledExampleFolder, name));
  const examples = {
    specification: await example("specification.yaml"),
    model: await example("scoring-model.yaml"),
    bids: await example("bids.yaml"),
    findings: await example("equality-findings.yaml"),
    profiles: await example("whatif-profiles.yaml"),
    policy: await read(join(packageRoot, "policies", "uk-default.yaml")),
    holidays: await read(join(packageRoot, "policies", "uk-bank-holidays.yaml")),
  };
  return renderFieldReference(inputFileReference(examples), FIELD_REFERENCE_COMMAND);
}
