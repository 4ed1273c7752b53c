import { studySamples } from '../../../src/features/study/test-samples.ts';
import type { MatrixEntries, MatrixRole } from './types.ts';

const ALL: MatrixRole[] = ['member', 'secretary', 'committee_member', 'office', 'admin'];

/**
 * Study assignments of a commune: its members and committees see them; only members mark sections studied;
 * progress is for those who assign study over the commune.
 */
const entries: MatrixEntries = {
  samples: async (ctx, side) => {
    const s = await studySamples(ctx, side.commune);
    return {
      '/api/v1/study-assignments/': s.assignmentId,
      studyDocument: s.documentId,
      studyParagraph: s.paragraphId,
    };
  },
  routes: {
    'POST /api/v1/orgs/:id/study-assignments': {
      target: 'branch',
      body: (ids) => ({ documentId: ids.studyDocument, deadline: '2026-12-31' }),
    },
    'GET /api/v1/study-assignments': { target: 'own' },
    'GET /api/v1/study-assignments/:id': { target: 'commune', inside: ALL, outside: [] },
    'POST /api/v1/study-assignments/:id/studied': {
      target: 'commune',
      inside: ['member', 'secretary'],
      outside: [],
      body: (ids) => ({ paragraphIds: [ids.studyParagraph] }),
    },
    'GET /api/v1/study-assignments/:id/progress': { target: 'commune' },
    'GET /api/v1/me/learning': { target: 'own' },
    'GET /api/v1/orgs/:id/learning-stats': { target: 'branch' },
  },
};
export default entries;
