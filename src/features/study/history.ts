import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../platform/http/types.ts';
import type { AppContext } from '../../platform/context.ts';
import { principalOf } from '../../platform/http/request.ts';
import { requirePermission, subtreeBounds } from '../../platform/permissions/check.ts';
import { IdParams } from '../orgs/schemas.ts';
import { loadVisibleOrg } from '../orgs/routes.ts';
import { paragraphsOf } from '../documents/paragraphs.ts';

const tags = ['Học tập và thi'];

export function historyRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/me/learning',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Lịch sử học tập của tôi: văn bản đã học, ôn tập, cuộc thi',
        response: {
          200: Type.Object({
            studies: Type.Array(
              Type.Object({
                assignmentId: Type.String(),
                documentTitle: Type.String(),
                deadline: Type.String(),
                studied: Type.Integer(),
                total: Type.Integer(),
                lastAt: Type.String(),
              }),
            ),
            practice: Type.Array(
              Type.Object({
                documentId: Type.String(),
                documentTitle: Type.String(),
                answered: Type.Integer(),
                correct: Type.Integer(),
                lastAt: Type.String(),
              }),
            ),
            contests: Type.Array(
              Type.Object({
                contestId: Type.String(),
                title: Type.String(),
                score: Type.Union([Type.Integer(), Type.Null()]),
                total: Type.Integer(),
                startedAt: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const me = principalOf(req).accountId;
      const [studies, practice, contests] = await Promise.all([
        ctx.db
          .selectFrom('study_marks as s')
          .innerJoin('study_assignments as a', 'a.id', 's.assignment_id')
          .innerJoin('documents as d', 'd.id', 'a.document_id')
          .select([
            'a.id',
            'a.deadline',
            'd.title',
            'd.body',
            (eb) => eb.fn.countAll<number>().as('n'),
            (eb) => eb.fn.max('s.studied_at').as('last'),
          ])
          .where('s.account_id', '=', me)
          .groupBy(['a.id', 'a.deadline', 'd.title', 'd.body'])
          .execute(),
        ctx.db
          .selectFrom('quiz_practice as p')
          .innerJoin('documents as d', 'd.id', 'p.document_id')
          .select([
            'd.id',
            'd.title',
            (eb) => eb.fn.countAll<number>().as('n'),
            (eb) => eb.fn.sum<number>('p.correct').as('ok'),
            (eb) => eb.fn.max('p.answered_at').as('last'),
          ])
          .where('p.account_id', '=', me)
          .groupBy(['d.id', 'd.title'])
          .execute(),
        ctx.db
          .selectFrom('quiz_attempts as a')
          .innerJoin('quiz_contests as c', 'c.id', 'a.contest_id')
          .select(['c.id', 'c.title', 'a.score', 'a.total', 'a.started_at'])
          .where('a.account_id', '=', me)
          .orderBy('a.started_at', 'desc')
          .execute(),
      ]);
      return {
        studies: studies
          .map((s) => ({
            assignmentId: s.id,
            documentTitle: s.title,
            deadline: s.deadline,
            studied: Number(s.n),
            total: paragraphsOf(s.body).length,
            lastAt: String(s.last),
          }))
          .sort((a, b) => (a.lastAt < b.lastAt ? 1 : -1)),
        practice: practice
          .map((p) => ({
            documentId: p.id,
            documentTitle: p.title,
            answered: Number(p.n),
            correct: Number(p.ok ?? 0),
            lastAt: String(p.last),
          }))
          .sort((a, b) => (a.lastAt < b.lastAt ? 1 : -1)),
        contests: contests.map((c) => ({
          contestId: c.id,
          title: c.title,
          score: c.score === null ? null : Number(c.score),
          total: Number(c.total),
          startedAt: c.started_at,
        })),
      };
    },
  );

  api.get(
    '/api/v1/orgs/:id/learning-stats',
    {
      config: { access: 'study.assign' },
      schema: {
        tags,
        summary: 'Thống kê học tập, ôn tập và thi của tổ chức (cả các tổ chức trực thuộc)',
        params: IdParams,
        response: {
          200: Type.Object({
            members: Type.Integer(),
            assignments: Type.Integer(),
            membersStudying: Type.Integer(),
            practiceAnswers: Type.Integer(),
            practiceCorrect: Type.Integer(),
            contestAttempts: Type.Integer(),
            /** Average contest score in percent of the questions, finished attempts only. */
            averageScorePercent: Type.Union([Type.Number(), Type.Null()]),
          }),
        },
      },
    },
    async (req) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      requirePermission(principalOf(req), 'study.assign', org.path);
      const [lo, hi] = subtreeBounds(org.path);
      const [members, assignments, studying, practice, attempts] = await Promise.all([
        ctx.db
          .selectFrom('members')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_path', '>=', lo)
          .where('org_path', '<', hi)
          .where('erased_at', 'is', null)
          .executeTakeFirst(),
        ctx.db
          .selectFrom('study_assignments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_path', '>=', lo)
          .where('org_path', '<', hi)
          .executeTakeFirst(),
        ctx.db
          .selectFrom('study_marks')
          .select((eb) => eb.fn.count<number>('member_id').distinct().as('n'))
          .where('branch_path', '>=', lo)
          .where('branch_path', '<', hi)
          .executeTakeFirst(),
        ctx.db
          .selectFrom('quiz_practice as p')
          .innerJoin('accounts as acc', 'acc.id', 'p.account_id')
          .innerJoin('members as m', 'm.id', 'acc.member_id')
          .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('p.correct').as('ok')])
          .where('m.org_path', '>=', lo)
          .where('m.org_path', '<', hi)
          .executeTakeFirst(),
        ctx.db
          .selectFrom('quiz_attempts')
          .select(['score', 'total', 'finished_at'])
          .where('branch_path', '>=', lo)
          .where('branch_path', '<', hi)
          .execute(),
      ]);
      const finished = attempts.filter((a) => a.finished_at !== null && Number(a.total) > 0);
      return {
        members: Number(members?.n ?? 0),
        assignments: Number(assignments?.n ?? 0),
        membersStudying: Number(studying?.n ?? 0),
        practiceAnswers: Number(practice?.n ?? 0),
        practiceCorrect: Number(practice?.ok ?? 0),
        contestAttempts: attempts.length,
        averageScorePercent: finished.length
          ? Math.round(
              (finished.reduce((s, a) => s + Number(a.score ?? 0) / Number(a.total), 0) / finished.length) *
                1000,
            ) / 10
          : null,
      };
    },
  );
}
