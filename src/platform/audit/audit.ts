import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { dialectOf, nowIso, type Db, type Tx } from '../db/database.ts';
import { newId } from '../ids.ts';

export interface AuditActor {
  accountId: string | null;
  ip: string | null;
  requestId: string | null;
  onBehalfOfMemberId?: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  orgPath: string | null;
  before?: unknown;
  after?: unknown;
}

const GENESIS = '0'.repeat(64);

export function auditHash(prevHash: string, record: Record<string, unknown>): string {
  return createHash('sha256')
    .update(prevHash)
    .update(JSON.stringify(record, Object.keys(record).sort()))
    .digest('hex');
}

/**
 * Appends one record to the hash chain inside the caller's transaction, so the change and its audit record
 * commit together. On PostgreSQL an advisory lock serialises appenders (SQLite already has one writer).
 */
export async function writeAudit(trx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  if (dialectOf(trx as unknown as Kysely<unknown>) === 'postgres')
    await sql`select pg_advisory_xact_lock(727274)`.execute(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS;
  const record = {
    id: newId(),
    at: nowIso(),
    actor_account_id: actor.accountId,
    on_behalf_of_member_id: actor.onBehalfOfMemberId ?? null,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    org_path: entry.orgPath,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    ip: actor.ip,
    request_id: actor.requestId,
  };
  await trx
    .insertInto('audit_log')
    .values({ ...record, prev_hash: prevHash, hash: auditHash(prevHash, record) })
    .execute();
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  reason: string | null;
}

/** Walks the chain in order; any altered, inserted or deleted record breaks it. */
export async function verifyAuditChain(db: Db | Tx): Promise<AuditVerifyResult> {
  let prevHash = GENESIS;
  let checked = 0;
  let lastSeq = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', lastSeq)
      .orderBy('seq')
      .limit(1000)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const { seq, prev_hash, hash, ...record } = row;
      if (prev_hash !== prevHash) return { ok: false, checked, firstBadSeq: seq, reason: 'chain broken' };
      if (auditHash(prevHash, record) !== hash) {
        return { ok: false, checked, firstBadSeq: seq, reason: 'record altered' };
      }
      prevHash = hash;
      lastSeq = seq;
      checked++;
    }
  }
  return { ok: true, checked, firstBadSeq: null, reason: null };
}
