import { Type } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { Api } from '../../../platform/http/types.ts';
import { mutate, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { actorOf, principalOf } from '../../../platform/http/request.ts';
import { IdParams } from '../../orgs/schemas.ts';
import { filesOf } from '../queries.ts';
import { acknowledge, markOpened, remind } from '../service.ts';
import { tags, BoxItem, MessageView, loadMessage, present, senderOnly, officeOrgIds } from './shared.ts';

/** Inbox and outbox, reading a letter, acknowledging it, reminding those who have not. */
export function boxRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/exchange/inbox',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Văn bản đến (của mình và của cấp ủy mình tham gia)',
        response: { 200: Type.Object({ items: Type.Array(BoxItem) }) },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const offices = officeOrgIds(principal);
      const rows = await ctx.db
        .selectFrom('exchange_recipients as r')
        .innerJoin('exchange_messages as m', 'm.id', 'r.message_id')
        .select([
          'm.id',
          'm.direction',
          'm.title',
          'm.sender_name',
          'm.created_at',
          'm.ack_deadline',
          'r.opened_at',
          'r.acknowledged_at',
        ])
        .where((eb) =>
          eb.or([
            ...(principal.memberId ? [eb('r.member_id', '=', principal.memberId)] : []),
            ...(offices.length ? [eb('r.org_id', 'in', offices)] : []),
            sql<boolean>`1 = 0`,
          ]),
        )
        .orderBy('r.received_at', 'desc')
        .limit(100)
        .execute();
      // A member who is also on the receiving committee gets one line per message, not one per receipt.
      const seen = new Set<string>();
      const unique = rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
      const files = await filesOf(
        ctx.db,
        unique.map((r) => r.id),
      );
      return {
        items: unique.map((r) => ({
          id: r.id,
          direction: r.direction,
          title: r.title,
          senderName: r.sender_name,
          createdAt: r.created_at,
          ackDeadline: r.ack_deadline,
          openedAt: r.opened_at,
          acknowledgedAt: r.acknowledged_at,
          files: files.get(r.id) ?? [],
        })),
      };
    },
  );

  api.get(
    '/api/v1/exchange/outbox',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Văn bản đi, với số người đã mở và đã xác nhận',
        response: { 200: Type.Object({ items: Type.Array(BoxItem) }) },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const offices = officeOrgIds(principal);
      const rows = await ctx.db
        .selectFrom('exchange_messages as m')
        .select((eb) => [
          'm.id',
          'm.direction',
          'm.title',
          'm.sender_name',
          'm.created_at',
          'm.ack_deadline',
          eb
            .selectFrom('exchange_recipients as r')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('r.message_id', '=', 'm.id')
            .as('recipients'),
          eb
            .selectFrom('exchange_recipients as r')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('r.message_id', '=', 'm.id')
            .where('r.opened_at', 'is not', null)
            .as('opened'),
          eb
            .selectFrom('exchange_recipients as r')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('r.message_id', '=', 'm.id')
            .where('r.acknowledged_at', 'is not', null)
            .as('acknowledged'),
        ])
        .where((eb) =>
          eb.or([
            eb('m.sender_account_id', '=', principal.accountId),
            ...(offices.length ? [eb('m.sender_org_id', 'in', offices)] : []),
          ]),
        )
        .orderBy('m.created_at', 'desc')
        .limit(100)
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          direction: r.direction,
          title: r.title,
          senderName: r.sender_name,
          createdAt: r.created_at,
          ackDeadline: r.ack_deadline,
          recipients: Number(r.recipients),
          opened: Number(r.opened),
          acknowledged: Number(r.acknowledged),
        })),
      };
    },
  );

  api.get(
    '/api/v1/exchange/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Xem văn bản đi/đến (người nhận mở lần đầu được ghi nhận)',
        params: IdParams,
        response: { 200: MessageView },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const { mineRows } = await loadMessage(ctx, principal, req.params.id);
      const unopened = mineRows.filter((r) => r.opened_at === null).map((r) => r.id);
      if (unopened.length) await mutate(ctx, actorOf(req), (uow) => markOpened(uow, unopened));
      return present(ctx, principal, req.params.id);
    },
  );

  api.post(
    '/api/v1/exchange/:id/ack',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Xác nhận đã nhận văn bản', params: IdParams, response: { 200: MessageView } },
    },
    async (req) => {
      const principal = principalOf(req);
      const { m, mineRows } = await loadMessage(ctx, principal, req.params.id);
      if (mineRows.length === 0) throw new AppError('FORBIDDEN');
      await mutate(ctx, actorOf(req), (uow) =>
        acknowledge(
          uow,
          mineRows.map((r) => r.id),
          principal.accountId,
          m.sender_org_path,
        ),
      );
      return present(ctx, principal, m.id);
    },
  );

  api.post(
    '/api/v1/exchange/:id/remind',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Nhắc những người nhận chưa xác nhận',
        params: IdParams,
        response: { 200: Type.Object({ reminded: Type.Integer() }) },
      },
    },
    async (req) => {
      const m = await senderOnly(ctx, req, req.params.id);
      const reminded = await mutate(ctx, actorOf(req), (uow) =>
        remind(uow, m.id, m.title, m.sender_org_path),
      );
      return { reminded };
    },
  );
}
