import SQLite from 'better-sqlite3';
import pg from 'pg';
import { sqliteFile } from '../../src/platform/db/database.ts';
import type { TestApp } from './test-app.ts';

/**
 * Runs SQL (with `?` placeholders) on a connection of its own, as another server process or the CLI sharing the
 * database would: what a process keeps in memory must notice the change without being told.
 */
export async function runElsewhere(t: TestApp, statement: string, params: unknown[] = []): Promise<void> {
  if (t.dialect === 'postgres') {
    const client = new pg.Client({ connectionString: t.ctx.config.databaseUrl! });
    await client.connect();
    try {
      let i = 0;
      await client.query(
        statement.replace(/\?/g, () => `$${++i}`),
        params,
      );
    } finally {
      await client.end();
    }
    return;
  }
  const other = new SQLite(sqliteFile(t.ctx.config.dataDir));
  try {
    other.pragma('busy_timeout = 5000');
    other.prepare(statement).run(...params);
  } finally {
    other.close();
  }
}
