import type { AppContext } from '../../platform/context.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import { providersFor, type Providers } from './config.ts';
import { DELIVER_JOB, type DeliverPayload } from './fanout.ts';
import { parsePrefs, defaultPrefs } from './prefs.ts';
import type { OutgoingMessage, SendResult } from './providers/types.ts';

const MAX_TRIES = 5;
const CONCURRENCY = 64;

async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(runners);
}

export interface DeliveryOutcome {
  sent: number;
  gone: number;
  failed: string[];
}

function linkOf(providers: Providers, url: string | null): string {
  return `${providers.publicUrl}${url ?? '/notifications'}`;
}

/**
 * Sends one chunk of notifications on one channel. Notifications already read in the app are not pushed;
 * dead push subscriptions (404/410) are deleted; temporary failures are retried later in a job of their own,
 * so neither the sent ones nor the other channels wait for them.
 */
export async function deliverChunk(ctx: AppContext, p: DeliverPayload): Promise<DeliveryOutcome> {
  const providers = await providersFor(ctx);
  const out: DeliveryOutcome = { sent: 0, gone: 0, failed: [] };
  const rows = await ctx.db
    .selectFrom('notifications')
    .select(['id', 'account_id', 'title', 'body', 'url', 'read_at'])
    .where('id', 'in', p.ids)
    .execute();
  const pending = rows.filter((r) => !r.read_at);
  if (pending.length === 0) return out;
  const accountIds = [...new Set(pending.map((r) => r.account_id))];
  const message = (r: (typeof rows)[number]): OutgoingMessage => ({
    title: r.title,
    body: r.body || r.title,
    url: linkOf(providers, r.url),
  });
  const record = (id: string, res: SendResult) => {
    if (res.status === 'sent') out.sent++;
    else if (res.status === 'gone') out.gone++;
    else out.failed.push(id);
  };

  if (p.channel === 'push') {
    const push = providers.push;
    if (!push) return out;
    const subs = await ctx.db
      .selectFrom('push_subscriptions')
      .select(['id', 'account_id', 'endpoint', 'p256dh', 'auth'])
      .where('account_id', 'in', accountIds)
      .execute();
    const subsOf = new Map<string, typeof subs>();
    for (const s of subs) subsOf.set(s.account_id, [...(subsOf.get(s.account_id) ?? []), s]);
    const jobs = pending.flatMap((r) => (subsOf.get(r.account_id) ?? []).map((s) => ({ r, s })));
    const dead: string[] = [];
    const failedIds = new Set<string>();
    await pool(jobs, CONCURRENCY, async ({ r, s }) => {
      const res = await push.send(s, message(r));
      if (res.status === 'gone') dead.push(s.id);
      if (res.status === 'retry') failedIds.add(r.id);
      if (res.status === 'sent') out.sent++;
    });
    out.gone = dead.length;
    out.failed = [...failedIds];
    if (dead.length) await ctx.db.deleteFrom('push_subscriptions').where('id', 'in', dead).execute();
  } else {
    const provider = p.channel === 'email' ? providers.email : providers.zalo;
    if (!provider) return out;
    const prefsRows = await ctx.db
      .selectFrom('notification_prefs')
      .select(['account_id', 'data'])
      .where('account_id', 'in', accountIds)
      .execute();
    const prefs = new Map(prefsRows.map((r) => [r.account_id, parsePrefs(r.data)]));
    await pool(pending, CONCURRENCY, async (r) => {
      const pr = prefs.get(r.account_id) ?? defaultPrefs();
      const address = p.channel === 'email' ? pr.email : pr.zaloUserId;
      // The member may have switched the channel off since the event was fanned out.
      if (!address || !pr.channels[p.channel]) return;
      record(r.id, await provider.send(address, message(r)));
    });
  }

  const tries = (p.tries ?? 0) + 1;
  if (out.failed.length && tries < MAX_TRIES) {
    const retry: DeliverPayload = { channel: p.channel, ids: out.failed, tries };
    await enqueueJob(ctx.db, {
      kind: DELIVER_JOB,
      payload: retry as unknown as Record<string, unknown>,
      runAt: new Date(Date.now() + 30_000 * 2 ** (tries - 1)),
      dedupeKey: `deliver:${p.channel}:${out.failed[0]}:retry${tries}`,
    });
  }
  if (out.failed.length || out.gone) {
    ctx.log.warn(
      { channel: p.channel, ...out, failed: out.failed.length, tries },
      'notification delivery incomplete',
    );
  }
  return out;
}
