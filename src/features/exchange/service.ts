import type { UnitOfWork } from '../../platform/context.ts';
import { nowIso } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { AppError } from '../../platform/errors.ts';
import type { SavedUpload } from '../../platform/files/index.ts';
import './errors.ts';

export interface Recipient {
  memberId: string | null;
  orgId: string | null;
  orgPath: string;
  name: string;
}

export interface SendInput {
  direction: 'down' | 'up';
  title: string;
  body: string;
  documentId: string | null;
  senderOrg: { id: string; path: string } | null;
  senderOrgPath: string;
  senderAccountId: string;
  senderMemberId: string | null;
  senderName: string;
  ackDeadline: string | null;
  recipients: Recipient[];
}

export async function sendMessage(uow: UnitOfWork, input: SendInput): Promise<string> {
  if (input.recipients.length === 0) throw new AppError('EXCHANGE_NO_RECIPIENTS');
  const id = newId();
  const now = nowIso();
  await uow.trx
    .insertInto('exchange_messages')
    .values({
      id,
      direction: input.direction,
      title: input.title,
      body: input.body,
      document_id: input.documentId,
      sender_org_id: input.senderOrg?.id ?? null,
      sender_org_path: input.senderOrgPath,
      sender_account_id: input.senderAccountId,
      sender_member_id: input.senderMemberId,
      sender_name: input.senderName,
      ack_deadline: input.ackDeadline,
      created_at: now,
    })
    .execute();
  const rows = input.recipients.map((r) => ({
    id: newId(),
    message_id: id,
    member_id: r.memberId,
    org_id: r.orgId,
    org_path: r.orgPath,
    name: r.name,
    received_at: now,
    opened_at: null,
    acknowledged_at: null,
    acknowledged_by: null,
    reminded_at: null,
    reminders: 0,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await uow.trx
      .insertInto('exchange_recipients')
      .values(rows.slice(i, i + 500))
      .execute();
  await uow.audit({
    action: 'exchange.send',
    entityType: 'exchange',
    entityId: id,
    orgPath: input.senderOrgPath,
    after: { title: input.title, recipients: rows.length, ackDeadline: input.ackDeadline },
  });
  uow.emit({
    topic: 'exchange.sent',
    payload: {
      messageId: id,
      title: input.title,
      memberIds: input.recipients.flatMap((r) => (r.memberId ? [r.memberId] : [])),
      orgIds: input.recipients.flatMap((r) => (r.orgId ? [r.orgId] : [])),
    },
  });
  return id;
}

export async function attachExchangeFile(uow: UnitOfWork, messageId: string, saved: SavedUpload) {
  const id = newId();
  await uow.trx
    .insertInto('exchange_files')
    .values({
      id,
      message_id: messageId,
      file_key: saved.key,
      file_name: saved.fileName,
      mime: saved.mime,
      size: saved.size,
      created_at: nowIso(),
    })
    .execute();
  return id;
}

export async function markOpened(uow: UnitOfWork, recipientIds: string[]) {
  if (recipientIds.length === 0) return;
  await uow.trx
    .updateTable('exchange_recipients')
    .set({ opened_at: nowIso() })
    .where('id', 'in', recipientIds)
    .where('opened_at', 'is', null)
    .execute();
}

export async function acknowledge(uow: UnitOfWork, recipientIds: string[], accountId: string, path: string) {
  const now = nowIso();
  await uow.trx
    .updateTable('exchange_recipients')
    .set({ opened_at: now })
    .where('id', 'in', recipientIds)
    .where('opened_at', 'is', null)
    .execute();
  await uow.trx
    .updateTable('exchange_recipients')
    .set({ acknowledged_at: now, acknowledged_by: accountId })
    .where('id', 'in', recipientIds)
    .where('acknowledged_at', 'is', null)
    .execute();
  await uow.audit({
    action: 'exchange.acknowledge',
    entityType: 'exchange_recipient',
    entityId: recipientIds.join(','),
    orgPath: path,
  });
}

/** Reminds every recipient who has not acknowledged yet; notifications pick up the event. */
export async function remind(uow: UnitOfWork, messageId: string, title: string, path: string) {
  const pending = await uow.trx
    .selectFrom('exchange_recipients')
    .select(['id', 'member_id', 'org_id', 'name', 'opened_at'])
    .where('message_id', '=', messageId)
    .where('acknowledged_at', 'is', null)
    .execute();
  if (pending.length === 0) return 0;
  const now = nowIso();
  await uow.trx
    .updateTable('exchange_recipients')
    .set((eb) => ({ reminded_at: now, reminders: eb('reminders', '+', 1) }))
    .where('message_id', '=', messageId)
    .where('acknowledged_at', 'is', null)
    .execute();
  await uow.audit({
    action: 'exchange.remind',
    entityType: 'exchange',
    entityId: messageId,
    orgPath: path,
    after: { recipients: pending.length },
  });
  uow.emit({
    topic: 'exchange.reminder',
    payload: {
      messageId,
      title: `Nhắc xác nhận văn bản: ${title}`,
      body: 'Bạn chưa xác nhận đã nhận văn bản này. Đề nghị mở và xác nhận.',
      url: `/exchange/${messageId}`,
      // Members named as recipients are told in the inbox; organisations see it in their exchange box.
      memberIds: pending.flatMap((p) => (p.member_id ? [p.member_id] : [])),
      eventId: `exchange:${messageId}:reminder:${now}`,
      recipients: pending.map((p) => ({
        recipientId: p.id,
        memberId: p.member_id,
        orgId: p.org_id,
        name: p.name,
        opened: p.opened_at !== null,
      })),
    },
  });
  return pending.length;
}
