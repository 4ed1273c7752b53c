import { mutate } from '../../../src/platform/context.ts';
import { createNews } from '../../../src/features/news/service.ts';
import { MATRIX_ROLES, type MatrixEntries } from './types.ts';

/**
 * News: the side's commune publishes a bulletin to its whole subtree. Every role of side A reads it (the branch
 * lies under the commune); only the commune's committee roles edit it; nobody on the other side sees it.
 */
const read = { target: 'commune' as const, inside: [...MATRIX_ROLES] };
const entries: MatrixEntries = {
  samples: async (ctx, side) => {
    const n = await mutate(ctx, { accountId: null, ip: null, requestId: 'matrix' }, (uow) =>
      createNews(
        uow,
        side.commune,
        [side.commune],
        {
          section: 'bulletin',
          title: 'Bản tin mẫu',
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
  },
  routes: {
    'GET /api/v1/news': { target: 'global' },
    'GET /api/v1/news/unread': { target: 'global' },
    'GET /api/v1/news/editor': { target: 'global' },
    'POST /api/v1/news': {
      target: 'commune',
      body: (_ids, side) => ({
        orgId: side.commune.id,
        section: 'bulletin',
        title: 'Bản tin mới',
        bodyHtml: '<p>Nội dung</p>',
      }),
    },
    'GET /api/v1/news/:id': read,
    'PUT /api/v1/news/:id': {
      target: 'commune',
      body: (_ids, side) => ({
        orgId: side.commune.id,
        section: 'bulletin',
        title: 'Bản tin sửa',
        bodyHtml: '<p>Nội dung sửa</p>',
      }),
    },
    'POST /api/v1/news/:id/unpublish': { target: 'commune' },
    'POST /api/v1/news/:id/publish': { target: 'commune' },
    'POST /api/v1/news/:id/pin': { target: 'commune', body: () => ({ pinned: true }) },
    'POST /api/v1/news/:id/read': read,
  },
};
export default entries;
