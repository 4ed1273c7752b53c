import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../platform/http/types.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { principalOf } from '../../platform/http/request.ts';
import { IdParams, Id } from '../orgs/schemas.ts';
import { EVENT_KINDS, EVENT_KIND_NAMES_VI } from './events.ts';
import {
  listInbox,
  loadPrefs,
  markAllRead,
  markRead,
  removeSubscription,
  saveSubscription,
  savePrefs,
  unreadCount,
} from './inbox.ts';
import { vapidKeys } from './vapid.ts';
import './errors.ts';

const tags = ['Thông báo'];
const Switches = Type.Object({ push: Type.Boolean(), email: Type.Boolean(), zalo: Type.Boolean() });
const HHMM = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
const Prefs = Type.Object({
  channels: Switches,
  events: Type.Object(Object.fromEntries(EVENT_KINDS.map((k) => [k, Switches]))),
  email: Type.Union([Type.String({ maxLength: 254 }), Type.Null()]),
  zaloUserId: Type.Union([Type.String({ maxLength: 64 }), Type.Null()]),
  quietHours: Type.Union([Type.Object({ start: HHMM, end: HHMM }), Type.Null()]),
  digest: Type.Object({ enabled: Type.Boolean(), hour: Type.Integer({ minimum: 0, maximum: 23 }) }),
});
const PrefsChange = Type.Object(
  {
    channels: Type.Optional(Type.Partial(Switches)),
    events: Type.Optional(
      Type.Object(Object.fromEntries(EVENT_KINDS.map((k) => [k, Type.Optional(Type.Partial(Switches))]))),
    ),
    email: Type.Optional(Type.Union([Type.String({ maxLength: 254 }), Type.Null()])),
    zaloUserId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    quietHours: Type.Optional(Type.Union([Type.Object({ start: HHMM, end: HHMM }), Type.Null()])),
    digest: Type.Optional(
      Type.Partial(Type.Object({ enabled: Type.Boolean(), hour: Type.Integer({ minimum: 0, maximum: 23 }) })),
    ),
  },
  { additionalProperties: false },
);
const Item = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  topic: Type.String(),
  title: Type.String(),
  body: Type.String(),
  url: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  readAt: Type.Union([Type.String(), Type.Null()]),
});
const SubscriptionBody = Type.Object({
  endpoint: Type.String({ minLength: 10, maxLength: 2000 }),
  keys: Type.Object({ p256dh: Type.String({ maxLength: 200 }), auth: Type.String({ maxLength: 100 }) }),
});

/** Inbox, preferences and push subscriptions: each account sees and changes only its own. */
export function notificationRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Hộp thông báo của tôi (mới nhất trước)',
        querystring: Type.Object({
          before: Type.Optional(Id),
          unread: Type.Optional(Type.Boolean()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Item),
            nextBefore: Type.Union([Type.String(), Type.Null()]),
            unread: Type.Integer(),
          }),
        },
      },
    },
    async (req) => {
      const me = principalOf(req).accountId;
      const page = await listInbox(ctx.db, me, {
        limit: req.query.limit ?? 30,
        before: req.query.before,
        unread: req.query.unread,
      });
      return { ...page, unread: await unreadCount(ctx.db, me) };
    },
  );

  api.get(
    '/api/v1/notifications/unread-count',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Số thông báo chưa đọc',
        response: { 200: Type.Object({ unread: Type.Integer() }) },
      },
    },
    async (req) => ({ unread: await unreadCount(ctx.db, principalOf(req).accountId) }),
  );

  api.post(
    '/api/v1/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Đánh dấu đã đọc',
        params: IdParams,
        response: { 200: Type.Object({ unread: Type.Integer() }) },
      },
    },
    async (req) => {
      const me = principalOf(req).accountId;
      await markRead(ctx.db, me, req.params.id);
      return { unread: await unreadCount(ctx.db, me) };
    },
  );

  api.post(
    '/api/v1/notifications/read-all',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Đánh dấu tất cả đã đọc',
        response: { 200: Type.Object({ marked: Type.Integer() }) },
      },
    },
    async (req) => ({ marked: await markAllRead(ctx.db, principalOf(req).accountId) }),
  );

  api.get(
    '/api/v1/notifications/preferences',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Cài đặt nhận thông báo',
        response: {
          200: Type.Object({
            preferences: Prefs,
            eventKinds: Type.Array(Type.Object({ kind: Type.String(), name: Type.String() })),
            channels: Type.Object({ email: Type.Boolean(), zalo: Type.Boolean() }),
          }),
        },
      },
    },
    async (req) => ({
      preferences: await loadPrefs(ctx.db, principalOf(req).accountId),
      eventKinds: EVENT_KINDS.map((kind) => ({ kind, name: EVENT_KIND_NAMES_VI[kind] })),
      // Whether the server can send on these channels at all (configured by the administrator).
      channels: {
        email: Boolean(process.env.SOTAY_SMTP_URL),
        zalo: Boolean(process.env.SOTAY_ZALO_OA_TOKEN),
      },
    }),
  );

  api.put(
    '/api/v1/notifications/preferences',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Lưu cài đặt nhận thông báo', body: PrefsChange, response: { 200: Prefs } },
    },
    async (req) => {
      const email = req.body.email;
      if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
        throw new AppError('NOTIFICATION_EMAIL_INVALID');
      return savePrefs(ctx.db, principalOf(req).accountId, req.body as never);
    },
  );

  api.get(
    '/api/v1/notifications/push/public-key',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Khoá công khai VAPID để trình duyệt đăng ký nhận thông báo',
        response: { 200: Type.Object({ publicKey: Type.String() }) },
      },
    },
    async () => ({ publicKey: (await vapidKeys(ctx.db)).publicKey }),
  );

  api.post(
    '/api/v1/notifications/push/subscriptions',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Nhận thông báo trên thiết bị này', body: SubscriptionBody },
    },
    async (req, reply) => {
      const { endpoint, keys } = req.body;
      if (
        !/^https:\/\//.test(endpoint) ||
        !/^[\w-]{40,}$/.test(keys.p256dh) ||
        !/^[\w-]{10,}$/.test(keys.auth)
      )
        throw new AppError('PUSH_SUBSCRIPTION_INVALID');
      await saveSubscription(ctx.db, principalOf(req).accountId, {
        endpoint,
        p256dh: keys.p256dh,
        auth: keys.auth,
      });
      return reply.status(204).send();
    },
  );

  api.post(
    '/api/v1/notifications/push/unsubscribe',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Thôi nhận thông báo trên thiết bị này',
        body: Type.Object({ endpoint: Type.String({ maxLength: 2000 }) }),
      },
    },
    async (req, reply) => {
      await removeSubscription(ctx.db, principalOf(req).accountId, req.body.endpoint);
      return reply.status(204).send();
    },
  );
}
