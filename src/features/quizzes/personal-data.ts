import type { PersonalDataContributor } from '../privacy/registry.ts';

/**
 * Contest attempts with their scores, the practice history, and questions or contests the member wrote.
 * Erasure deletes the practice history; contest results stay for the contest, anonymised, until the retention
 * period for erased members has passed.
 */
export const quizzesPersonalData: PersonalDataContributor = {
  title: 'Thi và ôn luyện',
  tables: ['quiz_questions', 'quiz_contests', 'quiz_attempts', 'quiz_practice'],
  async collect(_ctx, db, { accountId }) {
    if (!accountId) return { attempts: [], practice: [], written: [] };
    const attempts = await db
      .selectFrom('quiz_attempts')
      .innerJoin('quiz_contests', 'quiz_contests.id', 'quiz_attempts.contest_id')
      .select([
        'quiz_contests.title',
        'quiz_attempts.started_at',
        'quiz_attempts.finished_at',
        'quiz_attempts.score',
        'quiz_attempts.total',
      ])
      .where('quiz_attempts.account_id', '=', accountId)
      .orderBy('quiz_attempts.started_at', 'desc')
      .execute();
    const practice = await db
      .selectFrom('quiz_practice')
      .innerJoin('quiz_questions', 'quiz_questions.id', 'quiz_practice.question_id')
      .select(['quiz_questions.stem', 'quiz_practice.correct', 'quiz_practice.answered_at'])
      .where('quiz_practice.account_id', '=', accountId)
      .orderBy('quiz_practice.answered_at', 'desc')
      .execute();
    const written = await db
      .selectFrom('quiz_contests')
      .select(['title', 'created_at'])
      .where('created_by', '=', accountId)
      .unionAll(
        db
          .selectFrom('quiz_questions')
          .select(['stem as title', 'created_at'])
          .where('created_by', '=', accountId),
      )
      .execute();
    return {
      attempts: attempts.map((a) => ({
        contest: a.title,
        startedAt: a.started_at,
        finishedAt: a.finished_at,
        score: a.score,
        total: a.total,
      })),
      practice: practice.map((p) => ({ question: p.stem, correct: p.correct === 1, at: p.answered_at })),
      written: written.map((w) => ({ title: w.title, at: w.created_at })),
    };
  },
  async erase(uow, { accountId }) {
    if (!accountId) return;
    await uow.trx.deleteFrom('quiz_practice').where('account_id', '=', accountId).execute();
  },
  async purgeErased(db, { accountId }) {
    if (!accountId) return 0;
    const own = db.selectFrom('quiz_attempts').select('id').where('account_id', '=', accountId);
    await db.deleteFrom('quiz_answers').where('attempt_id', 'in', own).execute();
    const res = await db.deleteFrom('quiz_attempts').where('account_id', '=', accountId).executeTakeFirst();
    return Number(res.numDeletedRows);
  },
};
