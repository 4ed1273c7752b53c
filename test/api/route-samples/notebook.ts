import { mutate } from '../../../src/platform/context.ts';
import { keyringFor } from '../../../src/features/notebook/crypto.ts';
import { createNote } from '../../../src/features/notebook/service.ts';
import { validateNote } from '../../../src/features/notebook/content.ts';
import type { RouteSamples } from './types.ts';

/** A note of the insider: outsiders must not reach it (nor may anyone else). */
const samples: RouteSamples = async (ctx, _tree, insider) => {
  const ring = keyringFor(ctx.config.dataDir);
  const note = await mutate(ctx, { accountId: insider.accountId, ip: null, requestId: 'sample' }, (uow) =>
    createNote(
      uow,
      ring,
      insider.accountId,
      validateNote({ title: 'Ghi chép mẫu', html: '<p>Riêng tư</p>' }),
    ),
  );
  return { '/api/v1/notebook/notes/': note.id };
};
export default samples;

/** Routes on the caller's own notebook: the owner is the session, never a parameter. */
export const selfRoutes = [
  'GET /api/v1/notebook/notes',
  'POST /api/v1/notebook/notes',
  'GET /api/v1/notebook/search',
  'GET /api/v1/notebook/tags',
  'POST /api/v1/notebook/highlights',
  'GET /api/v1/notebook/export',
];
