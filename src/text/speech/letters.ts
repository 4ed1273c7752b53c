// How a Vietnamese reader names Latin letters when spelling an acronym ("QR" → "quy e rờ").
const LETTER_NAMES: Readonly<Record<string, string>> = {
  a: 'a',
  ă: 'á',
  â: 'ớ',
  b: 'bê',
  c: 'xê',
  d: 'dê',
  đ: 'đê',
  e: 'e',
  ê: 'ê',
  f: 'ép',
  g: 'giê',
  h: 'hát',
  i: 'i',
  j: 'gi',
  k: 'ca',
  l: 'e lờ',
  m: 'em mờ',
  n: 'en nờ',
  o: 'o',
  ô: 'ô',
  ơ: 'ơ',
  p: 'pê',
  q: 'quy',
  r: 'e rờ',
  s: 'ét xì',
  t: 'tê',
  u: 'u',
  ư: 'ư',
  v: 'vê',
  w: 'vê kép',
  x: 'ích xì',
  y: 'i dài',
  z: 'dét',
};

/** Spells letters one by one; characters without a name are kept, so the result is never shorter in sense. */
export function spellLetters(word: string): string {
  const parts: string[] = [];
  for (const ch of word) {
    const name = LETTER_NAMES[ch.toLowerCase()];
    parts.push(name ?? ch);
  }
  return parts.join(' ');
}
