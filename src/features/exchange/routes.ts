import { Type, type TSchema } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { Api } from '../../platform/http/types.ts';
import { mutate, type AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import { requirePermission, type Principal } from '../../platform/permissions/check.ts';
import { ROLE_PERMISSIONS } from '../../platform/permissions/roles.ts';
import { OFFICE_KINDS, saveUpload, sendStoredFile } from '../../platform/files/index.ts';
import { IdParams } from '../orgs/schemas.ts';
import { findOrg, findOrgs } from '../orgs/queries.ts';
import { loadVisibleOrg } from '../orgs/routes.ts';
import { insideSql } from '../documents/audience.ts';
import { fileStoreOf } from '../documents/file-store.ts';
import { loadReadableDocument } from '../documents/routes.ts';
import { filesOf, recipientOrgs } from './queries.ts';
import {
  acknowledge,
  attachExchangeFile,
  markOpened,
  remind,
  sendMessage,
  type Recipient,
} from './service.ts';

const tags = ['Văn bản đi/đến'];
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const FileParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  fileId: Type.String({ maxLength: 64 }),
});

/** Organisations whose inbox and outbox the principal keeps: those where they hold a committee role. */
export function officeOrgIds(principal: Principal): string[] {
  return principal.grants
    .filter((g) => !g.implicit && ROLE_PERMISSIONS[g.role].has('content.publish'))
    .map((g) => g.orgId);
}

const SendBody = Type.Object(
  {
    fromOrgId: Type.String({ maxLength: 64 }),
    title: Type.String({ minLength: 1, maxLength: 300 }),
    body: Type.Optional(Type.String({ maxLength: 20_000 })),
    documentId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
    memberIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 2000 })),
    /** Every active member under these organisations. */
    allMembersOf: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 })),
    orgIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 500 })),
    ackDeadline: Type.Optional(Nullable(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }))),
  },
  { additionalProperties: false },
);

const FileView = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  url: Type.String(),
});

/** A calendar date that exists and is not already past (UTC day), or the body is refused. */
function checkDeadline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const d = new Date(`${raw}T00:00:00Z`);
  if (!Number.isFinite(d.getTime()) || d.toISOString().slice(0, 10) !== raw)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'body/ackDeadline', message: 'Ngày hạn xác nhận không có thật.' }],
    });
  if (raw < new Date().toISOString().slice(0, 10)) throw new AppError('EXCHANGE_DEADLINE_PAST');
  return raw;
}

/** The title without surrounding spaces; one made only of spaces is refused like an empty one. */
export function titleOf(raw: string): string {
  const title = raw.trim();
  if (!title)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'body/title', message: 'Tiêu đề không được để trống.' }],
    });
  return title;
}

const BoxItem = Type.Object({
  id: Type.String(),
  direction: Type.String(),
  title: Type.String(),
  senderName: Type.String(),
  createdAt: Type.String(),
  ackDeadline: Nullable(Type.String()),
  openedAt: Type.Optional(Nullable(Type.String())),
  acknowledgedAt: Type.Optional(Nullable(Type.String())),
  recipients: Type.Optional(Type.Integer()),
  acknowledged: Type.Optional(Type.Integer()),
  opened: Type.Optional(Type.Integer()),
  /** Attached files, in the inbox. */
  files: Type.Optional(Type.Array(FileView)),
});

const MessageView = Type.Object({
  id: Type.String(),
  direction: Type.String(),
  title: Type.String(),
  body: Type.String(),
  senderName: Type.String(),
  createdAt: Type.String(),
  ackDeadline: Nullable(Type.String()),
  document: Nullable(Type.Object({ id: Type.String(), title: Type.String() })),
  files: Type.Array(FileView),
  /** The caller's own receipt when they are a recipient. */
  mine: Nullable(Type.Object({ openedAt: Nullable(Type.String()), acknowledgedAt: Nullable(Type.String()) })),
  isSender: Type.Boolean(),
  /** Per-recipient status, for the sender only. */
  recipients: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      kind: Type.String(),
      receivedAt: Type.String(),
      openedAt: Nullable(Type.String()),
      acknowledgedAt: Nullable(Type.String()),
      remindedAt: Nullable(Type.String()),
      reminders: Type.Integer(),
    }),
  ),
});

