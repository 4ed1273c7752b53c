import { Type, type TSchema } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { FastifyRequest } from 'fastify';
import { type AppContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { principalOf } from '../../../platform/http/request.ts';
import { type Principal } from '../../../platform/permissions/check.ts';
import { ROLE_PERMISSIONS } from '../../../platform/permissions/roles.ts';
import { filesOf } from '../queries.ts';

// What the exchange routes share: schemas, checks, loading a letter the caller may see and its view.
export const tags = ['Văn bản đi/đến'];
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const FileParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  fileId: Type.String({ maxLength: 64 }),
});

/** Organisations whose inbox and outbox the principal keeps: those where they hold a committee role. */
export function officeOrgIds(principal: Principal): string[] {
  return principal.grants
    .filter((g) => !g.implicit && ROLE_PERMISSIONS[g.role].has('content.publish'))
    .map((g) => g.orgId);
}

export const SendBody = Type.Object(
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
export function checkDeadline(raw: string | null | undefined): string | null {
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

export const BoxItem = Type.Object({
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

export const MessageView = Type.Object({
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

export async function loadMessage(ctx: AppContext, principal: Principal, id: string) {
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

export async function present(ctx: AppContext, principal: Principal, id: string) {
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

export async function senderOnly(ctx: AppContext, req: FastifyRequest, id: string) {
  const loaded = await loadMessage(ctx, principalOf(req), id);
  if (!loaded.isSender) throw new AppError('FORBIDDEN');
  return loaded.m;
}
