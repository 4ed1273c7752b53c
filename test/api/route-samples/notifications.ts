import { newId } from '../../../src/platform/ids.ts';
import type { RouteSamples } from './types.ts';

/** A notification in the insider's inbox: nobody else may mark or see it. */
const samples: RouteSamples = async (ctx, _tree, insider) => {
  const id = newId();
  await ctx.db
    .insertInto('notifications')
    .values({
      id,
      account_id: insider.accountId,
      kind: 'content',
      topic: 'news.published',
      event_key: `news.published:${id}`,
      title: 'Tin mới',
      body: '',
      url: null,
      created_at: new Date().toISOString(),
      read_at: null,
    })
    .execute();
  return { '/api/v1/notifications/': id };
};
export default samples;

/** Routes on the caller's own inbox, preferences and devices. */
export const selfRoutes = [
  'GET /api/v1/notifications',
  'GET /api/v1/notifications/unread-count',
  'POST /api/v1/notifications/read-all',
  'GET /api/v1/notifications/preferences',
  'PUT /api/v1/notifications/preferences',
  'GET /api/v1/notifications/push/public-key',
  'POST /api/v1/notifications/push/subscriptions',
  'POST /api/v1/notifications/push/unsubscribe',
];