async function loadMessage(ctx: AppContext, principal: Principal, id: string) {
  const m = await ctx.db.selectFrom('exchange_messages').selectAll().where('id', '=', id).executeTakeFirst();
  if (!m) throw notFound();
  const offices = officeOrgIds(principal);
  const isSender =
    m.sender_account_id === principal.accountId ||
    (m.sender_org_id !== null && offices.includes(m.sender_org_id));
  const mineRows = await ctx.db
    .selectFrom('exchange_recipients')
    .select(['id', 'opened_at', 'acknowledged_at'])
    .where('message_id', '=', id)
    .where((eb) =>
      eb.or([
        ...(principal.memberId ? [eb('member_id', '=', principal.memberId)] : []),
        ...(offices.length ? [eb('org_id', 'in', offices)] : []),
        sql<boolean>`1 = 0`,
      ]),
    )
    .execute();
  if (!isSender && mineRows.length === 0) throw notFound();
  return { m, isSender, mineRows };
}

async function present(ctx: AppContext, principal: Principal, id: string) {
  const { m, isSender, mineRows } = await loadMessage(ctx, principal, id);
  const files = (await filesOf(ctx.db, [id])).get(id) ?? [];
  const recipients = isSender
    ? await ctx.db
        .selectFrom('exchange_recipients')
        .selectAll()
        .where('message_id', '=', id)
        .orderBy('name')
        .execute()
    : [];
  let document: { id: string; title: string } | null = null;
  if (m.document_id) {
    const d = await ctx.db
      .selectFrom('documents')
      .select(['id', 'title'])
      .where('id', '=', m.document_id)
      .executeTakeFirst();
    document = d ?? null;
  }
  const mine = mineRows[0];
  return {
    id: m.id,
    direction: m.direction,
    title: m.title,
    body: m.body,
    senderName: m.sender_name,
    createdAt: m.created_at,
    ackDeadline: m.ack_deadline,
    document,
    files,
    mine: mine ? { openedAt: mine.opened_at, acknowledgedAt: mine.acknowledged_at } : null,
    isSender,
    recipients: recipients.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.member_id ? 'member' : 'org',
      receivedAt: r.received_at,
      openedAt: r.opened_at,
      acknowledgedAt: r.acknowledged_at,
      remindedAt: r.reminded_at,
      reminders: Number(r.reminders),
    })),
  };
}

async function senderOnly(ctx: AppContext, req: FastifyRequest, id: string) {
  const loaded = await loadMessage(ctx, principalOf(req), id);
  if (!loaded.isSender) throw new AppError('FORBIDDEN');
  return loaded.m;
}

export function exchangeRoutes(api: Api, ctx: AppContext): void {
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

  api.post(
    '/api/v1/exchange/:id/files',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Đính kèm tệp vào văn bản đi',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: Type.Object({ id: Type.String(), fileName: Type.String(), url: Type.String() }) },
      },
    },
    async (req, reply) => {
      const m = await senderOnly(ctx, req, req.params.id);
      if (!req.isMultipart()) throw new AppError('UPLOAD_REQUIRED');
      const file = await req.file();
      if (!file) throw new AppError('UPLOAD_REQUIRED');
      const saved = await saveUpload(fileStoreOf(ctx), {
        bytes: new Uint8Array(await file.toBuffer()),
        name: file.filename,
        allowed: OFFICE_KINDS,
        maxBytes: ctx.config.maxUploadBytes,
      });
      const id = await mutate(ctx, actorOf(req), (uow) => attachExchangeFile(uow, m.id, saved));
      return reply
        .status(201)
        .send({ id, fileName: saved.fileName, url: `/api/v1/exchange/${m.id}/files/${id}` });
    },
  );

  api.get(
    '/api/v1/exchange/:id/files/:fileId',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Tải tệp đính kèm', params: FileParams },
    },
    async (req, reply) => {
      const { m } = await loadMessage(ctx, principalOf(req), req.params.id);
      const row = await ctx.db
        .selectFrom('exchange_files')
        .selectAll()
        .where('id', '=', req.params.fileId)
        .where('message_id', '=', m.id)
        .executeTakeFirst();
      if (!row) throw notFound();
      return sendStoredFile(reply, fileStoreOf(ctx), row.file_key, {
        mime: row.mime,
        fileName: row.file_name,
        size: Number(row.size),
      });
    },
  );
}
