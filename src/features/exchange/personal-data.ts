import type { PersonalDataContributor } from '../privacy/registry.ts';
import { ERASED_NAME, ERASED_TEXT } from '../privacy/registry.ts';

/**
 * Messages the member sent, messages addressed to them and their acknowledgements. Erasure keeps the
 * organisation's record of who received and acknowledged what, under the anonymised name; the text of messages
 * a member sent up to their committee goes.
 */
export const exchangePersonalData: PersonalDataContributor = {
  title: 'Trao đổi văn bản',
  tables: ['exchange_messages', 'exchange_recipients'],
  async collect(_ctx, db, { accountId, memberId }) {
    const sent = accountId
      ? await db
          .selectFrom('exchange_messages')
          .select(['direction', 'title', 'body', 'created_at'])
          .where('sender_account_id', '=', accountId)
          .orderBy('created_at', 'desc')
          .execute()
      : [];
    const received = memberId
      ? await db
          .selectFrom('exchange_recipients')
          .innerJoin('exchange_messages', 'exchange_messages.id', 'exchange_recipients.message_id')
          .select([
            'exchange_messages.title',
            'exchange_messages.sender_name',
            'exchange_recipients.received_at',
            'exchange_recipients.opened_at',
            'exchange_recipients.acknowledged_at',
          ])
          .where('exchange_recipients.member_id', '=', memberId)
          .orderBy('exchange_recipients.received_at', 'desc')
          .execute()
      : [];
    const acknowledgedForOthers = accountId
      ? await db
          .selectFrom('exchange_recipients')
          .innerJoin('exchange_messages', 'exchange_messages.id', 'exchange_recipients.message_id')
          .select(['exchange_messages.title', 'exchange_recipients.acknowledged_at'])
          .where('exchange_recipients.acknowledged_by', '=', accountId)
          .where((eb) =>
            memberId
              ? eb.or([
                  eb('exchange_recipients.member_id', 'is', null),
                  eb('exchange_recipients.member_id', '!=', memberId),
                ])
              : eb.lit(true),
          )
          .execute()
      : [];
    return {
      sent: sent.map((m) => ({ direction: m.direction, title: m.title, body: m.body, at: m.created_at })),
      received: received.map((r) => ({
        title: r.title,
        from: r.sender_name,
        receivedAt: r.received_at,
        openedAt: r.opened_at,
        acknowledgedAt: r.acknowledged_at,
      })),
      acknowledgedForOrganisation: acknowledgedForOthers.map((a) => ({
        title: a.title,
        acknowledgedAt: a.acknowledged_at,
      })),
    };
  },
  async erase(uow, { accountId, memberId }) {
    if (accountId) {
      await uow.trx
        .updateTable('exchange_messages')
        .set({ sender_name: ERASED_NAME })
        .where('sender_account_id', '=', accountId)
        .execute();
      await uow.trx
        .updateTable('exchange_messages')
        .set({ body: ERASED_TEXT })
        .where('sender_account_id', '=', accountId)
        .where('direction', '=', 'up')
        .execute();
    }
    if (memberId)
      await uow.trx
        .updateTable('exchange_recipients')
        .set({ name: ERASED_NAME })
        .where('member_id', '=', memberId)
        .execute();
  },
};
