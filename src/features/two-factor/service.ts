import { nowIso } from '../../platform/db/database.ts';
import { qrSvg } from '../../platform/qr.ts';
import { newId } from '../../platform/ids.ts';
import { AppError } from '../../platform/errors.ts';
import { mutate, type AppContext, type UnitOfWork } from '../../platform/context.ts';
import type { AuditActor } from '../../platform/audit/audit.ts';
import type { Principal } from '../../platform/permissions/check.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import * as limits from '../../platform/auth/rate-limit.ts';
import {
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  totpStep,
} from '../../platform/auth/totp.ts';
import {
  completeSecondFactor,
  twoFactorRequired,
  type SecondFactorState,
} from '../../platform/auth/totp-gate.ts';
import './errors.ts';

const WINDOW_MS = 15 * 60_000;
/** Six digits are guessable with enough tries: five wrong codes lock the account's second step for 15 min. */
export const MAX_CODE_FAILURES = 5;

export interface TwoFactorStatus {
  enabled: boolean;
  required: boolean;
  pending: SecondFactorState | null;
  recoveryCodesLeft: number;
}

export async function status(
  ctx: AppContext,
  principal: Principal,
  pending: SecondFactorState | null,
): Promise<TwoFactorStatus> {
  const row = await ctx.db
    .selectFrom('two_factor')
    .select('enabled_at')
    .where('account_id', '=', principal.accountId)
    .executeTakeFirst();
  const left = await ctx.db
    .selectFrom('two_factor_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', principal.accountId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    enabled: !!row?.enabled_at,
    required: await twoFactorRequired(ctx.db, ctx.config.twoFactor, principal),
    pending,
    recoveryCodesLeft: Number(left.n),
  };
}

/** Starts (or restarts) enrolment with a fresh secret; nothing is protected until a code confirms it. */
export async function enrol(
  ctx: AppContext,
  account: { id: string; login: string },
): Promise<{ secret: string; otpauthUrl: string; qrSvg: string }> {
  const existing = await ctx.db
    .selectFrom('two_factor')
    .select('enabled_at')
    .where('account_id', '=', account.id)
    .executeTakeFirst();
  if (existing?.enabled_at) throw new AppError('TWO_FACTOR_ALREADY_ENABLED');
  const secret = newTotpSecret();
  if (existing) {
    await ctx.db
      .updateTable('two_factor')
      .set({ secret, last_step: 0, created_at: nowIso() })
      .where('account_id', '=', account.id)
      .execute();
  } else {
    await ctx.db
      .insertInto('two_factor')
      .values({ account_id: account.id, secret, enabled_at: null, last_step: 0, created_at: nowIso() })
      .execute();
  }
  const otpauthUrl = otpauthUri(secret, account.login);
  return { secret, otpauthUrl, qrSvg: await qrSvg(otpauthUrl) };
}

async function throttled(ctx: AppContext, accountId: string): Promise<void> {
  if ((await limits.current(ctx.db, `2fa:${accountId}`, WINDOW_MS)) >= MAX_CODE_FAILURES)
    throw new AppError('AUTH_THROTTLED');
}

async function failed(ctx: AppContext, accountId: string): Promise<never> {
  await limits.hit(ctx.db, `2fa:${accountId}`, WINDOW_MS);
  throw new AppError('TWO_FACTOR_CODE_INVALID');
}

/** Accepts a TOTP code once: the step must be newer than the last accepted one (no replay). */
async function acceptCode(
  ctx: AppContext,
  accountId: string,
  code: string,
  enabled: boolean,
): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('two_factor')
    .select(['secret', 'last_step', 'enabled_at'])
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (!row || !!row.enabled_at !== enabled) return false;
  const step = totpStep(row.secret, code);
  if (step === null || step <= Number(row.last_step)) return false;
  const r = await ctx.db
    .updateTable('two_factor')
    .set({ last_step: step })
    .where('account_id', '=', accountId)
    .where('last_step', '<', step)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

async function issueRecoveryCodes(uow: UnitOfWork, accountId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await uow.trx.deleteFrom('two_factor_recovery_codes').where('account_id', '=', accountId).execute();
  await uow.trx
    .insertInto('two_factor_recovery_codes')
    .values(
      codes.map((c) => ({
        id: newId(),
        account_id: accountId,
        code_hash: hashRecoveryCode(c),
        used_at: null,
      })),
    )
    .execute();
  return codes;
}

