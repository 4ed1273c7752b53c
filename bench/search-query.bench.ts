import type { BenchDefinition } from './lib/types.ts';

const QUERIES = [
  'chuyển đổi số',
  'nghị quyết',
  'sinh hoạt chi bộ',
  'nông thôn mới',
  'phát triển đảng viên',
  'chuyen doi so',
  'tham nhũng',
  'kế hoạch',
];

/** Full-text search as members type it (with and without diacritics), filtered to what each member may see. */
const bench: BenchDefinition = {
  name: 'search-query',
  order: 30,
  async prepare(ctx) {
    const res = await ctx.api('GET', '/api/v1/search?q=ngh%E1%BB%8B%20quy%E1%BA%BFt', {
      cookie: ctx.memberCookies[0],
    });
    if (res.status === 404) return null;
    return {
      requests: (i) => ({ path: `/api/v1/search?q=${encodeURIComponent(QUERIES[i % QUERIES.length]!)}` }),
      as: 'members',
      note: `GET /api/v1/search?q=… over ${QUERIES.length} queries`,
    };
  },
};
export default bench;
