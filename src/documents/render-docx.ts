import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import { keepTablesTogether } from "./keep-together.js";
import type { z } from "zod";
import { problem, type Outcome, type Problem } from "../problems/problem.js";
import { escapeHtml } from "../presentation/escape.js";
import { addPicturesToZip, placePicture, type DocxPicture, type PlacedPicture } from "./docx-pictures.js";
import { pictureAwareParser } from "./dot-path-parser.js";
import { contractOf, unknownTags, type ContractField, type TemplateTag } from "./template-contract.js";
import { renderDirect, type XmlTemplaterFile } from "./direct-render.js";
import { writeZip, zipPart, type ZipPart } from "./docx-zip.js";

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
  /** The template's own document properties part, before any render. */
  coreXml: string | undefined;
  /** Each part of the package as last zipped, by name: reused while the part is the same. */
  zipped: Map<string, ZippedPart>;
}

interface ZippedPart {
  /** What the zip held for the part (pizzip's object for a part of the template, or the content put there). */
  source: unknown;
  bytes: Uint8Array;
  part: ZipPart;
}

function compile(template: DocumentTemplate, pictures: readonly DocxPicture[] = [], direct = true): Outcome<Compiled> {
  let zip: PizZip;
  try {
    zip = new PizZip(template.bytes);
    if (zip.file("word/document.xml") === null) throw new Error("it has no word/document.xml");
  } catch (error) {
    return { ok: false, problems: [problem("template.unreadable", { file: template.name }, { detail: `it is not a Word .docx file (${(error as Error).message})` })] };
  }
  const missing: { tag: string }[] = [];
  const coreXml = zip.file("docProps/core.xml")?.asText();
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
      modules: [inspect, keepTablesTogetherModule()],
      // A value the data lacks must never print "undefined" or vanish silently: collect it.
      nullGetter: (part: { value?: string; module?: string }) => {
        if (!part.module || part.module === "rawxml") missing.push({ tag: part.value ?? "?" });
        return "";
      },
    });
    if (direct) renderFilesDirectly(doc, missing);
    return { ok: true, value: { doc, tags: inspect.tags(), missing, placed, coreXml, zipped: new Map() }, problems: [] };
  } catch (error) {
    return { ok: false, problems: problemsOf(template, error) };
  }
}

/**
 * Each compiled file renders through direct-render.ts (the same parts as docxtemplater's own render, without
 * its per-part and per-loop-item overheads), or docxtemplater's render where that declines it.
 */
function renderFilesDirectly(doc: unknown, missing: unknown[]): void {
  const onNull = { mark: () => missing.length, reset: (to: number) => void (missing.length = to) };
  for (const file of Object.values((doc as { compiled: Record<string, XmlTemplaterFile> }).compiled)) {
    const own = file.render.bind(file);
    file.render = (to: string) => {
      let kept = false;
      const keep = (utf8: string) => ((kept = true), keepTablesTogether(utf8));
      if (!renderDirect(file, to, onNull, (path) => (path === "word/document.xml" ? keep : undefined))) return own(to);
      // Its tables were kept together as it was rendered (not when its text was left to docxtemplater's
      // encoder): the module below leaves it as it is.
      if (kept && file.content !== undefined) keptTogether.add(file.content);
      return file;
    };
  }
}

const keptTogether = new WeakSet<Uint8Array>();

/**
 * Keeps tables together (keep-together.ts) on the document's XML as docxtemplater puts it in the zip, rather
 * than reading it back out of the zip afterwards: that decoded and encoded every letter's XML once more.
 */
const utf8 = new TextDecoder();

function keepTablesTogetherModule() {
  return {
    name: "TenderEvalKeepTablesTogether",
    set() {},
    // docxtemplater 3.71 passes the file's templater (its types say the file's path) and the rendered XML as
    // UTF-8 bytes (its types say a string). Decoded as Node's Buffer decodes, which is what PizZip used.
    preZip: (content: string | Uint8Array, file: unknown) => {
      if ((typeof file === "string" ? file : (file as { filePath?: string }).filePath) !== "word/document.xml") return null;
      if (typeof content !== "string" && keptTogether.has(content)) return null;
      return keepTablesTogether(typeof content === "string" ? content : utf8.decode(content));
    },
  };
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
  const unknown = unknownTagProblems(template, compiled.value.tags, schema);
  if (unknown.length > 0) return { ok: false, problems: unknown };
  return renderCompiled(template, compiled.value, data, properties);
}

