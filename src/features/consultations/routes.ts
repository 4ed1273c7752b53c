import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Api } from '../../platform/http/types.ts';
import { mutate, type AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { nowIso } from '../../platform/db/database.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import { audienceView, requirePermission, subtreeBounds } from '../../platform/permissions/check.ts';
import { contentDisposition } from '../../platform/files/content-disposition.ts';
import { IdParams } from '../orgs/schemas.ts';
import { loadVisibleOrg } from '../orgs/routes.ts';
import { findMember } from '../members/queries.ts';
import { findOrg } from '../orgs/queries.ts';
import { paragraphsOf } from '../documents/paragraphs.ts';
import { cleanText } from '../petitions/service.ts';
import { canReadFrom, roleIn, type ConsultationRole } from './access.ts';
import type { ConsultationTable } from './tables.ts';
import './errors.ts';

const tags = ['Lấy ý kiến'];
const MAX_TEXT = 10_000;
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

function stateOf(c: ConsultationTable, now: string): 'upcoming' | 'open' | 'closed' {
  if (c.closed_at || now >= c.closes_at) return 'closed';
  return now < c.opens_at ? 'upcoming' : 'open';
}

async function load(ctx: AppContext, req: FastifyRequest, id: string) {
  const c = await ctx.db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound();
  const role = roleIn(principalOf(req), c.org_path);
  if (!role) throw notFound();
  return { c, role };
}

function requireOpen(c: ConsultationTable) {
  if (stateOf(c, nowIso()) !== 'open') throw new AppError('CONSULTATION_NOT_OPEN');
}

async function authorName(ctx: AppContext, req: FastifyRequest): Promise<string> {
  const p = principalOf(req);
  if (p.memberId) {
    const m = await findMember(ctx.db, p.memberId);
    if (m) return m.fullName;
  }
  return req.account?.login ?? '';
}

async function readable(ctx: AppContext, c: ConsultationTable, role: ConsultationRole, accountId: string) {
  const comments = await ctx.db
    .selectFrom('consultation_comments')
    .selectAll()
    .where('consultation_id', '=', c.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const mine = new Set(comments.filter((x) => x.author_account_id === accountId).map((x) => x.id));
  const visible = comments.filter(
    (x) =>
      x.author_account_id === accountId ||
      canReadFrom(role, x.author_org_path) ||
      (x.parent_id !== null && mine.has(x.parent_id)),
  );
  const answers = await ctx.db
    .selectFrom('consultation_answers')
    .selectAll()
    .where('consultation_id', '=', c.id)
    .execute();
  const summaries = await ctx.db
    .selectFrom('consultation_summaries')
    .innerJoin('orgs', 'orgs.id', 'consultation_summaries.org_id')
    .select([
      'consultation_summaries.org_id',
      'consultation_summaries.org_path',
      'consultation_summaries.summary',
      'consultation_summaries.created_at',
      'orgs.name as org_name',
    ])
    .where('consultation_id', '=', c.id)
    .orderBy('consultation_summaries.created_at')
    .execute();
  return {
    comments: visible,
    myAnswers: answers.filter((a) => a.account_id === accountId),
    readableAnswers: answers.filter((a) => canReadFrom(role, a.author_org_path)),
    summaries: summaries.filter(
      (s) => role.owner || role.compilerPaths.some((p) => s.org_path.startsWith(p)),
    ),
  };
}

const CommentView = Type.Object({
  id: Type.String(),
  targetId: Type.String(),
  parentId: Nullable(Type.String()),
  authorName: Type.String(),
  body: Type.String(),
  status: Type.String(),
  answer: Nullable(Type.String()),
  createdAt: Type.String(),
});

const Detail = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  title: Type.String(),
  intro: Type.String(),
  opensAt: Type.String(),
  closesAt: Type.String(),
  state: Type.String(),
  role: Type.Object({ owner: Type.Boolean(), compiler: Type.Boolean(), participant: Type.Boolean() }),
  paragraphs: Type.Array(Type.Object({ id: Type.String(), text: Type.String() })),
  questions: Type.Array(
    Type.Object({
      id: Type.String(),
      text: Type.String(),
      kind: Type.String(),
      options: Type.Array(Type.String()),
      myAnswer: Nullable(Type.String()),
      /** For committees: counts per choice, or the text answers they may read. */
      results: Type.Union([
        Type.Record(Type.String(), Type.Integer()),
        Type.Array(Type.String()),
        Type.Null(),
      ]),
    }),
  ),
  comments: Type.Array(CommentView),
  summaries: Type.Array(
    Type.Object({
      orgId: Type.String(),
      orgName: Type.String(),
      summary: Type.String(),
      createdAt: Type.String(),
    }),
  ),
  compileFor: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
});

