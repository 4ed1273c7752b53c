import type { Api } from '../../../platform/http/types.ts';
import { mutate, type AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { actorOf, principalOf } from '../../../platform/http/request.ts';
import { can, requirePermission } from '../../../platform/permissions/check.ts';
import { IdParams } from '../../orgs/schemas.ts';
import { loadVisibleOrg } from '../../orgs/routes.ts';
import * as S from '../schemas.ts';
import { createTemplate, effectiveTemplates, updateTemplate } from '../service.ts';
import { tags } from './shared.ts';

/** Meeting templates: defaults, editing, publishing down the tree. */
export function templateRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/orgs/:id/meeting-templates',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Quy trình sinh hoạt dùng được cho tổ chức', params: IdParams },
    },
    async (req) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      return { items: await effectiveTemplates(ctx.db, org) };
    },
  );

  api.post(
    '/api/v1/orgs/:id/meeting-templates',
    {
      config: { access: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Tạo quy trình sinh hoạt (có thể ban hành cho cấp dưới)',
        params: IdParams,
        body: S.TemplateBody,
      },
    },
    async (req, reply) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      requirePermission(principalOf(req), 'meeting.manage', org.path);
      const b = req.body;
      const id = await mutate(ctx, actorOf(req), (uow) =>
        createTemplate(uow, org, { ...b, published: b.published === true }),
      );
      return reply.status(201).send({ id });
    },
  );

  api.put(
    '/api/v1/meeting-templates/:id',
    {
      config: { access: 'meeting.manage' },
      schema: { tags, summary: 'Sửa quy trình sinh hoạt', params: IdParams, body: S.TemplateBody },
    },
    async (req) => {
      const row = await ctx.db
        .selectFrom('meeting_templates')
        .selectAll()
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      const p = principalOf(req);
      if (!row || !can(p, 'org.read', row.org_path)) throw notFound();
      requirePermission(p, 'meeting.manage', row.org_path);
      await mutate(ctx, actorOf(req), (uow) =>
        updateTemplate(uow, row, { ...req.body, published: req.body.published === true }),
      );
      return { id: row.id };
    },
  );
}
