import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../platform/http/types.ts';
import type { AppContext } from '../../platform/context.ts';
import { mutate } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import { can, requirePermission } from '../../platform/permissions/check.ts';
import {
  ancestorsOf,
  childCount,
  findOrg,
  listChildren,
  listOrgTypes,
  memberCountUnder,
  type Org,
} from './queries.ts';
import { closeOrg, createOrg, moveOrg, renameOrg } from './service.ts';
import {
  CreateOrgBody,
  CreateOrgTypeBody,
  IdParams,
  MoveOrgBody,
  OrgDetail,
  OrgSummary,
  OrgType,
  RenameOrgBody,
} from './schemas.ts';

const tags = ['Tổ chức'];

async function summary(ctx: AppContext, org: Org) {
  return {
    id: org.id,
    name: org.name,
    type: org.type,
    typeName: org.typeName,
    parentId: org.parentId,
    path: org.path,
    status: org.status,
    memberCount: await memberCountUnder(ctx.db, org.path),
    childCount: await childCount(ctx.db, org.id),
  };
}

/** Loads an organisation the principal may see with `org.read`; a foreign one is reported as not found. */
export async function loadVisibleOrg(ctx: AppContext, req: Parameters<typeof principalOf>[0], id: string) {
  const org = await findOrg(ctx.db, id);
  if (!org || !can(principalOf(req), 'org.read', org.path)) throw notFound();
  return org;
}

export function orgRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/orgs/:id',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Xem một tổ chức', params: IdParams, response: { 200: OrgDetail } },
    },
    async (req) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      // Breadcrumbs show only the ancestors inside the viewer's own subtrees.
      const principal = principalOf(req);
      const ancestors = (await ancestorsOf(ctx.db, org)).filter((a) => {
        const aPath = org.path.slice(0, org.path.indexOf(`/${a.id}/`) + a.id.length + 2);
        return can(principal, 'org.read', aPath);
      });
      return { ...(await summary(ctx, org)), ancestors };
    },
  );

  api.get(
    '/api/v1/orgs/:id/children',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Các tổ chức trực thuộc',
        params: IdParams,
        querystring: Type.Object({ includeClosed: Type.Optional(Type.Boolean()) }),
        response: { 200: Type.Object({ items: Type.Array(OrgSummary) }) },
      },
    },
    async (req) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      const children = await listChildren(ctx.db, org.id, req.query.includeClosed ?? false);
      return { items: await Promise.all(children.map((c) => summary(ctx, c))) };
    },
  );

  api.post(
    '/api/v1/orgs',
    {
      config: { access: 'org.manage' },
      schema: { tags, summary: 'Thành lập tổ chức', body: CreateOrgBody, response: { 201: OrgSummary } },
    },
    async (req, reply) => {
      const parent = await loadVisibleOrg(ctx, req, req.body.parentId);
      requirePermission(principalOf(req), 'org.manage', parent.path);
      const org = await mutate(ctx, actorOf(req), (uow) =>
        createOrg(uow, { parentId: parent.id, name: req.body.name, type: req.body.type }),
      );
      return reply.status(201).send(await summary(ctx, org));
    },
  );

  api.patch(
    '/api/v1/orgs/:id',
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: 'Đổi tên tổ chức',
        params: IdParams,
        body: RenameOrgBody,
        response: { 200: OrgSummary },
      },
    },
    async (req) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      requirePermission(principalOf(req), 'org.manage', org.path);
      const after = await mutate(ctx, actorOf(req), (uow) => renameOrg(uow, org, req.body.name));
      return summary(ctx, after);
    },
  );

  api.post(
    '/api/v1/orgs/:id/move',
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: 'Chuyển tổ chức',
        params: IdParams,
        body: MoveOrgBody,
        response: { 200: OrgSummary },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      const target = await loadVisibleOrg(ctx, req, req.body.newParentId);
      // Both the old and the new place must be within the actor's management scope.
      const oldParent = org.parentId ? await findOrg(ctx.db, org.parentId) : null;
      if (!oldParent) throw new AppError('ORG_ROOT_IMMOVABLE');
      requirePermission(principal, 'org.manage', oldParent.path);
      requirePermission(principal, 'org.manage', target.path);
      const after = await mutate(ctx, actorOf(req), (uow) => moveOrg(uow, org, target));
      return summary(ctx, after);
    },
  );

  api.post(
    '/api/v1/orgs/:id/close',
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: 'Giải thể tổ chức (giữ lịch sử)',
        params: IdParams,
        response: { 200: OrgSummary },
      },
    },
    async (req) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      requirePermission(principalOf(req), 'org.manage', org.path);
      if (!org.parentId) throw new AppError('ORG_ROOT_IMMOVABLE');
      const after = await mutate(ctx, actorOf(req), (uow) => closeOrg(uow, org));
      return summary(ctx, after);
    },
  );

  api.get(
    '/api/v1/org-types',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Các loại tổ chức',
        response: { 200: Type.Object({ items: Type.Array(OrgType) }) },
      },
    },
    async () => {
      const rows = await listOrgTypes(ctx.db);
      return {
        items: rows.map((r) => ({
          code: r.code,
          nameVi: r.name_vi,
          nameEn: r.name_en,
          rank: r.rank,
          holdsMembers: r.holds_members === 1,
          parentTypes: JSON.parse(r.parent_types) as string[],
        })),
      };
    },
  );

  api.post(
    '/api/v1/org-types',
    {
      config: { access: 'org.manage' },
      schema: { tags, summary: 'Thêm loại tổ chức', body: CreateOrgTypeBody, response: { 201: OrgType } },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      // Types are shared by the whole installation: only an administrator of a root may add one.
      const isRootAdmin = principal.grants.some(
        (g) => g.role === 'admin' && g.orgPath.split('/').length === 3,
      );
      if (!isRootAdmin) throw new AppError('FORBIDDEN');
      const b = req.body;
      await mutate(ctx, actorOf(req), async (uow) => {
        const exists = await uow.trx
          .selectFrom('org_types')
          .select('code')
          .where('code', '=', b.code)
          .executeTakeFirst();
        if (exists) throw new AppError('ORG_TYPE_EXISTS');
        await uow.trx
          .insertInto('org_types')
          .values({
            code: b.code,
            name_vi: b.nameVi.normalize('NFC'),
            name_en: b.nameEn,
            rank: b.rank,
            holds_members: b.holdsMembers ? 1 : 0,
            parent_types: JSON.stringify(b.parentTypes),
            rules: '{}',
          })
          .execute();
        await uow.audit({
          action: 'org_type.create',
          entityType: 'org_type',
          entityId: b.code,
          orgPath: null,
          after: b,
        });
      });
      return reply.status(201).send(b);
    },
  );
}
