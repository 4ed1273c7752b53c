import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../../platform/http/types.ts';
import { mutate, type AppContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { nowIso } from '../../../platform/db/database.ts';
import { actorOf, principalOf } from '../../../platform/http/request.ts';
import { IdParams } from '../../orgs/schemas.ts';
import { findOrg } from '../../orgs/queries.ts';
import { paragraphsOf } from '../../documents/paragraphs.ts';
import { cleanText } from '../../petitions/service.ts';
import { canReadFrom } from '../access.ts';
import { tags, MAX_TEXT, CommentView, Detail, requireOpen, load, authorName, detail } from './shared.ts';

/** Taking part: comments on paragraphs, answers to questions, the owner's handling of comments, summaries forwarded by lower committees. */
export function participationRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/v1/consultations/:id/comments',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Góp ý vào một đoạn của dự thảo (hoặc trả lời một góp ý)',
        params: IdParams,
        body: Type.Object(
          {
            targetId: Type.String({ maxLength: 64 }),
            body: Type.String({ minLength: 1, maxLength: MAX_TEXT }),
            parentId: Type.Optional(Type.String({ maxLength: 64 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: CommentView },
      },
    },
    async (req, reply) => {
      const { c, role } = await load(ctx, req, req.params.id);
      if (!role.participantPath && !role.owner) throw new AppError('CONSULTATION_NOT_MEMBER');
      requireOpen(c);
      if (!paragraphsOf(c.draft).some((p) => p.id === req.body.targetId))
        throw new AppError('CONSULTATION_TARGET_UNKNOWN');
      const body = cleanText(req.body.body, MAX_TEXT);
      if (!body) throw new AppError('CONSULTATION_EMPTY');
      if (req.body.parentId) {
        const parent = await ctx.db
          .selectFrom('consultation_comments')
          .select(['id', 'author_account_id', 'author_org_path'])
          .where('id', '=', req.body.parentId)
          .where('consultation_id', '=', c.id)
          .executeTakeFirst();
        const accountId = principalOf(req).accountId;
        if (!parent || (parent.author_account_id !== accountId && !canReadFrom(role, parent.author_org_path)))
          throw new AppError('CONSULTATION_TARGET_UNKNOWN');
      }
      const row = {
        id: newId(),
        consultation_id: c.id,
        target_id: req.body.targetId,
        parent_id: req.body.parentId ?? null,
        author_account_id: principalOf(req).accountId,
        author_name: await authorName(ctx, req),
        author_org_path: role.participantPath ?? c.org_path,
        body,
        status: 'open' as const,
        answer: null,
        created_at: nowIso(),
      };
      await mutate(ctx, actorOf(req), async (uow) => {
        await uow.trx.insertInto('consultation_comments').values(row).execute();
        await uow.audit({
          action: 'consultation.comment',
          entityType: 'consultation',
          entityId: c.id,
          orgPath: c.org_path,
        });
      });
      reply.code(201);
      return {
        id: row.id,
        targetId: row.target_id,
        parentId: row.parent_id,
        authorName: row.author_name,
        body: row.body,
        status: row.status,
        answer: null,
        createdAt: row.created_at,
      };
    },
  );

  api.put(
    '/api/v1/consultations/:id/answers',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Trả lời các câu hỏi của đợt lấy ý kiến',
        params: IdParams,
        body: Type.Object(
          {
            answers: Type.Array(
              Type.Object({
                questionId: Type.String({ maxLength: 64 }),
                value: Type.String({ maxLength: MAX_TEXT }),
              }),
              { maxItems: 30 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Detail },
      },
    },
    async (req) => {
      const { c, role } = await load(ctx, req, req.params.id);
      if (!role.participantPath) throw new AppError('CONSULTATION_NOT_MEMBER');
      requireOpen(c);
      const questions = await ctx.db
        .selectFrom('consultation_questions')
        .selectAll()
        .where('consultation_id', '=', c.id)
        .execute();
      const accountId = principalOf(req).accountId;
      await mutate(ctx, actorOf(req), async (uow) => {
        for (const a of req.body.answers) {
          const q = questions.find((x) => x.id === a.questionId);
          if (!q) throw new AppError('CONSULTATION_TARGET_UNKNOWN');
          const value = cleanText(a.value, MAX_TEXT);
          if (!value) throw new AppError('CONSULTATION_EMPTY');
          if (q.kind === 'choice' && !(JSON.parse(q.options) as string[]).includes(value))
            throw new AppError('CONSULTATION_CHOICE_INVALID');
          const at = nowIso();
          await uow.trx
            .insertInto('consultation_answers')
            .values({
              consultation_id: c.id,
              question_id: q.id,
              account_id: accountId,
              author_org_path: role.participantPath!,
              value,
              updated_at: at,
            })
            .onConflict((oc) =>
              oc.columns(['question_id', 'account_id']).doUpdateSet({ value, updated_at: at }),
            )
            .execute();
        }
        await uow.audit({
          action: 'consultation.answer',
          entityType: 'consultation',
          entityId: c.id,
          orgPath: c.org_path,
        });
      });
      return detail(ctx, req, c, role);
    },
  );

  api.post(
    '/api/v1/consultations/:id/comments/:commentId/status',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Cấp ủy đánh dấu góp ý đã tiếp thu hoặc đã trả lời',
        params: Type.Object({
          id: Type.String({ maxLength: 64 }),
          commentId: Type.String({ maxLength: 64 }),
        }),
        body: Type.Object(
          {
            status: Type.Union([Type.Literal('accepted'), Type.Literal('answered')]),
            answer: Type.Optional(Type.String({ maxLength: MAX_TEXT })),
          },
          { additionalProperties: false },
        ),
        response: { 200: CommentView },
      },
    },
    async (req) => {
      const { c, role } = await load(ctx, req, req.params.id);
      if (!role.owner) throw new AppError('FORBIDDEN');
      const comment = await ctx.db
        .selectFrom('consultation_comments')
        .selectAll()
        .where('id', '=', req.params.commentId)
        .where('consultation_id', '=', c.id)
        .executeTakeFirst();
      if (!comment) throw notFound();
      const answer = req.body.answer ? cleanText(req.body.answer, MAX_TEXT) : comment.answer;
      await mutate(ctx, actorOf(req), async (uow) => {
        await uow.trx
          .updateTable('consultation_comments')
          .set({ status: req.body.status, answer })
          .where('id', '=', comment.id)
          .execute();
        await uow.audit({
          action: `consultation.comment.${req.body.status}`,
          entityType: 'consultation',
          entityId: c.id,
          orgPath: c.org_path,
        });
        if (req.body.status === 'answered') {
          uow.emit({
            topic: 'consultation.comment.answered',
            payload: { consultationId: c.id, accountId: comment.author_account_id },
          });
          // The author is told in the inbox (notifications topic comment.answered).
          if (comment.author_account_id)
            uow.emit({
              topic: 'comment.answered',
              payload: {
                title: `Góp ý của bạn đã được trả lời: ${c.title}`,
                body: answer ? answer.slice(0, 1000) : undefined,
                url: `/consultations/${c.id}`,
                accountIds: [comment.author_account_id],
                eventId: `consultation-comment:${comment.id}:answered`,
              },
            });
        }
      });
      return {
        id: comment.id,
        targetId: comment.target_id,
        parentId: comment.parent_id,
        authorName: comment.author_name,
        body: comment.body,
        status: req.body.status,
        answer,
        createdAt: comment.created_at,
      };
    },
  );

  api.post(
    '/api/v1/consultations/:id/summaries',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Cấp ủy cấp dưới tổng hợp ý kiến của đảng viên mình và gửi lên',
        params: IdParams,
        body: Type.Object(
          {
            orgId: Type.String({ maxLength: 64 }),
            summary: Type.String({ minLength: 1, maxLength: MAX_TEXT }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Detail },
      },
    },
    async (req) => {
      const { c, role } = await load(ctx, req, req.params.id);
      const org = await findOrg(ctx.db, req.body.orgId);
      if (!org || !role.compilerPaths.includes(org.path)) throw new AppError('FORBIDDEN');
      const summary = cleanText(req.body.summary, MAX_TEXT);
      if (!summary) throw new AppError('CONSULTATION_EMPTY');
      await mutate(ctx, actorOf(req), async (uow) => {
        await uow.trx
          .insertInto('consultation_summaries')
          .values({
            id: newId(),
            consultation_id: c.id,
            org_id: org.id,
            org_path: org.path,
            summary,
            created_by: principalOf(req).accountId,
            created_at: nowIso(),
          })
          .execute();
        await uow.audit({
          action: 'consultation.summary',
          entityType: 'consultation',
          entityId: c.id,
          orgPath: org.path,
        });
      });
      return detail(ctx, req, c, role);
    },
  );
}
