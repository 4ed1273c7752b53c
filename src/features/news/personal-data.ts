import type { PersonalDataContributor } from '../privacy/registry.ts';

/** Which news the member read (erased with them) and what they wrote (published news stays). */
export const newsPersonalData: PersonalDataContributor = {
  title: 'Tin tức',
  tables: ['news', 'news_reads'],
  async collect(_ctx, db, { accountId }) {
    if (!accountId) return { reads: [], written: [] };
    const reads = await db
      .selectFrom('news_reads')
      .innerJoin('news', 'news.id', 'news_reads.news_id')
      .select(['news.title', 'news_reads.read_at'])
      .where('news_reads.account_id', '=', accountId)
      .orderBy('news_reads.read_at', 'desc')
      .execute();
    const written = await db
      .selectFrom('news')
      .select(['title', 'status', 'created_at'])
      .where('created_by', '=', accountId)
      .orderBy('created_at', 'desc')
      .execute();
    return {
      reads: reads.map((r) => ({ news: r.title, readAt: r.read_at })),
      written: written.map((n) => ({ news: n.title, status: n.status, createdAt: n.created_at })),
    };
  },
  expire: {
    reads: async (db, before) => {
      const res = await db.deleteFrom('news_reads').where('read_at', '<', before).executeTakeFirst();
      return Number(res.numDeletedRows);
    },
  },
  async erase(uow, { accountId }) {
    if (!accountId) return;
    await uow.trx.deleteFrom('news_reads').where('account_id', '=', accountId).execute();
  },
};
