import type { RouteSamples } from './types.ts';
import { mutate } from '../../../src/platform/context.ts';
import { createDocument } from '../../../src/features/documents/service.ts';

/** A document of commune A published to branch A1. */
const samples: RouteSamples = async (ctx, tree) => {
  const doc = await mutate(ctx, { accountId: null, ip: null, requestId: 'samples' }, (uow) =>
    createDocument(
      uow,
      tree.communeA,
      [tree.branchA1],
      {
        kind: 'thong_bao',
        number: '01-TB/ĐU',
        issuedOn: '2026-01-05',
        issuer: tree.communeA.name,
        level: 'grassroots',
        title: 'Thông báo lịch sinh hoạt',
        summary: null,
        body: 'Chi bộ sinh hoạt vào ngày 5 hằng tháng.',
      },
      null,
    ),
  );
  return { '/api/v1/documents/': doc.id };
};
export default samples;

/** Lists that show only what is published to the caller (tested in documents.api.test.ts). */
export const selfRoutes = ['GET /api/v1/documents', 'GET /api/v1/documents/facets'];
