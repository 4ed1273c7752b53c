import type { RouteSamples } from './types.ts';
import { quizSamples } from '../../../src/features/quizzes/test-samples.ts';

/** A question of a commune A document and an open contest of commune A. */
const samples: RouteSamples = async (ctx, tree) => {
  const s = await quizSamples(ctx, tree.communeA);
  return { '/api/v1/quiz-questions/': s.questionId, '/api/v1/contests/': s.contestId };
};
export default samples;

/** The contest list shows only contests for the caller's own branch path or subtree (quizzes.api.test.ts). */
export const selfRoutes = ['GET /api/v1/contests'];
