import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../../platform/http/types.ts';
import { mutate, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { actorOf, principalOf } from '../../../platform/http/request.ts';
import { IdParams } from '../../orgs/schemas.ts';
import { paragraphsOf } from '../../documents/paragraphs.ts';
import { toQuestion } from '../bank.ts';
import {
  answer,
  closeExpired,
  findAttempt,
  findContest,
  finish,
  isOver,
  startAttempt,
  type Slot,
} from '../contests.ts';
import { AttemptView } from '../schemas.ts';
import { loadVisibleContest, tags } from './shared.ts';

async function presentAttempt(ctx: AppContext, contestId: string, accountId: string, now: Date) {
  await closeExpired(ctx.db, contestId, now);
  const attempt = await findAttempt(ctx.db, contestId, accountId);
  if (!attempt) throw new AppError('CONTEST_NO_ATTEMPT');
  const layout = JSON.parse(attempt.layout) as Slot[];
  const ids = layout.map((s) => s.questionId);
  const [rows, answers, contest] = await Promise.all([
    ctx.db.selectFrom('quiz_questions').selectAll().where('id', 'in', ids).execute(),
    ctx.db.selectFrom('quiz_answers').selectAll().where('attempt_id', '=', attempt.id).execute(),
    findContest(ctx.db, contestId),
  ]);
  const over = isOver(attempt, now);
  const doc = over
    ? await ctx.db
        .selectFrom('documents')
        .select('body')
        .where('id', '=', contest!.document_id)
        .executeTakeFirst()
    : undefined;
  const paragraphs = new Map(paragraphsOf(doc?.body ?? '').map((p) => [p.id, p.text]));
  return {
    contestId,
    startedAt: attempt.started_at,
    deadlineAt: attempt.deadline_at,
    remainingSeconds: Math.max(0, Math.floor((Date.parse(attempt.deadline_at) - now.getTime()) / 1000)),
    finished: over,
    score: attempt.score === null ? null : Number(attempt.score),
    total: Number(attempt.total),
    questions: layout.flatMap((slot) => {
      const row = rows.find((r) => r.id === slot.questionId);
      if (!row) return [];
      const q = toQuestion(row);
      const a = answers.find((x) => x.question_id === q.id);
      const chosenOriginal = a ? (JSON.parse(a.chosen) as number[]) : [];
      const shown = (orig: number[]) => orig.map((o) => slot.order.indexOf(o)).sort((x, y) => x - y);
      return [
        {
          id: q.id,
          kind: q.kind,
          stem: q.stem,
          options: slot.order.map((i) => q.options[i] ?? ''),
          chosen: shown(chosenOriginal),
          // Correct options and the source appear only once the attempt is over.
          ...(over
            ? {
                correctOptions: shown(q.correct),
                paragraph: { id: q.paragraphId, text: paragraphs.get(q.paragraphId) ?? '' },
              }
            : {}),
        },
      ];
    }),
  };
}

/** A member's attempt at a contest: starting, reading, answering, handing in. */
export function attemptRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/v1/contests/:id/attempt',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Bắt đầu làm bài (mỗi người một lần; giờ tính trên máy chủ)',
        params: IdParams,
        response: { 201: AttemptView },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const c = await loadVisibleContest(ctx, principal, req.params.id);
      const now = new Date();
      await mutate(ctx, actorOf(req), (uow) => startAttempt(uow, c, principal, now)).catch((err: unknown) => {
        // Two starts at once: the unique index lets one through; the other is a second attempt.
        if (!(err instanceof AppError) && /unique|duplicate/i.test(String((err as Error).message)))
          throw new AppError('CONTEST_ALREADY_TAKEN');
        throw err;
      });
      return reply.status(201).send(await presentAttempt(ctx, c.id, principal.accountId, now));
    },
  );

  api.get(
    '/api/v1/contests/:id/attempt',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Bài làm của tôi', params: IdParams, response: { 200: AttemptView } },
    },
    async (req) => {
      const principal = principalOf(req);
      const c = await loadVisibleContest(ctx, principal, req.params.id);
      return presentAttempt(ctx, c.id, principal.accountId, new Date());
    },
  );

  api.post(
    '/api/v1/contests/:id/attempt/answers',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Ghi một câu trả lời (vị trí các phương án như đã hiển thị)',
        params: IdParams,
        body: Type.Object({
          questionId: Type.String({ maxLength: 64 }),
          chosen: Type.Array(Type.Integer({ minimum: 0, maximum: 7 }), { maxItems: 8 }),
        }),
        response: { 200: Type.Object({ saved: Type.Boolean(), remainingSeconds: Type.Integer() }) },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const c = await loadVisibleContest(ctx, principal, req.params.id);
      const attempt = await findAttempt(ctx.db, c.id, principal.accountId);
      if (!attempt) throw new AppError('CONTEST_NO_ATTEMPT');
      const now = new Date();
      await mutate(ctx, actorOf(req), (uow) =>
        answer(uow, attempt, req.body.questionId, req.body.chosen, now),
      );
      return {
        saved: true,
        remainingSeconds: Math.max(0, Math.floor((Date.parse(attempt.deadline_at) - now.getTime()) / 1000)),
      };
    },
  );

  api.post(
    '/api/v1/contests/:id/attempt/finish',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Nộp bài', params: IdParams, response: { 200: AttemptView } },
    },
    async (req) => {
      const principal = principalOf(req);
      const c = await loadVisibleContest(ctx, principal, req.params.id);
      const attempt = await findAttempt(ctx.db, c.id, principal.accountId);
      if (!attempt) throw new AppError('CONTEST_NO_ATTEMPT');
      const now = new Date();
      await mutate(ctx, actorOf(req), async (uow) => {
        await finish(uow, attempt, now);
        await uow.audit({
          action: 'contest.attempt.finished',
          entityType: 'contest',
          entityId: c.id,
          orgPath: attempt.branch_path,
          after: { attemptId: attempt.id },
        });
      });
      return presentAttempt(ctx, c.id, principal.accountId, now);
    },
  );
}
