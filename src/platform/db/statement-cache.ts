import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * The SQLite handle as Kysely sees it, with prepared statements kept by their SQL text. Kysely prepares every
 * query afresh, and preparing costs as much as running a small indexed query; the session and account lookups
 * that every request makes are the same few statements. The most recently used `max` statements are kept (SQL
 * with a varying number of parameters, such as long IN lists, would otherwise grow the cache without end).
 * Sharing is safe because the driver runs one query at a time on its single connection, and SQLite re-prepares a
 * kept statement by itself after a schema change.
 */
export function withStatementCache(sqlite: SQLite.Database, max = 500): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      kept.clear();
      sqlite.close();
    },
    prepare(sql: string) {
      let stmt = kept.get(sql);
      if (stmt) {
        // Most recently used last, so the first key is the one to drop.
        kept.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (kept.size >= max) kept.delete(kept.keys().next().value as string);
      }
      kept.set(sql, stmt);
      return stmt;
    },
  };
}
