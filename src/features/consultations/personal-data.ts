import type { PersonalDataContributor } from '../privacy/registry.ts';
import { ERASED_NAME } from '../privacy/registry.ts';

/**
 * Comments and answers given in consultations on drafts, and consultations or summaries the member wrote for an
 * organisation. What was said stays part of the consultation's record; erasure takes the name off it.
 */
export const consultationsPersonalData: PersonalDataContributor = {
  title: 'Lấy ý kiến dự thảo',
  tables: ['consultations', 'consultation_comments', 'consultation_answers', 'consultation_summaries'],
  async collect(_ctx, db, { accountId }) {
    if (!accountId) return { comments: [], answers: [], created: [] };
    const comments = await db
      .selectFrom('consultation_comments')
      .innerJoin('consultations', 'consultations.id', 'consultation_comments.consultation_id')
      .select([
        'consultations.title',
        'consultation_comments.body',
        'consultation_comments.status',
        'consultation_comments.answer',
        'consultation_comments.created_at',
      ])
      .where('consultation_comments.author_account_id', '=', accountId)
      .orderBy('consultation_comments.created_at', 'desc')
      .execute();
    const answers = await db
      .selectFrom('consultation_answers')
      .innerJoin('consultations', 'consultations.id', 'consultation_answers.consultation_id')
      .innerJoin('consultation_questions', 'consultation_questions.id', 'consultation_answers.question_id')
      .select([
        'consultations.title',
        'consultation_questions.text as question',
        'consultation_answers.value',
        'consultation_answers.updated_at',
      ])
      .where('consultation_answers.account_id', '=', accountId)
      .execute();
    const created = await db
      .selectFrom('consultations')
      .select(['title', 'created_at'])
      .where('created_by', '=', accountId)
      .unionAll(
        db
          .selectFrom('consultation_summaries')
          .innerJoin('consultations', 'consultations.id', 'consultation_summaries.consultation_id')
          .select(['consultations.title', 'consultation_summaries.created_at'])
          .where('consultation_summaries.created_by', '=', accountId),
      )
      .execute();
    return {
      comments: comments.map((c) => ({
        consultation: c.title,
        body: c.body,
        status: c.status,
        answer: c.answer,
        at: c.created_at,
      })),
      answers: answers.map((a) => ({
        consultation: a.title,
        question: a.question,
        value: a.value,
        at: a.updated_at,
      })),
      created: created.map((c) => ({ consultation: c.title, at: c.created_at })),
    };
  },
  async erase(uow, { accountId }) {
    if (!accountId) return;
    await uow.trx
      .updateTable('consultation_comments')
      .set({ author_name: ERASED_NAME })
      .where('author_account_id', '=', accountId)
      .execute();
  },
};
