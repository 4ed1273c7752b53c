import { sql } from 'kysely';
import type { DbOrTx } from '../db/database.ts';

/**
 * Fixed-window counters kept in the database, so every server process sees the same count (scale-out needs
 * no sticky sessions). One upsert per hit.
 */
export async function hit(db: DbOrTx, key: string, windowMs: number): Promise<number> {
  const now = new Date();
  const cutoff = new Date(now.getTime() - windowMs).toISOString();
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: now.toISOString(), count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when rate_limits.window_start < ${cutoff} then 1 else rate_limits.count + 1 end`,
        window_start: sql<string>`case when rate_limits.window_start < ${cutoff} then ${now.toISOString()} else rate_limits.window_start end`,
      }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function current(db: DbOrTx, key: string, windowMs: number): Promise<number> {
  const cutoff = new Date(Date.now() - windowMs).toISOString();
  const row = await db
    .selectFrom('rate_limits')
    .select('count')
    .where('key', '=', key)
    .where('window_start', '>=', cutoff)
    .executeTakeFirst();
  return row ? Number(row.count) : 0;
}

export async function reset(db: DbOrTx, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}
