import { nowIso } from '../../platform/db/database.ts';
import type { PersonalDataContributor } from '../privacy/registry.ts';
import { ERASED_NAME } from '../privacy/registry.ts';

/**
 * The member profile and its transfers. Erasure keeps the row (meeting attendance, votes and minutes point at
 * it) with name, dates, phone and card number gone; transfer notes (free text) go too.
 */
export const membersPersonalData: PersonalDataContributor = {
  title: 'Hồ sơ đảng viên',
  tables: ['members', 'member_transfers'],
  async collect(_ctx, db, { memberId }) {
    if (!memberId) return { profile: null, transfers: [] };
    const m = await db
      .selectFrom('members')
      .innerJoin('orgs', 'orgs.id', 'members.org_id')
      .select([
        'members.full_name',
        'members.gender',
        'members.birth_date',
        'members.phone',
        'members.card_number',
        'members.admitted_on',
        'members.full_member_on',
        'members.kind',
        'members.status',
        'members.position',
        'members.created_at',
        'members.updated_at',
        'orgs.name as org_name',
      ])
      .where('members.id', '=', memberId)
      .executeTakeFirst();
    const transfers = await db
      .selectFrom('member_transfers')
      .select(['kind', 'from_org_id', 'to_org_id', 'note', 'at'])
      .where('member_id', '=', memberId)
      .orderBy('at')
      .execute();
    return {
      profile: m
        ? {
            fullName: m.full_name,
            gender: m.gender,
            birthDate: m.birth_date,
            phone: m.phone,
            cardNumber: m.card_number,
            admittedOn: m.admitted_on,
            fullMemberOn: m.full_member_on,
            kind: m.kind,
            status: m.status,
            position: m.position,
            branch: m.org_name,
            createdAt: m.created_at,
            updatedAt: m.updated_at,
          }
        : null,
      transfers: transfers.map((t) => ({
        kind: t.kind,
        fromOrgId: t.from_org_id,
        toOrgId: t.to_org_id,
        note: t.note,
        at: t.at,
      })),
    };
  },
  async erase(uow, { memberId }) {
    if (!memberId) return;
    const now = nowIso();
    await uow.trx
      .updateTable('members')
      .set({
        full_name: ERASED_NAME,
        name_folded: 'dang vien da xoa du lieu',
        gender: null,
        birth_date: null,
        phone: null,
        card_number: null,
        admitted_on: null,
        full_member_on: null,
        position: null,
        erased_at: now,
        updated_at: now,
      })
      .where('id', '=', memberId)
      .execute();
    await uow.trx
      .updateTable('member_transfers')
      .set({ note: null })
      .where('member_id', '=', memberId)
      .execute();
  },
};
