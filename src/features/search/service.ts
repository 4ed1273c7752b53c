import type { Db, Dialect } from '../../platform/db/database.ts';
import type { AudienceView, Principal } from '../../platform/permissions/check.ts';
import { audienceView } from '../../platform/permissions/check.ts';
import { backendFor, type Candidate, type SearchFilters } from './backend.ts';
import { privateSearchSources } from './private-sources.ts';
import { parseQuery, type ParsedQuery } from './query.ts';
import { compareHits, coverage, scoreItem } from './rank.ts';
import { makeSnippet, markTerms } from './snippet.ts';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 50;
/** Candidates the back end hands to the shared ranker. */
const CANDIDATES = 80;
/** Items holding fewer of the query's words than this share are left out: they are noise, not answers. */
const MIN_COVERAGE = 0.6;

export interface SearchHit {
  /** An index type, or the private source's own type (e.g. "note"). */
  type: string;
  id: string;
  title: string;
  /** Plain text; `highlights` are [start, end) offsets of matched syllables in it. */
  snippet: string;
  highlights: Array<[number, number]>;
  titleHighlights: Array<[number, number]>;
  score: number;
  source: string | null;
  url: string;
  date: string;
  number: string | null;
  level: string | null;
}

export interface SearchResult {
  query: string;
  /** The query was longer than MAX_QUERY_CHARS (or had more than MAX_QUERY_TERMS terms) and was cut. */
  truncated: boolean;
  hits: SearchHit[];
}

export interface SearchRequest {
  q: string;
  filters?: SearchFilters;
  limit?: number;
}

export function hitOf(c: Candidate, q: ParsedQuery): SearchHit {
  const snippet = makeSnippet(c.body, q);
  return {
    type: c.type,
    id: c.id,
    title: c.title,
    snippet: snippet.text,
    highlights: snippet.highlights,
    titleHighlights: markTerms(c.title, q).highlights,
    score: scoreItem(q, c),
    source: c.source,
    url: c.url,
    date: c.date,
    number: c.number,
    level: c.level,
  };
}

/** Searches the index as `view` sees it (no private sources). */
export async function searchIndex(
  db: Db,
  dialect: Dialect,
  view: AudienceView,
  req: SearchRequest,
): Promise<SearchResult> {
  const q = parseQuery(req.q);
  const limit = Math.max(1, Math.min(MAX_LIMIT, req.limit ?? DEFAULT_LIMIT));
  const result: SearchResult = { query: q.text, truncated: q.truncated, hits: [] };
  if (q.terms.length === 0 || (view.ancestors.length === 0 && view.subtrees.length === 0)) return result;
  const backend = backendFor(dialect);
  const filters = req.filters ?? {};
  let found = await backend.candidates(db, q, 'all', view, filters, CANDIDATES);
  if (found.length === 0 && q.terms.length > 1) {
    // No item holds every word: take items holding most of them (ranked by how many they hold).
    const more = await backend.candidates(db, q, 'any', view, filters, CANDIDATES);
    const seen = new Set(found.map((c) => `${c.type}:${c.id}`));
    found = found.concat(more.filter((c) => !seen.has(`${c.type}:${c.id}`)));
  }
  const minCoverage = Math.ceil(q.terms.length * MIN_COVERAGE);
  const scored = found
    .filter((c) => coverage(q, c) >= minCoverage)
    .map((c) => ({ c, score: scoreItem(q, c), date: c.date, title: c.title }));
  scored.sort(compareHits);
  result.hits = scored.slice(0, limit).map(({ c }) => hitOf(c, q));
  return result;
}

/** Searches what a signed-in person may see: the index through audienceView, plus their private sources. */
export async function searchFor(
  db: Db,
  dialect: Dialect,
  principal: Principal,
  req: SearchRequest,
): Promise<SearchResult> {
  const result = await searchIndex(db, dialect, audienceView(principal), req);
  const q = parseQuery(req.q);
  const wantsPrivate = !req.filters?.types?.length && !req.filters?.level;
  if (q.terms.length === 0 || !wantsPrivate) return result;
  const limit = Math.max(1, Math.min(MAX_LIMIT, req.limit ?? DEFAULT_LIMIT));
  let hits = result.hits;
  for (const source of privateSearchSources()) {
    // A failing private source costs its own hits, not the whole search.
    const own = await source.search({ principal, query: q, limit }).catch(() => []);
    hits = hits.concat(own.filter((h) => inDateRange(h.date, req.filters)));
  }
  result.hits = hits.sort(compareHits).slice(0, limit);
  return result;
}

function inDateRange(date: string, filters: SearchFilters | undefined): boolean {
  if (filters?.from && date < filters.from) return false;
  if (filters?.to && date >= `${filters.to}\uffff`) return false;
  return true;
}
