/**
 * Keep tables from breaking badly across pages, in any template (ours or an authority's own): a table of up
 * to SMALL_TABLE_ROWS rows is kept on one page (every row but the last keeps with the next), and a longer
 * one never leaves its header and a single row at the foot of a page, nor its last row alone at the top of
 * the next. Word and LibreOffice both honour "keep with next" on the paragraphs of a table row. Pure text
 * in, text out, over the rendered word/document.xml.
 */
export const SMALL_TABLE_ROWS = 12;

const KEEP = "<w:keepNext/>";

function keepParagraphs(row: string): string {
  return row.replace(/<w:p(?=[\s>])([^>]*)>(<w:pPr>([\s\S]*?)<\/w:pPr>)?/g, (whole, attributes: string, pPr: string | undefined, inner: string | undefined) => {
    if (pPr === undefined) return `<w:p${attributes}><w:pPr>${KEEP}</w:pPr>`;
    if (inner!.includes("<w:keepNext")) return whole;
    // keepNext comes straight after pStyle in a paragraph's properties (ECMA-376 CT_PPrBase).
    const style = /^<w:pStyle [^>]*\/>/.exec(inner!);
    const rest = style ? `${style[0]}${KEEP}${inner!.slice(style[0].length)}` : `${KEEP}${inner}`;
    return `<w:p${attributes}><w:pPr>${rest}</w:pPr>`;
  });
}

function keepTable(table: string): string {
  const rows = [...table.matchAll(/<w:tr(?=[\s>])[\s\S]*?<\/w:tr>/g)];
  const n = rows.length;
  if (n < 2) return table;
  const keep = new Set<number>();
  if (n <= SMALL_TABLE_ROWS) for (let i = 0; i < n - 1; i++) keep.add(i);
  else [0, 1, n - 2].forEach((i) => keep.add(i));
  let out = "";
  let at = 0;
  rows.forEach((match, i) => {
    out += table.slice(at, match.index) + (keep.has(i) ? keepParagraphs(match[0]) : match[0]);
    at = match.index! + match[0].length;
  });
  return out + table.slice(at);
}

export function keepTablesTogether(documentXml: string): string {
  // Tables inside tables are left as they are: the outer table's rows hold them. Each table is the first
  // "<w:tbl>" whose first "</w:tbl>" comes before any other "<w:tbl>", as the pattern
  // /<w:tbl>((?:(?!<w:tbl>)[\s\S])*?)<\/w:tbl>/g finds them, but found with indexOf: that pattern's test at
  // every character was a tenth of an assessment summary's time (issue 15).
  let out = "";
  let copied = 0;
  let start = documentXml.indexOf(OPEN);
  while (start !== -1) {
    const end = documentXml.indexOf(CLOSE, start + OPEN.length);
    if (end === -1) break;
    const inner = documentXml.indexOf(OPEN, start + OPEN.length);
    if (inner !== -1 && inner < end) {
      start = inner;
      continue;
    }
    out += documentXml.slice(copied, start) + keepTable(documentXml.slice(start, end + CLOSE.length));
    copied = end + CLOSE.length;
    start = documentXml.indexOf(OPEN, copied);
  }
  return copied === 0 ? documentXml : out + documentXml.slice(copied);
}

const OPEN = "<w:tbl>";
const CLOSE = "</w:tbl>";
