// The user panel's Word form: large print (14 point text), one organisation a page, room to write.
import { BorderStyle, Document, HeadingLevel, LineRuleType, Paragraph, TextRun } from "docx";

const line = (text, options = {}) =>
  new Paragraph({
    ...options,
    children: text.split(/(\*\*[^*]+\*\*)/).filter(Boolean).map((part) => (part.startsWith("**") ? new TextRun({ text: part.slice(2, -2), bold: true }) : new TextRun(part))),
  });
const heading = (level, text, options = {}) => new Paragraph({ heading: [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level], ...options, children: [new TextRun(text)] });
// A ruled line to write on. Paragraphs with the same borders are drawn as one box, so the lines between
// them are "between" borders.
const rule = { style: BorderStyle.SINGLE, size: 6, color: "808080", space: 1 };
const writeOn = () => new Paragraph({ spacing: { before: 0, after: 0, line: 640, lineRule: LineRuleType.EXACT }, border: { between: rule, bottom: rule }, children: [new TextRun("\u00a0")] });

export default new Document({
  title: "User panel form",
  description: "User panel form template: large print, one organisation a page",
  creator: "tender-eval",
  styles: {
    default: {
      document: { run: { font: "Arial", size: 28, language: { value: "en-GB" } }, paragraph: { spacing: { before: 120, after: 120, line: 300, lineRule: LineRuleType.AUTO } } },
      title: { run: { font: "Arial", size: 44, bold: true, color: "1F3864" }, paragraph: { spacing: { after: 240 } } },
      heading1: { run: { font: "Arial", size: 36, bold: true, color: "1F3864" }, paragraph: { keepNext: true, spacing: { before: 240, after: 160 } } },
      heading2: { run: { font: "Arial", size: 32, bold: true, color: "1F3864" }, paragraph: { keepNext: true, spacing: { before: 360, after: 120 } } },
      heading3: { run: { font: "Arial", size: 30, bold: true }, paragraph: { keepNext: true, spacing: { before: 360, after: 120 } } },
    },
  },
  sections: [
    {
      properties: { page: { margin: { top: 1021, bottom: 1021, left: 1021, right: 1021 } } },
      children: [
        heading(0, "{documentTitle}"),
        line("**Tender:** {tender}"),
        line("**Your panel number:** {member}"),
        line("For each organisation, read the question, circle or underline one score, and say in your own words why. Give the form back to {returnTo}. You can ask someone to help you fill it in."),
        // Each section the panel scores, with what each score on its scale means (a section may have more
        // than one scale when a question has its own).
        line("{#sections}"),
        heading(1, "{title}: what each score means"),
        line("{#scales}"),
        line("**Scale:** {scaleTitle}", { keepNext: true }),
        line("{#scale}"),
        line("**{score}**: {meaning}"),
        line("{/scale}"),
        line("{/scales}"),
        line("{/sections}"),
        line("{#organisations}"),
        heading(1, "{bidder}", { pageBreakBefore: true }),
        line("{#sections}"),
        heading(2, "{title}"),
        line("{#questions}"),
        heading(3, "{question}"),
        line("**Your score (circle one):**   {choices}"),
        line("**Why you gave that score:**", { keepNext: true }),
        writeOn(),
        writeOn(),
        writeOn(),
        line("{/questions}"),
        line("{/sections}"),
        line("{/organisations}"),
      ],
    },
  ],
});
