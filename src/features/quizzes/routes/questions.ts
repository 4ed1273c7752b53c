import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../../platform/http/types.ts';
import { mutate, type AppContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { actorOf, principalOf } from '../../../platform/http/request.ts';
import { requirePermission, type Principal } from '../../../platform/permissions/check.ts';
import { fold } from '../../../text/index.ts';
import { IdParams } from '../../orgs/schemas.ts';
import { loadReadableDocument } from '../../documents/routes.ts';
import { paragraphsOf } from '../../documents/paragraphs.ts';
import { ORIGIN_TAGS, generateQuestions } from '../domain/generate.ts';
import {
  answerInParagraph,
  checkInput,
  editQuestion,
  findQuestion,
  insertQuestions,
  listQuestions,
  reviewQuestion,
  toQuestion,
  type QuestionInput,
} from '../bank.ts';
import { proposeWithProvider, quizProviderFromEnv } from '../llm.ts';
import { GenerateBody, QuestionBody, QuestionView, ReviewBody, Status } from '../schemas.ts';
import { tags } from './shared.ts';

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

/** The question bank of a document: listing, writing, generating and reviewing questions (editors). */
export function questionBankRoutes(api: Api, ctx: AppContext): void {
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
}
