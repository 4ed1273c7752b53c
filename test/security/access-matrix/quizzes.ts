import { quizSamples } from '../../../src/features/quizzes/test-samples.ts';
import type { MatrixEntries, MatrixRole } from './types.ts';

const ALL: MatrixRole[] = ['member', 'secretary', 'committee_member', 'office', 'admin'];

/**
 * Quizzes: a commune's document with its question bank (editors of the commune) and an open contest of the
 * commune. Members of its branches and the commune's committees see the contest; only members take it. An
 * attempt that was never started answers 409 (CONTEST_NO_ATTEMPT), which is the handler's decision.
 */
const entries: MatrixEntries = {
  samples: async (ctx, side) => {
    const s = await quizSamples(ctx, side.commune);
    return {
      '/api/v1/documents/': s.documentId,
      '/api/v1/quiz-questions/': s.questionId,
      '/api/v1/contests/': s.contestId,
      quizParagraph: s.paragraphId,
    };
  },
  routes: {
    'GET /api/v1/documents/:id/questions': { target: 'commune' },
    'POST /api/v1/documents/:id/questions': {
      target: 'commune',
      body: (ids) => ({
        kind: 'single',
        stem: 'Câu hỏi mới?',
        options: ['80%', '60%'],
        correct: [0],
        paragraphId: ids.quizParagraph,
      }),
    },
    'POST /api/v1/documents/:id/questions/generate': { target: 'commune', body: () => ({ max: 2 }) },
    'PUT /api/v1/quiz-questions/:id': {
      target: 'commune',
      body: (ids) => ({
        kind: 'single',
        stem: 'Câu hỏi đã sửa?',
        options: ['80%', '60%'],
        correct: [0],
        paragraphId: ids.quizParagraph,
      }),
    },
    'POST /api/v1/quiz-questions/:id/review': { target: 'commune', body: () => ({ action: 'retire' }) },
    'GET /api/v1/documents/:id/practice': { target: 'commune', inside: ALL, outside: [] },
    'POST /api/v1/quiz-questions/:id/check': {
      target: 'commune',
      inside: ALL,
      outside: [],
      body: () => ({ chosen: [0] }),
    },
    'POST /api/v1/orgs/:id/contests': {
      target: 'branch',
      body: (ids) => ({
        documentId: ids['/api/v1/documents/'],
        title: 'Cuộc thi',
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        questionCount: 1,
        timeLimitSeconds: 300,
      }),
    },
    'GET /api/v1/contests': { target: 'own' },
    'GET /api/v1/contests/:id': { target: 'commune', inside: ALL, outside: [] },
    // Only accounts of members of the subtree take part; committee accounts without a member record do not.
    'POST /api/v1/contests/:id/attempt': { target: 'commune', inside: ['member', 'secretary'], outside: [] },
    'GET /api/v1/contests/:id/attempt': { target: 'commune', inside: ALL, outside: [] },
    'POST /api/v1/contests/:id/attempt/answers': {
      target: 'commune',
      inside: ALL,
      outside: [],
      body: (ids) => ({ questionId: ids['/api/v1/quiz-questions/'], chosen: [0] }),
    },
    'POST /api/v1/contests/:id/attempt/finish': { target: 'commune', inside: ALL, outside: [] },
    'GET /api/v1/contests/:id/leaderboard': { target: 'commune', inside: ALL, outside: [] },
    'GET /api/v1/contests/:id/certificate': { target: 'commune', inside: ALL, outside: [] },
  },
};
export default entries;