async function detail(ctx: AppContext, req: FastifyRequest, c: ConsultationTable, role: ConsultationRole) {
  const accountId = principalOf(req).accountId;
  const data = await readable(ctx, c, role, accountId);
  const questions = await ctx.db
    .selectFrom('consultation_questions')
    .selectAll()
    .where('consultation_id', '=', c.id)
    .orderBy('position')
    .execute();
  const org = await findOrg(ctx.db, c.org_id);
  const compileFor = [];
  for (const p of role.compilerPaths) {
    const id = p.split('/').filter(Boolean).at(-1)!;
    const o = await findOrg(ctx.db, id);
    if (o) compileFor.push({ id: o.id, name: o.name });
  }
  const committee = role.owner || role.compilerPaths.length > 0;
  return {
    id: c.id,
    orgId: c.org_id,
    orgName: org?.name ?? '',
    title: c.title,
    intro: c.intro,
    opensAt: c.opens_at,
    closesAt: c.closes_at,
    state: stateOf(c, nowIso()),
    role: {
      owner: role.owner,
      compiler: role.compilerPaths.length > 0,
      participant: role.participantPath !== null,
    },
    paragraphs: paragraphsOf(c.draft),
    questions: questions.map((q) => {
      const options = JSON.parse(q.options) as string[];
      const answers = data.readableAnswers.filter((a) => a.question_id === q.id).map((a) => a.value);
      let results: Record<string, number> | string[] | null = null;
      if (committee)
        results =
          q.kind === 'choice'
            ? Object.fromEntries(options.map((o) => [o, answers.filter((a) => a === o).length]))
            : answers;
      return {
        id: q.id,
        text: q.text,
        kind: q.kind,
        options,
        myAnswer: data.myAnswers.find((a) => a.question_id === q.id)?.value ?? null,
        results,
      };
    }),
    comments: data.comments.map((x) => ({
      id: x.id,
      targetId: x.target_id,
      parentId: x.parent_id,
      authorName: x.author_name,
      body: x.body,
      status: x.status,
      answer: x.answer,
      createdAt: x.created_at,
    })),
    summaries: data.summaries.map((s) => ({
      orgId: s.org_id,
      orgName: s.org_name,
      summary: s.summary,
      createdAt: s.created_at,
    })),
    compileFor,
  };
}

