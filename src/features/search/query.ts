import { nfc } from '../../text/index.ts';
import { terms, type Term } from './analyze.ts';

/** Longest query text considered; longer input is cut and the response says so. */
export const MAX_QUERY_CHARS = 200;
/** Most terms a query searches for (the rest is ignored, the response says so). */
export const MAX_QUERY_TERMS = 12;

export interface QueryTerm {
  exact: string;
  folded: string;
  /** Typed with tone or vowel marks (or đ): exact matches of this term rank above folded ones. */
  marked: boolean;
  /** The last term while the person is still typing it: matches words starting with it. */
  prefix: boolean;
}

export interface ParsedQuery {
  /** The query as searched (NFC, trimmed, cut to MAX_QUERY_CHARS). */
  text: string;
  /** The input was longer than what is searched. */
  truncated: boolean;
  terms: QueryTerm[];
  /** Folded pairs of adjacent terms not separated by punctuation. */
  bigrams: string[];
  /** Compacted runs that may be a whole document number ("02 nq tu" → "02nq", "02nqtu"). */
  numberKeys: string[];
}

/**
 * Query text → terms. Everything the person types is text: quotes, stars, dashes, colons, parentheses and the
 * words AND/OR/NEAR are dropped or searched as words, never passed to a query language.
 */
export function parseQuery(raw: string): ParsedQuery {
  const full = nfc(raw).trim();
  let text = full;
  let truncated = false;
  if (text.length > MAX_QUERY_CHARS) {
    text = text.slice(0, MAX_QUERY_CHARS);
    const code = text.charCodeAt(text.length - 1);
    if (code >= 0xd800 && code <= 0xdbff) text = text.slice(0, -1);
    truncated = true;
  }
  let list: Term[] = terms(text);
  if (list.length > MAX_QUERY_TERMS) {
    list = list.slice(0, MAX_QUERY_TERMS);
    truncated = true;
  }
  // A query still being typed ends inside a word: its last term may be the start of a longer syllable.
  const typing =
    !truncated && !/\s$/u.test(raw) && list.length > 0 && (list.at(-1) as Term).end === text.length;
  const out: QueryTerm[] = [];
  const seen = new Set<string>();
  list.forEach((t, i) => {
    const prefix = typing && i === list.length - 1 && /^\p{L}/u.test(t.folded);
    const key = `${t.exact}|${prefix ? '*' : ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ exact: t.exact, folded: t.folded, marked: t.exact !== t.folded, prefix });
  });
  const bigrams: string[] = [];
  for (let i = 1; i < list.length; i++) {
    const b = list[i] as Term;
    if (!b.breakBefore) bigrams.push(`${(list[i - 1] as Term).folded} ${b.folded}`);
  }
  const numberKeys = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    if (!/^\d/.test((list[i] as Term).folded)) continue;
    let key = (list[i] as Term).folded;
    for (let j = i + 1; j < Math.min(list.length, i + 5); j++) {
      key += (list[j] as Term).folded;
      numberKeys.add(key);
    }
  }
  return { text, truncated, terms: out, bigrams: [...new Set(bigrams)], numberKeys: [...numberKeys] };
}
