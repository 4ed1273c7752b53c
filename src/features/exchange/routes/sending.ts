import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../../platform/http/types.ts';
import { mutate, type AppContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { actorOf, principalOf } from '../../../platform/http/request.ts';
import { requirePermission } from '../../../platform/permissions/check.ts';
import { IdParams } from '../../orgs/schemas.ts';
import { findOrg, findOrgs } from '../../orgs/queries.ts';
import { loadVisibleOrg } from '../../orgs/routes.ts';
import { insideSql } from '../../documents/audience.ts';
import { loadReadableDocument } from '../../documents/routes.ts';
import { recipientOrgs } from '../queries.ts';
import { sendMessage, type Recipient } from '../service.ts';
import { tags, Nullable, SendBody, MessageView, checkDeadline, present, titleOf } from './shared.ts';

/** Sending a letter: a committee to members or lower organisations (with recipient search), a member to their committee. */
export function sendingRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/v1/exchange',
    {
      config: { access: 'content.publish' },
      schema: {
        tags,
        summary: 'Cấp ủy gửi văn bản cho đảng viên hoặc tổ chức trực thuộc',
        body: SendBody,
        response: { 201: MessageView },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const b = req.body;
      const from = await loadVisibleOrg(ctx, req, b.fromOrgId);
      requirePermission(principal, 'content.publish', from.path);
      const ackDeadline = checkDeadline(b.ackDeadline);
      const recipients: Recipient[] = [];
      const orgs = b.orgIds?.length ? await findOrgs(ctx.db, [...new Set(b.orgIds)]) : [];
      if (orgs.length !== new Set(b.orgIds ?? []).size) throw notFound();
      for (const o of orgs) {
        if (o.id === from.id || !o.path.startsWith(from.path) || o.status !== 'active')
          throw new AppError('EXCHANGE_RECIPIENT_OUTSIDE');
        recipients.push({ memberId: null, orgId: o.id, orgPath: o.path, name: o.name });
      }
      const memberIds = new Set(b.memberIds ?? []);
      const groups = b.allMembersOf?.length ? await findOrgs(ctx.db, [...new Set(b.allMembersOf)]) : [];
      for (const g of groups)
        if (!g.path.startsWith(from.path)) throw new AppError('EXCHANGE_RECIPIENT_OUTSIDE');
      if (groups.length) {
        const all = await ctx.db
          .selectFrom('members')
          .select('id')
          .where('erased_at', 'is', null)
          .where(
            insideSql(
              'org_path',
              groups.map((g) => g.path),
            ),
          )
          .limit(5000)
          .execute();
        for (const r of all) memberIds.add(r.id);
      }
      if (memberIds.size) {
        const members = await ctx.db
          .selectFrom('members')
          .select(['id', 'full_name', 'org_path'])
          .where('id', 'in', [...memberIds])
          .where('erased_at', 'is', null)
          .execute();
        if (members.length !== memberIds.size) throw new AppError('EXCHANGE_RECIPIENT_OUTSIDE');
        for (const mem of members) {
          if (!mem.org_path.startsWith(from.path)) throw new AppError('EXCHANGE_RECIPIENT_OUTSIDE');
          recipients.push({ memberId: mem.id, orgId: null, orgPath: mem.org_path, name: mem.full_name });
        }
      }
      if (b.documentId) await loadReadableDocument(ctx, principal, b.documentId);
      const id = await mutate(ctx, actorOf(req), (uow) =>
        sendMessage(uow, {
          direction: 'down',
          title: titleOf(b.title),
          body: (b.body ?? '').trim(),
          documentId: b.documentId ?? null,
          senderOrg: from,
          senderOrgPath: from.path,
          senderAccountId: principal.accountId,
          senderMemberId: principal.memberId,
          senderName: from.name,
          ackDeadline,
          recipients,
        }),
      );
      return reply.status(201).send(await present(ctx, principal, id));
    },
  );

  api.get(
    '/api/v1/orgs/:id/exchange-recipients',
    {
      config: { access: 'content.publish' },
      schema: {
        tags,
        summary:
          'Tổ chức trực thuộc có thể nhận văn bản: cấp dưới trực tiếp, hoặc tìm theo tên trong cả cây tổ chức',
        params: IdParams,
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                name: Type.String(),
                typeName: Type.String(),
                parentName: Nullable(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const from = await loadVisibleOrg(ctx, req, req.params.id);
      requirePermission(principalOf(req), 'content.publish', from.path);
      return { items: await recipientOrgs(ctx.db, from, { q: req.query.q, limit: 50 }) };
    },
  );

  api.post(
    '/api/v1/exchange/to-committee',
    {
      config: { access: 'content.read' },
      schema: {
        tags,
        summary: 'Đảng viên gửi văn bản lên cấp ủy chi bộ',
        body: Type.Object(
          {
            title: Type.String({ minLength: 1, maxLength: 300 }),
            body: Type.Optional(Type.String({ maxLength: 20_000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: MessageView },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      if (!principal.memberId) throw new AppError('EXCHANGE_NOT_MEMBER');
      const member = await ctx.db
        .selectFrom('members')
        .select(['id', 'full_name', 'org_id', 'org_path'])
        .where('id', '=', principal.memberId)
        .executeTakeFirst();
      if (!member) throw new AppError('EXCHANGE_NOT_MEMBER');
      const branch = (await findOrg(ctx.db, member.org_id))!;
      const id = await mutate(ctx, actorOf(req), (uow) =>
        sendMessage(uow, {
          direction: 'up',
          title: titleOf(req.body.title),
          body: (req.body.body ?? '').trim(),
          documentId: null,
          senderOrg: null,
          senderOrgPath: member.org_path,
          senderAccountId: principal.accountId,
          senderMemberId: member.id,
          senderName: member.full_name,
          ackDeadline: null,
          recipients: [{ memberId: null, orgId: branch.id, orgPath: branch.path, name: branch.name }],
        }),
      );
      return reply.status(201).send(await present(ctx, principal, id));
    },
  );
}
