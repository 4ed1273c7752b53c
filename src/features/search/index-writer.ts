import { sql, type Kysely } from 'kysely';
import type { DbOrTx } from '../../platform/db/database.ts';
import { dialectOf } from '../../platform/db/database.ts';
import { capText, foldedStream, numberKey, terms, titleTerms as titleTermsOf } from './analyze.ts';
import { tsvectorLiteral } from './pg-vector.ts';

export type SearchItemType = 'news' | 'document' | 'meeting' | 'resolution' | 'guide' | 'consultation';

export const SEARCH_ITEM_TYPES: readonly SearchItemType[] = [
  'news',
  'document',
  'meeting',
  'resolution',
  'guide',
  'consultation',
];

export type SearchLevel = 'central' | 'province' | 'district' | 'grassroots' | 'branch';

export interface SearchItem {
  type: SearchItemType;
  /** The item's own id (news id, document id, …). */
  id: string;
  title: string;
  /** Plain text (HTML stripped), including text extracted from attachments. */
  body: string;
  /** Document number, e.g. "02-NQ/TU" (boosted, matched whole). */
  number?: string | null;
  /** Issuing level filter. */
  level?: SearchLevel | null;
  /** ISO date (issued/published): recency tie-break and date filters. */
  date: string;
  /** Source file name of an imported document, else null. */
  source?: string | null;
  /** Where the item opens in the app, e.g. "/documents/<id>". */
  url: string;
  /**
   * Organisation paths the item is published to. Visible to a person when audienceView(principal) sees any of
   * them. An empty list means nobody sees it (unpublished / withdrawn).
   */
  audience: string[];
}

/** Insert or replace the item in the index, in the caller's transaction (indexing happens on write). */
export async function indexSearchItem(db: DbOrTx, item: SearchItem): Promise<void> {
  await removeSearchItem(db, item.type, item.id);
  const title = capText(item.title, 2_000);
  const body = capText(item.body);
  const number = item.number ? capText(item.number, 200) : null;
  const titleTerms = titleTermsOf(title, number);
  const bodyTerms = terms(body);
  const row = {
    type: item.type,
    item_id: item.id,
    title,
    body,
    number,
    number_key: numberKey(item.number),
    level: item.level ?? null,
    date: item.date,
    source: item.source ?? null,
    url: item.url,
    title_f: foldedStream(titleTerms),
    body_f: foldedStream(bodyTerms),
    indexed_at: new Date().toISOString(),
  };
  const pg = dialectOf(db as unknown as Kysely<unknown>) === 'postgres';
  const inserted = await db
    .insertInto('search_items')
    .values(
      pg ? { ...row, doc: sql`${tsvectorLiteral(titleTerms, bodyTerms, row.number_key)}::tsvector` } : row,
    )
    .returning('seq')
    .executeTakeFirstOrThrow();
  const seq = Number(inserted.seq);
  if (!pg) {
    await sql`insert into search_fts(rowid, title_f, body_f, number_key)
      values (${seq}, ${row.title_f}, ${row.body_f}, ${row.number_key})`.execute(db);
  }
  const paths = [...new Set(item.audience)];
  if (paths.length > 0) {
    await db
      .insertInto('search_audience')
      .values(paths.map((path) => ({ item_seq: seq, path })))
      .execute();
  }
}

/** Remove the item from the index (deleted, unpublished). */
export async function removeSearchItem(db: DbOrTx, type: SearchItemType, id: string): Promise<void> {
  const old = await db
    .selectFrom('search_items')
    .select(['seq', 'title_f', 'body_f', 'number_key'])
    .where('type', '=', type)
    .where('item_id', '=', id)
    .executeTakeFirst();
  if (!old) return;
  const seq = Number(old.seq);
  if (dialectOf(db as unknown as Kysely<unknown>) === 'sqlite') {
    // External-content FTS5 forgets a row only when told its old values.
    await sql`insert into search_fts(search_fts, rowid, title_f, body_f, number_key)
      values ('delete', ${seq}, ${old.title_f}, ${old.body_f}, ${old.number_key})`.execute(db);
  }
  await db.deleteFrom('search_audience').where('item_seq', '=', seq).execute();
  await db.deleteFrom('search_items').where('seq', '=', seq).execute();
}
