import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../platform/http/types.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { principalOf } from '../../platform/http/request.ts';
import { audienceView } from '../../platform/permissions/check.ts';
import { ask } from './service.ts';
import { suggestionsFor } from './suggestions.ts';
import './errors.ts';

const tags = ['Trợ lý ảo'];
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const AskAnswer = Type.Object({
  question: Type.String(),
  truncated: Type.Boolean(),
  found: Type.Boolean(),
  answer: Type.String(),
  answeredBy: Type.Union([Type.Literal('extractive'), Type.Literal('generative')]),
  confidence: Type.Number(),
  citations: Type.Array(
    Type.Object({
      documentId: Type.String(),
      type: Type.String(),
      title: Type.String(),
      source: Nullable(Type.String()),
      passage: Type.String(),
      snippet: Type.String(),
      url: Type.String(),
    }),
  ),
  closest: Type.Array(
    Type.Object({ type: Type.String(), id: Type.String(), title: Type.String(), url: Type.String() }),
  ),
});

export function assistantRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/v1/assistant/ask',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Hỏi trợ lý ảo: câu trả lời trích từ tài liệu người hỏi được xem, kèm nguồn',
        body: Type.Object(
          {
            question: Type.String({ maxLength: 5000 }),
            previous: Type.Optional(Type.Array(Type.String({ maxLength: 5000 }), { maxItems: 5 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: AskAnswer },
      },
    },
    async (req) => {
      if (!req.body.question.trim()) throw new AppError('ASSISTANT_EMPTY_QUESTION');
      return ask(ctx, audienceView(principalOf(req)), req.body);
    },
  );

  api.get(
    '/api/v1/assistant/suggestions',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Câu hỏi gợi ý cho một văn bản, tin bài',
        querystring: Type.Object({
          type: Type.String({ maxLength: 40 }),
          id: Type.String({ maxLength: 64 }),
        }),
        response: { 200: Type.Object({ questions: Type.Array(Type.String()) }) },
      },
    },
    async (req) => {
      const questions = await suggestionsFor(
        ctx.db,
        audienceView(principalOf(req)),
        req.query.type,
        req.query.id,
      );
      if (!questions) throw notFound();
      return { questions };
    },
  );
}
