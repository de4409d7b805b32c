import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import { keepTablesTogether } from "./keep-together.js";
import type { z } from "zod";
import { problem, type Outcome, type Problem } from "../problems/problem.js";
import { withZipDates } from "../arithmetic/zip-dates.js";
import { escapeHtml } from "../presentation/escape.js";
import { addPicturesToZip, placePicture, type DocxPicture, type PlacedPicture } from "./docx-pictures.js";
import { pictureAwareParser } from "./dot-path-parser.js";
import { contractOf, unknownTags, type ContractField, type TemplateTag } from "./template-contract.js";

export interface DocumentTemplate {
  /** Name for messages: the template's file name. */
  name: string;
  bytes: Uint8Array;
}

interface Compiled {
  doc: {
    render(data: unknown): void;
    getZip(): PizZip;
  };
  tags: TemplateTag[];
  missing: { tag: string }[];
  /** The pictures the template actually placed, once rendered. */
  placed: Map<string, PlacedPicture>;
}

function compile(template: DocumentTemplate, pictures: readonly DocxPicture[] = []): Outcome<Compiled> {
  let zip: PizZip;
  try {
    zip = new PizZip(template.bytes);
    if (zip.file("word/document.xml") === null) throw new Error("it has no word/document.xml");
  } catch (error) {
    return { ok: false, problems: [problem("template.unreadable", { file: template.name }, { detail: `it is not a Word .docx file (${(error as Error).message})` })] };
  }
  const missing: { tag: string }[] = [];
  const inspect = tagCollector();
  const available = new Map(pictures.map((p, i) => [p.id, placePicture(p, i + 1)]));
  const placed = new Map<string, PlacedPicture>();
  const parser = pictureAwareParser(new Map([...available].map(([id, p]) => [id, p.xml])), (id) => placed.set(id, available.get(id)!));
  try {
    const doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      errorLogging: false,
      linebreaks: true,
      parser,
      modules: [inspect],
      // A value the data lacks must never print "undefined" or vanish silently: collect it.
      nullGetter: (part: { value?: string; module?: string }) => {
        if (!part.module || part.module === "rawxml") missing.push({ tag: part.value ?? "?" });
        return "";
      },
    });
    return { ok: true, value: { doc, tags: inspect.tags(), missing, placed }, problems: [] };
  } catch (error) {
    return { ok: false, problems: problemsOf(template, error) };
  }
}

/** A part of docxtemplater's parsed template: text, XML, or a placeholder (a tag) with its loop's body. */
interface ParsedPart {
  type: string;
  value: string;
  module?: string;
  subparsed?: ParsedPart[];
  attrParsed?: Record<string, ParsedPart[]>;
}

/**
 * A docxtemplater module that keeps each templated file's parsed tags, so that unknown tags can be reported
 * before rendering. docxtemplater's own InspectModule does the same but deep-copies every stage of the parse
 * with lodash (which docxtemplater does not declare, so we had to install it ourselves) and that copy was
 * 15% of the time taken to render a summary. This reads the tags docxtemplater itself parsed, so a tag
 * split across runs of formatting is seen exactly as it will be rendered.
 */
function tagCollector() {
  const parsed = new Map<string, ParsedPart[]>();
  let file: string | undefined;
  const module = {
    name: "TenderEvalTagCollector",
    // docxtemplater tells every module each file's path, then that file's tree once it is post-parsed.
    set(options: { inspect?: { filePath?: string; postparsed?: ParsedPart[] } }) {
      if (options.inspect?.filePath !== undefined) file = options.inspect.filePath;
      if (options.inspect?.postparsed !== undefined && file !== undefined) parsed.set(file, options.inspect.postparsed);
    },
    clone: () => tagCollector(),
    /** Every file's tags, in the order the files were parsed, as new objects (the tree itself is left as is for rendering). */
    tags: (): TemplateTag[] => [...parsed.values()].flatMap(placeholders),
  };
  return module;
}

function placeholders(parts: readonly ParsedPart[]): TemplateTag[] {
  return parts
    .filter((part) => part.type === "placeholder")
    .map((part) => {
      const tag: TemplateTag = { value: part.value, type: part.type };
      if (part.module !== undefined) tag.module = part.module;
      // A tag inside an XML attribute comes as attrParsed, by attribute; it counts like a loop body.
      const inside = part.attrParsed !== undefined ? Object.values(part.attrParsed).flat() : part.subparsed;
      if (inside !== undefined) tag.subparsed = placeholders(inside);
      return tag;
    });
}

/** docxtemplater's errors (one, or several gathered in a "Multi error") as located problems. */
function problemsOf(template: DocumentTemplate, error: unknown): Problem[] {
  const errors = ((error as { properties?: { errors?: unknown[] } }).properties?.errors ?? [error]) as {
    message: string;
    properties?: { explanation?: string; xtag?: string; tag?: string; rootError?: { message: string } };
  }[];
  return errors.map((e) =>
    problem("template.invalid-tag", { file: template.name }, {
      tag: e.properties?.xtag ?? e.properties?.tag ?? "",
      // Our parser's own reason is plainer than docxtemplater's "scope parser failed to compile".
      detail: e.properties?.rootError?.message ?? e.properties?.explanation ?? e.message,
    }),
  );
}

