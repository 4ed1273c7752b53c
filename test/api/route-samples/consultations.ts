import type { RouteSamples } from './types.ts';
import { newId } from '../../../src/platform/ids.ts';

/** A consultation of commune A: outsiders from commune B are not in its subtree. */
const samples: RouteSamples = async (ctx, tree) => {
  const id = newId();
  const now = Date.now();
  await ctx.db
    .insertInto('consultations')
    .values({
      id,
      org_id: tree.communeA.id,
      org_path: tree.communeA.path,
      province_id: tree.communeA.provinceId,
      title: 'Lấy ý kiến mẫu',
      intro: '',
      draft: 'Đoạn một.\n\nĐoạn hai.',
      document_id: null,
      opens_at: new Date(now - 60_000).toISOString(),
      closes_at: new Date(now + 86_400_000).toISOString(),
      closed_at: null,
      created_by: 'sample',
      created_at: new Date(now).toISOString(),
    })
    .execute();
  return { '/api/v1/consultations/': id };
};
export default samples;

// The caller's own list of consultations.
export const selfRoutes = ['GET /api/v1/consultations'];
