import type { AppContext } from '../../platform/context.ts';
import { nowIso } from '../../platform/db/database.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import { providersFor } from './config.ts';
import { digestDue, parsePrefs, vnHour, CHANNELS } from './prefs.ts';

export const DIGEST_JOB = 'notifications.digest';
const BATCH = 500;

/** Schedules the digest run of the next full hour (idempotent: one job per hour whatever the process count). */
export async function scheduleDigest(ctx: AppContext, now = new Date()): Promise<void> {
  const next = new Date(now);
  next.setUTCMinutes(0, 0, 0);
  next.setUTCHours(next.getUTCHours() + 1);
  await enqueueJob(ctx.db, { kind: DIGEST_JOB, runAt: next, dedupeKey: `digest:${next.toISOString()}` });
}

export function digestText(items: Array<{ title: string }>, total: number): { title: string; body: string } {
  const lines = items.map((i) => `• ${i.title}`);
  if (total > items.length) lines.push(`… và ${total - items.length} thông báo khác`);
  return { title: `Sổ tay: ${total} thông báo mới trong ngày`, body: lines.join('\n') };
}

/**
 * Sends each member who chose the daily digest, in their chosen hour, one message per channel listing the
 * unread notifications since their last digest. Returns how many members got a digest.
 */
export async function runDigest(ctx: AppContext, now = new Date()): Promise<number> {
  const providers = await providersFor(ctx);
  let after = '';
  let sentTo = 0;
  for (;;) {
    const rows = await ctx.db
      .selectFrom('notification_prefs')
      .select(['account_id', 'data', 'last_digest_at'])
      .where('digest_enabled', '=', 1)
      .where('digest_hour', '=', vnHour(now))
      .where('account_id', '>', after)
      .orderBy('account_id')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      const prefs = parsePrefs(row.data);
      if (!digestDue(now, prefs, row.last_digest_at)) continue;
      const since = row.last_digest_at ?? new Date(now.getTime() - 24 * 3600_000).toISOString();
      const unread = await ctx.db
        .selectFrom('notifications')
        .select(['title'])
        .where('account_id', '=', row.account_id)
        .where('read_at', 'is', null)
        .where('created_at', '>', since)
        .orderBy('id', 'desc')
        .limit(200)
        .execute();
      await ctx.db
        .updateTable('notification_prefs')
        .set({ last_digest_at: nowIso() })
        .where('account_id', '=', row.account_id)
        .execute();
      if (unread.length === 0) continue;
      const text = digestText(unread.slice(0, 10), unread.length);
      const msg = { ...text, url: `${providers.publicUrl}/notifications` };
      for (const channel of CHANNELS) {
        if (!prefs.channels[channel]) continue;
        if (channel === 'push' && providers.push) {
          const subs = await ctx.db
            .selectFrom('push_subscriptions')
            .select(['id', 'endpoint', 'p256dh', 'auth'])
            .where('account_id', '=', row.account_id)
            .execute();
          for (const s of subs) {
            const res = await providers.push.send(s, msg);
            if (res.status === 'gone')
              await ctx.db.deleteFrom('push_subscriptions').where('id', '=', s.id).execute();
          }
        } else if (channel === 'email' && providers.email && prefs.email) {
          await providers.email.send(prefs.email, msg);
        } else if (channel === 'zalo' && providers.zalo && prefs.zaloUserId) {
          await providers.zalo.send(prefs.zaloUserId, msg);
        }
      }
      sentTo++;
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]!.account_id;
  }
  return sentTo;
}
