import type { RouteSamples } from './types.ts';
import { studySamples } from '../../../src/features/study/test-samples.ts';

/** A study assignment of commune A. */
const samples: RouteSamples = async (ctx, tree) => {
  const s = await studySamples(ctx, tree.communeA);
  return { '/api/v1/study-assignments/': s.assignmentId };
};
export default samples;

/** Lists and history show only the caller's own (study.api.test.ts). */
export const selfRoutes = ['GET /api/v1/study-assignments', 'GET /api/v1/me/learning'];
