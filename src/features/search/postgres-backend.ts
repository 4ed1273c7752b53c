import { sql } from 'kysely';
import type { SearchBackend, CandidateRow } from './backend.ts';
import { CANDIDATE_COLUMNS, itemConditions, toCandidate } from './backend.ts';
import { quoteLexeme } from './pg-vector.ts';
import type { ParsedQuery } from './query.ts';

/**
 * The tsquery as a literal: quoted lexemes cast directly, so no parser, dictionary or operator in the input
 * applies (the same folded terms the index was built from).
 */
export function tsQuery(q: ParsedQuery, mode: 'all' | 'any'): string {
  const words = q.terms.map((t) => quoteLexeme(t.folded) + (t.prefix ? ':*' : ''));
  let expr = `(${words.join(mode === 'all' ? ' & ' : ' | ')})`;
  if (q.numberKeys.length > 0) expr += ` | ${q.numberKeys.map((k) => `${quoteLexeme(k)}:A`).join(' | ')}`;
  return expr;
}

export const postgresBackend: SearchBackend = {
  async candidates(db, q, mode, view, filters, limit) {
    if (q.terms.length === 0) return [];
    const query = tsQuery(q, mode);
    const rows = await sql<CandidateRow>`select ${CANDIDATE_COLUMNS}
      from search_items i
      where i.doc @@ ${query}::tsquery and ${itemConditions(view, filters)}
      order by ts_rank(i.doc, ${query}::tsquery) desc, i.seq
      limit ${limit}`.execute(db);
    return rows.rows.map(toCandidate);
  },
};
