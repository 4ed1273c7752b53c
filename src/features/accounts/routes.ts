import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { Api } from '../../platform/http/types.ts';
import { mutate, type AppContext } from '../../platform/context.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import {
  SESSION_COOKIE,
  createSession,
  deleteAccountSessions,
  deleteSession,
} from '../../platform/auth/sessions.ts';
import { loadPrincipal } from '../../platform/auth/principal.ts';
import { beginSecondFactor } from '../../platform/auth/totp-gate.ts';
import { permissionsOf } from '../../platform/permissions/check.ts';
import { ROLE_NAMES_VI } from '../../platform/permissions/roles.ts';
import { nowIso } from '../../platform/db/database.ts';
import { findOrgs } from '../orgs/queries.ts';
import { findMember } from '../members/queries.ts';
import { MemberView, presentMember } from '../members/routes.ts';
import { authenticate, changePassword } from './service.ts';

const tags = ['Tài khoản'];

const Preferences = Type.Object({
  locale: Type.Union([Type.Literal('vi'), Type.Literal('en')]),
  textScale: Type.Union([Type.Literal(1), Type.Literal(1.25), Type.Literal(1.5), Type.Literal(2)]),
  highContrast: Type.Boolean(),
});
const DEFAULT_PREFS = { locale: 'vi' as const, textScale: 1 as const, highContrast: false };

function preferencesOf(raw: Record<string, unknown>) {
  return { ...DEFAULT_PREFS, ...raw } as typeof DEFAULT_PREFS;
}

function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string, expiresAt: string): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    expires: new Date(expiresAt),
  });
}

export function accountRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Đăng nhập bằng tên đăng nhập, số điện thoại hoặc số thẻ đảng',
        body: Type.Object(
          {
            login: Type.String({ minLength: 1, maxLength: 100 }),
            password: Type.String({ minLength: 1, maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            account: Type.Object({
              id: Type.String(),
              login: Type.String(),
              mustChangePassword: Type.Boolean(),
            }),
            secondFactor: Type.Union([Type.Literal('verify'), Type.Literal('enrol'), Type.Null()]),
          }),
        },
      },
    },
    async (req, reply) => {
      const accountId = await authenticate(ctx, req.body.login, req.body.password, req.ip);
      const session = await createSession(ctx.db, {
        accountId,
        ip: req.ip,
        userAgent: String(req.headers['user-agent'] ?? ''),
        days: ctx.config.sessionDays,
      });
      const loaded = (await loadPrincipal(ctx.db, accountId))!;
      const secondFactor = await beginSecondFactor(ctx.db, ctx.config.twoFactor, {
        accountId,
        sessionId: session.id,
        principal: loaded.principal,
      });
      await mutate(ctx, { accountId, ip: req.ip, requestId: String(req.id) }, (uow) =>
        uow.audit({ action: 'auth.login', entityType: 'account', entityId: accountId, orgPath: null }),
      );
      setSessionCookie(ctx, reply, session.token, session.expiresAt);
      return {
        account: {
          id: accountId,
          login: loaded.account.login,
          mustChangePassword: loaded.account.mustChangePassword,
        },
        secondFactor,
      };
    },
  );

  api.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'session', secondFactorStep: true },
      schema: {
        tags,
        summary: 'Đăng xuất trên thiết bị này hoặc mọi thiết bị',
        body: Type.Optional(
          Type.Object({ all: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        ),
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      if (req.body?.all) await deleteAccountSessions(ctx.db, principal.accountId);
      else if (req.sessionId) await deleteSession(ctx.db, req.sessionId);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  api.post(
    '/api/v1/auth/password',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Đổi mật khẩu (bắt buộc ở lần đăng nhập đầu)',
        body: Type.Object(
          {
            currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
            newPassword: Type.String({ minLength: 1, maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      await mutate(ctx, actorOf(req), (uow) =>
        changePassword(uow, principal.accountId, req.body.currentPassword, req.body.newPassword),
      );
      // Other devices must sign in again with the new password; this one stays signed in.
      await deleteAccountSessions(ctx.db, principal.accountId, req.sessionId ?? undefined);
      return reply.status(204).send();
    },
  );

  api.get(
    '/api/v1/auth/sessions',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Các phiên đăng nhập của tôi',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                createdAt: Type.String(),
                lastSeenAt: Type.String(),
                ip: Type.String(),
                userAgent: Type.String(),
                current: Type.Boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const rows = await ctx.db
        .selectFrom('sessions')
        .selectAll()
        .where('account_id', '=', principalOf(req).accountId)
        .orderBy('last_seen_at', 'desc')
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id.slice(0, 16),
          createdAt: r.created_at,
          lastSeenAt: r.last_seen_at,
          ip: r.ip,
          userAgent: r.user_agent,
          current: r.id === req.sessionId,
        })),
      };
    },
  );

  api.get(
    '/api/v1/me',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Tài khoản, hồ sơ và vai trò của tôi',
        response: {
          200: Type.Object({
            account: Type.Object({
              id: Type.String(),
              login: Type.String(),
              mustChangePassword: Type.Boolean(),
              preferences: Preferences,
            }),
            member: Type.Union([MemberView, Type.Null()]),
            roles: Type.Array(
              Type.Object({
                role: Type.String(),
                roleName: Type.String(),
                orgId: Type.String(),
                orgName: Type.String(),
                orgPath: Type.String(),
                orgType: Type.String(),
              }),
            ),
            permissions: Type.Array(Type.String()),
          }),
        },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const account = req.account!;
      // The access hook already loaded the account and grants; only the profile and organisation names remain.
      const [member, orgs] = await Promise.all([
        principal.memberId ? findMember(ctx.db, principal.memberId) : null,
        findOrgs(ctx.db, [...new Set(principal.grants.map((g) => g.orgId))]),
      ]);
      const byId = new Map(orgs.map((o) => [o.id, o]));
      return {
        account: {
          id: account.id,
          login: account.login,
          mustChangePassword: account.mustChangePassword,
          preferences: preferencesOf(account.preferences),
        },
        member: member ? presentMember(principal, member) : null,
        roles: principal.grants.map((g) => ({
          role: g.role,
          roleName: ROLE_NAMES_VI[g.role],
          orgId: g.orgId,
          orgName: byId.get(g.orgId)?.name ?? '',
          orgPath: g.orgPath,
          orgType: byId.get(g.orgId)?.type ?? '',
        })),
        permissions: permissionsOf(principal),
      };
    },
  );

  api.put(
    '/api/v1/me/preferences',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Lưu cỡ chữ, độ tương phản, ngôn ngữ',
        body: Type.Partial(Preferences, { additionalProperties: false }),
        response: { 200: Preferences },
      },
    },
    async (req) => {
      const account = req.account!;
      const next = { ...preferencesOf(account.preferences), ...req.body };
      await ctx.db
        .updateTable('accounts')
        .set({ preferences: JSON.stringify(next), updated_at: nowIso() })
        .where('id', '=', account.id)
        .execute();
      return next;
    },
  );
}
