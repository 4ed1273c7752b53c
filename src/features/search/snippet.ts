import { fold } from '../../text/index.ts';
import { termsOf } from './analyze.ts';
import { tokenize } from '../../text/index.ts';
import type { ParsedQuery } from './query.ts';

export interface Marked {
  text: string;
  /** [start, end) offsets (UTF-16) of matched syllables in `text`: render as plain text with marks, never as HTML. */
  highlights: Array<[number, number]>;
}

const SNIPPET_CHARS = 180;
const SCAN_CHARS = 50_000;
const MAX_HITS = 400;

const patterns = new WeakMap<ParsedQuery, RegExp>();

/** The query's folded terms as whole words (prefix terms as word starts), compiled once per query. */
function termPattern(q: ParsedQuery): RegExp {
  let re = patterns.get(q);
  if (!re) {
    const alternatives = q.terms.map((t) => escapeRegex(t.folded) + (t.prefix ? '[\\p{L}\\p{N}]*' : ''));
    re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    patterns.set(q, re);
  }
  return re;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Marks the query's terms in a short text (a title): exact or folded matches alike. */
export function markTerms(text: string, q: ParsedQuery): Marked {
  const highlights: Array<[number, number]> = [];
  for (const t of termsOf(tokenize(text))) {
    if (matchesTerm(t.folded, q)) highlights.push([t.start, t.end]);
  }
  return { text, highlights };
}

function matchesTerm(folded: string, q: ParsedQuery): boolean {
  return q.terms.some((t) => (t.prefix ? folded.startsWith(t.folded) : folded === t.folded));
}

/**
 * The passage of `body` (NFC) that holds most distinct query terms, about SNIPPET_CHARS long, cut at word
 * boundaries, with its matched syllables marked. Looks for terms in the folded text (fold keeps the length of
 * NFC Vietnamese), so the window is found without tokenizing the whole body.
 */
export function makeSnippet(body: string, q: ParsedQuery): Marked {
  const scan = body.length > SCAN_CHARS ? body.slice(0, SCAN_CHARS) : body;
  let center = 0;
  const folded = fold(scan);
  if (q.terms.length > 0 && folded.length === scan.length) {
    const re = termPattern(q);
    re.lastIndex = 0;
    const hits: Array<{ at: number; term: string }> = [];
    for (const m of folded.matchAll(re)) {
      hits.push({ at: m.index ?? 0, term: m[0] });
      if (hits.length >= MAX_HITS) break;
    }
    // Sliding window: the span of SNIPPET_CHARS with most distinct terms (first such span wins).
    let best = -1;
    let lo = 0;
    for (let hi = 0; hi < hits.length; hi++) {
      while ((hits[hi] as { at: number }).at - (hits[lo] as { at: number }).at > SNIPPET_CHARS * 0.7) lo++;
      const distinct = new Set(hits.slice(lo, hi + 1).map((h) => h.term)).size;
      if (distinct > best) {
        best = distinct;
        center = Math.floor(((hits[lo] as { at: number }).at + (hits[hi] as { at: number }).at) / 2);
      }
    }
  }
  let start = Math.max(0, center - SNIPPET_CHARS / 2);
  let end = Math.min(body.length, start + SNIPPET_CHARS);
  start = Math.max(0, Math.min(start, end - SNIPPET_CHARS));
  // Cut at spaces so no syllable is split.
  if (start > 0) {
    const space = body.indexOf(' ', start);
    if (space >= 0 && space < start + 30) start = space + 1;
  }
  if (end < body.length) {
    const space = body.lastIndexOf(' ', end);
    if (space > start + SNIPPET_CHARS / 2) end = space;
  }
  const window = body.slice(start, end).replace(/\s+/g, ' ');
  const prefix = start > 0 ? '… ' : '';
  const suffix = end < body.length ? ' …' : '';
  const marked = markTerms(window, q);
  return {
    text: prefix + marked.text + suffix,
    highlights: marked.highlights.map(([a, b]) => [a + prefix.length, b + prefix.length]),
  };
}
