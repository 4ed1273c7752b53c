import { Type } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { Api } from '../../platform/http/types.ts';
import { mutate, type AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import {
  SESSION_COOKIE,
  createSession,
  deleteAccountSessions,
  deleteSession,
} from '../../platform/auth/sessions.ts';
import { loadPrincipal } from '../../platform/auth/principal.ts';
import { can, permissionsOf, requirePermission } from '../../platform/permissions/check.ts';
import { ROLES, ROLE_NAMES_VI, isRole } from '../../platform/permissions/roles.ts';
import { nowIso } from '../../platform/db/database.ts';
import { Id, IdParams } from '../orgs/schemas.ts';
import { findOrgs } from '../orgs/queries.ts';
import { loadVisibleOrg } from '../orgs/routes.ts';
import { findMember } from '../members/queries.ts';
import { presentMember } from '../members/routes.ts';
import { authenticate, changePassword, createAccount, grantRole, resetPassword } from './service.ts';

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
      };
    },
  );

  api.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'session' },
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
            member: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
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
      const member = principal.memberId ? await findMember(ctx.db, principal.memberId) : null;
      const orgs = await findOrgs(
        ctx.db,
        principal.grants.map((g) => g.orgId),
      );
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

  api.post(
    '/api/v1/members/:id/account',
    {
      config: { access: 'account.manage' },
      schema: {
        tags,
        summary: 'Tạo tài khoản cho đảng viên (cấp mật khẩu dùng một lần)',
        params: IdParams,
        body: Type.Optional(
          Type.Object(
            { login: Type.Optional(Type.String({ pattern: '^[a-z0-9._-]{3,40}$' })) },
            { additionalProperties: false },
          ),
        ),
        response: {
          201: Type.Object({
            accountId: Type.String(),
            login: Type.String(),
            oneTimePassword: Type.String(),
          }),
        },
      },
    },
    async (req, reply) => {
      const member = await findMember(ctx.db, req.params.id);
      const principal = principalOf(req);
      if (!member || member.erased || !can(principal, 'org.read', member.orgPath)) throw notFound();
      requirePermission(principal, 'account.manage', member.orgPath);
      const login = req.body?.login ?? member.phone ?? member.cardNumber?.toLowerCase() ?? member.id;
      const result = await mutate(ctx, actorOf(req), (uow) =>
        createAccount(uow, { login, memberId: member.id }),
      );
      return reply
        .status(201)
        .send({ accountId: result.id, login, oneTimePassword: result.oneTimePassword! });
    },
  );

  api.post(
    '/api/v1/accounts/:id/reset-password',
    {
      config: { access: 'account.manage' },
      schema: {
        tags,
        summary: 'Cấp lại mật khẩu dùng một lần',
        params: IdParams,
        response: { 200: Type.Object({ oneTimePassword: Type.String() }) },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const account = await ctx.db
        .selectFrom('accounts')
        .select(['id', 'member_id'])
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      const member = account?.member_id ? await findMember(ctx.db, account.member_id) : null;
      // Accounts without a member (administrators) are reset only from the command line.
      if (!account || !member || !can(principal, 'org.read', member.orgPath)) throw notFound();
      requirePermission(principal, 'account.manage', member.orgPath);
      const otp = await mutate(ctx, actorOf(req), (uow) => resetPassword(uow, account.id));
      return { oneTimePassword: otp };
    },
  );

  api.post(
    '/api/v1/accounts/:id/roles',
    {
      config: { access: 'role.grant' },
      schema: {
        tags,
        summary: 'Giao vai trò trên một tổ chức',
        params: IdParams,
        body: Type.Object(
          { role: Type.String({ maxLength: 40 }), orgId: Id },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ grantId: Type.String() }) },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      if (!isRole(req.body.role) || req.body.role === 'member') {
        throw new AppError('ROLE_UNKNOWN', {
          details: [{ message: `Vai trò hợp lệ: ${ROLES.filter((r) => r !== 'member').join(', ')}` }],
        });
      }
      const org = await loadVisibleOrg(ctx, req, req.body.orgId);
      requirePermission(principal, 'role.grant', org.path);
      const account = await ctx.db
        .selectFrom('accounts')
        .select('id')
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!account) throw notFound();
      const grantId = await mutate(ctx, actorOf(req), (uow) =>
        grantRole(uow, {
          accountId: account.id,
          orgId: org.id,
          orgPath: org.path,
          role: req.body.role,
          by: principal.accountId,
        }),
      );
      return reply.status(201).send({ grantId });
    },
  );

  api.delete(
    '/api/v1/role-grants/:id',
    { config: { access: 'role.grant' }, schema: { tags, summary: 'Thu hồi vai trò', params: IdParams } },
    async (req, reply) => {
      const principal = principalOf(req);
      const grant = await ctx.db
        .selectFrom('role_grants')
        .innerJoin('orgs', 'orgs.id', 'role_grants.org_id')
        .select(['role_grants.id', 'role_grants.account_id', 'role_grants.role', 'orgs.path'])
        .where('role_grants.id', '=', req.params.id)
        .executeTakeFirst();
      if (!grant || !can(principal, 'role.grant', grant.path)) throw notFound();
      await mutate(ctx, actorOf(req), async (uow) => {
        await uow.trx.deleteFrom('role_grants').where('id', '=', grant.id).execute();
        await uow.audit({
          action: 'role.revoke',
          entityType: 'account',
          entityId: grant.account_id,
          orgPath: grant.path,
          before: { role: grant.role },
        });
      });
      return reply.status(204).send();
    },
  );
}
