import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database.ts';
import { prepareQuery } from '../../platform/db/prepared.ts';

// One counter for "some news item, its audience or its state changed", bumped in the transaction of the change,
// so a feed page kept in memory can tell with one primary-key read whether it is still right, in this process or
// any other sharing the database.

/** Counts one change; call inside the transaction that makes it. */
export async function bumpFeedStamp(db: DbOrTx): Promise<void> {
  await db
    .insertInto('news_feed_stamp')
    .values({ id: 1, value: 1 })
    .onConflict((oc) => oc.column('id').doUpdateSet({ value: sql<number>`news_feed_stamp.value + 1` }))
    .execute();
}

const stampRow = prepareQuery((db, p: { id: number }) =>
  db.selectFrom('news_feed_stamp').select('value').where('id', '=', p.id),
);

export async function readFeedStamp(db: DbOrTx): Promise<number> {
  const row = await stampRow.first(db, { id: 1 });
  return Number(row?.value ?? 0);
}
