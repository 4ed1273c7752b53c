// Rebuilds lines and paragraphs from positioned PDF text items (PDF has no paragraph structure, only glyph runs).

export interface PdfTextItem {
  str: string;
  x: number;
  /** Baseline, growing upwards as in PDF user space. */
  y: number;
  width: number;
  /** Font size of the run. */
  height: number;
  hasEOL: boolean;
}

interface Line {
  text: string;
  y: number;
  size: number;
}

// A vertical gap above this many font sizes starts a new paragraph: single and 1.15 spacing stay below it.
const PARAGRAPH_GAP = 1.55;
// A list item starts its own paragraph even without extra spacing.
const LIST_MARKER = /^(?:[-–•●▪◦+*]\s|\(?(?:\d{1,3}|[a-zđ]|[ivxlc]{1,6})[.)]\s)/i;
const SENTENCE_END = /[.!?:;…"”»)\]]$/;

function joinRun(line: string, item: PdfTextItem, prev: PdfTextItem | undefined): string {
  if (!prev || line === '') return line + item.str;
  const gap = item.x - (prev.x + prev.width);
  const needsSpace = gap > item.height * 0.15 && !/\s$/.test(line) && !/^\s/.test(item.str);
  return line + (needsSpace ? ' ' : '') + item.str;
}

function pageLines(items: readonly PdfTextItem[]): Line[] {
  const lines: Line[] = [];
  let text = '';
  let y = 0;
  let size = 0;
  let prev: PdfTextItem | undefined;
  const flush = () => {
    if (text.trim() !== '') lines.push({ text: text.trim(), y, size });
    text = '';
    size = 0;
    prev = undefined;
  };
  for (const item of items) {
    const sameLine = prev !== undefined && Math.abs(item.y - y) <= Math.max(item.height, prev.height) * 0.5;
    if (prev !== undefined && !sameLine) flush();
    if (item.str !== '') {
      if (text === '') y = item.y;
      text = joinRun(text, item, prev);
      size = Math.max(size, item.height);
      prev = item;
    }
    if (item.hasEOL) flush();
  }
  flush();
  return lines;
}

function pageParagraphs(items: readonly PdfTextItem[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  let last: Line | undefined;
  for (const line of pageLines(items)) {
    const gap = last ? last.y - line.y : 0;
    const size = Math.max(line.size, last?.size ?? 0) || 1;
    // A line above the previous one (columns, out-of-order runs) also breaks the paragraph.
    const breaks =
      last !== undefined && (gap > size * PARAGRAPH_GAP || gap < 0 || LIST_MARKER.test(line.text));
    if (breaks && current.length > 0) {
      paragraphs.push(current.join(' '));
      current = [];
    }
    current.push(line.text);
    last = line;
  }
  if (current.length > 0) paragraphs.push(current.join(' '));
  return paragraphs;
}

/**
 * Paragraphs of a PDF, in reading order. A paragraph cut by a page break is joined again when the page ends
 * mid-sentence and the next page continues in lower case.
 */
export function pdfParagraphs(pages: readonly (readonly PdfTextItem[])[]): string[] {
  const out: string[] = [];
  for (const page of pages) {
    const paragraphs = pageParagraphs(page);
    const first = paragraphs[0];
    const previous = out[out.length - 1];
    if (
      first !== undefined &&
      previous !== undefined &&
      !SENTENCE_END.test(previous) &&
      /^\p{Ll}/u.test(first)
    ) {
      out[out.length - 1] = `${previous} ${first}`;
      paragraphs.shift();
    }
    out.push(...paragraphs);
  }
  return out;
}
