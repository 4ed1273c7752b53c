import type { PersonalDataContributor } from '../privacy/registry.ts';
import { ERASED_TEXT } from '../privacy/registry.ts';

/**
 * Opinions and petitions the member sent (with the answers), and those they handled for an organisation.
 * Erasure removes the words of the member's own petitions (title, text, their reply to the answer) and keeps
 * that a petition was received and answered; after the retention period for erased members the petitions go.
 */
export const petitionsPersonalData: PersonalDataContributor = {
  title: 'Ý kiến, kiến nghị',
  tables: ['petitions', 'petition_events'],
  async collect(_ctx, db, { accountId }) {
    if (!accountId) return { sent: [], handled: [], steps: [] };
    const sent = await db
      .selectFrom('petitions')
      .select([
        'category',
        'title',
        'body',
        'confidential',
        'status',
        'answer',
        'answered_at',
        'reply',
        'rating',
        'created_at',
      ])
      .where('sender_account_id', '=', accountId)
      .orderBy('created_at', 'desc')
      .execute();
    const handled = await db
      .selectFrom('petitions')
      .select(['title', 'status', 'answered_at'])
      .where((eb) => eb.or([eb('handler_account_id', '=', accountId), eb('answered_by', '=', accountId)]))
      .where('sender_account_id', '!=', accountId)
      .orderBy('created_at', 'desc')
      .execute();
    const steps = await db
      .selectFrom('petition_events')
      .innerJoin('petitions', 'petitions.id', 'petition_events.petition_id')
      .select(['petitions.title', 'petition_events.kind', 'petition_events.note', 'petition_events.at'])
      .where('petition_events.actor_account_id', '=', accountId)
      .orderBy('petition_events.at', 'desc')
      .execute();
    return {
      sent: sent.map((p) => ({
        category: p.category,
        title: p.title,
        body: p.body,
        confidential: p.confidential === 1,
        status: p.status,
        answer: p.answer,
        answeredAt: p.answered_at,
        myReply: p.reply,
        myRating: p.rating,
        at: p.created_at,
      })),
      handled: handled.map((p) => ({ title: p.title, status: p.status, answeredAt: p.answered_at })),
      steps: steps.map((s) => ({ petition: s.title, kind: s.kind, note: s.note, at: s.at })),
    };
  },
  async erase(uow, { accountId }) {
    if (!accountId) return;
    const own = uow.trx.selectFrom('petitions').select('id').where('sender_account_id', '=', accountId);
    await uow.trx
      .updateTable('petition_events')
      .set({ note: null })
      .where('petition_id', 'in', own)
      .where('actor_account_id', '=', accountId)
      .execute();
    await uow.trx
      .updateTable('petitions')
      .set({ title: ERASED_TEXT, body: ERASED_TEXT, reply: null })
      .where('sender_account_id', '=', accountId)
      .execute();
  },
  async purgeErased(db, { accountId }) {
    if (!accountId) return 0;
    const own = db.selectFrom('petitions').select('id').where('sender_account_id', '=', accountId);
    await db.deleteFrom('petition_events').where('petition_id', 'in', own).execute();
    await db.deleteFrom('petition_addressees').where('petition_id', 'in', own).execute();
    const res = await db
      .deleteFrom('petitions')
      .where('sender_account_id', '=', accountId)
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  },
};
