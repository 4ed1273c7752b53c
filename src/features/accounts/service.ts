import { nowIso, type DbOrTx } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { AppError } from '../../platform/errors.ts';
import type { AppContext, UnitOfWork } from '../../platform/context.ts';
import {
  dummyPasswordHash,
  hashPassword,
  oneTimePassword,
  passwordProblems,
  verifyPassword,
  type PasswordProblem,
} from '../../platform/auth/passwords.ts';
import * as limits from '../../platform/auth/rate-limit.ts';
import { fold } from '../../text/fold.ts';
import { parseCardNumber, parsePhone } from '../members/fields.ts';
import './errors.ts';

const WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_LOGIN = 5;
export const MAX_FAILURES_PER_IP = 50;

/** Login by account name, phone number or party card number. */
export async function findAccountByLogin(db: DbOrTx, login: string) {
  const name = login.normalize('NFC').trim().toLowerCase();
  const byName = await db
    .selectFrom('accounts')
    .select(['id', 'password_hash', 'disabled_at'])
    .where('login', '=', name)
    .executeTakeFirst();
  if (byName) return byName;
  const phone = parsePhone(login);
  const card = parseCardNumber(login);
  const conditions: Array<['phone' | 'card_number', string]> = [];
  if (phone.ok && phone.value) conditions.push(['phone', phone.value]);
  if (card.ok && card.value) conditions.push(['card_number', card.value]);
  for (const [field, value] of conditions) {
    const row = await db
      .selectFrom('members')
      .innerJoin('accounts', 'accounts.member_id', 'members.id')
      .select(['accounts.id', 'accounts.password_hash', 'accounts.disabled_at'])
      .where(`members.${field}`, '=', value)
      .where('members.erased_at', 'is', null)
      .executeTakeFirst();
    if (row) return row;
  }
  return null;
}

/**
 * Failures are counted per login text (existing or not) and per IP, so the answer never tells whether an
 * account exists, and a lock-out works across server processes.
 */
export async function authenticate(
  ctx: AppContext,
  login: string,
  password: string,
  ip: string,
): Promise<string> {
  const loginKey = `login:${fold(login).trim()}`;
  const ipKey = `ip:${ip}`;
  if (
    (await limits.current(ctx.db, loginKey, WINDOW_MS)) >= MAX_FAILURES_PER_LOGIN ||
    (await limits.current(ctx.db, ipKey, WINDOW_MS)) >= MAX_FAILURES_PER_IP
  ) {
    throw new AppError('AUTH_THROTTLED');
  }
  const account = await findAccountByLogin(ctx.db, login);
  const good = account
    ? await verifyPassword(account.password_hash, password)
    : (await verifyPassword(await dummyPasswordHash(), password), false);
  if (!account || !good || account.disabled_at) {
    await limits.hit(ctx.db, loginKey, WINDOW_MS);
    await limits.hit(ctx.db, ipKey, WINDOW_MS);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  await limits.reset(ctx.db, loginKey);
  return account.id;
}

export async function changePassword(
  uow: UnitOfWork,
  accountId: string,
  current: string,
  next: string,
): Promise<void> {
  const account = await uow.trx
    .selectFrom('accounts')
    .select(['login', 'password_hash'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(account.password_hash, current))) throw new AppError('AUTH_INVALID_CREDENTIALS');
  const problems = passwordProblems(next, { login: account.login, old: current });
  if (problems.length > 0)
    throw new AppError('PASSWORD_TOO_WEAK', {
      details: problems.map((p) => ({ code: p, message: PROBLEM_VI[p] })),
    });
  await uow.trx
    .updateTable('accounts')
    .set({ password_hash: await hashPassword(next), must_change_password: 0, updated_at: nowIso() })
    .where('id', '=', accountId)
    .execute();
  await uow.audit({
    action: 'account.password_change',
    entityType: 'account',
    entityId: accountId,
    orgPath: null,
  });
}

const PROBLEM_VI: Record<PasswordProblem, string> = {
  too_short: 'Mật khẩu cần ít nhất 8 ký tự.',
  too_long: 'Mật khẩu quá dài.',
  common: 'Mật khẩu này quá phổ biến, dễ bị đoán.',
  same_as_login: 'Mật khẩu không được trùng tên đăng nhập.',
  same_as_old: 'Mật khẩu mới phải khác mật khẩu cũ.',
};

/** Accounts made by a secretary or an administrator start with a one-time password that must be changed. */
export async function createAccount(
  uow: UnitOfWork,
  input: {
    login: string;
    memberId: string | null;
    password?: string;
    mustChange?: boolean;
    passwordHash?: string;
  },
): Promise<{ id: string; oneTimePassword: string | null }> {
  const login = input.login.normalize('NFC').trim().toLowerCase();
  const exists = await uow.trx
    .selectFrom('accounts')
    .select('id')
    .where('login', '=', login)
    .executeTakeFirst();
  if (exists) throw new AppError('ACCOUNT_LOGIN_TAKEN');
  if (input.memberId) {
    const taken = await uow.trx
      .selectFrom('accounts')
      .select('id')
      .where('member_id', '=', input.memberId)
      .executeTakeFirst();
    if (taken) throw new AppError('ACCOUNT_MEMBER_HAS_ACCOUNT');
  }
  const otp = input.password || input.passwordHash ? null : oneTimePassword();
  const id = newId();
  const now = nowIso();
  await uow.trx
    .insertInto('accounts')
    .values({
      id,
      login,
      member_id: input.memberId,
      password_hash: input.passwordHash ?? (await hashPassword(input.password ?? otp!)),
      must_change_password: otp || input.mustChange ? 1 : 0,
      preferences: '{}',
      created_at: now,
      updated_at: now,
      disabled_at: null,
    })
    .execute();
  await uow.audit({
    action: 'account.create',
    entityType: 'account',
    entityId: id,
    orgPath: null,
    after: { login, memberId: input.memberId },
  });
  return { id, oneTimePassword: otp };
}

export async function resetPassword(uow: UnitOfWork, accountId: string): Promise<string> {
  const otp = oneTimePassword();
  await uow.trx
    .updateTable('accounts')
    .set({ password_hash: await hashPassword(otp), must_change_password: 1, updated_at: nowIso() })
    .where('id', '=', accountId)
    .execute();
  await uow.trx.deleteFrom('sessions').where('account_id', '=', accountId).execute();
  await uow.audit({
    action: 'account.password_reset',
    entityType: 'account',
    entityId: accountId,
    orgPath: null,
  });
  return otp;
}

export async function grantRole(
  uow: UnitOfWork,
  input: { accountId: string; orgId: string; orgPath: string; role: string; by: string | null },
): Promise<string> {
  const exists = await uow.trx
    .selectFrom('role_grants')
    .select('id')
    .where('account_id', '=', input.accountId)
    .where('org_id', '=', input.orgId)
    .where('role', '=', input.role)
    .executeTakeFirst();
  if (exists) return exists.id;
  const id = newId();
  await uow.trx
    .insertInto('role_grants')
    .values({
      id,
      account_id: input.accountId,
      org_id: input.orgId,
      role: input.role,
      granted_at: nowIso(),
      granted_by: input.by,
    })
    .execute();
  await uow.audit({
    action: 'role.grant',
    entityType: 'account',
    entityId: input.accountId,
    orgPath: input.orgPath,
    after: { role: input.role, orgId: input.orgId },
  });
  return id;
}
