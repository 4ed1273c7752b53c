import type { RouteSamples } from './types.ts';
import { mutate } from '../../../src/platform/context.ts';
import { createNews } from '../../../src/features/news/service.ts';

/** A bulletin of commune A. */
const samples: RouteSamples = async (ctx, tree) => {
  const n = await mutate(ctx, { accountId: null, ip: null, requestId: 'samples' }, (uow) =>
    createNews(
      uow,
      tree.communeA,
      [tree.communeA],
      {
        section: 'bulletin',
        title: 'Bản tin nội bộ',
        bodyHtml: '<p>Lịch sinh hoạt chi bộ tháng này.</p>',
        source: null,
        sourceUrl: null,
        publishAt: null,
        pinned: false,
      },
      null,
    ),
  );
  return { '/api/v1/news/': n.id };
};
export default samples;

/** The feed, unread counts and the editor's list show only the caller's own items (tested in news.api.test.ts). */
export const selfRoutes = ['GET /api/v1/news', 'GET /api/v1/news/unread', 'GET /api/v1/news/editor'];
