import { sql } from 'kysely';
import type { SearchBackend, CandidateRow } from './backend.ts';
import { CANDIDATE_COLUMNS, itemConditions, toCandidate } from './backend.ts';
import type { ParsedQuery } from './query.ts';

/** A term as an FTS5 string: always double-quoted, so AND, OR, NEAR, *, -, : and ( are plain text. */
function ftsString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The FTS5 MATCH expression: every term (or any term), or a whole document number. */
export function ftsMatch(q: ParsedQuery, mode: 'all' | 'any'): string {
  const words = q.terms.map((t) => ftsString(t.folded) + (t.prefix ? '*' : ''));
  let expr = `{title_f body_f}: (${words.join(mode === 'all' ? ' AND ' : ' OR ')})`;
  if (q.numberKeys.length > 0)
    expr = `(${expr}) OR number_key: (${q.numberKeys.map(ftsString).join(' OR ')})`;
  return expr;
}

export const sqliteBackend: SearchBackend = {
  async candidates(db, q, mode, view, filters, limit) {
    if (q.terms.length === 0) return [];
    // bm25 weights: title, body, number.
    const rows = await sql<CandidateRow>`select ${CANDIDATE_COLUMNS}
      from search_fts f join search_items i on i.seq = f.rowid
      where search_fts match ${ftsMatch(q, mode)} and ${itemConditions(view, filters)}
      order by bm25(search_fts, 4.0, 1.0, 10.0)
      limit ${limit}`.execute(db);
    return rows.rows.map(toCandidate);
  },
};
