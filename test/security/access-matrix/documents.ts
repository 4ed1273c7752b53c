import { mutate } from '../../../src/platform/context.ts';
import { nowIso } from '../../../src/platform/db/database.ts';
import { createDocument } from '../../../src/features/documents/service.ts';
import { fileStoreOf } from '../../../src/features/documents/file-store.ts';
import { MATRIX_ROLES, type MatrixEntries } from './types.ts';

/**
 * Documents: the side's commune publishes a notice to its whole subtree, with one attached file (stored under
 * the document's own id, since the matrix fills every parameter of a URL with the same id). Every role of side
 * A reads it; only the commune's committee roles manage it and see who read it; the other side sees nothing.
 */
let seq = 0;
const read = { target: 'commune' as const, inside: [...MATRIX_ROLES] };
const entries: MatrixEntries = {
  samples: async (ctx, side) => {
    const doc = await mutate(ctx, { accountId: null, ip: null, requestId: 'matrix' }, (uow) =>
      createDocument(
        uow,
        side.commune,
        [side.commune],
        {
          kind: 'thong_bao',
          number: `${++seq}-TB/ĐU`,
          issuedOn: '2026-01-05',
          issuer: side.commune.name,
          level: 'grassroots',
          title: 'Thông báo lịch sinh hoạt',
          summary: null,
          body: 'Chi bộ sinh hoạt vào ngày 5 hằng tháng.',
        },
        null,
      ),
    );
    const key = `matrix/${doc.id}.txt`;
    const bytes = new TextEncoder().encode('Lịch sinh hoạt');
    await fileStoreOf(ctx).put(key, bytes, 'text/plain');
    await ctx.db
      .insertInto('document_files')
      .values({
        id: doc.id,
        document_id: doc.id,
        file_key: key,
        file_name: 'lich.txt',
        mime: 'text/plain',
        size: bytes.length,
        text_status: 'ok',
        text_error: null,
        text: 'Lịch sinh hoạt',
        created_at: nowIso(),
      })
      .execute();
    // The files routes name this document even when another feature also samples `/api/v1/documents/`.
    return { '/api/v1/documents/': doc.id, '/api/v1/documents/:id/files': doc.id };
  },
  routes: {
    'GET /api/v1/documents': { target: 'global' },
    'GET /api/v1/documents/facets': { target: 'global' },
    'POST /api/v1/documents': {
      target: 'commune',
      body: (_ids, side) => ({ orgId: side.commune.id, kind: 'thong_bao', title: 'Thông báo mới' }),
    },
    'GET /api/v1/documents/:id': read,
    'PUT /api/v1/documents/:id': {
      target: 'commune',
      body: (_ids, side) => ({ orgId: side.commune.id, kind: 'thong_bao', title: 'Thông báo sửa' }),
    },
    'POST /api/v1/documents/:id/withdraw': { target: 'commune' },
    'POST /api/v1/documents/:id/republish': { target: 'commune' },
    'POST /api/v1/documents/:id/files': { target: 'commune' },
    'DELETE /api/v1/documents/:id/files/:fileId': { target: 'commune' },
    'GET /api/v1/documents/:id/files/:fileId': read,
    'PUT /api/v1/documents/:id/bookmark': read,
    'DELETE /api/v1/documents/:id/bookmark': read,
    'POST /api/v1/documents/:id/read': read,
    'GET /api/v1/documents/:id/reads': { target: 'commune' },
  },
};
export default entries;
