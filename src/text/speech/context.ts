import { LETTER, MARK, classAt } from '../chars.ts';
import { fold } from '../fold.ts';

/**
 * The word just before `index` in `text`, folded ("Ngày" → "ngay"), looking back over whitespace only:
 * punctuation in between means there is no governing word, so "" is returned. Bounded scan, no allocation of
 * the whole prefix.
 */
export function previousWord(text: string, index: number): string {
  let i = index - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  const end = i + 1;
  while (i >= 0 && end - i <= 24 && (classAt(text, i) & (LETTER | MARK)) !== 0) i--;
  return end - i > 1 ? fold(text.slice(i + 1, end)) : '';
}

/** The two words before `index` ("lần thứ"), folded and joined by one space; "" when fewer exist. */
export function previousTwoWords(text: string, index: number): string {
  const last = previousWord(text, index);
  if (!last) return '';
  let i = index - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  while (i >= 0 && (classAt(text, i) & (LETTER | MARK)) !== 0) i--;
  const before = previousWord(text, i + 1);
  return before ? `${before} ${last}` : '';
}

/** Whether `index` starts a line (only spaces or tabs before it on the line). */
export function atLineStart(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}
