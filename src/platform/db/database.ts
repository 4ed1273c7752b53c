import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { createRequire } from 'node:module';
import type PgModule from 'pg';
import type { Pool } from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, PostgresAdapter, type Transaction } from 'kysely';
import type { DB } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';
import { registerRawSqlite } from './prepared.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
export type DbOrTx = Db | Tx;

/** The PostgreSQL client, loaded on first use: the embedded SQLite mode never needs it. */
function pgPool(connectionString: string, max: number): Pool {
  const pg = createRequire(import.meta.url)('pg') as typeof PgModule;
  // bigint counts and sums come back as strings from pg; our numbers stay far below 2^53.
  pg.types.setTypeParser(20, (v) => Number(v));
  pg.types.setTypeParser(1700, (v) => Number(v));
  return new pg.Pool({ connectionString, max });
}

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  /** The raw SQLite handle, for backup and integrity checks (embedded mode only). */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** Overrides the SQLite file (":memory:" for tests). */
  sqliteFile?: string;
  poolSize?: number;
  /** Told about errors of idle PostgreSQL connections (the pool has already discarded them). */
  onIdleError?: (err: Error) => void;
}

export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'sotay.sqlite');
}

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) {
    const pool = pgPool(options.databaseUrl, options.poolSize ?? 10);
    // An idle connection the server drops (restart, failover, terminated backend) is discarded by the pool; without
    // a listener its error would be an uncaught exception that stops the process.
    pool.on('error', (err) => options.onIdleError?.(err));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', sqlite: null, close: () => db.destroy() };
  }
  const file = options.sqliteFile ?? sqliteFile(options.dataDir);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a committed vote or minute must survive a power cut, not just a process crash (WAL + NORMAL
  // can lose the last commits on power loss). The cost is one fsync of the WAL per commit.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -32000');
  const statements = withStatementCache(sqlite);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: statements }) });
  registerRawSqlite(db, sqlite, (text) => statements.prepare(text) as SQLite.Statement);
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}

export function dialectOf(db: Kysely<unknown>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export function nowIso(): string {
  return new Date().toISOString();
}
