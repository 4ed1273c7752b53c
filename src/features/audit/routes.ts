import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../platform/http/types.ts';
import type { AppContext } from '../../platform/context.ts';
import { principalOf } from '../../platform/http/request.ts';
import { requirePermission, subtreeBounds } from '../../platform/permissions/check.ts';
import { IdParams } from '../orgs/schemas.ts';
import { loadVisibleOrg } from '../orgs/routes.ts';

const Nullable = (t: ReturnType<typeof Type.String>) => Type.Union([t, Type.Null()]);

export function auditRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/orgs/:id/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['Nhật ký'],
        summary: 'Nhật ký thay đổi trong tổ chức và các tổ chức trực thuộc',
        params: IdParams,
        querystring: Type.Object({
          before: Type.Optional(Type.Integer({ minimum: 1 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                seq: Type.Integer(),
                at: Type.String(),
                actorAccountId: Nullable(Type.String()),
                action: Type.String(),
                entityType: Type.String(),
                entityId: Type.String(),
                before: Type.Unknown(),
                after: Type.Unknown(),
                ip: Nullable(Type.String()),
              }),
            ),
            nextBefore: Type.Union([Type.Integer(), Type.Null()]),
          }),
        },
      },
    },
    async (req) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      requirePermission(principalOf(req), 'audit.read', org.path);
      const [lo, hi] = subtreeBounds(org.path);
      const limit = req.query.limit ?? 50;
      let q = ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('org_path', '>=', lo)
        .where('org_path', '<', hi);
      if (req.query.before) q = q.where('seq', '<', req.query.before);
      const rows = await q.orderBy('seq', 'desc').limit(limit).execute();
      const parse = (s: string | null) => (s === null ? null : (JSON.parse(s) as unknown));
      return {
        items: rows.map((r) => ({
          seq: Number(r.seq),
          at: r.at,
          actorAccountId: r.actor_account_id,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          before: parse(r.before),
          after: parse(r.after),
          ip: r.ip,
        })),
        nextBefore: rows.length === limit ? Number(rows[rows.length - 1]!.seq) : null,
      };
    },
  );
}
