import type { DbOrTx } from '../db/database.ts';
import { nowIso } from '../db/database.ts';
import type { Principal } from '../permissions/check.ts';
import { registerErrors } from '../errors.ts';
import './totp-tables.ts';

export type SecondFactorState = 'verify' | 'enrol';
export type TwoFactorMode = 'privileged' | 'off';

const COMMITTEE_ROLES = new Set(['office', 'secretary', 'deputy_secretary', 'committee_member']);

/**
 * Whether the account's roles oblige it to use two-factor sign-in: administrators anywhere, and committee roles
 * held on an organisation above the branch (they see many branches' personal data).
 */
export async function twoFactorRequired(
  db: DbOrTx,
  mode: TwoFactorMode,
  principal: Principal,
): Promise<boolean> {
  if (mode === 'off') return false;
  const explicit = principal.grants.filter((g) => !g.implicit);
  if (explicit.some((g) => g.role === 'admin')) return true;
  const committeeOrgs = explicit.filter((g) => COMMITTEE_ROLES.has(g.role)).map((g) => g.orgId);
  if (committeeOrgs.length === 0) return false;
  const above = await db
    .selectFrom('orgs')
    .innerJoin('org_types', 'org_types.code', 'orgs.type_code')
    .select('orgs.id')
    .where('orgs.id', 'in', committeeOrgs)
    .where('org_types.holds_members', '=', 0)
    .executeTakeFirst();
  return above !== undefined;
}

export async function twoFactorEnabled(db: DbOrTx, accountId: string): Promise<boolean> {
  const row = await db
    .selectFrom('two_factor')
    .select('enabled_at')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return !!row?.enabled_at;
}

/**
 * Called right after the password was checked and the session created: holds the session at the second step
 * when the account has two-factor on, or at enrolment when its roles require it and it has none.
 */
export async function beginSecondFactor(
  db: DbOrTx,
  mode: TwoFactorMode,
  input: { accountId: string; sessionId: string; principal: Principal },
): Promise<SecondFactorState | null> {
  let state: SecondFactorState | null = null;
  if (await twoFactorEnabled(db, input.accountId)) state = 'verify';
  else if (await twoFactorRequired(db, mode, input.principal)) state = 'enrol';
  if (state) {
    await db
      .insertInto('pending_second_factor')
      .values({ session_id: input.sessionId, account_id: input.accountId, state, created_at: nowIso() })
      .execute();
  }
  return state;
}

export async function pendingSecondFactor(db: DbOrTx, sessionId: string): Promise<SecondFactorState | null> {
  const row = await db
    .selectFrom('pending_second_factor')
    .select('state')
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return row ? (row.state as SecondFactorState) : null;
}

export async function completeSecondFactor(db: DbOrTx, sessionId: string): Promise<void> {
  await db.deleteFrom('pending_second_factor').where('session_id', '=', sessionId).execute();
}

registerErrors({
  AUTH_SECOND_FACTOR_REQUIRED: {
    status: 401,
    vi: 'Vui lòng nhập mã xác thực hai bước để tiếp tục.',
    en: 'Enter your two-factor code to continue.',
  },
});
