import { randomBytes } from 'node:crypto';
import { nowIso, type DbOrTx } from '../../platform/db/database.ts';
import type { UnitOfWork } from '../../platform/context.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import './errors.ts';

export const ERASED_NAME = 'Đảng viên đã xóa dữ liệu';

/** Everything the installation holds about one account and its member profile (Decree 13/2023, art. 14). */
export async function personalData(db: DbOrTx, accountId: string) {
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'login', 'member_id', 'preferences', 'created_at', 'updated_at'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  const member = account.member_id
    ? await db
        .selectFrom('members')
        .innerJoin('orgs', 'orgs.id', 'members.org_id')
        .select([
          'members.id',
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
        .where('members.id', '=', account.member_id)
        .executeTakeFirst()
    : undefined;
  const transfers = account.member_id
    ? await db
        .selectFrom('member_transfers')
        .select(['kind', 'from_org_id', 'to_org_id', 'note', 'at'])
        .where('member_id', '=', account.member_id)
        .orderBy('at')
        .execute()
    : [];
  const roles = await db
    .selectFrom('role_grants')
    .innerJoin('orgs', 'orgs.id', 'role_grants.org_id')
    .select(['role_grants.role', 'orgs.name as org_name', 'role_grants.granted_at'])
    .where('role_grants.account_id', '=', accountId)
    .execute();
  const sessions = await db
    .selectFrom('sessions')
    .select(['created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('account_id', '=', accountId)
    .execute();
  const twoFactor = await db
    .selectFrom('two_factor')
    .select(['enabled_at'])
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  const activity = await db
    .selectFrom('audit_log')
    .select(['at', 'action', 'entity_type', 'ip'])
    .where('actor_account_id', '=', accountId)
    .orderBy('seq', 'desc')
    .limit(1000)
    .execute();
  let preferences: unknown = {};
  try {
    preferences = JSON.parse(account.preferences);
  } catch {
    preferences = {};
  }
  return {
    generatedAt: nowIso(),
    account: {
      login: account.login,
      createdAt: account.created_at,
      updatedAt: account.updated_at,
      preferences,
      twoFactorEnabledAt: twoFactor?.enabled_at ?? null,
    },
    member: member
      ? {
          fullName: member.full_name,
          gender: member.gender,
          birthDate: member.birth_date,
          phone: member.phone,
          cardNumber: member.card_number,
          admittedOn: member.admitted_on,
          fullMemberOn: member.full_member_on,
          kind: member.kind,
          status: member.status,
          position: member.position,
          branch: member.org_name,
          createdAt: member.created_at,
          updatedAt: member.updated_at,
        }
      : null,
    transfers: transfers.map((t) => ({
      kind: t.kind,
      fromOrgId: t.from_org_id,
      toOrgId: t.to_org_id,
      note: t.note,
      at: t.at,
    })),
    roles: roles.map((r) => ({ role: r.role, organisation: r.org_name, grantedAt: r.granted_at })),
    sessions: sessions.map((s) => ({
      createdAt: s.created_at,
      lastSeenAt: s.last_seen_at,
      expiresAt: s.expires_at,
      ip: s.ip,
      userAgent: s.user_agent,
    })),
    activity: activity.map((a) => ({ at: a.at, action: a.action, entityType: a.entity_type, ip: a.ip })),
  };
}

export type PersonalData = Awaited<ReturnType<typeof personalData>>;

/**
 * Erases a departed member's personal data: the row stays (meeting attendance, votes and minutes keep pointing
 * at it) but names, dates, phone and card number are gone, and the account can no longer sign in.
 */
export async function eraseMember(
  uow: UnitOfWork,
  member: { id: string; fullName: string; orgPath: string },
  reason: string,
): Promise<void> {
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
    .where('id', '=', member.id)
    .execute();
  const account = await uow.trx
    .selectFrom('accounts')
    .select('id')
    .where('member_id', '=', member.id)
    .executeTakeFirst();
  if (account) {
    await uow.trx.deleteFrom('sessions').where('account_id', '=', account.id).execute();
    await uow.trx.deleteFrom('two_factor_recovery_codes').where('account_id', '=', account.id).execute();
    await uow.trx.deleteFrom('two_factor').where('account_id', '=', account.id).execute();
    await uow.trx
      .updateTable('accounts')
      .set({
        login: `erased-${account.id}`,
        password_hash: await hashPassword(randomBytes(24).toString('base64url')),
        preferences: '{}',
        disabled_at: now,
        updated_at: now,
      })
      .where('id', '=', account.id)
      .execute();
  }
  // The audit record names the member by id only and keeps the reason, never the erased data.
  await uow.audit({
    action: 'member.erase',
    entityType: 'member',
    entityId: member.id,
    orgPath: member.orgPath,
    after: { reason },
  });
}
