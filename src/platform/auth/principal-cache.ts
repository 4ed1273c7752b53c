import type { Statement } from 'better-sqlite3';
import { deepFreeze } from '../deep-freeze.ts';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../db/database.ts';
import type { Principal } from '../permissions/check.ts';
import type { AccountInfo } from './principal.ts';
import type { SecondFactorState } from './totp-gate.ts';

/** What the authentication hook needs of a session, kept between requests. */
export interface Authenticated {
  sessionId: string;
  lastSeenMs: number;
  expiresMs: number;
  secondFactor: SecondFactorState | null;
  principal: Principal;
  account: AccountInfo;
}

/**
 * Session → principal, kept in this process while the principal stamp (principal_stamp, bumped by triggers in
 * the transaction of any change of sessions, pending second steps, two-factor, accounts, members, orgs or grants)
 * is the value read when the entry was made. Every request reads the stamp first (one primary-key read), so a
 * change committed by any process, the CLI included, is seen by the very next request; the whole cache is
 * emptied then. Expiry is checked from the kept expiry time. Entries are frozen: they are shared by requests.
 */
export class PrincipalCache {
  private stamp: number | null = null;
  private readonly entries = new Map<string, Authenticated>();

  constructor(private readonly max = 20_000) {}

  /** Empties the cache when the stamp has moved since the last read. */
  sync(stamp: number): void {
    if (stamp !== this.stamp) {
      this.entries.clear();
      this.stamp = stamp;
    }
  }

  get(sessionId: string): Authenticated | undefined {
    return this.entries.get(sessionId);
  }

  /** Keeps an entry built from data read after `stamp` was read, unless the stamp has moved since. */
  set(stamp: number, entry: Authenticated): void {
    if (stamp !== this.stamp) return;
    // Oldest first out: the number of live sessions of a process is bounded by the memory it may use.
    if (this.entries.size >= this.max && !this.entries.has(entry.sessionId))
      this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(entry.sessionId, deepFreeze(entry));
  }

  delete(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Reads the principal stamp. On SQLite through a statement prepared once on the raw handle (the read costs a
 * microsecond or two; through the query builder it costs about ten): it runs on the same single connection as
 * every other query, so inside another request's open transaction it may see that transaction's own bump, which
 * only empties the cache early.
 */
export function stampReader(database: DatabaseHandle): () => Promise<number> {
  const sqlite = database.sqlite;
  if (sqlite) {
    // Prepared on first use: the table exists only once the migrations have run.
    let stmt: Statement | null = null;
    return () => {
      stmt ??= sqlite.prepare('select value from principal_stamp where id = 1').pluck();
      return Promise.resolve(Number(stmt.get() ?? 0));
    };
  }
  const db = database.db;
  return async () => {
    const r = await sql<{ value: number }>`select value from principal_stamp where id = 1`.execute(db);
    return Number(r.rows[0]?.value ?? 0);
  };
}
