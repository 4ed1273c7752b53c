import type { PersonalDataContributor } from '../privacy/registry.ts';

/** Whether the member has a private calendar feed and since when; never the token (only its hash is kept). */
export const calendarPersonalData: PersonalDataContributor = {
  title: 'Lịch cá nhân',
  tables: ['calendar_feeds'],
  async collect(_ctx, db, { accountId }) {
    if (!accountId) return { feed: null };
    const feed = await db
      .selectFrom('calendar_feeds')
      .select(['created_at'])
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return { feed: { exists: feed !== undefined, createdAt: feed?.created_at ?? null } };
  },
  async erase(uow, { accountId }) {
    if (!accountId) return;
    await uow.trx.deleteFrom('calendar_feeds').where('account_id', '=', accountId).execute();
  },
};
