import type { DbOrTx } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { defaultPrefs, mergePrefs, parsePrefs, type NotificationPrefs } from './prefs.ts';

export interface InboxItem {
  id: string;
  kind: string;
  topic: string;
  title: string;
  body: string;
  url: string | null;
  createdAt: string;
  readAt: string | null;
}

export async function listInbox(
  db: DbOrTx,
  accountId: string,
  opts: { limit: number; before?: string; unread?: boolean },
): Promise<{ items: InboxItem[]; nextBefore: string | null }> {
  let q = db
    .selectFrom('notifications')
    .select(['id', 'kind', 'topic', 'title', 'body', 'url', 'created_at', 'read_at'])
    .where('account_id', '=', accountId);
  if (opts.before) q = q.where('id', '<', opts.before);
  if (opts.unread) q = q.where('read_at', 'is', null);
  const rows = await q.orderBy('id', 'desc').limit(opts.limit).execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      topic: r.topic,
      title: r.title,
      body: r.body,
      url: r.url,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
    nextBefore: rows.length === opts.limit ? rows[rows.length - 1]!.id : null,
  };
}

export async function unreadCount(db: DbOrTx, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markRead(db: DbOrTx, accountId: string, id: string): Promise<void> {
  const row = await db
    .selectFrom('notifications')
    .select(['id', 'read_at'])
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (!row) throw notFound();
  if (!row.read_at)
    await db.updateTable('notifications').set({ read_at: nowIso() }).where('id', '=', id).execute();
}

export async function markAllRead(db: DbOrTx, accountId: string): Promise<number> {
  const res = await db
    .updateTable('notifications')
    .set({ read_at: nowIso() })
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function loadPrefs(db: DbOrTx, accountId: string): Promise<NotificationPrefs> {
  const row = await db
    .selectFrom('notification_prefs')
    .select('data')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row ? parsePrefs(row.data) : defaultPrefs();
}

export async function savePrefs(
  db: DbOrTx,
  accountId: string,
  change: Partial<NotificationPrefs>,
): Promise<NotificationPrefs> {
  const next = mergePrefs(await loadPrefs(db, accountId), change);
  const values = {
    data: JSON.stringify(next),
    digest_enabled: next.digest.enabled ? 1 : 0,
    digest_hour: next.digest.hour,
    updated_at: nowIso(),
  };
  await db
    .insertInto('notification_prefs')
    .values({ account_id: accountId, last_digest_at: null, ...values })
    .onConflict((oc) => oc.column('account_id').doUpdateSet(values))
    .execute();
  return next;
}

export async function saveSubscription(
  db: DbOrTx,
  accountId: string,
  sub: { endpoint: string; p256dh: string; auth: string },
): Promise<void> {
  // An endpoint belongs to one browser: when another account signs in on it, the subscription moves.
  await db
    .insertInto('push_subscriptions')
    .values({ id: newId(), account_id: accountId, ...sub, created_at: nowIso() })
    .onConflict((oc) =>
      oc.column('endpoint').doUpdateSet({ account_id: accountId, p256dh: sub.p256dh, auth: sub.auth }),
    )
    .execute();
}

export async function removeSubscription(db: DbOrTx, accountId: string, endpoint: string): Promise<void> {
  await db
    .deleteFrom('push_subscriptions')
    .where('endpoint', '=', endpoint)
    .where('account_id', '=', accountId)
    .execute();
}