/** renderDocx with docxtemplater's own render for every file: what the direct render is tested against. */
export function _renderDocxByDocxtemplater(...[template, schema, data, properties]: Parameters<typeof renderDocx>): Outcome<Uint8Array> {
  const compiled = compile(template, properties.pictures, false);
  if (!compiled.ok) return compiled;
  const unknown = unknownTagProblems(template, compiled.value.tags, schema);
  if (unknown.length > 0) return { ok: false, problems: unknown };
  return renderCompiled(template, compiled.value, data, properties);
}

/** A template compiled and its tags checked once, to make many documents from it. */
export interface CompiledTemplate {
  /** The same bytes as `renderDocx` with the same template, data and properties (no pictures). */
  render(data: unknown, properties: DocumentProperties): Outcome<Uint8Array>;
}

/**
 * Compile a template and check its tags against `schema` once, for a run that makes a document per bidder:
 * parsing the template again for each was a third of each document's time (issue 15). Each document is
 * rendered by the one compiled template; one that fails (a missing value, a bad tag) leaves it unusable,
 * so the next document compiles the template afresh.
 */
export function compileTemplate(template: DocumentTemplate, schema: z.ZodType): Outcome<CompiledTemplate> {
  const first = compile(template);
  if (!first.ok) return first;
  const unknown = unknownTagProblems(template, first.value.tags, schema);
  if (unknown.length > 0) return { ok: false, problems: unknown };
  let ready: Compiled | undefined = first.value;
  return {
    ok: true,
    problems: [],
    value: {
      render(data, properties) {
        let compiled = ready;
        if (compiled === undefined) {
          const again = compile(template);
          if (!again.ok) return again;
          compiled = again.value;
        }
        ready = undefined;
        const rendered = renderCompiled(template, compiled, data, properties);
        if (rendered.ok) ready = readyForNextRender(compiled);
        return rendered;
      },
    },
  };
}

/**
 * docxtemplater renders an instance once: it keeps the data it was given (its map of files to data and a
 * scope per file) and refuses a second render. Its compiled template is left as it was by a render that
 * succeeded, so forgetting the data is enough to render it again; every file it renders is written anew.
 * Pinned to docxtemplater 3.71's fields; the byte-for-byte test against a fresh compile guards an upgrade.
 */
function readyForNextRender(compiled: Compiled): Compiled {
  const doc = compiled.doc as unknown as { rendered: boolean; scopeManagers: Record<string, unknown>; mapper: unknown };
  doc.rendered = false;
  doc.scopeManagers = {};
  doc.mapper = undefined;
  compiled.missing.length = 0;
  compiled.placed.clear();
  return compiled;
}

function renderCompiled(template: DocumentTemplate, compiled: Compiled, data: unknown, properties: DocumentProperties): Outcome<Uint8Array> {
  const { doc, missing, placed } = compiled;
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
  // The properties part as docxtemplater rendered it, if it templates that part; otherwise the template's own
  // (the zip still holds the last document's when the template is rendered again).
  const rendersCore = (doc as unknown as { compiled: Record<string, unknown> }).compiled["docProps/core.xml"] !== undefined;
  setCoreProperties(zip, rendersCore ? zip.file("docProps/core.xml")?.asText() : compiled.coreXml, properties);
  return { ok: true, value: zipped(zip, compiled.zipped, properties.date), problems: [] };
}

const encoder = new TextEncoder();
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The package as one zip, its parts in the order pizzip holds them, each deflated only if it differs from
 * what it was last time (see docx-zip.ts). A part held as text is encoded natively unless it has a
 * surrogate, which pizzip's encoder is left to write as it always has.
 */
function zipped(zip: PizZip, cache: Map<string, ZippedPart>, date: string): Uint8Array {
  const parts: ZipPart[] = [];
  for (const [name, file] of Object.entries(zip.files)) {
    const source = (file as unknown as { _data: unknown })._data;
    const cached = cache.get(name);
    if (cached !== undefined && cached.source === source) {
      parts.push(cached.part);
      continue;
    }
    if (file.dir) {
      parts.push(zipPart(name, new Uint8Array(0), true));
      continue;
    }
    const bytes = source instanceof Uint8Array ? source : typeof source === "string" && !SURROGATE.test(source) ? encoder.encode(source) : file.asUint8Array();
    if (cached !== undefined && sameBytes(cached.bytes, bytes)) {
      cached.source = source;
      parts.push(cached.part);
      continue;
    }
    const part = zipPart(name, bytes);
    cache.set(name, { source, bytes, part });
    parts.push(part);
  }
  return writeZip(parts, date);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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

function setCoreProperties(zip: PizZip, core: string | undefined, properties: DocumentProperties): void {
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
