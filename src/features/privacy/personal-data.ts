import type { PersonalDataContributor } from './registry.ts';
import './tables.ts';

/** The erasure record itself: written when a member's data is erased, read by the retention job. */
export const privacyPersonalData: PersonalDataContributor = {
  title: 'Xóa dữ liệu cá nhân',
  tables: ['privacy_erasures'],
  async collect(_ctx, db, { memberId }) {
    if (!memberId) return { erasure: null };
    const row = await db
      .selectFrom('privacy_erasures')
      .select(['erased_at', 'purged_at'])
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    return { erasure: row ? { erasedAt: row.erased_at, purgedAt: row.purged_at } : null };
  },
  async erase() {
    // The record is written by the erasure (service.ts), after every contributor has run.
  },
};
