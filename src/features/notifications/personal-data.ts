import { storedJson, type PersonalDataContributor } from '../privacy/registry.ts';

function hostOf(endpoint: string): string | null {
  try {
    return new URL(endpoint).host;
  } catch {
    return null;
  }
}

/** The inbox, the delivery preferences and the devices registered for Web Push (not their keys). */
export const notificationsPersonalData: PersonalDataContributor = {
  title: 'Thông báo',
  tables: ['notifications', 'notification_prefs', 'push_subscriptions'],
  async collect(_ctx, db, { accountId }) {
    if (!accountId) return { inbox: [], preferences: null, pushDevices: [] };
    const inbox = await db
      .selectFrom('notifications')
      .select(['kind', 'title', 'body', 'url', 'created_at', 'read_at'])
      .where('account_id', '=', accountId)
      .orderBy('created_at', 'desc')
      .execute();
    const prefs = await db
      .selectFrom('notification_prefs')
      .select(['data', 'digest_enabled', 'digest_hour', 'updated_at'])
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    const push = await db
      .selectFrom('push_subscriptions')
      .select(['endpoint', 'created_at'])
      .where('account_id', '=', accountId)
      .execute();
    return {
      inbox: inbox.map((n) => ({
        kind: n.kind,
        title: n.title,
        body: n.body,
        url: n.url,
        createdAt: n.created_at,
        readAt: n.read_at,
      })),
      preferences: prefs
        ? {
            channels: storedJson(prefs.data),
            dailyDigest: prefs.digest_enabled === 1,
            digestHour: prefs.digest_hour,
            updatedAt: prefs.updated_at,
          }
        : null,
      pushDevices: push.map((p) => ({ service: hostOf(p.endpoint), createdAt: p.created_at })),
    };
  },
  expire: {
    notifications: async (db, before) => {
      const res = await db.deleteFrom('notifications').where('created_at', '<', before).executeTakeFirst();
      return Number(res.numDeletedRows);
    },
  },
  async erase(uow, { accountId }) {
    if (!accountId) return;
    for (const table of ['notifications', 'notification_prefs', 'push_subscriptions'] as const)
      await uow.trx.deleteFrom(table).where('account_id', '=', accountId).execute();
  },
};
