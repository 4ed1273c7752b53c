import type { Db, Dialect } from '../../platform/db/database.ts';
import type { AudienceView } from '../../platform/permissions/check.ts';
import { tokenize } from '../../text/index.ts';
import { backendFor, type Candidate } from '../search/backend.ts';
import { parseQuery } from '../search/query.ts';
import { compareHits, scoreItem } from '../search/rank.ts';
import { paragraphsOf } from '../documents/paragraphs.ts';
import { termFrequencies } from './term-frequency.ts';
import type { AnalysedQuestion } from './domain/question.ts';
import type { Passage } from './domain/answer.ts';

export interface RetrievedPassage extends Passage {
  type: string;
  url: string;
  source: string | null;
}

export interface Retrieved {
  passages: RetrievedPassage[];
  /** Items in search order: the "closest documents" when no passage answers. */
  items: Candidate[];
}

const ALL_LIMIT = 30;
/** Most words required at once; more would miss items that phrase things differently. */
const MAX_REQUIRED = 5;
const ENOUGH = 12;
const MAX_PASSAGES = 400;

/** The question's content words as typed (with whatever diacritics the person used), for the full-text query. */
export function searchTextOf(question: string, q: AnalysedQuestion): string {
  const wanted = new Set(q.terms);
  return tokenize(question)
    .filter((t) => wanted.has(t.folded.toLowerCase()))
    .map((t) => t.text)
    .join(' ');
}

/**
 * Passages (paragraphs) of the items the viewer may see that hold the question's words: items come from the
 * search back end (which applies the audience rule), then each item is cut into paragraphs with the same ids the
 * document pages use, so a citation opens the page at that paragraph.
 */
export async function retrievePassages(
  db: Db,
  dialect: Dialect,
  view: AudienceView,
  question: string,
  q: AnalysedQuestion,
): Promise<Retrieved> {
  const text = searchTextOf(question, q);
  const pq = parseQuery(text);
  if (pq.terms.length === 0 || (view.ancestors.length === 0 && view.subtrees.length === 0))
    return { passages: [], items: [] };
  const backend = backendFor(dialect);
  // Lead with the rarest words: all of the k rarest must match, k shrinking until enough items are found. The
  // common words still rank passages afterwards; they only do not decide which items are read.
  const folded = [...new Set(pq.terms.map((t) => t.folded))];
  const df = await termFrequencies(db, dialect, folded);
  const present = folded.filter((t) => (df.get(t) ?? 0) > 0).sort((a, b) => df.get(a)! - df.get(b)!);
  let items: Candidate[] = [];
  const seen = new Set<string>();
  for (let k = Math.min(present.length, MAX_REQUIRED); k >= 1 && items.length < ENOUGH; k--) {
    const sub = parseQuery(present.slice(0, k).join(' '));
    for (const c of await backend.candidates(db, sub, 'all', view, {}, ALL_LIMIT)) {
      const key = `${c.type}:${c.id}`;
      if (!seen.has(key)) {
        seen.add(key);
        items.push(c);
      }
    }
    // One word alone only helps when it is rare; a common one would flood the candidates.
    if (k === 2) break;
  }
  items = items
    .map((c) => ({ c, score: scoreItem(pq, c), date: c.date, title: c.title }))
    .sort(compareHits)
    .map((x) => x.c);
  const terms = new Set(q.terms);
  const passages: RetrievedPassage[] = [];
  items.forEach((c, rank) => {
    for (const p of paragraphsOf(c.body)) {
      if (passages.length >= MAX_PASSAGES) return;
      const words = tokenize(p.text).map((t) => t.folded.toLowerCase());
      const hits = words.filter((w) => terms.has(w)).length;
      if (hits === 0) continue;
      passages.push({
        id: p.id,
        documentId: c.id,
        type: c.type,
        title: c.title,
        text: p.text,
        url: `${c.url}#p-${p.id}`,
        source: c.source,
        // Earlier items in the search order lend their passages a little weight.
        retrievalScore: 1 / (1 + rank),
      });
    }
  });
  return { passages, items };
}

export function snippetOf(text: string, max = 300): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.lastIndexOf(' ', max);
  return `${clean.slice(0, cut > 0 ? cut : max)} …`;
}
