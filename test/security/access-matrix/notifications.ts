import { newId } from '../../../src/platform/ids.ts';
import { nowIso } from '../../../src/platform/db/database.ts';
import type { MatrixEntries } from './types.ts';

/** Notifications: a notice in the side's member's inbox; only that member marks it. The rest is the caller's own. */
const own = { target: 'own' as const };
const entries: MatrixEntries = {
  samples: async (ctx, side) => {
    const id = newId();
    await ctx.db
      .insertInto('notifications')
      .values({
        id,
        account_id: side.accountId,
        kind: 'content',
        topic: 'news.published',
        event_key: `news.published:${id}`,
        title: 'Tin mới',
        body: '',
        url: null,
        created_at: nowIso(),
        read_at: null,
      })
      .execute();
    return { '/api/v1/notifications/': id };
  },
  routes: {
    'GET /api/v1/notifications': own,
    'GET /api/v1/notifications/unread-count': own,
    'POST /api/v1/notifications/:id/read': { target: 'branch', inside: ['member'], outside: [] },
    'POST /api/v1/notifications/read-all': own,
    'GET /api/v1/notifications/preferences': own,
    'PUT /api/v1/notifications/preferences': own,
    'GET /api/v1/notifications/push/public-key': own,
    'POST /api/v1/notifications/push/subscriptions': own,
    'POST /api/v1/notifications/push/unsubscribe': own,
  },
};
export default entries;
