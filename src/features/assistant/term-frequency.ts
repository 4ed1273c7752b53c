import { sql } from 'kysely';
import type { Db, Dialect } from '../../platform/db/database.ts';
import { quoteLexeme } from '../search/pg-vector.ts';

/** Counting stops here: beyond it a term is simply common. */
const CAP = 10_000;

/**
 * How many indexed items hold each folded term (capped), so retrieval can lead with the rare, telling words of
 * a question instead of the common ones ("năm", "phần trăm").
 */
export async function termFrequencies(
  db: Db,
  dialect: Dialect,
  terms: string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const term of terms) {
    if (dialect === 'sqlite') {
      // One lookup per term: fts5vocab answers "term = ?" from the index.
      const r = await sql<{ doc: number }>`select doc from search_fts_vocab where term = ${term}`.execute(db);
      out.set(term, Math.min(CAP, r.rows[0]?.doc ?? 0));
    } else {
      const r = await sql<{ n: string }>`select count(*) as n from (
          select 1 from search_items where doc @@ ${quoteLexeme(term)}::tsquery limit ${CAP}) s`.execute(db);
      out.set(term, Number(r.rows[0]?.n ?? 0));
    }
  }
  return out;
}