export function consultationRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/v1/orgs/:id/consultations',
    {
      config: { access: 'content.publish' },
      schema: {
        tags,
        summary: 'Mở đợt lấy ý kiến về một dự thảo trong phạm vi tổ chức',
        params: IdParams,
        body: Type.Object(
          {
            title: Type.String({ minLength: 1, maxLength: 300 }),
            intro: Type.Optional(Type.String({ maxLength: MAX_TEXT })),
            draft: Type.String({ minLength: 1, maxLength: 500_000 }),
            documentId: Type.Optional(Type.String({ maxLength: 64 })),
            opensAt: Type.String({ format: 'date-time' }),
            closesAt: Type.String({ format: 'date-time' }),
            questions: Type.Optional(
              Type.Array(
                Type.Object({
                  text: Type.String({ minLength: 1, maxLength: 1000 }),
                  kind: Type.Union([Type.Literal('text'), Type.Literal('choice')]),
                  options: Type.Optional(
                    Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 10 }),
                  ),
                }),
                { maxItems: 30 },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Detail },
      },
    },
    async (req, reply) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      requirePermission(principalOf(req), 'content.publish', org.path);
      const b = req.body;
      const opens = new Date(b.opensAt).toISOString();
      const closes = new Date(b.closesAt).toISOString();
      if (closes <= opens) throw new AppError('CONSULTATION_DATES_INVALID');
      const draft = cleanText(b.draft, 500_000);
      if (!draft) throw new AppError('CONSULTATION_EMPTY');
      const id = newId();
      await mutate(ctx, actorOf(req), async (uow) => {
        const at = nowIso();
        await uow.trx
          .insertInto('consultations')
          .values({
            id,
            org_id: org.id,
            org_path: org.path,
            province_id: org.provinceId,
            title: cleanText(b.title, 300),
            intro: cleanText(b.intro ?? '', MAX_TEXT),
            draft,
            document_id: b.documentId ?? null,
            opens_at: opens,
            closes_at: closes,
            closed_at: null,
            created_by: principalOf(req).accountId,
            created_at: at,
          })
          .execute();
        for (const [i, q] of (b.questions ?? []).entries()) {
          const options =
            q.kind === 'choice' ? (q.options ?? []).map((o) => cleanText(o, 200)).filter(Boolean) : [];
          if (q.kind === 'choice' && options.length < 2) throw new AppError('CONSULTATION_CHOICE_INVALID');
          await uow.trx
            .insertInto('consultation_questions')
            .values({
              id: newId(),
              consultation_id: id,
              position: i,
              text: cleanText(q.text, 1000),
              kind: q.kind,
              options: JSON.stringify(options),
            })
            .execute();
        }
        await uow.audit({
          action: 'consultation.open',
          entityType: 'consultation',
          entityId: id,
          orgPath: org.path,
        });
        uow.emit({ topic: 'consultation.opened', payload: { consultationId: id, orgId: org.id } });
      });
      const { c, role } = await load(ctx, req, id);
      reply.code(201);
      return detail(ctx, req, c, role);
    },
  );

  api.get(
    '/api/v1/consultations',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Các đợt lấy ý kiến tôi tham gia hoặc theo dõi',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                title: Type.String(),
                orgName: Type.String(),
                opensAt: Type.String(),
                closesAt: Type.String(),
                state: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const view = audienceView(principal);
      if (view.ancestors.length === 0 && view.subtrees.length === 0) return { items: [] };
      const rows = await ctx.db
        .selectFrom('consultations')
        .innerJoin('orgs', 'orgs.id', 'consultations.org_id')
        .selectAll('consultations')
        .select('orgs.name as org_name')
        .where((eb) =>
          eb.or([
            ...(view.ancestors.length ? [eb('consultations.org_path', 'in', view.ancestors)] : []),
            ...view.subtrees.map((s) => {
              const [lo, hi] = subtreeBounds(s);
              return eb.and([eb('consultations.org_path', '>=', lo), eb('consultations.org_path', '<', hi)]);
            }),
          ]),
        )
        .orderBy('consultations.closes_at', 'desc')
        .limit(100)
        .execute();
      const now = nowIso();
      return {
        items: rows
          .filter((r) => roleIn(principal, r.org_path))
          .map((r) => ({
            id: r.id,
            title: r.title,
            orgName: r.org_name,
            opensAt: r.opens_at,
            closesAt: r.closes_at,
            state: stateOf(r, now),
          })),
      };
    },
  );

  api.get(
    '/api/v1/consultations/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Xem dự thảo, câu hỏi và ý kiến',
        params: IdParams,
        response: { 200: Detail },
      },
    },
    async (req) => {
      const { c, role } = await load(ctx, req, req.params.id);
      return detail(ctx, req, c, role);
    },
  );

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

  api.post(
    '/api/v1/consultations/:id/close',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Kết thúc đợt lấy ý kiến', params: IdParams, response: { 200: Detail } },
    },
    async (req) => {
      const { c, role } = await load(ctx, req, req.params.id);
      if (!role.owner) throw new AppError('FORBIDDEN');
      const at = nowIso();
      await mutate(ctx, actorOf(req), async (uow) => {
        await uow.trx.updateTable('consultations').set({ closed_at: at }).where('id', '=', c.id).execute();
        await uow.audit({
          action: 'consultation.close',
          entityType: 'consultation',
          entityId: c.id,
          orgPath: c.org_path,
        });
      });
      return detail(ctx, req, { ...c, closed_at: at }, role);
    },
  );

  api.get(
    '/api/v1/consultations/:id/export',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Tải tổng hợp ý kiến (XLSX hoặc DOCX), theo từng đoạn của dự thảo',
        params: IdParams,
        querystring: Type.Object({
          format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('docx')])),
        }),
      },
    },
    async (req, reply) => {
      const { c, role } = await load(ctx, req, req.params.id);
      if (!role.owner && role.compilerPaths.length === 0) throw new AppError('FORBIDDEN');
      const data = await readable(ctx, c, role, principalOf(req).accountId);
      const paragraphs = paragraphsOf(c.draft);
      const name = `Tong-hop-y-kien-${c.id.slice(-8)}`;
      // The spreadsheet and DOCX writers are loaded on the first export, not at start-up.
      const { consultationDocx, consultationXlsx } = await import('./export.ts');
      if (req.query.format !== 'docx') {
        const buf = await consultationXlsx(paragraphs, data.comments, data.summaries);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', contentDisposition(`${name}.xlsx`))
          .send(buf);
      }
      const buf = await consultationDocx(c.title, paragraphs, data.comments, data.summaries);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', contentDisposition(`${name}.docx`))
        .send(buf);
    },
  );
}
