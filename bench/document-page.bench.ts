import type { BenchDefinition } from './lib/types.ts';

/** Opening a document of the library (body, attachments, read state), rotating over the province's documents. */
const bench: BenchDefinition = {
  name: 'document-page',
  order: 25,
  target: { ratio: 0.3, p99_ms: 50 },
  async prepare(ctx) {
    // Province-level documents: every rotating member session may open them (a district's own documents are
    // not visible to members of other districts, which would count as failures).
    const res = await ctx.api('GET', '/api/v1/documents?limit=50&level=province', {
      cookie: ctx.memberCookies[0],
    });
    if (res.status === 404) return null;
    const ids = ((res.body as { items?: Array<{ id: string }> }).items ?? []).map((d) => d.id);
    if (ids.length === 0) return null;
    return {
      requests: (i) => ({ path: `/api/v1/documents/${ids[i % ids.length]!}` }),
      as: 'members',
      note: `GET /api/v1/documents/:id over ${ids.length} documents`,
    };
  },
};
export default bench;
