import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';
import { dialectOf } from './database.ts';

/** Migration helpers that hide the few differences between SQLite and PostgreSQL. */
export function columnsFor(db: Kysely<unknown>) {
  const pg = dialectOf(db) === 'postgres';
  return {
    pg,
    /** Byte-order text: materialised paths are compared as ranges, so PostgreSQL must not use a locale. */
    pathType: pg ? sql`text collate "C"` : sql`text`,
    /** Auto-increment integer primary key (audit sequence, job ids). */
    serialPk<T extends string>(table: CreateTableBuilder<T, never>, name: string) {
      return pg
        ? table.addColumn(name, 'bigserial', (c: ColumnDefinitionBuilder) => c.primaryKey())
        : table.addColumn(name, 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());
    },
  };
}
