import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { SearchBackend, CandidateRow } from './backend.ts';
import { CANDIDATE_COLUMNS, itemConditions, toCandidate } from './backend.ts';
import type { ParsedQuery } from './query.ts';

/** A term as an FTS5 string: always double-quoted, so AND, OR, NEAR, *, -, : and ( are plain text. */
function ftsString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The FTS5 MATCH expression: every term (or any term), or a whole document number. */
export function ftsMatch(q: ParsedQuery, mode: 'all' | 'any', columns = '{title_f body_f}'): string {
  const words = q.terms.map((t) => ftsString(t.folded) + (t.prefix ? '*' : ''));
  let expr = `${columns}: (${words.join(mode === 'all' ? ' AND ' : ' OR ')})`;
  if (q.numberKeys.length > 0)
    expr = `(${expr}) OR number_key: (${q.numberKeys.map(ftsString).join(' OR ')})`;
  return expr;
}

/**
 * Above this many matching items bm25 ranking of every match costs more than a query may take; the
 * candidates are then the newest matches, title matches first, and the shared ranker orders them.
 */
const BROAD = 4_000;
/** Matches looked at (before the permission filter) in the broad case. */
const BROAD_WINDOW = 3_000;

// Document counts only choose between two ways of finding candidates, so a few minutes old is good enough;
// counting a common term walks its whole document list.
const COUNT_TTL_MS = 5 * 60_000;
const COUNT_CACHE_SIZE = 5_000;
const counted = new Map<string, { doc: number; at: number }>();

async function documentCount(db: Db, term: string): Promise<number> {
  const now = Date.now();
  const hit = counted.get(term);
  if (hit && now - hit.at < COUNT_TTL_MS) return hit.doc;
  // fts5vocab answers "term = ?" from the index ("term in (…)" would scan the vocabulary).
  const row = await sql<{ doc: number }>`select doc from search_fts_vocab where term = ${term}`.execute(db);
  const doc = row.rows[0]?.doc ?? 0;
  if (counted.size >= COUNT_CACHE_SIZE) counted.delete(counted.keys().next().value as string);
  counted.set(term, { doc, at: now });
  return doc;
}

/** Upper bound of the items the query can match: the smallest document count of its whole words. */
async function estimateMatches(db: Db, q: ParsedQuery, mode: 'all' | 'any'): Promise<number> {
  const whole = q.terms.filter((t) => !t.prefix).map((t) => t.folded);
  if (whole.length === 0) return Infinity;
  const counts: number[] = [];
  for (const w of whole) counts.push(await documentCount(db, w));
  return mode === 'all' ? Math.min(...counts) : counts.reduce((a, b) => a + b, 0);
}

/** The FTS5 back end; `broad` and `window` are the thresholds above (smaller in tests). */
export function sqliteBackendWith(options: { broad: number; window: number }): SearchBackend {
  return {
    async candidates(db, q, mode, view, filters, limit) {
      if (q.terms.length === 0) return [];
      const conditions = itemConditions(view, filters);
      if ((await estimateMatches(db, q, mode)) <= options.broad) {
        // bm25 weights: title, body, number.
        const rows = await sql<CandidateRow>`select ${CANDIDATE_COLUMNS}
        from search_fts f join search_items i on i.seq = f.rowid
        where search_fts match ${ftsMatch(q, mode)} and ${conditions}
        order by bm25(search_fts, 4.0, 1.0, 10.0)
        limit ${limit}`.execute(db);
        return rows.rows.map(toCandidate);
      }
      // Walking the index newest-first needs no ranking function and stops after the window.
      const newest = async (match: string, n: number) =>
        (
          await sql<CandidateRow>`select ${CANDIDATE_COLUMNS}
          from (select rowid from search_fts where search_fts match ${match}
                order by rowid desc limit ${options.window}) f
          join search_items i on i.seq = f.rowid
          where ${conditions}
          order by f.rowid desc limit ${n}`.execute(db)
        ).rows;
      const inTitle = await newest(ftsMatch(q, mode, '{title_f}'), Math.ceil(limit / 2));
      const seen = new Set(inTitle.map((r) => r.item_id + r.type));
      const anywhere = (await newest(ftsMatch(q, mode), limit)).filter((r) => !seen.has(r.item_id + r.type));
      return inTitle.concat(anywhere).slice(0, limit).map(toCandidate);
    },
  };
}

export const sqliteBackend = sqliteBackendWith({ broad: BROAD, window: BROAD_WINDOW });
