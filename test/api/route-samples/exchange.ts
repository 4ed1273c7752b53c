import type { RouteSamples } from './types.ts';
import { mutate } from '../../../src/platform/context.ts';
import { sendMessage } from '../../../src/features/exchange/service.ts';

/** A message from commune A to the insider member of branch A1. */
const samples: RouteSamples = async (ctx, tree, insider) => {
  const id = await mutate(ctx, { accountId: null, ip: null, requestId: 'samples' }, (uow) =>
    sendMessage(uow, {
      direction: 'down',
      title: 'Công văn mẫu',
      body: '',
      documentId: null,
      senderOrg: tree.communeA,
      senderOrgPath: tree.communeA.path,
      senderAccountId: insider.accountId,
      senderMemberId: null,
      senderName: tree.communeA.name,
      ackDeadline: null,
      recipients: [
        { memberId: insider.memberId, orgId: null, orgPath: tree.branchA1.path, name: 'Đảng viên' },
      ],
    }),
  );
  return { '/api/v1/exchange/': id };
};
export default samples;

/** Each caller's own inbox and outbox; sending up goes to the caller's own branch (tested in exchange.api.test.ts). */
export const selfRoutes = [
  'GET /api/v1/exchange/inbox',
  'GET /api/v1/exchange/outbox',
  'POST /api/v1/exchange/to-committee',
];
