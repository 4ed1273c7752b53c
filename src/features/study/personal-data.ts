import type { PersonalDataContributor } from '../privacy/registry.ts';

/** Study progress (paragraphs marked as studied) and study assignments the member set; progress goes with erasure. */
export const studyPersonalData: PersonalDataContributor = {
  title: 'Học tập',
  tables: ['study_assignments', 'study_marks'],
  async collect(_ctx, db, { accountId }) {
    if (!accountId) return { progress: [], assigned: [] };
    const progress = await db
      .selectFrom('study_marks')
      .innerJoin('study_assignments', 'study_assignments.id', 'study_marks.assignment_id')
      .innerJoin('documents', 'documents.id', 'study_assignments.document_id')
      .select([
        'documents.title',
        'study_assignments.deadline',
        (eb) => eb.fn.countAll<number>().as('paragraphs'),
        (eb) => eb.fn.max('study_marks.studied_at').as('last_at'),
      ])
      .where('study_marks.account_id', '=', accountId)
      .groupBy(['study_assignments.id', 'documents.title', 'study_assignments.deadline'])
      .execute();
    const assigned = await db
      .selectFrom('study_assignments')
      .innerJoin('documents', 'documents.id', 'study_assignments.document_id')
      .select(['documents.title', 'study_assignments.deadline', 'study_assignments.created_at'])
      .where('study_assignments.created_by', '=', accountId)
      .execute();
    return {
      progress: progress.map((p) => ({
        document: p.title,
        deadline: p.deadline,
        paragraphsStudied: Number(p.paragraphs),
        lastAt: p.last_at,
      })),
      assigned: assigned.map((a) => ({ document: a.title, deadline: a.deadline, at: a.created_at })),
    };
  },
  async erase(uow, { accountId }) {
    if (!accountId) return;
    await uow.trx.deleteFrom('study_marks').where('account_id', '=', accountId).execute();
  },
};
