import { createHash, randomBytes } from 'node:crypto';
import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../platform/http/types.ts';
import { mutate, type AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { nowIso } from '../../platform/db/database.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import { buildCalendar } from './ical.ts';
import { memberCalendar } from './queries.ts';

const tags = ['Lịch cá nhân'];
const hash = (token: string) => createHash('sha256').update(token).digest('hex');

const Item = Type.Object({
  kind: Type.String(),
  id: Type.String(),
  title: Type.String(),
  at: Type.String(),
  place: Type.Union([Type.String(), Type.Null()]),
  url: Type.String(),
});

export function calendarRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/calendar/mine',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Lịch của tôi: cuộc họp, hạn nhiệm vụ, hạn xác nhận văn bản',
        response: {
          200: Type.Object({
            items: Type.Array(Item),
            hasFeed: Type.Boolean(),
            /** When the current private link was made; the link itself is shown only once, when made. */
            feedCreatedAt: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const feed = await ctx.db
        .selectFrom('calendar_feeds')
        .select(['account_id', 'created_at'])
        .where('account_id', '=', p.accountId)
        .executeTakeFirst();
      return {
        items: p.memberId ? await memberCalendar(ctx.db, p.memberId) : [],
        hasFeed: feed !== undefined,
        feedCreatedAt: feed?.created_at ?? null,
      };
    },
  );

  api.post(
    '/api/v1/calendar/feed',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Tạo (hoặc tạo lại) đường dẫn lịch riêng cho điện thoại; đường dẫn cũ hết hiệu lực',
        response: { 200: Type.Object({ path: Type.String() }) },
      },
    },
    async (req) => {
      const p = principalOf(req);
      const token = randomBytes(24).toString('base64url');
      await mutate(ctx, actorOf(req), async (uow) => {
        await uow.trx.deleteFrom('calendar_feeds').where('account_id', '=', p.accountId).execute();
        await uow.trx
          .insertInto('calendar_feeds')
          .values({ account_id: p.accountId, token_hash: hash(token), created_at: nowIso() })
          .execute();
        await uow.audit({
          action: 'calendar.feed_issue',
          entityType: 'account',
          entityId: p.accountId,
          orgPath: null,
        });
      });
      return { path: `/calendar/feed/${token}` };
    },
  );

  api.delete(
    '/api/v1/calendar/feed',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Thu hồi đường dẫn lịch riêng' },
    },
    async (req, reply) => {
      const p = principalOf(req);
      await mutate(ctx, actorOf(req), async (uow) => {
        await uow.trx.deleteFrom('calendar_feeds').where('account_id', '=', p.accountId).execute();
        await uow.audit({
          action: 'calendar.feed_revoke',
          entityType: 'account',
          entityId: p.accountId,
          orgPath: null,
        });
      });
      return reply.status(204).send();
    },
  );

  // Phone calendars cannot sign in: the unguessable token in the path is the credential.
  api.get(
    '/calendar/feed/:token',
    {
      config: { access: 'public' },
      schema: { hide: true, params: Type.Object({ token: Type.String({ minLength: 20, maxLength: 64 }) }) },
    },
    async (req, reply) => {
      const feed = await ctx.db
        .selectFrom('calendar_feeds')
        .innerJoin('accounts', 'accounts.id', 'calendar_feeds.account_id')
        .select(['accounts.member_id', 'accounts.disabled_at'])
        .where('calendar_feeds.token_hash', '=', hash(req.params.token))
        .executeTakeFirst();
      if (!feed || feed.disabled_at || !feed.member_id) throw notFound();
      const items = await memberCalendar(ctx.db, feed.member_id);
      const base = (process.env.SOTAY_PUBLIC_URL ?? '').replace(/\/$/, '');
      const ics = buildCalendar(
        'Sổ tay Đảng viên',
        items.map((i) => ({
          uid: `${i.kind}-${i.id}@sotay`,
          start: i.at,
          ...(i.kind === 'meeting' ? { end: new Date(Date.parse(i.at) + 2 * 3600_000).toISOString() } : {}),
          summary: i.title,
          ...(i.place ? { location: i.place } : {}),
          url: `${base}${i.url}`,
        })),
      );
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=900')
        .send(ics);
    },
  );
}
