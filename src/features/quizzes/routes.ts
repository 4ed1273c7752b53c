import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../platform/http/types.ts';
import { mutate, type AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import { can, requirePermission, scopesFor, type Principal } from '../../platform/permissions/check.ts';
import { fold } from '../../text/index.ts';
import { IdParams } from '../orgs/schemas.ts';
import { findOrgs } from '../orgs/queries.ts';
import { loadVisibleOrg } from '../orgs/routes.ts';
import { loadReadableDocument } from '../documents/routes.ts';
import { paragraphsOf } from '../documents/paragraphs.ts';
import { ORIGIN_TAGS, generateQuestions } from './domain/generate.ts';
import {
  USABLE,
  answerInParagraph,
  checkInput,
  editQuestion,
  findQuestion,
  insertQuestions,
  listQuestions,
  reviewQuestion,
  toQuestion,
  type QuestionInput,
} from './bank.ts';
import { proposeWithProvider, quizProviderFromEnv } from './llm.ts';
import {
  answer,
  branchPathOf,
  closeExpired,
  createContest,
  findAttempt,
  findContest,
  finish,
  isOver,
  leaderboard,
  startAttempt,
  type Slot,
} from './contests.ts';
import { certificatePdf } from './certificate.ts';
import {
  AskedQuestion,
  AttemptView,
  ContestBody,
  ContestView,
  Feedback,
  GenerateBody,
  Leaderboard,
  QuestionBody,
  QuestionView,
  ReviewBody,
  Status,
} from './schemas.ts';
import type { QuizContestTable } from './tables.ts';

const tags = ['Học tập và thi'];

/** A document the principal may read, and whose question bank they may edit. */
async function loadEditableDocument(ctx: AppContext, principal: Principal, id: string) {
  const loaded = await loadReadableDocument(ctx, principal, id);
  requirePermission(principal, 'quiz.edit', loaded.doc.org_path);
  return loaded;
}

async function loadEditableQuestion(ctx: AppContext, principal: Principal, id: string) {
  const row = await findQuestion(ctx.db, id);
  if (!row) throw notFound();
  const { doc } = await loadEditableDocument(ctx, principal, row.document_id);
  return { row, doc };
}

function withParagraphText(body: string) {
  const byId = new Map(paragraphsOf(body).map((p) => [p.id, p.text]));
  return (q: ReturnType<typeof toQuestion>) => {
    const text = byId.get(q.paragraphId) ?? null;
    return {
      ...q,
      paragraphText: text,
      answerInParagraph: text === null ? false : answerInParagraph(q, text),
    };
  };
}

/**
 * A contest is visible to the members whose branch lies in its subtree and to those who may run contests over
 * its organisation.
 */
async function loadVisibleContest(ctx: AppContext, principal: Principal, id: string) {
  const contest = await findContest(ctx.db, id);
  if (!contest) throw notFound();
  const branch = branchPathOf(principal);
  const member = branch !== null && branch.startsWith(contest.org_path);
  if (!member && !can(principal, 'study.assign', contest.org_path)) throw notFound();
  return contest;
}

/** The caller's branch and its committees up to the contest's organisation, plus the contest org for runners. */
async function boardsFor(ctx: AppContext, principal: Principal, contest: QuizContestTable) {
  const branch = branchPathOf(principal);
  const ids: string[] = [];
  if (branch?.startsWith(contest.org_path)) {
    const segs = branch.split('/').filter(Boolean);
    const from = contest.org_path.split('/').filter(Boolean).length - 1;
    ids.push(...segs.slice(from).reverse());
  } else ids.push(contest.org_id);
  const orgs = await findOrgs(ctx.db, ids);
  return ids.flatMap((id) => {
    const o = orgs.find((x) => x.id === id);
    return o ? [{ orgId: o.id, name: o.name }] : [];
  });
}

async function presentContest(ctx: AppContext, principal: Principal, c: QuizContestTable, now: Date) {
  const [org, doc, attempt, boards] = await Promise.all([
    ctx.db.selectFrom('orgs').select('name').where('id', '=', c.org_id).executeTakeFirst(),
    ctx.db.selectFrom('documents').select('title').where('id', '=', c.document_id).executeTakeFirst(),
    findAttempt(ctx.db, c.id, principal.accountId),
    boardsFor(ctx, principal, c),
  ]);
  const over = attempt ? isOver(attempt, now) : false;
  return {
    id: c.id,
    title: c.title,
    orgId: c.org_id,
    orgName: org?.name ?? '',
    documentId: c.document_id,
    documentTitle: doc?.title ?? '',
    startsAt: c.starts_at,
    endsAt: c.ends_at,
    questionCount: Number(c.question_count),
    timeLimitSeconds: Number(c.time_limit_seconds),
    open: now >= new Date(c.starts_at) && now < new Date(c.ends_at),
    attempt: !attempt ? ('none' as const) : over ? ('finished' as const) : ('running' as const),
    score: attempt?.score === null || attempt?.score === undefined ? null : Number(attempt.score),
    canManage: can(principal, 'study.assign', c.org_path),
    canTake: branchPathOf(principal)?.startsWith(c.org_path) ?? false,
    boards,
  };
}

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

export function quizRoutes(api: Api, ctx: AppContext): void {
  // ---- Question bank (editors) ----
  api.get(
    '/api/v1/documents/:id/questions',
    {
      config: { access: 'quiz.edit' },
      schema: {
        tags,
        summary: 'Ngân hàng câu hỏi của một văn bản (kể cả hàng chờ duyệt)',
        params: IdParams,
        querystring: Type.Object({ status: Type.Optional(Status) }),
        response: { 200: Type.Object({ items: Type.Array(QuestionView) }) },
      },
    },
    async (req) => {
      const { doc } = await loadEditableDocument(ctx, principalOf(req), req.params.id);
      const items = await listQuestions(ctx.db, doc.id, req.query.status);
      return { items: items.map(withParagraphText(doc.body)) };
    },
  );

  api.post(
    '/api/v1/documents/:id/questions',
    {
      config: { access: 'quiz.edit' },
      schema: {
        tags,
        summary: 'Soạn một câu hỏi (dẫn chiếu một đoạn của văn bản)',
        params: IdParams,
        body: QuestionBody,
        response: { 201: QuestionView },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const { doc } = await loadEditableDocument(ctx, principal, req.params.id);
      const input = checkInput({ ...req.body, tags: req.body.tags ?? [] }, paragraphsOf(doc.body));
      const [id] = await mutate(ctx, actorOf(req), (uow) =>
        insertQuestions(uow, doc, [input], {
          status: 'accepted',
          origin: 'manual',
          accountId: principal.accountId,
        }),
      );
      const row = await findQuestion(ctx.db, id!);
      return reply.status(201).send(withParagraphText(doc.body)(toQuestion(row!)));
    },
  );

  api.post(
    '/api/v1/documents/:id/questions/generate',
    {
      config: { access: 'quiz.edit' },
      schema: {
        tags,
        summary: 'Sinh câu hỏi tự động từ văn bản vào hàng chờ duyệt',
        params: IdParams,
        body: GenerateBody,
        response: {
          200: Type.Object({
            proposed: Type.Integer(),
            discarded: Type.Integer(),
            duplicates: Type.Integer(),
          }),
        },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const { doc } = await loadEditableDocument(ctx, principal, req.params.id);
      const paragraphs = paragraphsOf(doc.body);
      const max = req.body.max ?? 30;
      let generated;
      let discarded = 0;
      const origin = req.body.provider === 'llm' ? 'llm' : 'generated';
      if (origin === 'llm') {
        const provider = quizProviderFromEnv();
        if (!provider) throw new AppError('QUIZ_LLM_UNAVAILABLE');
        const r = await proposeWithProvider(provider, paragraphs, max).catch((err: unknown) => {
          req.log.warn({ err }, 'quiz provider failed');
          throw new AppError('QUIZ_LLM_UNAVAILABLE');
        });
        generated = r.kept;
        discarded = r.discarded;
      } else {
        generated = generateQuestions(paragraphs, { seed: Date.now() % 100_000, max });
      }
      // Generating twice must not fill the queue with the same stems.
      const existing = new Set((await listQuestions(ctx.db, doc.id)).map((q) => fold(q.stem)));
      const fresh: QuestionInput[] = [];
      let duplicates = 0;
      for (const g of generated) {
        if (existing.has(fold(g.stem))) {
          duplicates++;
          continue;
        }
        existing.add(fold(g.stem));
        fresh.push({
          kind: g.kind,
          stem: g.stem,
          options: g.options,
          correct: g.correct,
          paragraphId: g.paragraphId,
          // The provider does not say what kind of fact it asked about.
          tags: origin === 'llm' ? [] : [ORIGIN_TAGS[g.origin]],
        });
      }
      await mutate(ctx, actorOf(req), (uow) =>
        insertQuestions(uow, doc, fresh, { status: 'proposed', origin, accountId: principal.accountId }),
      );
      return { proposed: fresh.length, discarded, duplicates };
    },
  );

  api.put(
    '/api/v1/quiz-questions/:id',
    {
      config: { access: 'quiz.edit' },
      schema: {
        tags,
        summary: 'Sửa một câu hỏi (câu đang chờ duyệt được duyệt kèm chỉnh sửa)',
        params: IdParams,
        body: QuestionBody,
        response: { 200: QuestionView },
      },
    },
    async (req) => {
      const { row, doc } = await loadEditableQuestion(ctx, principalOf(req), req.params.id);
      const paragraphs = paragraphsOf(doc.body);
      const input = checkInput({ ...req.body, tags: req.body.tags ?? [] }, paragraphs);
      // Generated questions keep the generator's rule through review: the answer is written in the cited paragraph.
      const cited = paragraphs.find((p) => p.id === input.paragraphId)?.text ?? '';
      if (row.origin !== 'manual' && answerInParagraph(input, cited) === false)
        throw new AppError('QUIZ_ANSWER_NOT_IN_PARAGRAPH');
      await mutate(ctx, actorOf(req), (uow) => editQuestion(uow, req.params.id, input));
      return withParagraphText(doc.body)(toQuestion((await findQuestion(ctx.db, req.params.id))!));
    },
  );

  api.post(
    '/api/v1/quiz-questions/:id/review',
    {
      config: { access: 'quiz.edit' },
      schema: {
        tags,
        summary: 'Duyệt, loại, thôi dùng hoặc dùng lại một câu hỏi',
        params: IdParams,
        body: ReviewBody,
        response: { 200: Type.Object({ status: Status }) },
      },
    },
    async (req) => {
      await loadEditableQuestion(ctx, principalOf(req), req.params.id);
      const status = await mutate(ctx, actorOf(req), (uow) =>
        reviewQuestion(uow, req.params.id, req.body.action),
      );
      return { status };
    },
  );

  // ---- Practice (anyone who may read the document) ----
  api.get(
    '/api/v1/documents/:id/practice',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Câu hỏi ôn tập của một văn bản (không kèm đáp án)',
        params: IdParams,
        querystring: Type.Object({ count: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })) }),
        response: {
          200: Type.Object({ documentTitle: Type.String(), questions: Type.Array(AskedQuestion) }),
        },
      },
    },
    async (req) => {
      const { doc } = await loadReadableDocument(ctx, principalOf(req), req.params.id);
      const rows = await ctx.db
        .selectFrom('quiz_questions')
        .selectAll()
        .where('document_id', '=', doc.id)
        .where('status', 'in', USABLE)
        .execute();
      const picked = rows
        .map((r) => ({ r, k: Math.random() }))
        .sort((a, b) => a.k - b.k)
        .slice(0, req.query.count ?? 10)
        .map(({ r }) => toQuestion(r));
      return {
        documentTitle: doc.title,
        questions: picked.map((q) => ({ id: q.id, kind: q.kind, stem: q.stem, options: q.options })),
      };
    },
  );

  api.post(
    '/api/v1/quiz-questions/:id/check',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Trả lời một câu ôn tập: đúng hay sai, kèm đoạn văn bản được trích dẫn',
        params: IdParams,
        body: Type.Object({ chosen: Type.Array(Type.Integer({ minimum: 0, maximum: 7 }), { maxItems: 8 }) }),
        response: { 200: Feedback },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const row = await findQuestion(ctx.db, req.params.id);
      if (!row || !USABLE.includes(row.status)) throw notFound();
      const { doc } = await loadReadableDocument(ctx, principal, row.document_id);
      const q = toQuestion(row);
      const chosen = [...new Set(req.body.chosen)].sort((a, b) => a - b);
      const correct = JSON.stringify(chosen) === JSON.stringify(q.correct);
      await ctx.db
        .insertInto('quiz_practice')
        .values({
          id: crypto.randomUUID(),
          account_id: principal.accountId,
          document_id: doc.id,
          question_id: q.id,
          correct: correct ? 1 : 0,
          answered_at: new Date().toISOString(),
        })
        .execute();
      const text = paragraphsOf(doc.body).find((p) => p.id === q.paragraphId)?.text ?? '';
      return { correct, correctOptions: q.correct, paragraph: { id: q.paragraphId, text } };
    },
  );

  // ---- Contests ----
  api.post(
    '/api/v1/orgs/:id/contests',
    {
      config: { access: 'study.assign' },
      schema: {
        tags,
        summary: 'Tổ chức một cuộc thi cho tổ chức và các tổ chức trực thuộc',
        params: IdParams,
        body: ContestBody,
        response: { 201: ContestView },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      requirePermission(principal, 'study.assign', org.path);
      await loadReadableDocument(ctx, principal, req.body.documentId);
      const id = await mutate(ctx, actorOf(req), (uow) =>
        createContest(uow, org, req.body, principal.accountId),
      );
      const c = (await findContest(ctx.db, id))!;
      return reply.status(201).send(await presentContest(ctx, principal, c, new Date()));
    },
  );

  api.get(
    '/api/v1/contests',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Các cuộc thi dành cho tôi và do cấp ủy tôi tổ chức',
        response: { 200: Type.Object({ items: Type.Array(ContestView) }) },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const branch = branchPathOf(principal);
      const ancestors = branch
        ? branch
            .split('/')
            .filter(Boolean)
            .map((_, i, segs) => `/${segs.slice(0, i + 1).join('/')}/`)
        : [];
      const scopes = scopesFor(principal, 'study.assign');
      if (ancestors.length === 0 && scopes.length === 0) return { items: [] };
      const rows = await ctx.db
        .selectFrom('quiz_contests')
        .selectAll()
        .where((eb) =>
          eb.or([
            ...(ancestors.length ? [eb('org_path', 'in', ancestors)] : []),
            ...scopes.map((s) =>
              eb.and([eb('org_path', '>=', s), eb('org_path', '<', s.slice(0, -1) + '0')]),
            ),
          ]),
        )
        .orderBy('starts_at', 'desc')
        .limit(50)
        .execute();
      const now = new Date();
      return { items: await Promise.all(rows.map((c) => presentContest(ctx, principal, c, now))) };
    },
  );

  api.get(
    '/api/v1/contests/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Một cuộc thi', params: IdParams, response: { 200: ContestView } },
    },
    async (req) => {
      const principal = principalOf(req);
      const c = await loadVisibleContest(ctx, principal, req.params.id);
      return presentContest(ctx, principal, c, new Date());
    },
  );

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

  api.get(
    '/api/v1/contests/:id/leaderboard',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Bảng xếp hạng theo chi bộ, xã, huyện (trong phạm vi của người xem)',
        params: IdParams,
        querystring: Type.Object({ orgId: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: { 200: Leaderboard },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const c = await loadVisibleContest(ctx, principal, req.params.id);
      const boards = await boardsFor(ctx, principal, c);
      const orgId = req.query.orgId ?? boards[0]?.orgId ?? c.org_id;
      const [org] = await findOrgs(ctx.db, [orgId]);
      if (!org || !org.path.startsWith(c.org_path)) throw notFound();
      // Members see the boards of their own branch and committees; contest runners any board of their subtree.
      const allowed = boards.some((b) => b.orgId === org.id) || can(principal, 'study.assign', org.path);
      if (!allowed) throw notFound();
      await closeExpired(ctx.db, c.id, new Date());
      return {
        org: { id: org.id, name: org.name },
        entries: await leaderboard(ctx.db, c.id, org.path, principal.accountId),
      };
    },
  );

  api.get(
    '/api/v1/contests/:id/certificate',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Giấy chứng nhận hoàn thành (PDF)', params: IdParams },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const c = await loadVisibleContest(ctx, principal, req.params.id);
      await closeExpired(ctx.db, c.id, new Date());
      const attempt = await findAttempt(ctx.db, c.id, principal.accountId);
      if (!attempt) throw new AppError('CONTEST_NO_ATTEMPT');
      if (attempt.finished_at === null) throw new AppError('CONTEST_NOT_FINISHED');
      const [member, org, branch] = await Promise.all([
        principal.memberId
          ? ctx.db
              .selectFrom('members')
              .select('full_name')
              .where('id', '=', principal.memberId)
              .executeTakeFirst()
          : undefined,
        ctx.db.selectFrom('orgs').select('name').where('id', '=', c.org_id).executeTakeFirst(),
        ctx.db.selectFrom('orgs').select('name').where('path', '=', attempt.branch_path).executeTakeFirst(),
      ]);
      const pdf = await certificatePdf({
        fullName: member?.full_name ?? '',
        branch: branch?.name ?? '',
        contest: c.title,
        organiser: org?.name ?? '',
        score: Number(attempt.score ?? 0),
        total: Number(attempt.total),
        finishedAt: attempt.finished_at,
        id: attempt.id,
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="giay-chung-nhan-${c.id}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
