import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../platform/http/types.ts';
import { mutate, type AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import { can, requirePermission } from '../../platform/permissions/check.ts';
import { ROLES, isRole } from '../../platform/permissions/roles.ts';
import { Id, IdParams } from '../orgs/schemas.ts';
import { loadVisibleOrg } from '../orgs/routes.ts';
import { findMember } from '../members/queries.ts';
import { createAccount, grantRole, resetPassword } from './service.ts';

const tags = ['Tài khoản'];

/** Account administration by secretaries and administrators, scoped to the member's or organisation's subtree. */
export function accountAdminRoutes(api: Api, ctx: AppContext): void {
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
