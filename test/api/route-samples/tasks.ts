import { mutate } from '../../../src/platform/context.ts';
import { createTask } from '../../../src/features/tasks/service.ts';
import type { RouteSamples } from './types.ts';

/** A task of branch A1 owned by the insider. */
const samples: RouteSamples = async (ctx, tree, insider) => {
  const id = await mutate(ctx, { accountId: insider.accountId, ip: null, requestId: 'sample' }, (uow) =>
    createTask(
      uow,
      tree.branchA1,
      { title: 'Nhiệm vụ mẫu', ownerMemberId: insider.memberId },
      insider.accountId,
    ),
  );
  return { '/api/v1/tasks/': id };
};
export default samples;

// The caller's own task list takes no one else's resource.
export const selfRoutes = [
  'GET /api/v1/tasks/mine',
  'GET /api/v1/calendar/mine',
  'POST /api/v1/calendar/feed',
  'DELETE /api/v1/calendar/feed',
];
