import { sql, type Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { dialectOf } from '../../platform/db/database.ts';
import { foldedStream, numberKey, terms, titleTerms as titleTermsOf } from './analyze.ts';
import { tsvectorLiteral } from './pg-vector.ts';

const BATCH = 500;

/**
 * Recovery only (`sotay search-reindex`): recomputes every item's folded streams and full-text entry from the
 * title, text and number stored in search_items, e.g. after a change of the analyser or a damaged FTS index.
 * Items are not re-read from their features; normal indexing happens on write.
 */
export async function rebuildSearchIndex(db: Db, progress?: (done: number) => void): Promise<number> {
  const pg = dialectOf(db as unknown as Kysely<unknown>) === 'postgres';
  let after = 0;
  let done = 0;
  for (;;) {
    const rows = await db
      .selectFrom('search_items')
      .select(['seq', 'title', 'body', 'number'])
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const r of rows) {
        const titleTerms = titleTermsOf(r.title, r.number);
        const bodyTerms = terms(r.body);
        const key = numberKey(r.number);
        await trx
          .updateTable('search_items')
          .set({
            title_f: foldedStream(titleTerms),
            body_f: foldedStream(bodyTerms),
            number_key: key,
            ...(pg ? { doc: sql`${tsvectorLiteral(titleTerms, bodyTerms, key)}::tsvector` } : {}),
          })
          .where('seq', '=', r.seq)
          .execute();
      }
    });
    after = Number(rows.at(-1)!.seq);
    done += rows.length;
    progress?.(done);
  }
  // External-content FTS5 re-reads every row from search_items.
  if (!pg) await sql`insert into search_fts(search_fts) values ('rebuild')`.execute(db);
  return done;
}
