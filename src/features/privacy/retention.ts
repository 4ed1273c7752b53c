import { mutate, type AppContext, type UnitOfWork } from '../../platform/context.ts';
import { nowIso, type DbOrTx } from '../../platform/db/database.ts';
import { enqueueJob, registerJobHandler } from '../../platform/jobs/queue.ts';
import { RETENTION_KEYS, type RegisteredContributor, type RetentionKey } from './registry.ts';
import './tables.ts';

export interface RetentionRule {
  defaultDays: number;
  minDays: number;
  maxDays: number;
}

/**
 * Defaults chosen for Decree 13/2023/NĐ-CP (data kept no longer than its purpose needs) and, for sign-in
 * history, the 12 months Decree 53/2022/NĐ-CP asks for system logs; docs/security.md gives the reasons.
 */
export const RETENTION_RULES: Record<RetentionKey, RetentionRule> = {
  sessions: { defaultDays: 365, minDays: 90, maxDays: 3650 },
  notifications: { defaultDays: 180, minDays: 30, maxDays: 1825 },
  reads: { defaultDays: 365, minDays: 30, maxDays: 1825 },
  erased: { defaultDays: 1825, minDays: 365, maxDays: 3650 },
};

export type RetentionSettings = Record<RetentionKey, number>;

export async function retentionSettings(db: DbOrTx): Promise<RetentionSettings> {
  const rows = await db.selectFrom('retention_settings').select(['key', 'days']).execute();
  const stored = new Map(rows.map((r) => [r.key, Number(r.days)]));
  return Object.fromEntries(
    RETENTION_KEYS.map((k) => [k, stored.get(k) ?? RETENTION_RULES[k].defaultDays]),
  ) as RetentionSettings;
}

export async function saveRetentionSettings(
  uow: UnitOfWork,
  changes: Partial<RetentionSettings>,
): Promise<void> {
  const before = await retentionSettings(uow.trx);
  const now = nowIso();
  for (const key of RETENTION_KEYS) {
    const days = changes[key];
    if (days === undefined) continue;
    await uow.trx
      .insertInto('retention_settings')
      .values({ key, days, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ days, updated_at: now }))
      .execute();
  }
  await uow.audit({
    action: 'privacy.retention_update',
    entityType: 'retention',
    entityId: 'installation',
    orgPath: null,
    before,
    after: await retentionSettings(uow.trx),
  });
}

function cutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

export type RetentionResult = Record<RetentionKey, number>;

/**
 * Deletes what is older than its retention period: each feature's `expire` for its own rows, and for members
 * erased before the `erased` cut-off, what erasure kept (`purgeErased`). The audit log is never touched: it is
 * append-only and hash-chained. Idempotent: a second run the same day deletes nothing more.
 */
export async function runRetention(
  ctx: AppContext,
  contributors: readonly RegisteredContributor[],
  now = new Date(),
): Promise<RetentionResult> {
  const settings = await retentionSettings(ctx.db);
  const result = Object.fromEntries(RETENTION_KEYS.map((k) => [k, 0])) as RetentionResult;
  await mutate(ctx, { accountId: null, ip: null, requestId: 'retention' }, async (uow) => {
    for (const c of contributors)
      for (const key of RETENTION_KEYS) {
        const expire = c.expire?.[key];
        if (expire) result[key] += await expire(uow.trx, cutoff(now, settings[key]), now);
      }
    const due = await uow.trx
      .selectFrom('privacy_erasures')
      .select(['member_id', 'account_id'])
      .where('purged_at', 'is', null)
      .where('erased_at', '<', cutoff(now, settings.erased))
      .execute();
    for (const e of due) {
      const subject = { memberId: e.member_id, accountId: e.account_id };
      for (const c of contributors) if (c.purgeErased) result.erased += await c.purgeErased(uow.trx, subject);
      await uow.trx
        .updateTable('privacy_erasures')
        .set({ purged_at: now.toISOString() })
        .where('member_id', '=', e.member_id)
        .execute();
    }
    await uow.audit({
      action: 'privacy.retention_run',
      entityType: 'retention',
      entityId: 'installation',
      orgPath: null,
      after: { deleted: result, erasedMembersPurged: due.length },
    });
  });
  return result;
}

export const RETENTION_JOB = 'privacy.retention';

/** The next run after `now`: 02:00 in Vietnam (19:00 UTC), when nobody is in a meeting. */
export function nextRetentionRun(now: Date): Date {
  const next = new Date(now);
  next.setUTCHours(19, 0, 0, 0);
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

export async function scheduleRetention(ctx: AppContext, now = new Date()): Promise<void> {
  const next = nextRetentionRun(now);
  await enqueueJob(ctx.db, {
    kind: RETENTION_JOB,
    runAt: next,
    dedupeKey: `retention:${next.toISOString()}`,
  });
}

export function registerRetentionJob(contributors: () => readonly RegisteredContributor[]): void {
  registerJobHandler(RETENTION_JOB, async (_job, ctx) => {
    await runRetention(ctx, contributors());
    await scheduleRetention(ctx);
  });
}
