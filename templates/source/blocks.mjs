// Building blocks for tender-eval's Word templates. Tags like {tender.title} are filled by docxtemplater;
// {#list}…{/list} repeats a table row or paragraphs; {#flag}…{/flag} shows them only when true.
import {
  AlignmentType, BorderStyle, Document, HeadingLevel, LevelFormat, LineRuleType, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType,
} from "docx";

export const heading = (level, text) =>
  new Paragraph({ heading: [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level], children: [new TextRun(text)] });

/** A paragraph; `**bold**` segments are bold. */
export const para = (text, options = {}) =>
  new Paragraph({
    ...options,
    children: text.split(/(\*\*[^*]+\*\*)/).filter(Boolean).map((part) =>
      part.startsWith("**") ? new TextRun({ text: part.slice(2, -2), bold: true }) : new TextRun(part)),
  });

export const bullet = (text) => para(text, { numbering: { reference: "bullets", level: 0 } });

/** A paragraph that introduces what follows (a table, a list): kept on the same page as it. */
export const lead = (text) => para(text, { keepNext: true });

/** A label and a value on one line: "Reference: {tender.reference}". */
export const field = (label, tag) => para(`**${label}:** ${tag}`);

/** Paragraphs shown only when `flag` is true (docxtemplater removes the tag paragraphs themselves). */
export const when = (flag, ...children) => [para(`{#${flag}}`), ...children, para(`{/${flag}}`)];
export const unless = (flag, ...children) => [para(`{^${flag}}`), ...children, para(`{/${flag}}`)];

/** Paragraphs repeated for each item of `list`. */
export const each = (list, ...children) => [para(`{#${list}}`), ...children, para(`{/${list}}`)];

const border = { style: BorderStyle.SINGLE, size: 4, color: "808080" };
const borders = { top: border, bottom: border, left: border, right: border };

// A4 width less both margins, in twentieths of a point: table columns are given in these units because
// Word and LibreOffice do not all honour percentage widths.
const TEXT_WIDTH = 11906 - 2 * 1021;
const twips = (percent) => Math.round((TEXT_WIDTH * percent) / 100);

// Tables use 9pt text so a nine-column results table fits a portrait page without breaking words.
const TABLE_TEXT = 18;

const cell = (text, { header = false, width } = {}) =>
  new TableCell({
    borders,
    width: width ? { size: twips(width), type: WidthType.DXA } : undefined,
    shading: header ? { type: ShadingType.CLEAR, fill: "E7E6E6", color: "auto" } : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [new Paragraph({ spacing: { before: 0, after: 0 }, children: [new TextRun({ text, bold: header, size: TABLE_TEXT })] })],
  });

/**
 * A table whose header row repeats on every page (marked as a header row for screen readers) and whose
 * single body row repeats for each item of `list`. `columns` are [header, tag, width%].
 */
export const loopTable = (list, columns) => {
  const tags = columns.map(([, tag]) => tag);
  tags[0] = `{#${list}}${tags[0]}`;
  tags[tags.length - 1] = `${tags[tags.length - 1]}{/${list}}`;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map(([, , w]) => twips(w)),
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map(([h, , w]) => cell(h, { header: true, width: w })) }),
      new TableRow({ cantSplit: true, children: tags.map((t, i) => cell(t, { width: columns[i][2] })) }),
    ],
  });
};

/** A two-column table of fixed labels and tags. */
export const factTable = (rows) =>
  new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [twips(30), twips(70)],
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: [cell("Item", { header: true, width: 30 }), cell("Detail", { header: true, width: 70 })] }),
      ...rows.map(([label, tag]) => new TableRow({ cantSplit: true, children: [cell(label, { width: 30 }), cell(tag, { width: 70 })] })),
    ],
  });

/**
 * A block to sign: one row per signatory, with room to write a name, sign and date. `rows` are
 * [who signs, tag or text describing them].
 */
export const signatureTable = (rows) => {
  const widths = [34, 26, 24, 16];
  const blank = (width) =>
    new TableCell({ borders, width: { size: twips(width), type: WidthType.DXA }, margins: { top: 60, bottom: 60, left: 100, right: 100 }, children: [new Paragraph({ children: [] })] });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths.map(twips),
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: ["Role", "Name", "Signature", "Date"].map((h, i) => cell(h, { header: true, width: widths[i] })) }),
      ...rows.map(([who]) => new TableRow({ cantSplit: true, height: { value: 850, rule: "atLeast" }, children: [cell(who, { width: widths[0] }), blank(widths[1]), blank(widths[2]), blank(widths[3])] })),
    ],
  });
};

export const spacer = () => new Paragraph({ children: [] });

export function document({ title, description, children }) {
  return new Document({
    title,
    description,
    creator: "tender-eval",
    styles: {
      default: {
        document: { run: { font: "Arial", size: 22, language: { value: "en-GB" } }, paragraph: { spacing: { before: 120, after: 120, line: 276, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: "Arial", size: 40, bold: true, color: "1F3864" }, paragraph: { spacing: { after: 240, line: 240, lineRule: LineRuleType.AUTO } } },
        heading1: { run: { font: "Arial", size: 32, bold: true, color: "1F3864" }, paragraph: { keepNext: true, spacing: { before: 360, after: 120 } } },
        heading2: { run: { font: "Arial", size: 26, bold: true, color: "1F3864" }, paragraph: { keepNext: true, spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: "Arial", size: 24, bold: true }, paragraph: { keepNext: true, spacing: { before: 200, after: 80 } } },
      },
    },
    numbering: {
      config: [{ reference: "bullets", levels: [{ level: 0, format: LevelFormat.BULLET, text: "•", alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] }],
    },
    sections: [{ properties: { page: { margin: { top: 1021, bottom: 1021, left: 1021, right: 1021 } /* keep in step with TEXT_WIDTH */ } }, children }],
  });
}
