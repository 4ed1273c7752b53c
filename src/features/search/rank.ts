import type { ParsedQuery } from './query.ts';

/** What the ranker reads of an item. */
export interface RankInput {
  title: string;
  body: string;
  /** Folded streams as stored (see analyze.ts foldedStream). */
  titleF: string;
  bodyF: string;
  numberKey: string | null;
}

/**
 * Weights of the ranking signals. Coverage of the query dominates, then phrase (bigram) matches, then where the
 * words are (title over body), then exact diacritics over folded matches; the number boost lifts the document
 * whose number was typed above everything else. Recency only breaks ties (see compareHits).
 */
export const WEIGHTS = {
  coverage: 20,
  titleTerm: 2,
  bodyTerm: 1,
  titleBigram: 3,
  bodyBigram: 1.5,
  exactTitle: 1,
  exactBody: 0.5,
  number: 20,
  /** The number's leading digits typed alone ("nghị quyết 02"). */
  numberStart: 4,
} as const;

function isWordChar(c: number): boolean {
  // letters, digits, combining marks; anything below '0' and the ASCII punctuation ranges are separators
  if (c < 0x30) return false;
  if (c <= 0x39) return true;
  if (c < 0x41) return false;
  if (c <= 0x5a) return true;
  if (c < 0x61) return false;
  if (c <= 0x7a) return true;
  if (c < 0xc0) return false;
  return c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f);
}

/** Whole-word occurrence of `needle` in `hay` (both already in the same case and form). */
export function containsWord(hay: string, needle: string, prefix = false): boolean {
  if (!needle) return false;
  let from = 0;
  for (;;) {
    const i = hay.indexOf(needle, from);
    if (i < 0) return false;
    const before = i === 0 ? 0 : hay.charCodeAt(i - 1);
    const after = i + needle.length >= hay.length ? 0 : hay.charCodeAt(i + needle.length);
    if (!isWordChar(before) && (prefix || !isWordChar(after))) return true;
    from = i + 1;
  }
}

/** How many of the query's terms the item holds (title or body, folded). */
export function coverage(q: ParsedQuery, item: Pick<RankInput, 'titleF' | 'bodyF' | 'numberKey'>): number {
  // The whole document number typed counts as every word found.
  if (item.numberKey && q.numberKeys.includes(item.numberKey)) return q.terms.length;
  const titleF = ` ${item.titleF} `;
  const bodyF = ` ${item.bodyF} `;
  let n = 0;
  for (const t of q.terms) {
    if (containsWord(titleF, t.folded, t.prefix) || containsWord(bodyF, t.folded, t.prefix)) n++;
  }
  return n;
}

function leadingDigits(key: string): string {
  return /^\d+/.exec(key)?.[0] ?? '';
}

/** Relevance of one item for a query, independent of the back end that found it. */
export function scoreItem(q: ParsedQuery, item: RankInput): number {
  if (q.terms.length === 0) return 0;
  const titleF = ` ${item.titleF} `;
  const bodyF = ` ${item.bodyF} `;
  let titleLower: string | null = null;
  let bodyLower: string | null = null;
  let score = 0;
  let matched = 0;
  for (const t of q.terms) {
    const inTitle = containsWord(titleF, t.folded, t.prefix);
    const inBody = containsWord(bodyF, t.folded, t.prefix);
    if (inTitle || inBody) matched++;
    if (inTitle) score += WEIGHTS.titleTerm;
    if (inBody) score += WEIGHTS.bodyTerm;
    if (t.marked) {
      titleLower ??= item.title.toLowerCase();
      if (inTitle && containsWord(titleLower, t.exact, t.prefix)) score += WEIGHTS.exactTitle;
      if (inBody) {
        bodyLower ??= item.body.toLowerCase();
        if (containsWord(bodyLower, t.exact, t.prefix)) score += WEIGHTS.exactBody;
      }
    }
  }
  const numberMatch = item.numberKey !== null && q.numberKeys.includes(item.numberKey);
  if (numberMatch) matched = q.terms.length;
  score += (WEIGHTS.coverage * matched) / q.terms.length;
  const last = q.bigrams.length - 1;
  q.bigrams.forEach((b, i) => {
    // The last pair ends in the word being typed: its second word only has to start with what was typed.
    const needle = i === last && q.terms.at(-1)?.prefix ? ` ${b}` : ` ${b} `;
    if (titleF.includes(needle)) score += WEIGHTS.titleBigram;
    else if (bodyF.includes(needle)) score += WEIGHTS.bodyBigram;
  });
  if (numberMatch) score += WEIGHTS.number;
  else if (item.numberKey) {
    const lead = leadingDigits(item.numberKey);
    if (lead && q.terms.some((t) => t.folded === lead)) score += WEIGHTS.numberStart;
  }
  return Math.round(score * 1000) / 1000;
}

export interface Rankable {
  score: number;
  date: string;
  title: string;
}

/** Higher score first; equal scores: newer first, then by title so the order is stable. */
export function compareHits(a: Rankable, b: Rankable): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
}
