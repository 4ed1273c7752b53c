import type { PersonalDataContributor } from '../privacy/registry.ts';

/**
 * Bookmarks and reading marks are the member's own and go with erasure. Documents they entered into the library
 * are the organisation's and stay; the erased account they point at no longer names anyone.
 */
export const documentsPersonalData: PersonalDataContributor = {
  title: 'Văn bản: đánh dấu và lượt đọc',
  tables: ['documents', 'document_bookmarks', 'document_reads'],
  async collect(_ctx, db, { accountId }) {
    if (!accountId) return { bookmarks: [], reads: [], entered: [] };
    const bookmarks = await db
      .selectFrom('document_bookmarks')
      .innerJoin('documents', 'documents.id', 'document_bookmarks.document_id')
      .select(['documents.title', 'document_bookmarks.created_at'])
      .where('document_bookmarks.account_id', '=', accountId)
      .orderBy('document_bookmarks.created_at', 'desc')
      .execute();
    const reads = await db
      .selectFrom('document_reads')
      .innerJoin('documents', 'documents.id', 'document_reads.document_id')
      .select(['documents.title', 'document_reads.opened_at', 'document_reads.finished_at'])
      .where('document_reads.account_id', '=', accountId)
      .orderBy('document_reads.opened_at', 'desc')
      .execute();
    const entered = await db
      .selectFrom('documents')
      .select(['title', 'created_at'])
      .where('created_by', '=', accountId)
      .orderBy('created_at', 'desc')
      .execute();
    return {
      bookmarks: bookmarks.map((b) => ({ document: b.title, at: b.created_at })),
      reads: reads.map((r) => ({ document: r.title, openedAt: r.opened_at, finishedAt: r.finished_at })),
      entered: entered.map((d) => ({ document: d.title, at: d.created_at })),
    };
  },
  expire: {
    reads: async (db, before) => {
      const res = await db
        .deleteFrom('document_reads')
        .where((eb) => eb.fn.coalesce('finished_at', 'opened_at'), '<', before)
        .executeTakeFirst();
      return Number(res.numDeletedRows);
    },
  },
  async erase(uow, { accountId }) {
    if (!accountId) return;
    await uow.trx.deleteFrom('document_bookmarks').where('account_id', '=', accountId).execute();
    await uow.trx.deleteFrom('document_reads').where('account_id', '=', accountId).execute();
  },
};
