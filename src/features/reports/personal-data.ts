import type { PersonalDataContributor } from '../privacy/registry.ts';

/**
 * Narrative reports the member wrote for an organisation. Reports are the organisation's records and stay
 * after erasure; the erased account they point at no longer names anyone.
 */
export const reportsPersonalData: PersonalDataContributor = {
  title: 'Báo cáo',
  tables: ['narrative_reports'],
  async collect(_ctx, db, { accountId }) {
    if (!accountId) return { written: [] };
    const rows = await db
      .selectFrom('narrative_reports')
      .select(['title', 'period', 'status', 'created_at'])
      .where('created_by', '=', accountId)
      .orderBy('created_at', 'desc')
      .execute();
    return {
      written: rows.map((r) => ({ title: r.title, period: r.period, status: r.status, at: r.created_at })),
    };
  },
  async erase() {
    // Organisation records: nothing personal beyond the author's account id, which erasure anonymises.
  },
};
