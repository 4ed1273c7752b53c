import { DIGIT, LETTER, MARK, NUMBER, SPACE, UPPER, charClass, classAt } from './chars.ts';
import { fold, nfc } from './fold.ts';

export type TokenKind = 'word' | 'number' | 'code';

export interface Token {
  /** The token as written, from the NFC text. */
  text: string;
  /** Search key: `fold(text)`. */
  folded: string;
  /** Offsets (UTF-16 code units) into `nfc(input)`: `nfc(input).slice(start, end) === text`. */
  start: number;
  end: number;
  kind: TokenKind;
  /**
   * True when punctuation (not just spaces) separates this token from the previous one, or it is the first.
   * Bigrams do not cross such a break: "Hà Nội, Thái Bình" has no bigram "noi thai".
   */
  breakBefore: boolean;
}

const WORDLIKE = LETTER | MARK | NUMBER;

/**
 * Vietnamese syllables, numbers and document codes of `text`, with offsets into its NFC form. Document codes
 * ("02-NQ/TU", "749/QĐ-TTg", "12/2022/NĐ-CP") and numbers with separators ("19/11/2021", "1.200", "37,32%",
 * "19:45") stay whole; letters and digits glued together ("4G", "F0", "7h30") form one token.
 * A hand-written scanner over a character-class table: this runs over every indexed document.
 */
export function tokenize(text: string): Token[] {
  const source = nfc(text);
  const n = source.length;
  const tokens: Token[] = [];
  let previousEnd = 0;
  let i = 0;
  while (i < n) {
    const cls = charClass(source.charCodeAt(i));
    let end: number;
    let kind: TokenKind = 'word';
    if (cls & DIGIT) {
      end = scanDocumentCode(source, i);
      if (end > i) kind = 'code';
      else {
        end = scanNumber(source, i);
        if (end > i) kind = 'number';
        else end = scanWord(source, i);
      }
    } else if (cls & (LETTER | NUMBER)) {
      end = scanWord(source, i);
    } else {
      i++;
      continue;
    }
    const word = source.slice(i, end);
    const breakBefore = tokens.length === 0 || !onlySpace(source, previousEnd, i);
    tokens.push({ text: word, folded: fold(word), start: i, end, kind, breakBefore });
    previousEnd = end;
    i = end;
  }
  return tokens;
}

function scanWord(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length && classAt(s, j) & WORDLIKE) j++;
  return j;
}

function scanDigits(s: string, i: number): number {
  let j = i;
  while (j < s.length && classAt(s, j) & DIGIT) j++;
  return j;
}

/** digits ("/" digits)* [-/] Code ([-/&] Code)*, where Code starts with a capital; not followed by a word character. */
export function scanDocumentCode(s: string, i: number): number {
  let j = scanDigits(s, i);
  while (s[j] === '/' && classAt(s, j + 1) & DIGIT) j = scanDigits(s, j + 1);
  if (s[j] !== '-' && s[j] !== '/') return -1;
  let parts = 0;
  while (
    (parts === 0 ? s[j] === '-' || s[j] === '/' : s[j] === '-' || s[j] === '/' || s[j] === '&') &&
    classAt(s, j + 1) & UPPER
  ) {
    j += 2;
    while (classAt(s, j) & (LETTER | MARK)) j++;
    parts++;
  }
  if (parts === 0 || classAt(s, j) & WORDLIKE) return -1;
  return j;
}

/**
 * digits ([.,:/] digits)* "%"? not followed by a letter or digit; when the full form is glued to a word,
 * falls back to the longest prefix ending at a separator ("1.5ha" → "1").
 */
export function scanNumber(s: string, i: number): number {
  let j = scanDigits(s, i);
  let best = classAt(s, j) & WORDLIKE ? -1 : j;
  while ((s[j] === '.' || s[j] === ',' || s[j] === ':' || s[j] === '/') && classAt(s, j + 1) & DIGIT) {
    j = scanDigits(s, j + 1);
    if (!(classAt(s, j) & WORDLIKE)) best = j;
  }
  if (best === j && s[j] === '%' && !(classAt(s, j + 1) & WORDLIKE)) return j + 1;
  return best;
}

function onlySpace(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!(classAt(s, i) & SPACE)) return false;
  return true;
}

/** Adjacent-token pairs, folded and joined by a space, not crossing punctuation: "chuyển đổi số" → ["chuyen doi", "doi so"]. */
export function bigrams(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const b = tokens[i] as Token;
    if (b.breakBefore) continue;
    out.push(`${(tokens[i - 1] as Token).folded} ${b.folded}`);
  }
  return out;
}
