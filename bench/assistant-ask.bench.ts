import type { BenchDefinition } from './lib/types.ts';

const QUESTIONS = [
  'Nghị quyết về chuyển đổi số của tỉnh có những mục tiêu gì?',
  'Đảng viên phải sinh hoạt chi bộ như thế nào?',
  'Kế hoạch xây dựng nông thôn mới năm nay ra sao?',
  'Tôi cần làm gì để chuẩn bị cho kỳ họp chi bộ?',
];

/** A member asking the handbook assistant a question (retrieval over what the member may see). */
const bench: BenchDefinition = {
  name: 'assistant-ask',
  order: 40,
  async prepare(ctx) {
    const res = await ctx.api('POST', '/api/v1/assistant/ask', {
      cookie: ctx.memberCookies[0],
      body: { question: QUESTIONS[0] },
    });
    if (res.status === 404) return null;
    if (res.status !== 200) throw new Error(`assistant: ${res.status} ${JSON.stringify(res.body)}`);
    return {
      requests: (i) => ({
        method: 'POST',
        path: '/api/v1/assistant/ask',
        body: { question: QUESTIONS[i % QUESTIONS.length] },
      }),
      as: 'members',
      note: `POST /api/v1/assistant/ask over ${QUESTIONS.length} questions`,
    };
  },
};
export default bench;