/** The first correct code turns two-factor on, releases a held session and gives the recovery codes. */
export async function confirm(
  ctx: AppContext,
  actor: AuditActor,
  input: { accountId: string; sessionId: string | null; code: string },
): Promise<string[]> {
  await throttled(ctx, input.accountId);
  const exists = await ctx.db
    .selectFrom('two_factor')
    .select('enabled_at')
    .where('account_id', '=', input.accountId)
    .executeTakeFirst();
  if (!exists) throw new AppError('TWO_FACTOR_NOT_ENROLLING');
  if (exists.enabled_at) throw new AppError('TWO_FACTOR_ALREADY_ENABLED');
  if (!(await acceptCode(ctx, input.accountId, input.code, false))) await failed(ctx, input.accountId);
  return mutate(ctx, actor, async (uow) => {
    await uow.trx
      .updateTable('two_factor')
      .set({ enabled_at: nowIso() })
      .where('account_id', '=', input.accountId)
      .execute();
    const codes = await issueRecoveryCodes(uow, input.accountId);
    if (input.sessionId) await completeSecondFactor(uow.trx, input.sessionId);
    await uow.audit({
      action: 'two_factor.enable',
      entityType: 'account',
      entityId: input.accountId,
      orgPath: null,
    });
    return codes;
  });
}

/** The second sign-in step: a current code or an unused recovery code. */
export async function verify(
  ctx: AppContext,
  actor: AuditActor,
  input: { accountId: string; sessionId: string; code?: string; recoveryCode?: string },
): Promise<{ recoveryCodesLeft: number | null }> {
  await throttled(ctx, input.accountId);
  if (input.code !== undefined) {
    if (!(await acceptCode(ctx, input.accountId, input.code, true))) await failed(ctx, input.accountId);
    await mutate(ctx, actor, async (uow) => {
      await completeSecondFactor(uow.trx, input.sessionId);
      await uow.audit({
        action: 'auth.second_factor',
        entityType: 'account',
        entityId: input.accountId,
        orgPath: null,
      });
    });
    await limits.reset(ctx.db, `2fa:${input.accountId}`);
    return { recoveryCodesLeft: null };
  }
  const hash = hashRecoveryCode(input.recoveryCode ?? '');
  const left = await mutate(ctx, actor, async (uow) => {
    const used = await uow.trx
      .updateTable('two_factor_recovery_codes')
      .set({ used_at: nowIso() })
      .where('account_id', '=', input.accountId)
      .where('code_hash', '=', hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return null;
    await completeSecondFactor(uow.trx, input.sessionId);
    await uow.audit({
      action: 'auth.recovery_code',
      entityType: 'account',
      entityId: input.accountId,
      orgPath: null,
    });
    const n = await uow.trx
      .selectFrom('two_factor_recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', input.accountId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(n.n);
  });
  if (left === null) await failed(ctx, input.accountId);
  await limits.reset(ctx.db, `2fa:${input.accountId}`);
  return { recoveryCodesLeft: left };
}

async function checkPassword(ctx: AppContext, accountId: string, password: string): Promise<void> {
  await throttled(ctx, accountId);
  const acc = await ctx.db
    .selectFrom('accounts')
    .select('password_hash')
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(acc.password_hash, password))) {
    await limits.hit(ctx.db, `2fa:${accountId}`, WINDOW_MS);
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
}

export async function regenerateRecoveryCodes(
  ctx: AppContext,
  actor: AuditActor,
  accountId: string,
  password: string,
): Promise<string[]> {
  await checkPassword(ctx, accountId, password);
  if (!(await statusEnabled(ctx, accountId))) throw new AppError('TWO_FACTOR_NOT_ENABLED');
  return mutate(ctx, actor, async (uow) => {
    const codes = await issueRecoveryCodes(uow, accountId);
    await uow.audit({
      action: 'two_factor.recovery_codes',
      entityType: 'account',
      entityId: accountId,
      orgPath: null,
    });
    return codes;
  });
}

async function statusEnabled(ctx: AppContext, accountId: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('two_factor')
    .select('enabled_at')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return !!row?.enabled_at;
}

/** Turning it off needs the password again, and is refused while the account's roles require it. */
export async function disable(
  ctx: AppContext,
  actor: AuditActor,
  principal: Principal,
  password: string,
): Promise<void> {
  await checkPassword(ctx, principal.accountId, password);
  if (!(await statusEnabled(ctx, principal.accountId))) throw new AppError('TWO_FACTOR_NOT_ENABLED');
  if (await twoFactorRequired(ctx.db, ctx.config.twoFactor, principal))
    throw new AppError('TWO_FACTOR_REQUIRED_FOR_ROLE');
  await mutate(ctx, actor, async (uow) => {
    await uow.trx
      .deleteFrom('two_factor_recovery_codes')
      .where('account_id', '=', principal.accountId)
      .execute();
    await uow.trx.deleteFrom('two_factor').where('account_id', '=', principal.accountId).execute();
    await uow.audit({
      action: 'two_factor.disable',
      entityType: 'account',
      entityId: principal.accountId,
      orgPath: null,
    });
  });
}
