import { nfc } from './fold.ts';

export interface Span {
  text: string;
  /** Offsets (UTF-16 code units) into `nfc(input)`. */
  start: number;
  end: number;
}

/** Paragraphs are separated by blank lines; single line breaks inside a paragraph are soft wraps. */
export function splitParagraphs(text: string): Span[] {
  const source = nfc(text);
  const spans: Span[] = [];
  const separator = /\n[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)+/g;
  let start = 0;
  for (let m = separator.exec(source); m !== null; m = separator.exec(source)) {
    pushTrimmed(source, start, m.index, spans);
    start = m.index + m[0].length;
  }
  pushTrimmed(source, start, source.length, spans);
  return spans;
}

// Words that end in a full stop without ending the sentence: titles, places and units before a name or a
// number ("TP. Thái Bình", "PGS.TS. Nguyễn", "ThS. Lê", "Q. 1"). Compared case-sensitively.
const NON_FINAL_ABBREVIATIONS = new Set([
  'TP',
  'Tp',
  'tp',
  'TX',
  'Q',
  'P',
  'F',
  'ThS',
  'Th.S',
  'TS',
  'GS',
  'PGS',
  'PGS.TS',
  'GS.TS',
  'GS.TSKH',
  'TSKH',
  'BS',
  'BSCKII',
  'KS',
  'CN',
  'NCS',
  'Nxb',
  'NXB',
  'tr',
  'St',
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'đ/c',
  'Đ/c',
  'ĐC',
  'No',
  'Tel',
  'vs',
]);

// A candidate end: terminal punctuation, then closing quotes/brackets, then whitespace.
const END = /[.!?…]+["'”’»)\]]*(?=\s)/g;
const WORD_BEFORE = /[\p{L}\p{N}./]+$/u;
// A new sentence starts with a capital, a digit, an opening quote/bracket or a list marker.
const STARTS_SENTENCE = /^\s*["'“‘«([]?[\p{Lu}\p{N}\-–+•*]/u;

/**
 * Sentences with offsets. Does not split after abbreviations (TP., Th.S, PGS.TS., v.v. before a lower-case
 * word), inside numbers (1.200, 37,32%), dates, document numbers or addresses (no space follows their dots).
 * Paragraph breaks and list lines ("- …", "+ …") always start a new sentence.
 */
export function splitSentences(text: string): Span[] {
  const source = nfc(text);
  const spans: Span[] = [];
  for (const paragraph of splitParagraphs(source)) {
    for (const line of splitListLines(paragraph)) splitLine(source, line.start, line.end, spans);
  }
  return spans;
}

function splitListLines(paragraph: Span): Span[] {
  const lines: Span[] = [];
  const marker = /\n(?=[ \t]*(?:[-–+•*]\s|\d+[.)]\s|[a-zđ]\)\s))/gu;
  let start = 0;
  for (let m = marker.exec(paragraph.text); m !== null; m = marker.exec(paragraph.text)) {
    lines.push({ text: '', start: paragraph.start + start, end: paragraph.start + m.index });
    start = m.index + 1;
  }
  lines.push({ text: '', start: paragraph.start + start, end: paragraph.end });
  return lines;
}

function splitLine(source: string, from: number, to: number, spans: Span[]): void {
  const line = source.slice(from, to);
  const end = new RegExp(END.source, END.flags);
  let start = 0;
  for (let m = end.exec(line); m !== null; m = end.exec(line)) {
    const stop = m.index + m[0].length;
    if (!STARTS_SENTENCE.test(line.slice(stop, stop + 8))) continue;
    if (m[0][0] === '.' && m[0].length === 1 && isAbbreviation(line, m.index)) continue;
    pushTrimmed(source, from + start, from + stop, spans);
    start = stop;
  }
  pushTrimmed(source, from + start, to, spans);
}

function isAbbreviation(line: string, dotIndex: number): boolean {
  const before = WORD_BEFORE.exec(line.slice(Math.max(0, dotIndex - 12), dotIndex));
  if (!before) return false;
  return NON_FINAL_ABBREVIATIONS.has(before[0]);
}

function pushTrimmed(source: string, start: number, end: number, spans: Span[]): void {
  while (start < end && /\s/.test(source[start] as string)) start++;
  while (end > start && /\s/.test(source[end - 1] as string)) end--;
  if (end > start) spans.push({ text: source.slice(start, end), start, end });
}
