import { hash, randomBytes } from 'node:crypto';
import type { DbOrTx } from '../db/database.ts';
import { nowIso } from '../db/database.ts';
import { prepareQuery } from '../db/prepared.ts';
import type { SecondFactorState } from './totp-gate.ts';
import './totp-tables.ts';
import { loadPrincipal } from './principal.ts';
import type { Authenticated, PrincipalCache } from './principal-cache.ts';

export const SESSION_COOKIE = 'sotay_session';
const TOUCH_EVERY_MS = 5 * 60_000;

// One-shot hash: made on every request, and a Hash object per call costs several times more.
function digest(token: string): string {
  return hash('sha256', token, 'hex');
}

export async function createSession(
  db: DbOrTx,
  input: { accountId: string; ip: string; userAgent: string; days: number },
): Promise<{ token: string; id: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + input.days * 86_400_000).toISOString();
  const id = digest(token);
  await db
    .insertInto('sessions')
    .values({
      id,
      account_id: input.accountId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      ip: input.ip,
      user_agent: input.userAgent.slice(0, 300),
    })
    .execute();
  return { token, id, expiresAt };
}

export interface SessionRow {
  id: string;
  accountId: string;
  lastSeenAt: string;
  expiresAt: string;
  /** Whether the session is still held at the second sign-in step (read with the session: one round trip). */
  secondFactor: SecondFactorState | null;
}

const sessionById = prepareQuery((db, p: { id: string }) =>
  db
    .selectFrom('sessions')
    .leftJoin('pending_second_factor', 'pending_second_factor.session_id', 'sessions.id')
    .select([
      'sessions.id',
      'sessions.account_id',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'pending_second_factor.state as second_factor',
    ])
    .where('sessions.id', '=', p.id),
);

export async function findSession(db: DbOrTx, token: string): Promise<SessionRow | null> {
  if (!token || token.length > 100) return null;
  const row = await sessionById.first(db, { id: digest(token) });
  if (!row) return null;
  const now = Date.now();
  if (Date.parse(row.expires_at) <= now) {
    await db.deleteFrom('sessions').where('id', '=', row.id).execute();
    return null;
  }
  if (now - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: nowIso() }).where('id', '=', row.id).execute();
  }
  return {
    id: row.id,
    accountId: row.account_id,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    secondFactor: (row.second_factor as SecondFactorState | null) ?? null,
  };
}

export async function deleteSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteAccountSessions(db: DbOrTx, accountId: string, exceptId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('account_id', '=', accountId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

/**
 * The session of a cookie token with its principal, from the principal cache when the stamp allows, else from the
 * database (and kept). Expiry and the `last_seen_at` touch work as in findSession on both paths.
 */
export async function authenticate(
  db: DbOrTx,
  cache: PrincipalCache,
  readStamp: () => Promise<number>,
  token: string,
): Promise<Authenticated | null> {
  if (!token || token.length > 100) return null;
  const id = digest(token);
  // The stamp is read before anything the entry is built from: a change committed in between moves the stamp,
  // so an entry can be older than its stamp says only in the safe direction.
  const stamp = await readStamp();
  cache.sync(stamp);
  const kept = cache.get(id);
  const now = Date.now();
  if (kept && kept.expiresMs > now) {
    if (now - kept.lastSeenMs > TOUCH_EVERY_MS) {
      await db.updateTable('sessions').set({ last_seen_at: nowIso() }).where('id', '=', id).execute();
      cache.set(stamp, { ...kept, lastSeenMs: now });
    }
    return kept;
  }
  const session = await findSession(db, token);
  if (!session) return null;
  const loaded = await loadPrincipal(db, session.accountId);
  if (!loaded) return null;
  const entry: Authenticated = {
    sessionId: session.id,
    // findSession has just touched the row when it was due.
    lastSeenMs: now - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS ? now : Date.parse(session.lastSeenAt),
    expiresMs: Date.parse(session.expiresAt),
    secondFactor: session.secondFactor,
    principal: loaded.principal,
    account: loaded.account,
  };
  cache.set(stamp, entry);
  return entry;
}
