import { mutate } from '../../../src/platform/context.ts';
import { keyringFor } from '../../../src/features/notebook/crypto.ts';
import { createNote } from '../../../src/features/notebook/service.ts';
import { validateNote } from '../../../src/features/notebook/content.ts';
import type { MatrixEntries } from './types.ts';

/** Personal notes: only their owner (the side's member) ever reaches one. */
const note = { target: 'branch' as const, inside: ['member' as const], outside: [] };
const entries: MatrixEntries = {
  samples: async (ctx, side) => {
    const ring = keyringFor(ctx.config.dataDir);
    const n = await mutate(ctx, { accountId: side.accountId, ip: null, requestId: 'matrix' }, (uow) =>
      createNote(uow, ring, side.accountId, validateNote({ title: 'Ghi chép mẫu', html: '<p>Riêng tư</p>' })),
    );
    return { '/api/v1/notebook/notes/': n.id };
  },
  routes: {
    'GET /api/v1/notebook/notes': { target: 'own' },
    'POST /api/v1/notebook/notes': { target: 'own' },
    'GET /api/v1/notebook/notes/:id': note,
    'PUT /api/v1/notebook/notes/:id': { ...note, body: () => ({ title: 'Sửa', html: '<p>Sửa</p>' }) },
    'DELETE /api/v1/notebook/notes/:id': note,
    'GET /api/v1/notebook/search': { target: 'own' },
    'GET /api/v1/notebook/tags': { target: 'own' },
    'POST /api/v1/notebook/highlights': { target: 'own' },
    'GET /api/v1/notebook/export': { target: 'own' },
  },
};
export default entries;
