import { mutate } from '../../../src/platform/context.ts';
import { sendPetition } from '../../../src/features/petitions/service.ts';
import type { RouteSamples } from './types.ts';

/** A petition of the insider to commune A's committee. */
const samples: RouteSamples = async (ctx, tree, insider) => {
  const id = await mutate(ctx, { accountId: insider.accountId, ip: null, requestId: 'sample' }, (uow) =>
    sendPetition(uow, {
      sender: { accountId: insider.accountId, memberId: insider.memberId, branch: tree.branchA1 },
      to: tree.communeA,
      category: 'khac',
      title: 'Kiến nghị mẫu',
      body: 'Nội dung kiến nghị mẫu.',
      confidential: true,
    }),
  );
  return { '/api/v1/petitions/': id };
};
export default samples;

// A member's own list and the committees they may write to take no one else's resource.
export const selfRoutes = [
  'GET /api/v1/petitions/targets',
  'GET /api/v1/petitions/mine',
  'POST /api/v1/petitions',
];
