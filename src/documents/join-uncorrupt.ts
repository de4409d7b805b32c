/**
 * docxtemplater 3.71's joinUncorrupt (js/join-uncorrupt.js) for a Word document's parts, step for step, with
 * the tests on each part written with the string's own startsWith and endsWith and the tag names built once:
 * docxtemplater's generic helpers made it an eighth of each letter's time (issue 15). It repairs what a loop
 * that rendered nothing can leave: a table followed directly by something other than a paragraph, a cell with
 * no paragraph, a row with no cell, a table with no row. Only docxtemplater's Word rules come here
 * (direct-render.ts checks); test/documents/direct-render.test.ts compares it with docxtemplater's own.
 */
export interface ShouldContain {
  tag: string;
  shouldContain: string[];
  value?: string;
  drop?: boolean;
  dropParent?: string;
}

const WHITE_SPACE = /^[ \n\r\t]+$/;

function isStarting(value: string, opening: string): boolean {
  if (!value.startsWith(opening)) return false;
  const next = value.charCodeAt(opening.length);
  return next === 62 /* > */ || next === 32 /* space */ || next === 47 /* / */;
}

function addEmptyParagraphAfterTable(parts: string[]): void {
  let lastNonEmpty = "";
  for (let i = 0; i < parts.length; i++) {
    let p = parts[i]!;
    if ((p.length > 0 && WHITE_SPACE.test(p)) || p.startsWith("<w:bookmarkEnd")) continue;
    if (lastNonEmpty.endsWith("</w:tbl>")) {
      if (!p.startsWith("<w:p") && !p.startsWith("<w:tbl") && !p.startsWith("<w:sectPr") && !p.startsWith("</w:ftr>") && !p.startsWith("</w:hdr>")) {
        p = `<w:p/>${p}`;
      }
    }
    lastNonEmpty = p;
    parts[i] = p;
  }
}

/** Word's rules, compiled: each tag's opening and closing text, and its should-contain tags' openings. */
interface Rule {
  opening: string;
  closing: string;
  contains: string[];
  value: string;
  drop: boolean;
}

const compiledRules = new WeakMap<ShouldContain[], Rule[]>();

export function canJoinUncorrupt(contains: ShouldContain[]): boolean {
  return contains.every((c) => c.dropParent === undefined && (c.drop === true || c.value !== undefined));
}

/** joinUncorrupt over string parts of a Word document (`docx`: whether its content type is one of Word's). */
export function joinUncorrupt(parts: string[], contains: ShouldContain[], docx: boolean): string[] {
  let rules = compiledRules.get(contains);
  if (rules === undefined) {
    rules = contains.map((c) => ({ opening: `<${c.tag}`, closing: `</${c.tag}>`, contains: c.shouldContain.map((s) => `<${s}`), value: c.value ?? "", drop: c.drop === true }));
    compiledRules.set(contains, rules);
  }
  if (docx) addEmptyParagraphAfterTable(parts);
  let currentlyCollecting = -1;
  let startIndex = -1;
  for (let j = 0; j < rules.length; j++) {
    const { opening, closing, contains: shouldContain, value, drop } = rules[j]!;
    let collected: string[] | null = null;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      // Only a part that begins with "<" can open or close a tag, or hold one that should be contained.
      const tagLike = part.charCodeAt(0) === 60;
      if (currentlyCollecting === j) {
        if (tagLike && part === closing) {
          currentlyCollecting = -1;
          for (let k = startIndex; k <= i; k++) parts[k] = "";
          if (!drop) parts[i] = collected!.join("") + value + part;
          collected = null;
        } else {
          if (collected) collected.push(part);
          if (tagLike) {
            for (const s of shouldContain) {
              if (isStarting(part, s)) {
                currentlyCollecting = -1;
                collected = null;
                break;
              }
            }
          }
        }
      }
      if (currentlyCollecting === -1 && tagLike && isStarting(part, opening) && part.indexOf("<", 1) === -1) {
        if (part[part.length - 2] === "/") parts[i] = "";
        else {
          startIndex = i;
          currentlyCollecting = j;
          collected = drop ? null : [part];
        }
      }
    }
  }
  return parts;
}
