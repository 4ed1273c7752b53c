import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../../platform/http/types.ts';
import { type AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { principalOf } from '../../../platform/http/request.ts';
import { IdParams } from '../../orgs/schemas.ts';
import { loadReadableDocument } from '../../documents/routes.ts';
import { paragraphsOf } from '../../documents/paragraphs.ts';
import { USABLE, findQuestion, toQuestion } from '../bank.ts';
import { AskedQuestion, Feedback } from '../schemas.ts';
import { tags } from './shared.ts';

/** Practice questions of a document and their feedback (anyone who may read the document). */
export function practiceRoutes(api: Api, ctx: AppContext): void {
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
}
