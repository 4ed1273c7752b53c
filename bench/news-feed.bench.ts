import type { BenchDefinition } from './lib/types.ts';

/** The member's news feed: first page (20 items, newest first, unread marks) with sessions all over the province. */
const bench: BenchDefinition = {
  name: 'news-feed',
  order: 20,
  target: { ratio: 0.3, p99_ms: 50, rss_mb: 300 },
  async prepare(ctx) {
    const res = await ctx.api('GET', '/api/v1/news', { cookie: ctx.memberCookies[0] });
    if (res.status === 404) return null;
    const items = (res.body as { items?: unknown[] }).items ?? [];
    if (items.length === 0) return null; // dataset without news: regenerate
    return {
      requests: [{ path: '/api/v1/news' }],
      as: 'members',
      note: `GET /api/v1/news, first page (${items.length} items, ${JSON.stringify(res.body).length} bytes)`,
    };
  },
};
export default bench;
