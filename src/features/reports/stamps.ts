// Counters bumped in the transaction of a change, so that a result kept in memory can tell, with one primary-key
// read, whether what it was computed from has changed since (in this process or any other sharing the database).

import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database.ts';

/**
 * `assignments`: made or ended. `views`: something every view is made of changed (an indicator added, changed or
 * removed; all totals rebuilt or bulk-loaded). `totals:<root id>`: stored totals changed somewhere in the tree
 * under that root (one counter per root, so that submissions of different provinces do not wait for each other on
 * one row).
 */
export type StampName = 'assignments' | 'views' | `totals:${string}`;

/** The totals stamp of the tree an organisation path belongs to. */
export function totalsStamp(path: string): StampName {
  return `totals:${path.split('/')[1] ?? ''}`;
}

/** Counts one change; call inside the transaction that makes it. */
export async function bumpStamp(db: DbOrTx, name: StampName): Promise<void> {
  await db
    .insertInto('report_stamps')
    .values({ name, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql<number>`report_stamps.value + 1` }))
    .execute();
}

export async function readStamp(db: DbOrTx, name: StampName): Promise<number> {
  const row = await db
    .selectFrom('report_stamps')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirst();
  return Number(row?.value ?? 0);
}

/** Several counters in one read, as one string (absent counters read as 0). */
export async function readStamps(db: DbOrTx, names: readonly StampName[]): Promise<string> {
  const rows = await db
    .selectFrom('report_stamps')
    .select(['name', 'value'])
    .where('name', 'in', [...names])
    .execute();
  const byName = new Map(rows.map((r) => [r.name, Number(r.value)]));
  return names.map((n) => byName.get(n) ?? 0).join('|');
}
