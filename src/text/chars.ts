// Character classes of BMP code units, looked up in a table filled lazily: Unicode property regexes such as
// \p{L} cost far more per character than a byte lookup, and a text only ever uses a few hundred distinct
// characters. Astral characters (emoji, rare scripts) are classed as "other".
export const LETTER = 1;
export const MARK = 2;
export const NUMBER = 4;
export const UPPER = 8;
export const DIGIT = 16;
export const SPACE = 32;
const KNOWN = 128;

const TABLE = new Uint8Array(0x10000);
const IS_LETTER = /\p{L}/u;
const IS_MARK = /\p{M}/u;
const IS_NUMBER = /\p{N}/u;
const IS_UPPER = /\p{Lu}/u;
const IS_SPACE = /\s/u;

function classify(c: number): number {
  let bits = KNOWN;
  if (c >= 0xd800 && c <= 0xdfff) return bits;
  const ch = String.fromCharCode(c);
  if (IS_LETTER.test(ch)) bits |= LETTER;
  if (IS_MARK.test(ch)) bits |= MARK;
  if (IS_NUMBER.test(ch)) bits |= NUMBER;
  if (IS_UPPER.test(ch)) bits |= UPPER;
  if (IS_SPACE.test(ch)) bits |= SPACE;
  if (c >= 48 && c <= 57) bits |= DIGIT;
  TABLE[c] = bits;
  return bits;
}

/** Class bits of a UTF-16 code unit. */
export function charClass(c: number): number {
  const bits = TABLE[c] as number;
  return (bits === 0 ? classify(c) : bits) & ~KNOWN;
}

/** Class bits of the code unit at `i` (0 past the end or before the start). */
export function classAt(s: string, i: number): number {
  return i >= 0 && i < s.length ? charClass(s.charCodeAt(i)) : 0;
}
