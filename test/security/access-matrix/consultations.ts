import { newId } from '../../../src/platform/ids.ts';
import type { MatrixEntries } from './types.ts';

/**
 * A consultation of the side's commune: the commune's committee roles own it; members of its branches take part;
 * nobody outside the commune sees it.
 */
const committee = ['committee_member', 'office', 'admin'] as const;
const entries: MatrixEntries = {
  samples: async (ctx, side) => {
    const id = newId();
    const now = Date.now();
    await ctx.db
      .insertInto('consultations')
      .values({
        id,
        org_id: side.commune.id,
        org_path: side.commune.path,
        province_id: side.commune.provinceId,
        title: 'Lấy ý kiến mẫu',
        intro: '',
        draft: 'Đoạn một.\n\nĐoạn hai.',
        document_id: null,
        opens_at: new Date(now - 60_000).toISOString(),
        closes_at: new Date(now + 86_400_000).toISOString(),
        closed_at: null,
        created_by: 'matrix',
        created_at: new Date(now).toISOString(),
      })
      .execute();
    // Routes with two ids get the same sample for both, so the comment shares the consultation's id.
    await ctx.db
      .insertInto('consultation_comments')
      .values({
        id,
        consultation_id: id,
        target_id: 'x',
        parent_id: null,
        author_account_id: side.accountId,
        author_name: 'Đảng viên mẫu',
        author_org_path: side.branch.path,
        body: 'Ý kiến mẫu',
        status: 'open',
        answer: null,
        created_at: new Date(now).toISOString(),
      })
      .execute();
    return { '/api/v1/consultations/': id };
  },
  routes: {
    'GET /api/v1/consultations': { target: 'own' },
    'POST /api/v1/orgs/:id/consultations': {
      target: 'branch',
      body: () => ({
        title: 'Lấy ý kiến',
        draft: 'Dự thảo.',
        opensAt: '2026-12-01T00:00:00Z',
        closesAt: '2026-12-10T00:00:00Z',
      }),
    },
    'GET /api/v1/consultations/:id': {
      target: 'commune',
      inside: ['member', 'secretary', ...committee],
      outside: [],
    },
    'POST /api/v1/consultations/:id/comments': {
      target: 'commune',
      inside: ['member', 'secretary', ...committee],
      outside: [],
      body: () => ({ targetId: 'x', body: 'Ý kiến' }),
    },
    'PUT /api/v1/consultations/:id/answers': {
      target: 'commune',
      inside: ['member', 'secretary'],
      outside: [],
      body: () => ({ answers: [] }),
    },
    'POST /api/v1/consultations/:id/comments/:commentId/status': {
      target: 'commune',
      inside: [...committee],
      outside: [],
      body: () => ({ status: 'accepted' }),
    },
    // The branch secretary compiles for the branch (a committee inside the consulted subtree).
    'POST /api/v1/consultations/:id/summaries': {
      target: 'commune',
      inside: ['secretary'],
      outside: [],
      body: (_ids, side) => ({ orgId: side.branch.id, summary: 'Tổng hợp' }),
    },
    'POST /api/v1/consultations/:id/close': { target: 'commune', inside: [...committee], outside: [] },
    // Lower committees (the branch secretary) export what their own subtree said.
    'GET /api/v1/consultations/:id/export': {
      target: 'commune',
      inside: ['secretary', ...committee],
      outside: [],
    },
  },
};
export default entries;
