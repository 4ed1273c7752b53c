import type { Insertable } from 'kysely';
import type { DbOrTx } from '../platform/db/database.ts';
import type { DB } from '../platform/db/schema.ts';

/**
 * Inserts rows a statement at a time, `perStatement` rows each: one statement per row would make a generated
 * dataset take hours, and one statement for everything would pass the parameter limit of either database.
 */
export async function insertRows<T extends keyof DB & string>(
  db: DbOrTx,
  table: T,
  rows: Insertable<DB[T]>[],
  perStatement = 500,
): Promise<void> {
  for (let i = 0; i < rows.length; i += perStatement) {
    // Kysely's generic table types cannot follow a table name chosen at run time.
    await (db as DbOrTx)
      .insertInto(table)
      .values(rows.slice(i, i + perStatement) as never)
      .execute();
  }
}
