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

// Document codes first ("02-NQ/TU", "749/QĐ-TTg", "12/2022/NĐ-CP"), then numbers with their separators
// ("19/11/2021", "1.200", "37,32%", "19:45"), then syllables (letters, digits glued to letters: "4G", "F0").
const TOKEN = new RegExp(
  [
    String.raw`(?<code>\d+(?:\/\d+)*[-\/]\p{Lu}\p{L}*(?:[-\/&]\p{Lu}\p{L}*)*(?![\p{L}\p{N}]))`,
    String.raw`(?<number>\d+(?:[.,:\/]\d+)*%?(?![\p{L}\p{N}]))`,
    String.raw`(?<word>[\p{L}\p{N}][\p{L}\p{M}\p{N}]*)`,
  ].join('|'),
  'gu',
);

/** Vietnamese syllables, numbers and document codes of `text`, with offsets into its NFC form. */
export function tokenize(text: string): Token[] {
  const source = nfc(text);
  const tokens: Token[] = [];
  const re = new RegExp(TOKEN.source, TOKEN.flags);
  let previousEnd = 0;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) {
    const groups = m.groups as Record<string, string | undefined>;
    const kind: TokenKind =
      groups.code !== undefined ? 'code' : groups.number !== undefined ? 'number' : 'word';
    const start = m.index;
    const end = start + m[0].length;
    const breakBefore = tokens.length === 0 || !onlySpace(source, previousEnd, start);
    tokens.push({ text: m[0], folded: fold(m[0]), start, end, kind, breakBefore });
    previousEnd = end;
  }
  return tokens;
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

function onlySpace(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xa0) return false;
  }
  return true;
}