function unknownTagProblems(template: DocumentTemplate, tags: TemplateTag[], schema: z.ZodType): Problem[] {
  return unknownTags(tags, cachedContract(schema)).map((u) =>
    problem("template.unknown-tag", { file: template.name }, {
      tag: u.tag,
      where: u.insideLoops.length > 0 ? `inside the loop {#${u.insideLoops.join("} → {#")}}` : "in the document",
    }),
  );
}

const contracts = new WeakMap<z.ZodType, ContractField[]>();
function cachedContract(schema: z.ZodType): ContractField[] {
  let contract = contracts.get(schema);
  if (contract === undefined) contracts.set(schema, (contract = contractOf(schema)));
  return contract;
}

/** The tags a template uses and those the data contract does not provide, for `templates check`. */
export function inspectTemplate(template: DocumentTemplate, schema: z.ZodType): Outcome<{ tags: TemplateTag[] }> {
  const compiled = compile(template);
  if (!compiled.ok) return compiled;
  const problems = unknownTagProblems(template, compiled.value.tags, schema);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { tags: compiled.value.tags }, problems: [] };
}

/**
 * Fill a template with data that satisfies `schema`. Every unknown tag is reported before rendering;
 * every missing value is reported after; either way no document is returned. The document's properties
 * are its own: its title and language (en-GB, for screen readers), its author (`creator`: the authority,
 * not the tool) and its date (`date`, YYYY-MM-DD) as created and modified. Every entry of the package is
 * dated `date` too, so the same data and date give the same bytes. `pictures` are the charts a raw tag
 * such as {@chart.picture} may place, by id.
 */
export function renderDocx(
  template: DocumentTemplate,
  schema: z.ZodType,
  data: unknown,
  properties: DocumentProperties & { pictures?: readonly DocxPicture[] },
): Outcome<Uint8Array> {
  const compiled = compile(template, properties.pictures);
  if (!compiled.ok) return compiled;
  const { doc, missing, tags, placed } = compiled.value;
  const unknown = unknownTagProblems(template, tags, schema);
  if (unknown.length > 0) return { ok: false, problems: unknown };
  try {
    doc.render(data);
  } catch (error) {
    return { ok: false, problems: problemsOf(template, error) };
  }
  if (missing.length > 0) {
    const names = [...new Set(missing.map((m) => m.tag))];
    return { ok: false, problems: names.map((tag) => problem("template.missing-value", { file: template.name }, { tag })) };
  }
  const zip = doc.getZip();
  addPicturesToZip(zip, [...placed.values()]);
  zip.file("word/document.xml", keepTablesTogether(zip.file("word/document.xml")!.asText()));
  setCoreProperties(zip, properties);
  return { ok: true, value: withZipDates(zip.generate({ type: "uint8array", compression: "DEFLATE" }), properties.date), problems: [] };
}

/** What a document's properties say about it. */
export interface DocumentProperties {
  /** The document's title. */
  title: string;
  /** Who the document is by: the authority (or, for a briefing, the organisation it is written for). */
  creator: string;
  /** The document's date, YYYY-MM-DD: created and last modified. */
  date: string;
}

const CORE_NAMESPACES =
  'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

function setCoreProperties(zip: PizZip, properties: DocumentProperties): void {
  const core = zip.file("docProps/core.xml")?.asText();
  // A template with no properties part keeps none: a part added without its content type and relationship would make Word refuse the file.
  if (core === undefined) return;
  const replaced = ["dc:title", "dc:description", "dc:language", "dc:creator", "cp:lastModifiedBy", "dcterms:created", "dcterms:modified", "cp:lastPrinted"];
  let xml = core.includes("</cp:coreProperties>") ? core : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties ${CORE_NAMESPACES}></cp:coreProperties>`;
  if (!/xmlns:xsi=/.test(xml)) xml = xml.replace("<cp:coreProperties", '<cp:coreProperties xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"');
  if (!/xmlns:dcterms=/.test(xml)) xml = xml.replace("<cp:coreProperties", '<cp:coreProperties xmlns:dcterms="http://purl.org/dc/terms/"');
  for (const tag of replaced) xml = xml.replace(new RegExp(`<${tag}(\\s[^>]*)?>[\\s\\S]*?</${tag}>|<${tag}(\\s[^>]*)?/>`, "g"), "");
  const when = `${properties.date}T00:00:00Z`;
  const creator = escapeHtml(properties.creator);
  const added =
    `<dc:title>${escapeHtml(properties.title)}</dc:title><dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${creator}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified><dc:language>en-GB</dc:language>`;
  // A function, not a string, as the replacement: in a string "$&" or "$`" from the title would be
  // read as a pattern and paste parts of the XML into it.
  xml = xml.replace("</cp:coreProperties>", () => `${added}</cp:coreProperties>`);
  zip.file("docProps/core.xml", xml);
}
